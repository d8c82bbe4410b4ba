import pytest

from fakefree.orgnames import legal_form, legal_forms_agree, org_types, strip_org_types
from graph_etl.resolve import name_key


@pytest.mark.parametrize("a,b", [
    ("Kaya Dış Ticaret Ltd. Şti.", "KAYA DIS TICARET LIMITED SIRKETI"),
    ("KAYA DIŞ TİCARET LİMİTED ŞİRKETİ", "Kaya Dis Ticaret Ltd Sti"),
    ("Ova Kozmetik Sanayi ve Ticaret A.Ş.", "OVA KOZMETİK SANAYİ VE TİCARET ANONİM ŞİRKETİ"),
])
def test_orgnames_legal_forms_with_their_own_letters_and_written_out(a, b):
    assert legal_forms_agree(legal_form(a), legal_form(b))
    assert name_key(a, "Company") == name_key(b, "Company")


def test_orgnames_strip_written_out_form():
    assert strip_org_types("Ova Anonim Şirketi").strip() == "Ova"
    assert org_types("Acme Ltd") == [("Ltd", "ltd")]

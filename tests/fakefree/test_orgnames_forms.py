import pytest

from fakefree.orgnames import is_org_name, legal_form, legal_forms_agree, org_types, strip_org_types
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


def test_orgnames_ascii_word_by_word_is_rigours_ascii_text():
    from rigour.text import ascii_text

    from fakefree.orgnames import _ascii

    names = ["Lodos Dış Ticaret Ltd. Şti.", "Société Générale  SA", "Łódź Øster Æble ĳssel",
             "Müller & Söhne GmbH", "ALAĸSANDRAVIC – «Ŀa»", "Phạm Quang Trang",
             "Владимир Ltd", "北京 Trading", "Ǆemal Ǉubić", "naïve café\u00a0co"]
    assert [_ascii(n) for n in names] == [ascii_text(n) for n in names]


@pytest.mark.parametrize("name", ["Izmir Chamber of Commerce", "Europol Liaison Bureau Türkiye",
                                  "PARFUMERIE LUXE GATINEAU", "Envíos Rápidos MX",
                                  "Instituto Mexicano de la Propiedad Industrial"])
def test_orgnames_bodies_and_shops_are_organisations(name):
    assert is_org_name(name)


@pytest.mark.parametrize("name", ["Ayşe Nur Yıldırım", "Mehmet Kaan", "Laval", "Diego Arredondo"])
def test_orgnames_people_and_places_are_not(name):
    assert not is_org_name(name)

"""Contact records: identifiers on field or address lines belong to the holder line above."""

import re

from nlp.components import RawMention
from nlp.contacts import contact_links
from nlp.pipeline import extract


def _links(text):
    x = extract(text, language="en")
    names = {e.id: e.name for e in x.entities}
    return {(names[r.source], r.type, names[r.target]) for r in x.relations
            if r.type in ("HAS_PHONE", "HAS_ADDRESS", "HAS_EMAIL")}


def test_contacts_registry_record_fields_belong_to_the_named_company():
    text = ("Company Name        : NORTHWIND TRADING PRIVATE LIMITED\n"
            "Date of Incorporation : 14/06/2011\n"
            "Registered Address  : Plot No. 7, Phase II, Focal Point, Ludhiana, Punjab, India\n"
            "Phone               : 0161-2504400\n")
    links = _links(text)
    assert ("NORTHWIND TRADING PRIVATE LIMITED", "HAS_PHONE", "0161-2504400") in links
    assert any(t == "HAS_ADDRESS" and a == "NORTHWIND TRADING PRIVATE LIMITED"
               for a, t, _ in links)


def test_contacts_letterhead_lines_belong_to_the_company_above():
    text = ("Dear Sir,\n\nPlease find the invoice attached.\n\nJohn Carter\n"
            "Brookfield Auto Parts LLC\n5820 Peachtree Industrial Blvd, Ste C, Norcross GA 30071\n"
            "(770) 555-0100\n")
    links = _links(text)
    assert ("Brookfield Auto Parts LLC", "HAS_PHONE", "(770) 555-0100") in links


def test_contacts_an_account_inside_a_wrapped_sentence_is_left_to_the_sentence_rules():
    from nlp.components import RawMention
    from nlp.contacts import contact_links

    text = ("Harlow Freight Agency SA de CV.\nEntre el 2 y el 9 de mayo se hicieron depósitos "
            "a la cuenta 012724607708369451 de Cambios Norte.")
    start = text.index("0127")
    account = RawMention(start, start + 18, text[start:start + 18], "ACCOUNT")
    holder = RawMention(0, 30, text[:30], "ORG", "COMPANY")
    _, links = contact_links(text, [holder, account])
    assert links == []


def test_contacts_dot_leader_fields_of_a_registry_printout():
    text = ("RECORD 1\nTrade name ......... OVA KOZMETIK ANONIM SIRKETI\n"
            "Telephone .......... 0224 555 18 27\n----------\nRECORD 2\n"
            "Trade name ......... ELMA DIS TICARET LTD STI\nTelephone .......... 0232 555 90 11\n")
    phones = [RawMention(m.start(), m.end(), m.group(), "PHONE")
              for m in re.finditer(r"0\d{3} \d{3} \d{2} \d{2}", text)]
    _, links = contact_links(text, phones)
    assert {(a.text, b.text) for a, b, t, _, _ in links if t == "HAS_PHONE"} == {
        ("OVA KOZMETIK ANONIM SIRKETI", "0224 555 18 27"),
        ("ELMA DIS TICARET LTD STI", "0232 555 90 11")}


def test_contacts_a_care_of_party_leaves_the_phone_with_the_record_holder():
    text = ("SHIPPER\n  ORCHARD LANE TRADING PTE. LTD.\n  10 Main Road, Singapore 079903\n"
            "  C/O BALSAM FORWARDING LINKS, PUNE   TEL +91-98000-11122\n")
    def m(part: str, type_: str, subtype: str | None = None) -> RawMention:
        start = text.index(part)
        return RawMention(start, start + len(part), part, type_, subtype)

    mentions = [m("ORCHARD LANE TRADING PTE. LTD.", "ORG", "COMPANY"),
                m("BALSAM FORWARDING LINKS", "ORG", "COMPANY"), m("+91-98000-11122", "PHONE")]
    _, links = contact_links(text, mentions)
    assert [(a.text, t, b.text) for a, b, t, _, _ in links] == [
        ("ORCHARD LANE TRADING PTE. LTD.", "HAS_PHONE", "+91-98000-11122")]

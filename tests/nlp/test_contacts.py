"""Contact records: identifiers on field or address lines belong to the holder line above."""

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

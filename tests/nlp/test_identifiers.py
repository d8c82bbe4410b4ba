"""Identifier recognition: each validator accepts valid and rejects invalid examples."""

import pytest

from nlp.identifiers import find_identifiers


def _found(text, language="en"):
    return [(m.type, m.text) for m in find_identifiers(text, language)]


@pytest.mark.parametrize("text,type_,value", [
    ("Container CSQU3054383 was opened.", "CONTAINER", "CSQU3054383"),
    ("Le conteneur MSCU 123456 6 était déclaré.", "CONTAINER", "MSCU1234566"),
    ("the vessel's IMO number 9074729 was listed", "IMO", "9074729"),
    ("wired to IBAN DE89 3704 0044 0532 0130 00 in Frankfurt", "IBAN", "DE89370400440532013000"),
    ("IBAN GB82WEST12345698765432", "IBAN", "GB82WEST12345698765432"),
    ("SWIFT: DEUTDEFF", "SWIFT", "DEUTDEFF"),
    ("Call +33 1 42 68 53 00 for details", "PHONE", "+33142685300"),
    ("Llame al +52 55 5080 2000", "PHONE", "+525550802000"),
    ("write to sales@hantong-trade.cn", "EMAIL", "sales@hantong-trade.cn"),
    ("sold on www.cheap-kicks-outlet.com last year", "DOMAIN", "cheap-kicks-outlet.com"),
    ("classified under HS code 6403.99", "HS_CODE", "6403.99"),
    ("bill of lading MAEU123456789", "BILL_OF_LADING", "MAEU123456789"),
    ("account number 0123-456789 at the bank", "ACCOUNT", "0123456789"),
])
def test_identifiers_valid_examples_are_found_and_normalised(text, type_, value):
    matches = [m for m in find_identifiers(text, "fr" if "conteneur" in text else "en")
               if m.type == type_]
    assert matches, text
    assert value in matches[0].attrs.values()


@pytest.mark.parametrize("text,type_", [
    ("Container CSQU3054384 was opened.", "CONTAINER"),   # wrong check digit
    ("IMO 9074728", "IMO"),                               # wrong check digit
    ("IBAN DE89 3704 0044 0532 0130 01", "IBAN"),         # wrong checksum
    ("SWIFT: 12345678", "SWIFT"),                         # not a BIC
    ("Call 12 34", "PHONE"),                              # too short
    ("an email at example dot com", "EMAIL"),
])
def test_identifiers_invalid_examples_are_rejected(text, type_):
    assert type_ not in [t for t, _ in _found(text)]


def test_identifiers_do_not_overlap():
    matches = find_identifiers("IBAN GB82WEST12345698765432 and +1 713 567 9000")
    ends = [(m.start, m.end) for m in matches]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    assert [m.type for m in matches] == ["IBAN", "PHONE"]


@pytest.mark.parametrize("text,language,e164", [
    # a national form takes the country of the address beside it
    ("Panchnad Agro, Ludhiana, Punjab, India. Tel 0161-2504417", "en", "+911612504417"),
    ("Ludhiana office (0161) 250 4417, mobile +91 98140 22731", "en", "+911612504417"),
    # a calling code written without "+"
    ("Kowloon, Hong Kong. Tel 852-23751186", "en", "+85223751186"),
    ("Tel: +852 2375 1186", "en", "+85223751186"),
    # a US number beside a US address stays American even in a text about India
    ("5820 Peachtree Industrial Blvd, Norcross GA 30071\n(770) 555-0134\n\n"
     + "> We discussed the order last week and agreed on the terms. " * 4
     + "\n> Ludhiana, India, +91 98140 22731", "en", "+17705550134"),
    ("Montréal (Québec) H4R 2A5, tél. 514 555 0199", "fr", "+15145550199"),
])
def test_identifiers_phone_takes_the_country_of_the_text_around_it(text, language, e164):
    phones = [m.attrs["e164"] for m in find_identifiers(text, language) if m.type == "PHONE"]
    assert phones[0] == e164, phones


def test_identifiers_ten_digit_tariff_code_is_not_a_phone():
    found = _found("classified under HTS 8708.30.5090 (brake parts)")
    assert ("HS_CODE", "8708.30.5090") in found and "PHONE" not in [t for t, _ in found]


def test_identifiers_phone_windows_find_what_the_whole_text_gives():
    """The matcher run on the stretches around long digit runs finds the numbers (spans, E.164
    forms, regions) it finds in the whole text."""
    import random

    import phonenumbers

    from nlp.identifiers import _phone_candidates

    def whole(text: str, regions: list[str]) -> dict:
        spans: dict = {}
        for region in regions:
            for m in phonenumbers.PhoneNumberMatcher(text, region,
                                                     leniency=phonenumbers.Leniency.VALID):
                e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
                spans.setdefault((m.start, m.end), {}).setdefault(e164, set()).add(region)
        return spans

    pieces = ["Tel", " ", "+", "33", "1", "23 45 67 89", "(0161)", "2504417", "ext. 12", "x",
              "call", "2023", ", ", "-", ".", "\n", "Hamburg", "040", "555-0199",
              "800 555 1212", "12/03/2023", "h", "é", "00", "44", "20 7946 0958", " int 5"]
    rnd = random.Random(5)
    found = 0
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        for regions in (["US"], ["FR", "US"], ["GB", "DE", "IN"]):
            expected = whole(text, regions)
            found += bool(expected)
            got = _phone_candidates(text, regions)
            assert {span: got[span] for span in expected if span in got} == expected, text
            # the rest comes from the bare-international pass (no default region)
            assert all(set().union(*got[span].values()) == {""}
                       for span in got if span not in expected), text
    assert found > 50


def test_identifiers_reference_code_tail_is_no_phone():
    assert not [m for m in find_identifiers("Report no: CBSA-2023-937907", "en")
                if m.type == "PHONE"]
    assert [m.text for m in find_identifiers("TEL/212-639-9675", "en")] == ["212-639-9675"]


@pytest.mark.parametrize("text, vessels", [
    ("chargé à NINGBO sur le Atlantic Comet (IMO No. 9325673).", ["Atlantic Comet"]),
    ("The Pacific Tarang, IMO 9582312, sailed on May 2.", ["Pacific Tarang"]),
    ("the International Maritime Organization (IMO) said", []),
    ("Other languages: LV MT PL SK SL BG", []),          # "MT" before letter codes: no ship
])
def test_identifiers_vessel_before_its_imo_number(text, vessels):
    assert [m.text for m in find_identifiers(text, "en") if m.type == "VESSEL"] == vessels

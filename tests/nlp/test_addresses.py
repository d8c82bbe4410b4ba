"""Addresses: whole spans, and one building key and one unit key whatever the spelling."""

import pytest

from nlp.addresses import address_key, find_addresses, same_building


@pytest.mark.parametrize("a,b", [
    ("Grand Harbour Centre, 8 Hok Yuen Street", "GRAND HARBOUR CTR, 8 HOK YUEN ST"),
    ("Plot No. 118, Phase VII, Focal Point, Ludhiana",
     "PLOT NO 118, PH-VII, FOCAL POINT, LUDHIANA, PUNJAB 141010, INDIA"),
    ("Block 5, 22 Kings Road", "Blk 5, 22 Kings Rd."),
    ("1250, avenue Côte-Vertu, Montréal", "1250 av. Cote-Vertu, Montreal (Québec) H4R 2A5"),
    ("Calle Reforma 25, Col. Centro", "calle reforma 25, colonia centro, México"),
])
def test_addresses_spellings_of_one_building_share_a_key(a, b):
    assert address_key(a).building == address_key(b).building


@pytest.mark.parametrize("a,b", [
    ("12/F, Flat B, 18 Nathan Rd", "Unit B, 12th Floor, 18 Nathan Road"),
    ("Suite 400, 7 Congress St", "Ste. 400, 7 Congress Street"),
    ("bureau 400, 1250 av. Côte-Vertu", "1250 avenue Côte-Vertu, bureau 400"),
    ("Av. Insurgentes 1602, piso 3, int. 4", "Avenida Insurgentes 1602, 3er piso, interior 4"),
])
def test_addresses_spellings_of_one_unit_share_both_keys(a, b):
    ka, kb = address_key(a), address_key(b)
    assert (ka.building, ka.unit) == (kb.building, kb.unit) and ka.unit


def test_addresses_other_unit_is_the_same_building_only():
    a, b = address_key("12/F, 18 Nathan Road"), address_key("3/F, 18 Nathan Road")
    assert a.building == b.building and a.unit != b.unit


def test_addresses_street_alone_is_not_the_building():
    assert not same_building(address_key("Hok Yuen Street").building,
                             address_key("8 Hok Yuen Street").building)
    assert not same_building(address_key("9 Hok Yuen Street").building,
                             address_key("8 Hok Yuen Street").building)


def test_addresses_country_is_read_and_kept_apart():
    key = address_key("10 Anson Road, #21-07, International Plaza, Singapore 079903")
    assert key.country == "SG" and key.unit == "floor:21 unit:7"


@pytest.mark.parametrize("text,expected", [
    ("The shipper was Acme Ltd., Grand Harbour Centre, 8 Hok Yuen Street, Hung Hom, Kowloon, "
     "which paid.", "Grand Harbour Centre, 8 Hok Yuen Street, Hung Hom, Kowloon"),
    ("Registered Address  : PLOT NO. 118, PHASE VII, FOCAL POINT, LUDHIANA, Punjab, 141010\n",
     "PLOT NO. 118, PHASE VII, FOCAL POINT, LUDHIANA, Punjab, 141010"),
    ("L'entrepôt du 3100, boul. Industriel, local 4, Laval (Québec) H7L 4P7 a été fouillé.",
     "3100, boul. Industriel, local 4, Laval (Québec) H7L 4P7"),
    ("con domicilio en Av. Tecnológico 1420, Col. Alameda, C.P. 38050, Celaya, Guanajuato.",
     "Av. Tecnológico 1420, Col. Alameda, C.P. 38050, Celaya, Guanajuato"),
])
def test_addresses_whole_span_is_found(text, expected):
    assert [text[s:e] for s, e in find_addresses(text)] == [expected]


def test_addresses_an_age_before_a_street_and_a_court_before_a_date_are_no_addresses():
    from nlp.addresses import find_addresses

    text = ("Ana Ruiz, 38, of Farren Road, Coventry, was sentenced at the Court in Leeds on "
            "March 3, 2021. The depot at 14 Mill Street, Leeds, was searched.")
    assert [text[s:e] for s, e in find_addresses(text)] == ["14 Mill Street, Leeds"]


def test_addresses_turkish_street_after_its_name_and_zone_abbreviation():
    from nlp.addresses import address_key, find_addresses, same_building
    text = "Registered office: Ova OSB, Kestane Cad. No:7, Nilufer/Bursa (Turquie)"
    assert [text[s:e] for s, e in find_addresses(text)][0].startswith("Ova OSB, Kestane Cad. No:7")
    a = address_key("Ova Organize Sanayi Bölgesi, Kestane Caddesi No: 7, 16140 Nilüfer/Bursa")
    b = address_key("OVA OSB KESTANE CD. NO 7 NILUFER BURSA")
    assert a.building == b.building
    assert same_building(address_key("KESTANE CADDESI NO 7").building, a.building)


def test_addresses_canadian_province_code_is_the_country_not_a_street_word():
    from nlp.addresses import address_key
    a = address_key("2875 Industriel Blvd., Laval, QC H7L 4P8")
    b = address_key("2875, boul. Industriel, Laval (Québec) H7L 4P8")
    assert a == b and a.country == "CA"


def test_addresses_a_unit_after_the_street_names_it_whatever_the_street_word():
    text = "a pour adresse le 1458 Bentley Mountain Suite 186, Toronto, ON V9L 5N7."
    assert [text[a:b] for a, b in find_addresses(text)] == [
        "1458 Bentley Mountain Suite 186, Toronto, ON V9L 5N7"]
    assert find_addresses("In 2019 Operation Unit 4 seized the goods.") == []

"""Identifier keys: spellings of one phone, account or address get one key."""

import pytest

from graph_etl.identifier_keys import identifier_key, is_clabe


@pytest.mark.parametrize("a,b,kind,country", [
    ("+852 2375 1186", "852-23751186", "PHONE", None),
    ("+91 161 250 4417", "(0161) 250 4417", "PHONE", "India"),
    ("+91-98140-22731", "0091 98140 22731", "PHONE", None),
    ("072-904518-3", "0729045183", "ACCOUNT", None),
    ("DE89 3704 0044 0532 0130 00", "de89370400440532013000", "IBAN", None),
    ("DE89 3704 0044 0532 0130 00", "DE89-3704-0044-0532-0130-00", "ACCOUNT", None),
    ("12/F, Flat B, 18 Nathan Rd", "Flat B, 12th Floor, 18 Nathan Road", "ADDRESS", None),
])
def test_identifier_keys_spellings_share_a_key(a, b, kind, country):
    assert identifier_key(a, kind, country=country) == identifier_key(b, kind, country=country)


def test_identifier_keys_different_units_differ():
    assert identifier_key("12/F, 18 Nathan Rd", "ADDRESS") != \
        identifier_key("14/F, 18 Nathan Rd", "ADDRESS")


def test_identifier_keys_clabe_control_digit():
    assert is_clabe("072225004718236904")
    assert not is_clabe("072225004718236905")


def test_identifier_keys_national_phone_without_country_is_not_guessed_foreign():
    assert identifier_key("(770) 555-0134", "PHONE") == "PHONE:7705550134"

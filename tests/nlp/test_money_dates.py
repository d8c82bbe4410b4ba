"""Money and dates in English, French and Spanish forms."""

import pytest

from nlp.dates import find_dates
from nlp.money import find_money, parse_money


@pytest.mark.parametrize("text,amount,currency", [
    ("$16 million", 16e6, "USD"),
    ("£1.5m", 1.5e6, "GBP"),
    ("17 500 euros", 17500, "EUR"),
    ("2,5 millions d'euros", 2.5e6, "EUR"),
    ("trece millones de euros", 13e6, "EUR"),
    ("43 mil millones de pesos", 43e9, "MXN"),
    ("$1,286,060", 1286060, "USD"),
    ("C$800,000", 800000, "CAD"),
    ("100.000 euros", 100000, "EUR"),
    ("deux millions d'euros", 2e6, "EUR"),
    ("USD 45,000", 45000, "USD"),
    ("$587,066.84 M.N", 587066.84, "MXN"),  # moneda nacional, not a million
    ("698.929 dólares de Hong Kong", 698929, "HKD"),
    ("12,000 Canadian dollars", 12000, "CAD"),
    ("50 000 dollars canadiens", 50000, "CAD"),
    ("€ 3m", 3e6, "EUR"),
    ("two million U.S. dollars", 2e6, "USD"),  # number words beside an abbreviated country
])
def test_money_forms_are_normalised(text, amount, currency):
    assert parse_money(text) == (pytest.approx(amount), currency)
    found = find_money(f"It was worth {text} in total.")
    assert [m.text for m in found] == [text]


def test_money_vague_amounts_are_not_money():
    assert find_money("millions of dollars of fake goods and 45.000 bouteilles") == []


@pytest.mark.parametrize("text,iso", [
    ("on January 15, 2009", "2009-01-15"),
    ("le 3 mars 2021", "2021-03-03"),
    ("el 15 de septiembre de 2014", "2014-09-15"),
    ("in August 2007", "2007-08"),
    ("au 2020-05-01", "2020-05-01"),
])
def test_dates_three_languages_iso(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text,language,iso", [
    ("el 14/09/2023", "es", "2023-09-14"),
    ("le 03/04/2023", "fr", "2023-04-03"),
    ("on 03/04/2023", "en", "2023-03-04"),
    ("on 25/12/2023", "en", "2023-12-25"),  # a part above 12 is the day in any language
    ("am 14.09.2023", "en", "2023-09-14"),
])
def test_dates_numeric_order_by_language_unless_a_part_says(text, language, iso):
    assert [d.iso for d in find_dates(text, language)] == [iso]


@pytest.mark.parametrize("text,amount,currency", [
    ("on 9 April it transferred TRY 4,150,000.00 to the plant", 4150000.0, "TRY"),
    ("un virement de AED 12.500,00 a été reçu", 12500.0, "AED"),
    ("se pagaron 3 000 BRL en efectivo", 3000.0, "BRL"),
])
def test_money_any_iso_currency_code(text, amount, currency):
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)]


def test_money_rare_iso_code_only_in_capitals():
    assert find_money("all 45 items and top 3 boxes") == []


def test_money_a_weight_in_kgs_is_no_amount():
    assert find_money("448 CTNS   6,912 KGS   61.300 CBM") == []

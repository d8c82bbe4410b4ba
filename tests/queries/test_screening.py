import pytest

from fakefree.errors import InputError
from queries.screening import normalise_name, parse_watchlist, screen

WATCHLIST = """name,type,country,phone,iban,aliases
Pacific Star Trading Limited,company,Hong Kong,,,
Golden Dragon Holding Co,company,,,,
,,,+852 2345 6789,,
Li Ming,person,,,,
Acme Widgets GmbH,company,Germany,,,
Juan Pérez,person,,,,
,,,,iban-maple,
"""


@pytest.fixture(scope="module")
def screened(network):
    return screen(network, parse_watchlist(WATCHLIST))


def best(screened, row):
    entry = next(e for e in screened.entries if e.entry.row == row)
    return [c.entity.id for c in entry.candidates]


def test_screening_fuzzy_company_names(screened):
    assert best(screened, 2)[0] == "pacific"
    assert best(screened, 3)[0] == "golden"


def test_screening_phone_points_at_parties_using_it(screened):
    assert set(best(screened, 4)) == {"pacific", "delta"}
    entry = next(e for e in screened.entries if e.entry.row == 4)
    assert all(c.score == 100 and "same phone" in c.reasons[0] for c in entry.candidates)


def test_screening_people_accents_and_no_false_hit(screened):
    assert best(screened, 5) == ["liming"]
    assert best(screened, 7) == ["perez"]
    assert best(screened, 6) == []


def test_screening_account_identifier(screened):
    assert best(screened, 8) == ["maple"]


def test_screening_rejects_list_without_usable_column():
    with pytest.raises(InputError):
        parse_watchlist("foo,bar\n1,2\n")


def test_screening_normalise_drops_legal_suffixes():
    assert normalise_name("GOLDEN DRAGON HOLDINGS LTD.") == normalise_name("Golden Dragon")

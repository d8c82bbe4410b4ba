import pytest

from fakefree.model import Viewer
from queries.money_flows import analyze_money
from queries.traces import time_respecting_traces
from queries.transfers import transfers


@pytest.fixture(scope="module")
def money(network):
    return analyze_money(network)


def test_money_flows_totals_per_currency_and_converted(money):
    assert money.totals["CAD"] == 52000
    assert money.totals["USD"] == pytest.approx(9500 + 9800 + 9700 + 9900 + 38000 + 37500 + 5000
                                                 + 5000 + 8000)
    assert money.total_base == pytest.approx(money.totals["USD"] + 52000 * 0.7305, abs=0.1)
    assert money.fx_as_of == "2024-06-28"


def test_money_flows_accounts_are_attributed_to_holders(money):
    pairs = {(t.payer, t.payee) for t in money.transfers}
    assert ("maple", "pacific") in pairs and ("ocean", "golden") in pairs


def test_money_flows_corridor_canada_to_hong_kong(money):
    corridor = {(c.source_country, c.target_country): c for c in money.corridors}
    assert corridor[("Canada", "Hong Kong")].transfers == 5  # 4 structured + Northern
    assert corridor[("Hong Kong", "China")].total_base == 37500


def test_money_flows_time_respecting_trace_reaches_source(money):
    longest = money.traces[0]
    assert longest.parties == ["maple", "pacific", "ocean", "golden"]
    assert longest.start <= longest.end and longest.destination_roles == ["Manufacturer"]


def test_money_flows_trace_never_moves_more_than_came_in(network):
    items = transfers(network)
    traces = time_respecting_traces(items, ["northern"], tolerance=0.1)
    # Northern paid Pacific 52,000 CAD (37,986 USD) on 12 Feb; Pacific's onward transfer is of
    # 5 Jan, before the money arrived, so the trace stops at Pacific.
    assert [t.parties for t in traces] == [["northern", "pacific"]]


def test_money_flows_structuring_under_10000(money):
    alert = next(a for a in money.structuring if a.party == "maple" and a.direction == "out")
    assert alert.count == 4 and alert.currency == "USD" and alert.total == 38900


def test_money_flows_layering_and_round_trip(money):
    assert money.layering[0].parties == ["maple", "pacific", "ocean", "golden"]
    assert money.layering[0].days <= 7
    loop = {"maple", "pacific", "ocean", "golden"}
    cycle = next(c for c in money.cycles if set(c.parties) == loop)
    assert cycle.round_trip and cycle.parties[0] == "maple"  # in the order the money moved


def test_money_flows_trade_based_mismatch(money):
    flagged = {(a.importer, a.exporter) for a in money.trade}
    assert ("maple", "pacific") in flagged and ("northern", "pacific") in flagged
    assert ("gulf", "ocean") not in flagged  # paid 5,000 for 2,800 declared


def test_money_flows_sankey_links_sum_to_total(money):
    assert sum(link.value for link in money.sankey_links) == pytest.approx(money.total_base, abs=1)
    assert {n.id for n in money.sankey_nodes} >= {"maple", "golden"}


def test_money_flows_respects_viewer(network_store):
    hsi = analyze_money(network_store.subgraph(Viewer.of("HSI")))
    assert not any(t.type == "TRANSFERRED" for t in hsi.transfers)  # FINTRAC REL-TO CBSA, RCMP
    assert hsi.structuring == []


def _told(tid, kind, payer, payee, *places):
    from queries.transfers import Transfer
    return Transfer(tid, kind, payer, payee, payer, payee, 9000.0, "USD", 9000.0, "2024-03-01",
                    evidence=[{"document_id": d, "start": s} for d, s in places])


def test_transfers_one_bank_row_read_twice_is_one_payment():
    from queries.transfers import one_per_payment
    kept = one_per_payment([_told("t", "TRANSFERRED", "a", "b", ("bank", 3)),
                            _told("p", "PAID", "a", "b", ("bank", 3)),
                            _told("r", "PAID", "a", "b", ("report", 80))])
    assert [(t.id, t.retold_by) for t in kept] == [("p", ["r", "t"])]
    assert {e["document_id"] for e in kept[0].evidence} == {"bank", "report"}


def test_transfers_same_amount_twice_in_one_statement_stays_two_payments():
    from queries.transfers import one_per_payment
    kept = one_per_payment([_told("1", "PAID", "a", "b", ("bank", 3)),
                            _told("2", "PAID", "a", "b", ("bank", 4)),
                            _told("3", "PAID", "a", "b", ("report", 9))])
    assert sorted(t.id for t in kept) == ["1", "2"]


@pytest.mark.slow
def test_money_flows_demo_counts_each_bank_row_once(demo_store):
    """The demo's bank records are read as account transfers and as payments between the
    holders: each row must count once in totals and structuring alerts."""
    items = transfers(demo_store.subgraph(Viewer.system()))
    places = [(e["document_id"], e["start"]) for t in items for e in t.evidence]
    assert items and len(places) == len(set(places))


def test_money_traces_through_the_same_parties_are_one_trace():
    from queries.transfers import Transfer

    def t(tid, a, b, amount, day):
        return Transfer(tid, "PAID", a, b, a, b, amount, "USD", amount, f"2024-01-0{day}")
    items = [t("1", "a", "b", 100, 1), t("2", "b", "c", 60, 2), t("3", "b", "c", 40, 3)]
    traces = time_respecting_traces(items, ["a"])
    assert [(tr.parties, tr.variants, tr.amount_out) for tr in traces] == [(["a", "b", "c"], 2, 60)]

import pytest

from graph_etl.store.model import Viewer
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

"""The case timeline: dated events of one case, oldest first, each with its documents."""

from __future__ import annotations

from queries.timeline import case_timeline


def test_timeline_case_events_sorted_with_evidence(network):
    result = case_timeline(network, case="CASE-A")
    dates = [e.date for e in result.events]
    assert dates == sorted(dates)
    kinds = {e.kind for e in result.events}
    assert {"seizure", "transfer", "payment"} <= kinds
    payment = next(e for e in result.events if e.kind == "payment" and e.amount == 52000)
    assert (payment.currency, payment.date) == ("CAD", "2024-02-12")
    assert payment.title == "Northern Goods Ltd → Pacific Star Trading Co"
    assert payment.documents == ["docA1"] and payment.evidence[0]["document_id"] == "docA1"
    assert all(e.documents for e in result.events)


def test_timeline_only_the_case_asked(network):
    a = case_timeline(network, case="CASE-A")
    b = case_timeline(network, case="CASE-B")
    assert {e.title for e in a.events}.isdisjoint({e.title for e in b.events if e.kind != "payment"})
    assert all(e.kind != "seizure" for e in b.events)  # CASE-B's seizures have no date
    assert b.undated > 0


def test_timeline_all_cases(network):
    every = case_timeline(network)
    assert len(every.events) >= len(case_timeline(network, case="CASE-A").events)

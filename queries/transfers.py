"""Payments as records: every PAID / TRANSFERRED edge with amount, currency, date and parties.

A transfer between bank accounts is attributed to the parties that HOLD them; a transfer between
parties is its own attribution. Amounts are converted with the fixed table of :mod:`queries.fx`.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", labels=["Company"]); G.add_node("a", labels=["BankAccount"])
>>> G.add_node("b", labels=["BankAccount"])
>>> _ = G.add_edge("p", "a", key="h", type="HOLDS")
>>> _ = G.add_edge("a", "b", key="t", type="TRANSFERRED", amount="9,500", currency="USD",
...                date="2024-01-02")
>>> [(t.payer, t.payee, t.amount, t.amount_base) for t in transfers(G)]
[('p', 'b', 9500.0, 9500.0)]
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field, replace
from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from queries.fx import FxTable, fx_table
from queries.graph import MONEY_TYPES, cases_of, edge_hop, has_label, typed_edges
from queries.result import Result
from queries.values import parse_amount

__all__ = ["Transfer", "transfers", "one_per_payment", "holders", "parse_amount", "parse_date"]

log = logging.getLogger(__name__)


@dataclass
class Transfer(Result):
    """One payment. ``payer``/``payee`` are parties when the accounts' holders are known."""

    id: str
    type: str
    source: str
    target: str
    payer: str
    payee: str
    amount: float
    currency: str | None
    amount_base: float | None
    date: str | None
    cases: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    retold_by: list[str] = field(default_factory=list)

    @property
    def day(self) -> date | None:
        return parse_date(self.date)


def parse_date(value: Any) -> date | None:
    """An ISO date (the first 10 characters), or ``None``.

    >>> parse_date("2024-01-05T10:00"), parse_date("soon")
    (datetime.date(2024, 1, 5), None)
    """
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def holders(G: nx.MultiDiGraph, node: str, documents: Iterable[str] = ()) -> list[str]:
    """The parties holding account ``node`` (``[node]`` itself for a party or unheld account),
    the likeliest first: the holder named in one of ``documents`` (those telling the transfer),
    then the holder more documents name, then by id.
    """
    if not has_label(G, node, "BankAccount"):
        return [node]
    told = set(documents)
    named: dict[str, set[str]] = defaultdict(set)
    for u, v, key, data in [*G.in_edges(node, keys=True, data=True),
                            *G.out_edges(node, keys=True, data=True)]:
        if data.get("type") == "HOLDS":
            party = u if v == node else v
            named[party] |= {str(e["document_id"]) for e in edge_hop(G, u, v, key).evidence}
    found = sorted(named, key=lambda p: (not named[p] & told, -len(named[p]), p))
    return found or [node]


def transfers(G: nx.MultiDiGraph, *, fx: FxTable | None = None) -> list[Transfer]:
    """Every payment of ``G`` that states an amount, in date order, each payment once
    (:func:`one_per_payment`).

    Complexity: O(E).
    """
    table = fx or fx_table()
    out = []
    for u, v, key, data in typed_edges(G, MONEY_TYPES):
        amount = parse_amount(data.get("amount"))
        if amount is None:
            log.debug("payment %s has no amount; skipped", key)
            continue
        currency = str(data["currency"]).upper() if data.get("currency") else None
        base = table.convert(amount, currency) if table.known(currency) else None
        hop = edge_hop(G, u, v, key)
        day = parse_date(data.get("date"))
        told = {str(e["document_id"]) for e in hop.evidence}
        out.append(Transfer(id=str(key), type=str(data["type"]), source=u, target=v,
                            payer=holders(G, u, told)[0], payee=holders(G, v, told)[0],
                            amount=amount,
                            currency=currency, amount_base=base,
                            date=day.isoformat() if day else None,
                            cases=list(getattr(data.get("view"), "cases", []) or []) or
                            sorted(set(cases_of(G, u)) & set(cases_of(G, v))),
                            evidence=hop.evidence))
    out = one_per_payment(out)
    out.sort(key=lambda t: (t.date or "9999", t.id))
    return out


def one_per_payment(items: list[Transfer]) -> list[Transfer]:
    """One transfer per payment, however many times it is told.

    A bank row read both as an account-to-account transfer and as a payment between the holders
    is one telling: transfers of one amount, currency and date that share an evidence place
    (document and offset) are one, kept as the payment between parties if there is one (its
    payer and payee are stated, an account's holder is inferred). A wire listed in a bank record
    and retold in a report is one payment: tellings of the same payer, payee, amount, currency
    and date. A document lists each payment once, so a key's payments are as many as the most
    tellings one document has (three deposits of 9,000 on one day in one statement stay three).
    The kept transfer carries every telling's evidence and the ids of the others in
    ``retold_by``.

    >>> row = [{"document_id": "d1", "start": 5}]
    >>> a = Transfer("a", "TRANSFERRED", "x1", "y1", "x", "q", 10.0, "USD", 10.0, "2024-01-02",
    ...              evidence=row)
    >>> b = Transfer("b", "PAID", "x", "y", "x", "y", 10.0, "USD", 10.0, "2024-01-02",
    ...              evidence=row)
    >>> c = Transfer("c", "PAID", "x", "y", "x", "y", 10.0, "USD", 10.0, "2024-01-02",
    ...              evidence=[{"document_id": "d2", "start": 40}])
    >>> [(t.id, t.retold_by, len(t.evidence)) for t in one_per_payment([a, b, c])]
    [('b', ['a', 'c'], 2)]

    Complexity: O(T log T) for T transfers.
    """
    sums: dict[tuple[Any, ...], list[Transfer]] = defaultdict(list)
    for t in items:
        sums[(round(t.amount, 2), t.currency, t.date)].append(t)
    tellings = [_one(told) for group in sums.values()
                for told in _tellings(sorted(group, key=lambda t: t.id))]
    groups: dict[tuple[Any, ...], list[Transfer]] = defaultdict(list)
    for t in tellings:
        groups[(t.payer, t.payee, round(t.amount, 2), t.currency, t.date)].append(t)
    out: list[Transfer] = []
    for group in groups.values():
        per_document: dict[Any, int] = defaultdict(int)
        for telling in group:
            for document in {e.get("document_id") for e in telling.evidence}:
                per_document[document] += 1
        payments = min(max(per_document.values(), default=len(group)) or len(group), len(group))
        kept: list[list[Transfer]] = [[] for _ in range(payments)]
        for i, telling in enumerate(sorted(group, key=lambda t: t.id)):
            kept[i % payments].append(telling)
        out += [_one(told) for told in kept]
    return out


def _tellings(group: list[Transfer]) -> list[list[Transfer]]:
    """``group`` split into tellings: transfers that share an evidence place are one."""
    tellings: list[list[Transfer]] = []
    places: list[set[tuple[Any, Any]]] = []
    for t in group:
        mine = {(e.get("document_id"), e.get("start")) for e in t.evidence} or {(t.id, None)}
        joined = [i for i, seen in enumerate(places) if seen & mine]
        telling, place = [t], set(mine)
        for i in reversed(joined):
            telling += tellings.pop(i)
            place |= places.pop(i)
        tellings.append(telling)
        places.append(place)
    return tellings


def _one(told: list[Transfer]) -> Transfer:
    """One transfer for ``told``: a payment between parties before an account transfer, then the
    first by id; with the evidence, cases and ids of all."""
    first, *rest = sorted(told, key=lambda t: (t.type != "PAID", t.id))
    evidence = list(first.evidence)
    for t in rest:
        evidence += [e for e in t.evidence if e not in evidence]
    cases = sorted(set(first.cases).union(*(t.cases for t in rest)))
    retold = sorted({*first.retold_by, *(i for t in rest for i in (t.id, *t.retold_by))})
    return replace(first, evidence=evidence, cases=cases, retold_by=retold)

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
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from queries.fx import FxTable, fx_table
from queries.graph import MONEY_TYPES, cases_of, edge_hop, has_label, typed_edges
from queries.result import Result
from queries.values import parse_amount

__all__ = ["Transfer", "transfers", "holders", "parse_amount", "parse_date"]

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


def holders(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The parties holding account ``node`` (``[node]`` itself for a party or unheld account)."""
    if not has_label(G, node, "BankAccount"):
        return [node]
    found = sorted(u for u, _, t in G.in_edges(node, data="type") if t == "HOLDS")
    found += sorted(v for _, v, t in G.out_edges(node, data="type") if t == "HOLDS")
    return found[:1] or [node]


def transfers(G: nx.MultiDiGraph, *, fx: FxTable | None = None) -> list[Transfer]:
    """Every payment edge of ``G`` that states an amount, in date order.

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
        out.append(Transfer(id=str(key), type=str(data["type"]), source=u, target=v,
                            payer=holders(G, u)[0], payee=holders(G, v)[0], amount=amount,
                            currency=currency, amount_base=base,
                            date=day.isoformat() if day else None,
                            cases=list(getattr(data.get("view"), "cases", []) or []) or
                            sorted(set(cases_of(G, u)) & set(cases_of(G, v))),
                            evidence=hop.evidence))
    out.sort(key=lambda t: (t.date or "9999", t.id))
    return out

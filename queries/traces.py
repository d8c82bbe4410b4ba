"""Time-respecting money traces: chains of transfers where each leaves after the one before it
and never moves more than came in (within a tolerance).

"Came in" is what the party received from anyone between the previous hop's date (less
``window_days``) and the hop's own date, so money collected in several small payments may leave
in one. Parallel first hops (an importer's repeated payments to the same front) are merged, and
chains through the same parties by different transfers are one trace (``variants``).

>>> from queries.transfers import Transfer
>>> t = [Transfer("1", "PAID", "a", "b", "a", "b", 100, "USD", 100, "2024-01-01"),
...      Transfer("2", "PAID", "b", "c", "b", "c", 95, "USD", 95, "2024-01-02"),
...      Transfer("3", "PAID", "b", "d", "b", "d", 500, "USD", 500, "2024-01-03")]
>>> [[h.id for h in tr.hops] for tr in time_respecting_traces(t, ["a"])]
[['1', '2']]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from queries.result import Result
from queries.transfers import Transfer

__all__ = ["MoneyTrace", "time_respecting_traces", "value"]


@dataclass
class MoneyTrace(Result):
    """A chain of transfers from ``origin`` to ``destination``; amounts in the base currency
    when the currencies convert, else as stated (then ``currency`` says which)."""

    origin: str
    destination: str
    parties: list[str]
    hops: list[Transfer]
    amount_in: float
    amount_out: float
    currency: str | None
    start: str | None
    end: str | None
    days: int | None
    first_hop_transfers: list[str] = field(default_factory=list)
    destination_roles: list[str] = field(default_factory=list)
    variants: int = 1


def value(t: Transfer) -> float:
    """The transfer's amount in the base currency if known, else as stated."""
    return t.amount_base if t.amount_base is not None else t.amount


def time_respecting_traces(items: Iterable[Transfer], origins: Iterable[str], *,
                           max_hops: int = 6, tolerance: float = 0.1, window_days: int = 30,
                           limit: int = 1000) -> list[MoneyTrace]:
    """Maximal time-respecting chains starting at the parties ``origins``, longest first.

    A party is never visited twice in one chain (cycles are reported by
    :func:`queries.money_patterns.find_cycles`). Undated transfers may follow any transfer.

    Complexity: O(b^h * I) in the worst case for out-degree b, ``max_hops`` h and I inflows per
    party; in practice bounded by the date and amount constraints and by ``limit``.
    """
    items = list(items)
    out_of: dict[str, list[Transfer]] = defaultdict(list)
    into: dict[str, list[Transfer]] = defaultdict(list)
    for t in items:
        if t.payer != t.payee:
            out_of[t.payer].append(t)
            into[t.payee].append(t)

    def follows(previous: Transfer, nxt: Transfer) -> bool:
        if previous.day and nxt.day and nxt.day < previous.day:
            return False
        if previous.day and nxt.day:
            since = previous.day - timedelta(days=window_days)
            came_in = sum(value(t) for t in into[nxt.payer] if t.day and since <= t.day <= nxt.day)
        else:
            came_in = value(previous)
        return value(nxt) <= max(came_in, value(previous)) * (1 + tolerance)

    chains: list[list[Transfer]] = []

    def walk(chain: list[Transfer], seen: set[str]) -> None:
        if len(chains) >= limit:
            return
        last = chain[-1]
        nexts = [t for t in out_of.get(last.payee, []) if t.payee not in seen
                 and follows(last, t)] if len(chain) < max_hops else []
        if not nexts:
            chains.append(chain)
            return
        for t in nexts:
            walk(chain + [t], seen | {t.payee})

    for origin in sorted(set(origins)):
        for first in out_of.get(origin, []):
            walk([first], {origin, first.payee})
    merged: dict[tuple, list[list[Transfer]]] = defaultdict(list)
    for chain in chains:
        merged[(chain[0].payer, chain[0].payee, tuple(t.id for t in chain[1:]))].append(chain)
    by_parties: dict[tuple[str, ...], list[MoneyTrace]] = defaultdict(list)
    for trace in map(_trace, merged.values()):
        by_parties[tuple(trace.parties)].append(trace)
    traces = [_largest(group) for group in by_parties.values()]
    traces.sort(key=lambda tr: (-len(tr.hops), tr.origin, [h.id for h in tr.hops]))
    return traces


def _largest(group: list[MoneyTrace]) -> MoneyTrace:
    """One trace for chains through the same parties by different transfers: the one that moved
    the most, with how many there are in ``variants``."""
    best = max(sorted(group, key=lambda tr: [h.id for h in tr.hops]), key=lambda tr: tr.amount_out)
    best.variants = len(group)
    return best


def _trace(group: list[list[Transfer]]) -> MoneyTrace:
    firsts = sorted({id(c[0]): c[0] for c in group}.values(), key=lambda t: (t.date or "", t.id))
    chain = [firsts[0]] + group[0][1:]
    days = None
    if chain[0].day and chain[-1].day:
        days = (chain[-1].day - chain[0].day).days
    converted = all(t.amount_base is not None for t in chain)
    currencies = {t.currency for t in chain}
    return MoneyTrace(origin=chain[0].payer, destination=chain[-1].payee,
                      parties=[chain[0].payer] + [t.payee for t in chain], hops=chain,
                      amount_in=round(sum(value(t) for t in firsts), 2),
                      amount_out=round(value(chain[-1]), 2),
                      currency="base" if converted else (currencies.pop() if len(currencies) == 1
                                                         else None),
                      start=chain[0].date, end=chain[-1].date, days=days,
                      first_hop_transfers=[t.id for t in firsts])

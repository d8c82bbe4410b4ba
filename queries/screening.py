"""Watchlist screening: names and identifiers from a list, fuzzily matched against the graph.

Names are compared with rapidfuzz after folding case and accents and dropping legal suffixes;
identifiers (phone, e-mail, IBAN or account, container, address) match exactly once normalised,
and point at the parties that use them.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", labels=["Company"], name="Pacific Star Trading Co., Ltd.")
>>> entries = parse_watchlist("name,country\\nPacific Star Trading Limited,HK\\n")
>>> hit = screen(G, entries).entries[0].candidates[0]
>>> hit.entity.name, hit.score >= 90
('Pacific Star Trading Co., Ltd.', True)
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

import fingerprints
import networkx as nx
from rapidfuzz import fuzz, process

from fakefree.errors import InputError
from graph_etl.store.base import fold
from queries.graph import (
    IDENTIFIER_LABELS,
    country_of,
    entity_ref,
    has_label,
    is_party,
    labels_of,
    name_of,
    prop,
)
from queries.result import EntityRef, Result

__all__ = ["WatchEntry", "Candidate", "ScreenedEntry", "ScreeningResult", "parse_watchlist",
           "normalise_name", "name_score", "screen"]

IDENTIFIER_COLUMNS = ("phone", "email", "iban", "account", "container", "address", "identifier",
                      "bill_of_lading", "imo")
_LEGAL = re.compile(
    r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|s a|de cv|"
    r"srl|sarl|sas|bv|nv|pte|pty|sdn bhd|bhd|kk|oy|ab|as|spa|s p a|lp|llp|ltda|cia|ooo|oao|zao|"
    r"group|holdings?)\b")


@dataclass
class WatchEntry(Result):
    """One row of a watchlist."""

    row: int
    name: str
    kind: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)


@dataclass
class Candidate(Result):
    entity: EntityRef
    score: float
    reasons: list[str]


@dataclass
class ScreenedEntry(Result):
    entry: WatchEntry
    candidates: list[Candidate]


@dataclass
class ScreeningResult(Result):
    threshold: float
    entries: list[ScreenedEntry]

    @property
    def hits(self) -> int:
        return sum(1 for e in self.entries if e.candidates)


def parse_watchlist(text: str, *, source: str = "watchlist") -> list[WatchEntry]:
    """Rows of a CSV watchlist: a ``name`` column (or identifier columns), optional ``type``,
    ``country``, ``aliases`` (``;``-separated) and any of :data:`IDENTIFIER_COLUMNS`.

    Raises :class:`fakefree.errors.InputError` when no usable column is present.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = {c.strip().lower() for c in reader.fieldnames or []}
    if not columns & ({"name"} | set(IDENTIFIER_COLUMNS)):
        raise InputError(f"{source} has no 'name' column and no identifier column "
                         f"({', '.join(IDENTIFIER_COLUMNS)}).")
    entries = []
    for i, raw in enumerate(reader, 2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        identifiers = {c: row[c] for c in IDENTIFIER_COLUMNS if row.get(c)}
        if not row.get("name") and not identifiers:
            continue
        entries.append(WatchEntry(
            row=i, name=row.get("name", ""), kind=row.get("type") or row.get("label") or None,
            country=row.get("country") or None,
            aliases=[a.strip() for a in row.get("aliases", "").split(";") if a.strip()],
            identifiers=identifiers))
    return entries


def normalise_name(name: str) -> str:
    """Fold case, accents and scripts, drop punctuation and legal forms (with ``fingerprints``,
    which also maps 有限公司 or Limited to ``ltd``).

    >>> normalise_name("Delta Logística S.A. de C.V.")
    'delta logistica'
    """
    text = fingerprints.generate(name, keep_order=True) or re.sub(r"[^\w\s]", " ", fold(name))
    text = _LEGAL.sub(" ", " ".join(text.split()).replace("s a de c v", "sa de cv"))
    return " ".join(text.split())


def name_score(a: str, b: str, **_: object) -> float:
    """Similarity of two normalised names (0-100): ``token_sort_ratio``, or ``token_set_ratio``
    x 0.95 when both names have two or more words (so "Star" does not match every "... Star ...").

    >>> name_score("pacific star trading", "star pacific trading")
    100.0
    """
    score = fuzz.token_sort_ratio(a, b)
    if min(len(a.split()), len(b.split())) >= 2:
        score = max(score, 0.95 * fuzz.token_set_ratio(a, b))
    return float(score)


def _ident_key(kind: str, value: str) -> str:
    if kind == "phone":
        return re.sub(r"\D", "", value).lstrip("0")
    if kind == "address":
        return normalise_name(value)
    return re.sub(r"[^0-9a-z@.]", "", fold(value))


def screen(G: nx.MultiDiGraph, entries: list[WatchEntry], *, threshold: float = 85.0,
           limit: int = 5) -> ScreeningResult:
    """Rank graph entities against each watchlist entry, best first, with scores and reasons.

    Name score: rapidfuzz ``token_sort_ratio`` (or ``token_set_ratio`` x 0.95 when higher) over
    the entity's name and aliases, +5 when the country agrees, -10 when the kind (person or
    company) disagrees. An identifier match scores 100.

    Complexity: O(N * P) string comparisons for N entries and P parties (rapidfuzz ``cdist``-like
    extraction), plus O(V) to index identifiers.
    """
    parties = [n for n in G if is_party(G, n)]
    choices: list[str] = []
    owner: list[str] = []
    for node in parties:
        view = G.nodes[node].get("view")
        for name in {name_of(G, node), *(getattr(view, "aliases", []) or [])}:
            choices.append(normalise_name(name))
            owner.append(node)
    by_identifier: dict[str, set[str]] = defaultdict(set)
    for node in G:
        labels = set(labels_of(G, node))
        values = []
        if labels & IDENTIFIER_LABELS:
            values.append(name_of(G, node))
        values += [str(v) for k in ("container", "iban", "number", "bill_of_lading", "imo",
                                    "phone", "email") if (v := prop(G, node, k))]
        targets = {m for m in nx.all_neighbors(G, node) if is_party(G, m)} | (
            {node} if is_party(G, node) else set())
        if has_label(G, node, "Shipment"):
            targets = {m for m in nx.all_neighbors(G, node) if is_party(G, m)}
        for value in values:
            for kind in ("phone", "address", "other"):
                key = _ident_key(kind, value)
                if key:
                    by_identifier[f"{kind}:{key}"] |= targets
    out = []
    for entry in entries:
        found: dict[str, tuple[float, list[str]]] = {}
        names = [n for n in [entry.name, *entry.aliases] if n]
        for name in names:
            query = normalise_name(name)
            if not query:
                continue
            for matched, score, index in process.extract(
                    query, choices, scorer=name_score, limit=limit * 4,
                    score_cutoff=threshold - 15):
                _keep(found, owner[index], score, f"name {name!r} ~ {name_of(G, owner[index])!r}")
        for kind, value in entry.identifiers.items():
            key_kind = kind if kind in ("phone", "address") else "other"
            for node in by_identifier.get(f"{key_kind}:{_ident_key(key_kind, value)}", ()):
                _keep(found, node, 100.0, f"same {kind} {value}")
        candidates = []
        for node, (score, reasons) in found.items():
            if entry.country and (country := country_of(G, node)) and \
                    fold(entry.country) in {fold(country), fold(country)[:2]}:
                score, reasons = score + 5, reasons + [f"country {country}"]
            if entry.kind and entry.kind.lower() in {"person", "company", "organization"}:
                is_person = has_label(G, node, "Person")
                if is_person != (entry.kind.lower() == "person"):
                    score -= 10
            score = round(min(score, 100.0), 1)
            if score >= threshold:
                candidates.append(Candidate(entity_ref(G, node), score, reasons))
        candidates.sort(key=lambda c: (-c.score, c.entity.name))
        out.append(ScreenedEntry(entry=entry, candidates=candidates[:limit]))
    return ScreeningResult(threshold=threshold, entries=out)


def _keep(found: dict[str, tuple[float, list[str]]], node: str, score: float, reason: str) -> None:
    best, reasons = found.get(node, (0.0, []))
    if reason not in reasons:
        reasons = reasons + [reason]
    found[node] = (max(best, score), reasons)

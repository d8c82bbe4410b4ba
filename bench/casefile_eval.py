"""Score the whole pipeline on a folder of independent case files with a ``truth.json``.

The folder holds ``docs/`` (files named by their case group's letter first: ``A1_...``) and
``truth.json`` (the format of ``tests/data/case_files_dev``: cases, source organization, money
chain, structuring, shared identifiers, same and different entities, cross-case entities,
decoys, expected quarantine). :func:`ingest_groups` loads each group as its own case with its
agency; :func:`check_case_files` runs the analyses a user would run and returns one
:class:`Check` per truth item, so a score shows what was found and by which analysis.

Names are matched the way the truth's README asks: case-insensitively with accents folded, a
truth name matching an entity whose name or alias holds all of its words.

>>> name_matches("Entrepôt Rive-Nord", ["ENTREPOT RIVE-NORD INC."])
True
>>> name_matches("Panchnad Industries", ["Panchnad Agro Foods Pvt. Ltd."])
False
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fakefree.errors import InputError
from fakefree.schema import schema
from fakefree.text import fold
from graph_etl.pipeline import FileOutcome, IngestOptions, ingest
from graph_etl.store.base import GraphStore
from graph_etl.identifier_keys import address_keys, same_building
from graph_etl.ledger import Ledger
from fakefree.model import NodeView, Viewer
from queries.cross_case import find_cross_case
from queries.money_flows import analyze_money
from queries.shared_identifiers import find_shared_identifiers
from queries.source_orgs import rank_source_orgs

__all__ = ["Check", "CaseFilesReport", "load_truth", "ingest_groups", "check_case_files",
           "name_matches", "fold_words"]


@dataclass
class Check:
    """One truth item: what was asked, which analysis answers it, and whether it held."""

    kind: str
    item: str
    analysis: str
    passed: bool
    detail: str = ""


@dataclass
class CaseFilesReport:
    checks: list[Check] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "total": len(self.checks),
                "quarantined": self.quarantined, "checks": [asdict(c) for c in self.checks]}


def fold_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case without accents or punctuation.

    >>> fold_words("Services Monétaires Côte-Vertu Inc.")
    ('services', 'monetaires', 'cote', 'vertu', 'inc')
    """
    return tuple(re.findall(r"[0-9a-z]+", fold(text)))


def name_matches(truth_name: str, names: Iterable[str]) -> bool:
    """Whether an entity known by ``names`` is the truth's ``truth_name`` (all its words)."""
    wanted = fold_words(truth_name)
    return bool(wanted) and any(set(wanted) <= set(fold_words(n)) for n in names if n)


def load_truth(folder: Path) -> dict[str, Any]:
    path = folder / "truth.json"
    if not path.is_file():
        raise InputError(f"{folder} has no truth.json next to its docs/ folder.")
    return json.loads(path.read_text("utf-8"))


def ingest_groups(folder: Path, truth: dict[str, Any], store: GraphStore, ledger: Ledger,
                  extractor_version: str, *, case_prefix: str = "DEV-", workers: int = 1,
                  on_file: Callable[[FileOutcome], None] | None = None) -> list[FileOutcome]:
    """Load each case group's files as case ``<prefix><letter>`` owned by the group's agency."""
    docs = folder / "docs"
    outcomes: list[FileOutcome] = []
    for letter, group in sorted(truth["cases"].items()):
        files = sorted(p for p in docs.iterdir()
                       if p.is_file() and p.name.split("_", 1)[0] in set(group["files"]))
        options = IngestOptions(case=f"{case_prefix}{letter}", agency=group["agency"],
                                workers=workers, manifest_levels=0)
        outcomes += ingest(files, store, ledger, options, extractor_version, on_file).files
    return outcomes


def _names(node: NodeView | None) -> list[str]:
    return [node.name, *node.aliases] if node else []


class _Lookup:
    """Names and aliases of nodes, read once from the store."""

    def __init__(self, store: GraphStore, viewer: Viewer) -> None:
        self.store, self.viewer = store, viewer
        self._cache: dict[str, list[str]] = {}

    def names(self, node_id: str) -> list[str]:
        if node_id not in self._cache:
            self._cache[node_id] = _names(self.store.get(node_id, self.viewer))
        return self._cache[node_id]

    def is_(self, node_id: str, truth_names: Iterable[str]) -> bool:
        names = self.names(node_id)
        return any(name_matches(t, names) for t in truth_names)

    def find(self, truth_name: str) -> list[NodeView]:
        """Party and agency nodes (not identifiers or documents) that the truth name matches."""
        hits = self.store.search(truth_name, self.viewer, limit=20)
        return [h for h in hits if name_matches(truth_name, _names(h))
                and (schema().labels_of_kind("party") | {"Agency"}) & set(h.labels)]


def check_case_files(truth: dict[str, Any], store: GraphStore, outcomes: list[FileOutcome],
                     viewer: Viewer | None = None, case_prefix: str = "DEV-") -> CaseFilesReport:
    """Run the analyses over the loaded case files and check each truth item."""
    viewer = viewer or Viewer.system()
    look = _Lookup(store, viewer)
    report = CaseFilesReport(quarantined=[o.path for o in outcomes if o.outcome == "quarantined"])
    add = report.checks.append
    expected_q = set(truth.get("expected_quarantine", []))
    unexpected = [p for p in report.quarantined if Path(p).name.split("_", 1)[0] not in expected_q]
    add(Check("quarantine", "no file quarantined", "ingest", not unexpected,
              "; ".join(Path(p).name for p in unexpected)))

    G = store.subgraph(viewer)
    source = truth["source_organization"]
    top = int(source.get("must_rank_top", 3))
    decoys = truth.get("decoys_not_source", [])
    overall = rank_source_orgs(G, top=top)
    ranked = [r.entity.id for r in overall.ranks]
    add(Check("source_org", f"a primary name in the top {top}", "analyze source-orgs",
              any(look.is_(i, source["primary"]) for i in ranked),
              f"{overall.seizures} seizures; top: {[look.names(i)[:1] for i in ranked]}"))
    for decoy in decoys:
        add(Check("decoy", decoy, "analyze source-orgs",
                  not any(look.is_(i, [decoy]) for i in ranked)))
    primary_nodes = [n for name in source["primary"] for n in look.find(name)]
    touched = sorted({c for n in primary_nodes for c in n.cases})
    for case in touched:
        result = rank_source_orgs(G, case=case, top=top)
        ids = [r.entity.id for r in result.ranks]
        add(Check("source_org_case", f"a primary name in the top {top} of {case}",
                  "analyze source-orgs --case", any(look.is_(i, source["primary"]) for i in ids),
                  f"{result.seizures} seizures; top: {[look.names(i)[:1] for i in ids]}"))

    money = analyze_money(G)
    pairs = [(t.source, t.target) for t in money.transfers]
    for payer, payee in truth.get("money_chain", []):
        found = any(look.is_(a, [payer]) and look.is_(b, [payee]) for a, b in pairs)
        add(Check("money_chain", f"{payer} -> {payee}", "analyze money-flows", found,
                  f"{len(pairs)} transfers in all"))
    structuring = truth.get("structuring")
    if structuring:
        flagged = [s.party for s in money.structuring]
        add(Check("structuring", structuring["party"], "analyze money-flows",
                  any(look.is_(p, [structuring["party"]]) for p in flagged),
                  f"flagged: {[look.names(p)[:1] for p in flagged]}"))

    shared = find_shared_identifiers(G)
    cross = find_cross_case(G)
    for item in truth.get("shared_identifiers", []):
        value = item["value"]
        hit = False
        for s in shared.shared:
            if _same_identifier(value, _names(store.get(s.identifier.id, viewer))):
                party_ids = [p.id for p in s.parties]
                hit = all(any(look.is_(p, [e]) for p in party_ids) for e in item["entities"])
                if hit:
                    break
        if not hit and len(item["entities"]) == 1:  # one holder: the value seen across cases
            hit = any(_same_identifier(value, look.names(c.entity.id)) for c in cross.entities)
        add(Check("shared_identifier", f"{value} ({', '.join(item['entities'])})",
                  "analyze shared-identifiers", hit))
    crossing = [c.entity.id for c in cross.entities if len(c.cases) > 1]
    for name in truth.get("cross_case", []):
        add(Check("cross_case", name, "analyze cross-case",
                  any(look.is_(i, [name]) for i in crossing)))

    for group in truth.get("same_entity", []):
        ids = {n.id for name in group for n in look.find(name)[:1]}
        add(Check("same_entity", " = ".join(group), "search", len(ids) == 1,
                  f"{len(ids)} nodes"))
    for a, b in truth.get("different_entities", []):
        ids_a = {n.id for n in look.find(a)[:1]}
        ids_b = {n.id for n in look.find(b)[:1]}
        add(Check("different_entities", f"{a} != {b}", "search",
                  bool(ids_a and ids_b) and not ids_a & ids_b,
                  f"{len(ids_a)} / {len(ids_b)} found"))
    return report


def _same_identifier(value: str, names: Iterable[str]) -> bool:
    """A phone/account written differently (its digits), or an address (its words, or the
    same building however its street words are abbreviated).

    >>> _same_identifier("8 Hok Yuen Street, Hung Hom", ["8 HOK YUEN ST, HUNG HOM, KOWLOON"])
    True
    """
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and len(digits) >= len(re.sub(r"[\W\d_]", "", value)):
        return any(n and (re.sub(r"\D", "", n).endswith(digits[-9:])) for n in names)
    building = address_keys(value)[0]
    return any(name_matches(value, [n]) or name_matches(n, [value]) or
               (building and same_building(building, address_keys(n)[0])) for n in names if n)

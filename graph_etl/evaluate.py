"""How well entity resolution groups mentions into real-world entities, against seed truth.

The gold extractions of the seed corpus (every narrative document's annotated entities, every
structured row's cells) are replayed through the real resolver with the true ids hidden; each
(document, true entity) occurrence gets the graph id the resolver chose. Pairwise precision and
recall compare the predicted clusters with the true ones: a pair of occurrences is a true
positive when both are the same real-world entity and were given the same graph id.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from math import comb
from pathlib import Path
from typing import Any

from graph_etl.claims import resolve_entities
from graph_etl.mapping import map_records
from graph_etl.readers import read
from graph_etl.resolve import Resolver
from graph_etl.ledger import Ledger
from fakefree.model import DocumentRecord

__all__ = ["PairwiseScore", "ResolutionReport", "pairwise", "evaluate_resolution"]


@dataclass
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    occurrences: int
    true_pairs: int
    predicted_pairs: int


@dataclass
class ResolutionReport:
    overall: PairwiseScore
    by_type: dict[str, PairwiseScore] = field(default_factory=dict)
    wrong_merges: list[tuple[str, str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.__dict__,
                "by_type": {k: v.__dict__ for k, v in self.by_type.items()},
                "wrong_merges": self.wrong_merges[:20]}


def pairwise(pairs: list[tuple[str, str]]) -> PairwiseScore:
    """Pairwise scores of ``(true id, predicted id)`` occurrences.

    >>> s = pairwise([("a", "1"), ("a", "1"), ("b", "1"), ("b", "2")])
    >>> round(s.precision, 2), round(s.recall, 2)
    (0.33, 0.5)
    """
    joint = Counter(pairs)
    true_sizes = Counter(t for t, _ in pairs)
    pred_sizes = Counter(p for _, p in pairs)
    both = sum(comb(n, 2) for n in joint.values())
    true_pairs = sum(comb(n, 2) for n in true_sizes.values())
    pred_pairs = sum(comb(n, 2) for n in pred_sizes.values())
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(precision, recall, f1, len(pairs), true_pairs, pred_pairs)


def _gold_extraction(annotation: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The annotation as an extraction with local ids, and local id -> true id."""
    local, entities = {}, []
    for n, ent in enumerate(annotation["entities"]):
        if ent["id"].startswith("V-"):
            continue
        local[f"t{n}"] = ent["id"]
        entities.append({**{k: v for k, v in ent.items() if k not in ("id", "canonical", "labels")},
                         "id": f"t{n}"})
    back = {true: lid for lid, true in local.items()}
    relations = [{**r, "source": back[r["source"]], "target": back[r["target"]]}
                 for r in annotation["relations"] if r["source"] in back and r["target"] in back]
    return {"entities": entities, "relations": relations}, local


def _row_matches(records_extraction: dict[str, Any], row_number: int) -> dict[str, str]:
    """Cell value -> local id of the mapped entities stated on one row."""
    found = {}
    for ent in records_extraction["entities"]:
        if any(m["start"] == row_number for m in ent["mentions"]):
            found[ent["name"]] = ent["id"]
    return found


def evaluate_resolution(corpus: Path) -> ResolutionReport:
    """Replay the gold extractions of a seed corpus through the resolver and score it."""
    truth, documents = corpus / "truth", corpus / "documents"
    manifest = {}
    with (documents / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            manifest[row["path"]] = row
    entity_types = {e["id"]: e["labels"][0] for e in json.loads(
        (truth / "entities.json").read_text("utf-8"))}
    structured = json.loads((truth / "structured.json").read_text("utf-8"))
    occurrences: list[tuple[str, str, str]] = []  # (true id, predicted id, path)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(Path(tmp) / "ledger.db")
        resolver = Resolver(ledger)
        for path, row in sorted(manifest.items()):
            doc = DocumentRecord(id=path, name=path, agency=row["agency"],
                                 releasability=row["releasability"], cases=[row["case"]])
            annotation_file = truth / "annotations" / f"{path}.json"
            if annotation_file.exists():
                extraction, local = _gold_extraction(json.loads(annotation_file.read_text("utf-8")))
                resolved = resolve_entities(extraction, doc, resolver)
                occurrences += [(local[lid], r.id, path) for lid, r in resolved.items()]
            elif path in structured:
                result = read(documents / path, max_bytes=64 << 20)[0]
                mapped = map_records(result.records or [], result.columns or [], path,
                                     result.row_texts, result.row_numbers)
                resolved = resolve_entities(mapped, doc, resolver)
                columns = list(structured[path]["columns"])
                for truth_row in structured[path]["rows"]:
                    number = result.row_numbers[truth_row["row"] - 1] if result.row_numbers else \
                        truth_row["row"] + 1
                    cells = _row_matches(mapped, number)
                    for column, true_id in truth_row["entities"].items():
                        value = truth_row["cells"][columns.index(column)]
                        lid = next((cell_id for name, cell_id in cells.items()
                                    if name == value or name.endswith(" " + value)), None)
                        if lid is not None and lid in resolved:
                            occurrences.append((true_id, resolved[lid].id, path))
        ledger.close()
    unique = sorted(set(occurrences))
    report = ResolutionReport(pairwise([(t, p) for t, p, _ in unique]))
    by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for t, p, _ in unique:
        by_type[entity_types.get(t, "?")].append((t, p))
    report.by_type = {k: pairwise(v) for k, v in sorted(by_type.items())}
    members: dict[str, set[str]] = defaultdict(set)
    for t, p, _ in unique:
        members[p].add(t)
    report.wrong_merges = sorted((p, *sorted(ts)[:2]) for p, ts in members.items() if len(ts) > 1)
    return report


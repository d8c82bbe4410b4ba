"""Check the real corpus: every gold file is consistent with its text, manifest and split.

    python -m nlp.corpus.check          # exit 1 and one line per problem if any

Checks: every text has a manifest row (url, publisher, licence, retrieval date) and sits in the
folder of its split; its ``SOURCE`` line is the manifest url; every entity name and alias occurs
verbatim in the text; types and roles are known; every relation end is an annotated entity,
its type known and its evidence a verbatim span of the text naming both ends.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nlp.corpus.split import CORPUS, SPLITS, split_of

__all__ = ["TYPES", "ROLES", "RELATION_TYPES", "check_gold", "check_corpus"]

TYPES = {"PERSON", "ORG", "LOCATION", "MONEY"}
ROLES = {"defendant", "official", "agency", "brand", "victim", "importer", "exporter",
         "manufacturer", "distributor", "shipper", "broker", "financier", "money_launderer",
         "leader", "supplier", "courier", "seller", "buyer", "front_company"}
RELATION_TYPES = {"LOCATED_IN", "CO_CONSPIRATOR_OF", "INVESTIGATED_BY", "PROSECUTED_BY",
                  "IMPORTED_FROM", "SHIPPED_TO", "SHIPPED_VIA", "WORKS_FOR", "OWNS", "DIRECTS",
                  "EMPLOYED_BY", "SUPPLIED", "PAID", "TRANSFERRED", "FINANCED", "MANUFACTURED",
                  "CONTAINS_BRAND", "SEIZED", "ASSOCIATED_WITH", "CHARGED_BY"}
_MANIFEST_FIELDS = ("url", "publisher", "licence", "retrieved", "language")


def check_gold(gold: dict, text: str) -> list[str]:
    """Problems of one gold annotation against its text body."""
    problems = []
    forms: dict[str, list[str]] = {}
    for e in gold.get("entities", []):
        if e.get("type") not in TYPES:
            problems.append(f"entity {e.get('name')!r} has unknown type {e.get('type')!r}")
        for form in (e["name"], *e.get("aliases", [])):
            if form not in text:
                problems.append(f"{form!r} does not occur in the text")
        unknown = set(e.get("roles", [])) - ROLES
        if unknown:
            problems.append(f"entity {e['name']!r} has unknown roles {sorted(unknown)}")
        if e["name"] in forms:
            problems.append(f"entity {e['name']!r} is annotated twice")
        forms[e["name"]] = [e["name"], *e.get("aliases", [])]
    for r in gold.get("relations", []):
        ends = (r.get("source"), r.get("target"))
        if any(end not in forms for end in ends):
            problems.append(f"relation {ends} has an end that is not an annotated entity")
            continue
        if r.get("type") not in RELATION_TYPES:
            problems.append(f"relation {ends} has unknown type {r.get('type')!r}")
        evidence = r.get("evidence", "")
        if not evidence or evidence not in text:
            problems.append(f"relation {ends}: evidence is not a span of the text")
        elif not all(any(f in evidence for f in forms[end]) for end in ends):
            problems.append(f"relation {ends}: evidence does not name both ends")
    return problems


def check_corpus(root: Path = CORPUS) -> list[str]:
    """Problems of the whole corpus under ``root``."""
    from nlp.corpus.build import read_manifest

    problems = []
    rows = {r["name"]: r for r in read_manifest()} if root == CORPUS else {}
    seen = set()
    for split in SPLITS:
        for text_path in sorted((root / split).glob("*.txt")):
            name = text_path.stem
            seen.add(name)
            where = f"{split}/{name}"
            if split_of(name) != split:
                problems.append(f"{where}: belongs to the {split_of(name)} split")
            row = rows.get(name)
            if row is None or any(not row.get(k) for k in _MANIFEST_FIELDS):
                problems.append(f"{where}: no complete manifest row")
            raw = text_path.read_text(encoding="utf-8")
            head, _, body = raw.partition("\n\n")
            if not head.startswith("SOURCE: ") or (row and head[8:].strip() != row["url"]):
                problems.append(f"{where}: SOURCE line missing or not the manifest url")
            gold_path = text_path.with_name(f"{name}.gold.json")
            if not gold_path.exists():
                problems.append(f"{where}: no gold file")
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            problems += [f"{where}: {p}" for p in check_gold(gold, body)]
    problems += [f"manifest row {n} has no text" for n in sorted(set(rows) - seen)]
    return problems


def main() -> int:
    """Command line entry point."""
    problems = check_corpus()
    for p in problems:
        sys.stdout.write(p + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

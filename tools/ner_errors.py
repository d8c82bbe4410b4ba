"""Print the false positives and false negatives of extraction per type and per text.

    python tools/ner_errors.py --gold nlp/corpus/real/train [--gold DIR ...] [--types ORG,LOCATION]
        [--json OUT]

Names are compared like ``nlp.evaluate`` does (its ``_keys``): a predicted entity is a true
positive when one of its names or aliases has the key of a gold name or alias of the same type.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlp.evaluate import TYPES, _keys, read_gold
from nlp.pipeline import extract


def errors(folder: Path, types: tuple[str, ...]) -> dict[str, dict[str, dict[str, list[str]]]]:
    """``{text: {type: {"fp": [...], "fn": [...]}}}`` for every gold text of ``folder``."""
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for doc in read_gold(folder):
        pred = extract(doc.text, language=doc.language)
        per: dict[str, dict[str, list[str]]] = {}
        for type_ in types:
            gold = [(g["name"], _keys(type_, [g["name"], *g.get("aliases", [])]))
                    for g in doc.entities if g["type"] == type_]
            found = [(e.name, _keys(type_, [e.name, *e.aliases]))
                     for e in pred.entities if e.type == type_]
            fp = [n for n, k in found if not any(k & gk for _, gk in gold)]
            fn = [n for n, k in gold if not any(k & pk for _, pk in found)]
            if fp or fn:
                per[type_] = {"fp": fp, "fn": fn}
        if per:
            out[doc.name] = per
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, action="append", required=True)
    parser.add_argument("--types", default=",".join(TYPES))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    types = tuple(args.types.split(","))
    everything = {}
    for folder in args.gold:
        for name, per in errors(folder, types).items():
            everything[f"{folder.name}/{name}"] = per
            sys.stdout.write(f"== {folder.name}/{name}\n")
            for type_, fx in per.items():
                sys.stdout.write(f"  {type_:8} FP {fx['fp']}\n  {'':8} FN {fx['fn']}\n")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

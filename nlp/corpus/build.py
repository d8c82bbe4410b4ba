"""Corpus maintenance: take texts in, pre-annotate them, build gold files from reviewed annotations.

    python -m nlp.corpus.build intake DIR   # held-out check, then texts and manifest rows in
    python -m nlp.corpus.build pre          # pipeline pre-annotation real/ann/NAME.pre
    python -m nlp.corpus.build gold         # real/ann/NAME.ann -> real/<split>/NAME.gold.json

``intake`` reads ``DIR/*.txt`` and ``DIR/manifest.jsonl`` (one JSON object per text: file, url,
publisher, licence, language, retrieved) and refuses the whole batch if the held-out check
(``tools/heldout_check.py``) flags any text.
"""

from __future__ import annotations

import csv
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from fakefree.errors import InputError
from nlp.corpus.compact import from_extraction, parse, to_gold
from nlp.corpus.split import CORPUS, SPLITS, split_of

__all__ = ["MANIFEST_FIELDS", "read_manifest", "text_path", "intake", "pre_annotate", "build_gold"]

log = logging.getLogger(__name__)
MANIFEST = CORPUS / "manifest.csv"
ANN = CORPUS / "ann"
MANIFEST_FIELDS = ("name", "split", "language", "url", "publisher", "licence", "retrieved")
HELDOUT_CHECK = Path(__file__).resolve().parents[2] / "tools" / "heldout_check.py"


def read_manifest() -> list[dict]:
    """The manifest rows, in file order."""
    if not MANIFEST.exists():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write_manifest(rows: list[dict]) -> None:
    with MANIFEST.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, MANIFEST_FIELDS)
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["name"]))


def text_path(name: str) -> Path:
    """Where the text of ``name`` lives."""
    return CORPUS / split_of(name) / f"{name}.txt"


def read_text(name: str) -> tuple[str, str]:
    """The ``SOURCE`` url and the body of a corpus text."""
    raw = text_path(name).read_text(encoding="utf-8")
    head, _, body = raw.partition("\n\n")
    return head.removeprefix("SOURCE:").strip(), body


def heldout_flags(paths: list[Path]) -> str:
    """The held-out checker's report on ``paths``; empty if nothing is flagged."""
    out = subprocess.run([sys.executable, str(HELDOUT_CHECK), *map(str, paths)],
                         capture_output=True, text=True, check=False)
    return out.stdout.strip() if out.returncode else ""


def intake(folder: Path) -> list[str]:
    """Take the texts of ``folder`` into the corpus; returns their names."""
    texts = sorted(folder.glob("*.txt"))
    flagged = heldout_flags(texts)
    if flagged:
        raise InputError(f"Held-out text in {folder}; remove it first:\n{flagged}")
    meta = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            meta[Path(row["file"]).stem] = row
    rows = {r["name"]: r for r in read_manifest()}
    for path in texts:
        name = path.stem
        if name not in meta:
            raise InputError(f"{path} has no row in {folder / 'manifest.jsonl'}.")
        m = meta[name]
        rows[name] = {"name": name, "split": split_of(name), "language": m["language"],
                      "url": m["url"], "publisher": m["publisher"], "licence": m["licence"],
                      "retrieved": m["retrieved"]}
        shutil.copyfile(path, text_path(name))
    _write_manifest(list(rows.values()))
    return [p.stem for p in texts]


def pre_annotate() -> list[str]:
    """Write ``ann/NAME.pre`` (the pipeline's extraction, compact form) for texts lacking one."""
    from nlp.pipeline import extract_many

    todo = [r for r in read_manifest() if not (ANN / f"{r['name']}.pre").exists()]
    bodies = [read_text(r["name"])[1] for r in todo]
    for row, result in zip(todo, extract_many(bodies)):
        (ANN / f"{row['name']}.pre").write_text(from_extraction(result), encoding="utf-8")
    return [r["name"] for r in todo]


def build_gold() -> list[str]:
    """Build ``NAME.gold.json`` from every reviewed ``ann/NAME.ann``."""
    rows = {r["name"]: r for r in read_manifest()}
    built = []
    for ann in sorted(ANN.glob("*.ann")):
        name = ann.stem
        if name not in rows:
            raise InputError(f"{ann} has no text in the corpus manifest.")
        source, body = read_text(name)
        parsed = parse(ann.read_text(encoding="utf-8"), str(ann))
        gold = to_gold(parsed, body, source, rows[name]["language"], str(ann))
        out = text_path(name).with_name(f"{name}.gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        built.append(name)
    return built


def main(argv: list[str]) -> int:
    """Command line entry point."""
    for split in SPLITS:
        (CORPUS / split).mkdir(parents=True, exist_ok=True)
    ANN.mkdir(exist_ok=True)
    command = argv[0] if argv else ""
    try:
        if command == "intake" and len(argv) == 2:
            names = intake(Path(argv[1]))
        elif command == "pre":
            names = pre_annotate()
        elif command == "gold":
            names = build_gold()
        else:
            sys.stderr.write(__doc__ or "")
            return 2
    except InputError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    sys.stdout.write(f"{command}: {len(names)} texts\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

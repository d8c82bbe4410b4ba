"""Scale mode: text-only output without DocBins, and determinism independent of the demo."""

from __future__ import annotations

import hashlib
from pathlib import Path

from seed_data.generate import generate


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_scale_text_only_writes_no_binary_documents_and_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    summary = generate(a, cases=2, seed=11, docbin=False, binary=False, broken=False)
    generate(b, cases=2, seed=11, docbin=False, binary=False, broken=False)
    assert _digest(a) == _digest(b)
    suffixes = {p.suffix for p in (a / "documents").rglob("*") if p.is_file()}
    assert suffixes <= {".txt", ".csv", ".xlsx", ".eml"}
    assert not list((a / "truth").glob("*.spacy"))
    assert summary.documents == sum(summary.by_type.values()) > 40


def test_scale_other_seed_gives_other_corpus(tmp_path):
    generate(tmp_path / "a", cases=1, seed=1, docbin=False, binary=False, broken=False)
    generate(tmp_path / "b", cases=1, seed=2, docbin=False, binary=False, broken=False)
    a = (tmp_path / "a" / "truth" / "entities.json").read_bytes()
    b = (tmp_path / "b" / "truth" / "entities.json").read_bytes()
    assert a != b

"""Real corpus texts as NER training examples: gold names located in their text.

The real corpus (:mod:`nlp.corpus`) records entities by name and alias, not by span; every
verbatim, word-bounded occurrence of a name or alias becomes a span of its type, the longest first
where occurrences overlap. Only the train split is read; the eval split is never trained on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from nlp.training.generate import Sample

__all__ = ["LABEL_OF", "gold_spans", "real_samples"]

LABEL_OF = {"PERSON": "PERSON", "ORG": "ORG", "LOCATION": "LOC", "MONEY": "MONEY"}


def gold_spans(text: str, entities: list[dict]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, label) spans of every gold name and alias in ``text``.

    >>> gold_spans("Ann Lee of Miami; Lee fled.",
    ...            [{"name": "Ann Lee", "aliases": ["Lee"], "type": "PERSON"},
    ...             {"name": "Miami", "aliases": [], "type": "LOCATION"}])
    [(0, 7, 'PERSON'), (11, 16, 'LOC'), (18, 21, 'PERSON')]
    """
    found = []
    for entity in entities:
        label = LABEL_OF.get(entity.get("type", ""))
        if not label:
            continue
        for form in {entity["name"], *entity.get("aliases", [])}:
            pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
            found += [(m.start(), m.end(), label) for m in re.finditer(pattern, text)]
    spans: list[tuple[int, int, str]] = []
    for start, end, label in sorted(found, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, label))
    return sorted(spans)


def real_samples(folder: Path, weight: int = 1, partial: bool = True) -> list[Sample]:
    """Samples of every ``NAME.txt`` + ``NAME.gold.json`` of ``folder``, each repeated ``weight``
    times (``partial``: see :class:`~nlp.training.generate.Sample`)."""
    out = []
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        raw = gold_path.with_name(gold_path.name[:-len(".gold.json")] + ".txt").read_text(
            encoding="utf-8")
        text = raw.partition("\n\n")[2] if raw.startswith("SOURCE:") else raw
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        sample = Sample(text=text, spans=gold_spans(text, gold.get("entities", [])),
                        language=gold.get("language") or "en", partial=partial)
        out += [sample] * weight
    return out

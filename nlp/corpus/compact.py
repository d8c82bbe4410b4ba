"""The compact annotation form the corpus is reviewed in, and its conversion to gold JSON.

One line per entity or relation::

    P Kevin Xu | Xu : defendant exporter      (type letter, name | aliases : roles)
    O Pfizer Pharmaceuticals : brand victim
    L Houston
    M $1,286,060
    R Kevin Xu > Pacific Orient International Ltd. : OWNS
    R Xu > Houston : LOCATED_IN @ an explicit evidence span

A relation end may be written by any of the entity's forms. Without ``@``, the evidence is the
shortest run of whole sentences of the text holding a form of both ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fakefree.errors import InputError

__all__ = ["TYPE_LETTERS", "parse", "to_gold", "from_extraction", "evidence_for"]

TYPE_LETTERS = {"P": "PERSON", "O": "ORG", "L": "LOCATION", "M": "MONEY"}
_LETTER_OF = {v: k for k, v in TYPE_LETTERS.items()}
_SENT_END = re.compile(r"(?<=[.!?»”\"])\s+|\n+")


@dataclass
class Parsed:
    """Entities and relations of one compact annotation."""

    entities: list[dict]
    relations: list[dict]


def parse(lines: str, where: str = "annotation") -> Parsed:
    """Entities and relations of a compact annotation.

    >>> p = parse("P Ann Lee | Lee : defendant\\nL Miami\\nR Lee > Miami : LOCATED_IN")
    >>> p.entities[0]["aliases"], p.relations[0]["source"]
    (['Lee'], 'Ann Lee')
    """
    entities: list[dict] = []
    raw_relations: list[tuple[int, str]] = []
    for number, line in enumerate(lines.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        letter, _, rest = line.partition(" ")
        if letter == "R":
            raw_relations.append((number, rest))
        elif letter in TYPE_LETTERS:
            names, _, roles = re.sub(r"\s+:$", " : ", rest).partition(" : ")
            forms = [f.strip() for f in names.split(" | ") if f.strip()]
            if not forms:
                raise InputError(f"{where} line {number} names no entity.")
            entities.append({"name": forms[0], "aliases": forms[1:], "type": TYPE_LETTERS[letter],
                             "roles": roles.split()})
        else:
            raise InputError(f"{where} line {number} starts with {letter!r}, not P/O/L/M/R.")
    by_form = {}
    for e in entities:
        for form in (e["name"], *e["aliases"]):
            by_form.setdefault(form, e["name"])
    relations = []
    for number, rest in raw_relations:
        body, _, evidence = rest.partition(" @ ")
        ends, _, type_ = body.rpartition(" : ")
        source, _, target = ends.partition(" > ")
        if source.strip() not in by_form or target.strip() not in by_form or not type_.strip():
            raise InputError(f"{where} line {number}: a relation end is not an annotated entity "
                             f"or the type is missing ({rest!r}).")
        relations.append({"source": by_form[source.strip()], "target": by_form[target.strip()],
                          "type": type_.strip(), "evidence": evidence.strip()})
    return Parsed(entities, relations)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _positions(text: str, forms: list[str]) -> list[tuple[int, int]]:
    out = []
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            out.append((m.start(), m.end()))
    return out


def evidence_for(text: str, a_forms: list[str], b_forms: list[str]) -> str | None:
    """The shortest run of whole sentences holding a form of each end, or None."""
    sents = _sentences(text)
    best: tuple[int, int] | None = None
    for a in _positions(text, a_forms):
        for b in _positions(text, b_forms):
            lo, hi = min(a[0], b[0]), max(a[1], b[1])
            s = next((s for s, e in sents if s <= lo < e), lo)
            e = next((e for s, e in sents if s < hi <= e), hi)
            if best is None or e - s < best[1] - best[0]:
                best = (s, e)
    return text[best[0]:best[1]].strip() if best else None


def to_gold(parsed: Parsed, text: str, source: str, language: str, where: str) -> dict:
    """The gold JSON of one text, with the evidence of every relation filled in."""
    forms = {e["name"]: [e["name"], *e["aliases"]] for e in parsed.entities}
    relations = []
    for r in parsed.relations:
        evidence = r["evidence"] or evidence_for(text, forms[r["source"]], forms[r["target"]])
        if not evidence:
            raise InputError(f"{where}: no sentence holds both {r['source']!r} and "
                             f"{r['target']!r}; give the evidence after ' @ '.")
        relations.append({**r, "evidence": evidence})
    return {"source": source, "language": language, "entities": parsed.entities,
            "relations": relations}


def from_extraction(extraction) -> str:
    """A pipeline extraction in the compact form (the pre-annotation a reviewer starts from)."""
    lines = []
    names = {}
    for e in extraction.entities:
        if e.type not in _LETTER_OF:
            continue
        names[e.id] = e.name
        forms = " | ".join([e.name, *[a for a in e.aliases if a != e.name]])
        roles = f" : {' '.join(e.roles)}" if e.roles else ""
        lines.append(f"{_LETTER_OF[e.type]} {forms}{roles}")
    for r in extraction.relations:
        if r.source in names and r.target in names:
            lines.append(f"R {names[r.source]} > {names[r.target]} : {r.type}")
    return "\n".join(lines) + "\n"

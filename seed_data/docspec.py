"""What a generated document is before it is written to disk: metadata plus content."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from seed_data import templates
from seed_data.text import AnnotatedText
from seed_data.world import Case, World

__all__ = ["DocSpec", "Ctx", "Table"]


@dataclass
class Table:
    """A CSV/XLSX record set: column descriptions, rows, and per row the entities it refers to."""

    columns: dict[str, str]
    rows: list[list[str]] = field(default_factory=list)
    row_entities: list[dict[str, str]] = field(default_factory=list)
    row_relations: list[list[str]] = field(default_factory=list)


@dataclass
class DocSpec:
    """One document: where it goes, who holds it, and its annotated text or table."""

    name: str
    case: str
    agency: str
    releasability: str
    language: str
    doc_type: str
    date: str
    fmt: str
    text: AnnotatedText | None = None
    table: Table | None = None
    headers: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return f"{self.case}/{self.name}.{self.fmt}"


class Ctx:
    """Helpers for writing the documents of one case."""

    def __init__(self, world: World, case: Case, rng: random.Random) -> None:
        self.w, self.case, self.rng = world, case, rng

    def e(self, role: str, i: int = 0) -> str:
        ids = self.case.roles[role]
        return ids[i % len(ids)]

    def text(self, lang: str, *, noise: float = 0.0, native: bool = False) -> AnnotatedText:
        return AnnotatedText(self.w, self.case.id, lang, self.rng, noise=noise, native_script=native)

    def fact(self, t: AnnotatedText, kind: str, end: str = " ", **ids: Any) -> None:
        """Write one sentence of ``kind``; entity ids become references spelled for ``t``."""
        template, rels = templates.pick(kind, t.lang, self.case.split, self.rng)
        slots = {k: (t.ref(v) if isinstance(v, str) and v.startswith("E") and v[1:].isdigit() else v)
                 for k, v in ids.items()}
        t.say(template, rels=rels, end=end, **slots)

"""Annotated text: documents are written piece by piece, and every entity mention and relation
records its character span as it is written, so spans always equal the text's slice.

>>> from seed_data.world import World
>>> import random
>>> w = World(random.Random(0))
>>> a = w.add("PERSON", "", ["Person"], "Wei Zhang", ["Wei Zhang", "Zhang Wei"])
>>> t = AnnotatedText(w, "X", "en", random.Random(0))
>>> t.say("{p} was arrested.", p=t.ref(a.id, "Zhang Wei"))
>>> t.text[t.mentions[a.id][0][0]:t.mentions[a.id][0][1]]
'Zhang Wei'
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from typing import Any

from seed_data import formats
from seed_data.names import ocr_noise
from seed_data.world import World

__all__ = ["AnnotatedText", "Ref", "Val"]

_SLOT = re.compile(r"\{(\w+)\}")
_LANG_INDEX = {"en": 0, "fr": 1, "es": 2}


@dataclass(frozen=True)
class Ref:
    """A mention of a true entity, as spelled in this document."""

    id: str
    surface: str


@dataclass(frozen=True)
class Val:
    """A MONEY or DATE value (not an entity): its type, normalised id and surface."""

    type: str
    id: str
    surface: str
    props: tuple = ()


class AnnotatedText:
    """A document being written, with its mentions and relations."""

    def __init__(self, world: World, case: str, lang: str, rng: random.Random, *,
                 noise: float = 0.0, native_script: bool = False) -> None:
        self.w, self.case, self.lang, self.rng = world, case, lang, rng
        self.noise, self.native_script = noise, native_script
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: dict[str, list[tuple[int, int, str]]] = {}
        self.values: dict[str, Val] = {}
        self.relations: list[dict[str, Any]] = []
        self.rel_ids: list[str] = []
        self.prefer: dict[tuple[str, str, str], str] = {}

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def _mention(self, key: str, surface: str) -> tuple[int, int]:
        start = self.pos
        self.add(surface)
        self.mentions.setdefault(key, []).append((start, self.pos, surface))
        return start, self.pos

    # -- choosing surfaces ------------------------------------------------------------------
    def ref(self, eid: str, surface: str | None = None, canonical: bool = False) -> Ref:
        """A mention of ``eid``: a spelling chosen for this document (maybe noisy)."""
        if surface is None:
            surface = self.spell(eid, canonical)
        return Ref(eid, surface)

    def spell(self, eid: str, canonical: bool = False) -> str:
        ent = self.w.get(eid)
        variants = ent.variants
        rng = self.rng
        if ent.subtype == "COUNTRY":
            return variants[_LANG_INDEX.get(self.lang, 0)]
        if ent.subtype == "AGENCY":
            country = ent.props.get("country")
            use_other = (self.lang == "fr" and country == "CA") or (self.lang == "es" and country == "US")
            full = variants[1] if use_other else variants[0]
            if canonical:
                return full
            shorts = [v for v in variants[2:]]
            return rng.choice([full, full] + shorts)
        if canonical or rng.random() < 0.45:
            surface = ent.name
        else:
            pool = [v for v in variants if self.native_script or not _is_cjk(v)]
            surface = rng.choice(pool)
        if ent.type in ("PERSON", "ORG", "LOCATION") and self.noise and rng.random() < self.noise:
            surface = ocr_noise(rng, surface)
        return surface

    def money(self, amount: float, currency: str, style: str | None = None) -> Val:
        surface = formats.money(amount, currency, self.lang, self.rng, style)
        return Val("MONEY", f"V-MONEY-{currency}-{amount:.2f}", surface,
                   (("amount", round(amount, 2)), ("currency", currency)))

    def date(self, day: dt.date | str, style: str | None = None) -> Val:
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        return Val("DATE", f"V-DATE-{day.isoformat()}", formats.date(day, self.lang, self.rng, style),
                   (("date", day.isoformat()),))

    # -- writing ----------------------------------------------------------------------------
    def write(self, slot: Any) -> tuple[int, int]:
        if isinstance(slot, Ref):
            self.w.get(slot.id).spellings.add(slot.surface)
            return self._mention(slot.id, slot.surface)
        if isinstance(slot, Val):
            self.values[slot.id] = slot
            return self._mention(slot.id, slot.surface)
        start = self.pos
        self.add(str(slot))
        return start, self.pos

    def say(self, template: str, rels: tuple = (), end: str = " ", **slots: Any) -> None:
        """Write ``template`` with its slots; ``rels`` are (source slot, TYPE, target slot)
        triples, each a true relation whose evidence is this sentence."""
        start = self.pos
        last = 0
        for match in _SLOT.finditer(template):
            self.add(self._after(template[last:match.start()]))
            self.write(slots[match.group(1)])
            last = match.end()
        self.add(self._after(template[last:]))
        stop = self.pos
        self.add(end)
        for src, rtype, dst, *extra in rels:
            self.relate(slots[src].id, rtype, slots[dst].id, start, stop)

    def _after(self, literal: str) -> str:
        """Literal text following what was written: no doubled full stop after "Co., Ltd."."""
        if literal.startswith(".") and self.parts and self.parts[-1].endswith("."):
            return literal[1:]
        return literal

    def relate(self, source: str, rtype: str, target: str, start: int, stop: int) -> None:
        """Record a true relation stated by the span ``start:stop`` (it must exist in the world).

        ``self.prefer`` names the exact relation where a pair has several (e.g. two transfers)."""
        if (source, rtype, target) in self.prefer:
            rel = self.w.relations[self.prefer[(source, rtype, target)]]
        else:
            rel = self.w.find(source, rtype, target, self.case)
        if rel is None:
            raise ValueError(f"No true relation {source} {rtype} {target} in case {self.case}.")
        text = self.text[start:stop]
        entry = {"id": rel.id, "source": source, "target": target, "type": rtype,
                 "evidence": {"start": start, "end": stop, "text": text}}
        for key in ("amount", "currency", "date"):
            if key in rel.props:
                entry[key] = rel.props[key]
        self.relations.append(entry)
        self.rel_ids.append(rel.id)

    def line(self, text: str = "") -> None:
        self.add(text + "\n")

    def field(self, label: str, slot: Any, rels: tuple = ()) -> None:
        """A ``Label: value`` line."""
        self.say(f"{label}: {{v}}", rels=rels, end="\n", v=slot)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)

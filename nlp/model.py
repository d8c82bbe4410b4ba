"""The extraction record: :class:`Extraction`, :class:`Entity` and :class:`Relation`.

This is the contract between :mod:`nlp` and the ETL (see DESIGN.md, "Extraction JSON").

>>> e = Entity.make("PERSON", "Kevin Xu", mentions=[Mention(0, 8, "Kevin Xu")])
>>> e.id == Entity.make("PERSON", "kevin  XU").id
True
>>> Extraction.from_json(Extraction("en", [e], []).to_json()).entities[0].name
'Kevin Xu'
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Mention", "Entity", "Relation", "Event", "Extraction", "normalise_name", "entity_id",
           "RawMention", "RawRelation"]

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s@.+-]")


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, single-spaced form of a name used for identifiers.

    >>> normalise_name("  Société  Générale S.A. ")
    'societe generale s.a.'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.lower())
    return _SPACE.sub(" ", text).strip()


def entity_id(type_: str, name: str) -> str:
    """Deterministic identifier from an entity type and its normalised name.

    >>> entity_id("ORG", "Nike").startswith("org-")
    True
    """
    digest = hashlib.sha1(f"{type_}|{normalise_name(name)}".encode()).hexdigest()[:16]
    return f"{type_.lower()}-{digest}"


@dataclass
class Mention:
    """One occurrence of an entity: character offsets into the text and the text itself."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A named party, place, amount, date or identifier found in one text."""

    id: str
    name: str
    type: str
    subtype: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def make(cls, type_: str, name: str, **kwargs: Any) -> "Entity":
        """An entity whose ``id`` is derived from ``type_`` and ``name``."""
        key = kwargs.pop("key", None) or name
        return cls(id=entity_id(type_, key), name=name, type=type_, **kwargs)


@dataclass
class Relation:
    """A typed link between two entities of the same text, with its evidence span."""

    source: str
    target: str
    type: str
    evidence: Mention
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    """A frame the text states: a SEIZURE, SHIPMENT or PAYMENT, with its arguments.

    ``args`` holds entity ids (``agency``, ``shipper``, ``payer``...), lists of entity ids
    (``containers``, ``brands``) and plain values (``date`` as ISO 8601, ``amount`` as a float,
    ``currency``, ``quantity``, ``goods``); ``arg_evidence`` the sentence each argument came from.
    """

    type: str
    trigger: str
    args: dict[str, Any]
    evidence: Mention
    arg_evidence: dict[str, Mention] = field(default_factory=dict)


@dataclass
class Extraction:
    """Everything extracted from one text."""

    language: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md extraction JSON as a dict."""
        return asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The DESIGN.md extraction JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str | dict[str, Any]) -> "Extraction":
        """Read what :meth:`to_json` wrote (a string or an already parsed dict)."""
        raw = json.loads(data) if isinstance(data, str) else data
        entities = [
            Entity(id=e["id"], name=e["name"], type=e["type"], subtype=e.get("subtype"),
                   roles=list(e.get("roles", [])), aliases=list(e.get("aliases", [])),
                   mentions=[Mention(**m) for m in e.get("mentions", [])],
                   attrs=dict(e.get("attrs", {})))
            for e in raw.get("entities", [])
        ]
        relations = [
            Relation(source=r["source"], target=r["target"], type=r["type"],
                     evidence=Mention(**r["evidence"]), props=dict(r.get("props", {})))
            for r in raw.get("relations", [])
        ]
        events = [
            Event(type=e["type"], trigger=e.get("trigger", ""), args=dict(e.get("args", {})),
                  evidence=Mention(**e["evidence"]),
                  arg_evidence={k: Mention(**v) for k, v in e.get("arg_evidence", {}).items()})
            for e in raw.get("events", [])
        ]
        return cls(language=raw.get("language", "en"), entities=entities, relations=relations,
                   messages=list(raw.get("messages", [])), events=events)

    def by_id(self) -> dict[str, Entity]:
        """Entities keyed by their id."""
        return {e.id: e for e in self.entities}


# The pipeline's own records, before an extraction is assembled (nlp.assemble).
@dataclass
class RawMention:
    """A typed mention in one doc (character offsets into ``doc.text``)."""

    start: int
    end: int
    text: str
    type: str
    subtype: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)
    source: str = "ner"
    alias_only: bool = False


@dataclass
class RawRelation:
    """A relation between two mentions of one doc, with the evidence span."""

    source: RawMention
    target: RawMention
    type: str
    start: int
    end: int
    props: dict[str, Any] = field(default_factory=dict)

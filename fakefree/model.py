"""Records written to and read from a graph store, and the viewer who reads them.

A store holds *claims*: what one document asserts about a node or a relationship. What a viewer
sees of an entity is the merge of the claims made by the documents that viewer may see.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "RELEASABILITY_LEVELS",
    "Evidence",
    "DocumentRecord",
    "NodeClaim",
    "RelClaim",
    "Batch",
    "Viewer",
    "NodeView",
    "RelView",
    "Path",
    "rel_id",
    "stable_id",
]

UNCLASSIFIED = "UNCLASSIFIED"
LES = "LAW-ENFORCEMENT-SENSITIVE"
AGENCY_ONLY = "AGENCY-ONLY"
REL_TO = "REL-TO:"
RELEASABILITY_LEVELS = (UNCLASSIFIED, LES, AGENCY_ONLY)


def stable_id(*parts: str) -> str:
    """A short deterministic identifier from its parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:20]


def rel_id(source: str, rel_type: str, target: str, key: str = "") -> str:
    """The identifier of a relationship: its endpoints, type and distinguishing key."""
    return "r" + stable_id(source, rel_type, target, key)


@dataclass(frozen=True)
class Evidence:
    """Where a claim comes from: a character span of a document and its quoted text."""

    document_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentRecord:
    """A source document and its access marking."""

    id: str
    name: str
    agency: str
    releasability: str = LES
    cases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_releasability(self.releasability, f"Document {self.name}")

    @property
    def tag(self) -> str:
        """The visibility tag: the pair (agency, releasability) decides who may read it."""
        return f"{self.agency}|{self.releasability}"


@dataclass
class NodeClaim:
    """What one document asserts about one node."""

    id: str
    document_id: str
    labels: list[str]
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class RelClaim:
    """What one document asserts about one relationship."""

    source: str
    target: str
    type: str
    document_id: str
    key: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    @property
    def id(self) -> str:
        return rel_id(self.source, self.type, self.target, self.key)


@dataclass
class Batch:
    """One unit of writing: documents, and the node and relationship claims they make."""

    documents: list[DocumentRecord] = field(default_factory=list)
    nodes: list[NodeClaim] = field(default_factory=list)
    rels: list[RelClaim] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents) + len(self.nodes) + len(self.rels)


def check_releasability(value: str, what: str) -> None:
    from fakefree.errors import InputError

    if value in RELEASABILITY_LEVELS:
        return
    if value.startswith(REL_TO) and value[len(REL_TO):].strip():
        return
    raise InputError(
        f"{what} has releasability {value!r}; use one of {', '.join(RELEASABILITY_LEVELS)} "
        f"or REL-TO:AGENCY[,AGENCY...].")


@dataclass(frozen=True)
class Viewer:
    """Who is reading: their agencies and clearance decide which documents they may see.

    A document is visible when it belongs to one of the viewer's agencies, is ``UNCLASSIFIED``,
    is ``LAW-ENFORCEMENT-SENSITIVE`` and the viewer is cleared for it, or is ``REL-TO:`` a list
    naming one of the viewer's agencies. ``AGENCY-ONLY`` documents stay inside their agency.

    >>> Viewer.of("CBSA").may_see("RCMP", "AGENCY-ONLY")
    False
    >>> Viewer.of("CBSA").may_see("RCMP", "REL-TO:CBSA,CBP")
    True
    """

    name: str = "system"
    agencies: frozenset[str] = frozenset()
    clearance: str = LES
    all_access: bool = False

    @classmethod
    def system(cls) -> "Viewer":
        """The viewer of ETL jobs and administrators: sees everything."""
        return cls(name="system", all_access=True)

    @classmethod
    def of(cls, *agencies: str, clearance: str = LES, name: str = "") -> "Viewer":
        return cls(name=name or "+".join(agencies), agencies=frozenset(agencies),
                   clearance=clearance)

    def may_see(self, agency: str, releasability: str) -> bool:
        if self.all_access or agency in self.agencies or releasability == UNCLASSIFIED:
            return True
        if releasability == LES:
            return self.clearance == LES
        if releasability.startswith(REL_TO):
            allowed = {a.strip() for a in releasability[len(REL_TO):].split(",")}
            return bool(allowed & self.agencies)
        return False

    def allowed_tags(self, tags: set[str] | list[str]) -> list[str]:
        """Of the visibility tags present in a store, those this viewer may see."""
        out = []
        for tag in tags:
            agency, _, releasability = tag.partition("|")
            if self.may_see(agency, releasability):
                out.append(tag)
        return sorted(out)


@dataclass
class NodeView:
    """A node as one viewer sees it: merged from the claims of the documents they may see."""

    id: str
    labels: list[str]
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    cases: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    releasability: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self), default=str))


@dataclass
class RelView:
    """A relationship as one viewer sees it."""

    id: str
    source: str
    target: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    cases: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self), default=str))


@dataclass
class Path:
    """A path between two nodes: the nodes in order and the relationship of each hop."""

    nodes: list[NodeView]
    rels: list[RelView]

    def __len__(self) -> int:
        return len(self.rels)

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.to_dict() for n in self.nodes], "rels": [r.to_dict() for r in self.rels]}

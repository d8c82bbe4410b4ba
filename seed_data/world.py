"""The world model: true entities, true relations and cases, before any document is written.

Documents (see :mod:`seed_data.docs`) are renderings of this model; the truth files are dumps of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Entity", "Relation", "World", "Shipment", "Transfer", "Case"]


@dataclass
class Entity:
    """One real-world entity. ``type``/``subtype`` are the extraction types; ``labels`` the schema."""

    id: str
    type: str
    subtype: str
    labels: list[str]
    name: str
    variants: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    identifiers: dict[str, str] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)
    cases: set[str] = field(default_factory=set)
    spellings: set[str] = field(default_factory=set)
    native: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "subtype": self.subtype, "labels": self.labels,
                "name": self.name, "spellings": sorted(self.spellings | {self.name}),
                "variants": self.variants, "roles": sorted(self.roles),
                "identifiers": self.identifiers, "props": self.props, "cases": sorted(self.cases)}


@dataclass
class Relation:
    """A true relation between two entities, with the documents that state it."""

    id: str
    source: str
    type: str
    target: str
    case: str
    props: dict[str, Any] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "type": self.type, "target": self.target,
                "case": self.case, **self.props, "documents": self.documents}


@dataclass
class Shipment:
    """A consignment: the entity of its bill of lading plus what the documents need to say."""

    entity: str
    bl: str
    container: str
    container_entity: str
    hs_entity: str
    vessel: str
    pol: str
    pod: str
    exporter: str
    importer: str
    forwarder: str
    broker: str
    goods: str
    hs: str
    brand: str
    quantity: int
    msrp: float
    declared_value: float
    invoice_value: float
    date: str
    counterfeit: bool
    seized_by: str = ""
    seizure: str = ""
    seizure_date: str = ""


@dataclass
class Transfer:
    """One step of a money chain."""

    relation: str
    source_account: str
    target_account: str
    source_party: str
    target_party: str
    amount: float
    currency: str
    date: str
    flags: list[str] = field(default_factory=list)
    reference: str = ""


@dataclass
class Case:
    """One investigation: its network (by role), shipments and money chains."""

    id: str
    title: str
    sector: str
    country: str
    lead: str
    agencies: list[str]
    year: int
    split: str
    language: str
    roles: dict[str, list[str]] = field(default_factory=dict)
    shipments: list[Shipment] = field(default_factory=list)
    chains: list[list[Transfer]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    source_org: list[str] = field(default_factory=list)
    entity: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    def role(self, name: str) -> list[str]:
        return self.roles.get(name, [])

    def one(self, name: str) -> str:
        return self.roles[name][0]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "entity": self.entity, "title": self.title, "sector": self.sector,
            "country": self.country, "lead_agency": self.lead, "agencies": self.agencies,
            "year": self.year, "split": self.split, "documents": self.documents,
            "source_organization": self.source_org, "roles": self.roles,
            "money_chains": [[{"relation": t.relation, "source_account": t.source_account,
                               "target_account": t.target_account, "source": t.source_party,
                               "target": t.target_party, "amount": t.amount,
                               "currency": t.currency, "date": t.date, "flags": t.flags}
                              for t in chain] for chain in self.chains],
            "shipments": [{"entity": s.entity, "bill_of_lading": s.bl, "container": s.container,
                           "vessel": s.vessel, "port_of_loading": s.pol,
                           "port_of_discharge": s.pod, "exporter": s.exporter,
                           "importer": s.importer, "goods": s.goods, "hs_code": s.hs,
                           "brand": s.brand, "quantity": s.quantity, "msrp_usd": s.msrp,
                           "declared_value_usd": s.declared_value, "date": s.date,
                           "counterfeit": s.counterfeit, "seized_by": s.seized_by,
                           "seizure": s.seizure} for s in self.shipments],
        }


class World:
    """Every true entity and relation, with lookups by key so shared places stay one entity."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}
        self.keys: dict[str, str] = {}
        self.rel_keys: dict[tuple, str] = {}
        self.rel_index: dict[tuple[str, str, str, str], str] = {}
        self.out: dict[tuple[str, str], list[str]] = {}
        self.into: dict[str, list[str]] = {}

    def add(self, type_: str, subtype: str, labels: list[str], name: str,
            variants: list[str] | None = None, key: str | None = None, **kw: Any) -> Entity:
        """A new entity, or the one already registered under ``key``."""
        if key and key in self.keys:
            return self.entities[self.keys[key]]
        eid = f"E{len(self.entities) + 1:05d}"
        ent = Entity(eid, type_, subtype, labels, name, variants or [name], **kw)
        self.entities[eid] = ent
        if key:
            self.keys[key] = eid
        return ent

    def relate(self, source: str, type_: str, target: str, case: str, **props: Any) -> Relation:
        """A true relation (one per source/type/target/props within a case)."""
        key = (source, type_, target, case, tuple(sorted(props.items())))
        if key in self.rel_keys:
            return self.relations[self.rel_keys[key]]
        rid = f"R{len(self.relations) + 1:06d}"
        rel = Relation(rid, source, type_, target, case, dict(props))
        self.relations[rid] = rel
        self.rel_keys[key] = rid
        self.rel_index.setdefault((source, type_, target, case), rid)
        self.rel_index.setdefault((source, type_, target, "*"), rid)
        self.out.setdefault((source, type_), []).append(rid)
        self.into.setdefault(target, []).append(rid)
        return rel

    def find(self, source: str, type_: str, target: str, case: str) -> Relation | None:
        """The true relation, preferring the one planted in ``case``, then a global one, then any."""
        rid = (self.rel_index.get((source, type_, target, case)) or self.rel_index.get((source, type_, target, ""))
               or self.rel_index.get((source, type_, target, "*")))
        return self.relations[rid] if rid else None

    def targets(self, source: str, type_: str, target_type: str | None = None) -> list[str]:
        """Targets of ``source``'s relations of ``type_`` (optionally of one entity type)."""
        out = [self.relations[rid].target for rid in self.out.get((source, type_), [])]
        return [t for t in out if target_type is None or self.entities[t].type == target_type]

    def incoming(self, target: str) -> list[Relation]:
        """Relations ending at ``target``, in creation order."""
        return [self.relations[rid] for rid in self.into.get(target, [])]

    def get(self, eid: str) -> Entity:
        return self.entities[eid]

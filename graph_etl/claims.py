"""Turn one document's extraction (NER output or mapped records) into graph claims.

The input is the extraction JSON of DESIGN.md (``entities`` with types, roles, mentions;
``relations`` with evidence); structured mappers produce the same form with a ``label`` per
entity. Entities are resolved to graph ids, roles become labels, amounts and dates stay on
the relationships that state them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fakefree.orgnames import legal_form
from fakefree.schema import schema
from graph_etl.event_claims import event_claims, event_roles, party_entities
from graph_etl.resolve import NAMED_TYPES, Candidate, Resolution, Resolver
from fakefree.model import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim

__all__ = ["graph_type", "role_labels", "resolve_entities", "extraction_batch", "ROLE_LABEL"]

ROLE_LABEL = {
    "importer": "Importer", "consignee": "Importer", "exporter": "Exporter",
    "supplier": "Exporter", "manufacturer": "Manufacturer", "financier": "Financier",
    "money_launderer": "Financier", "distributor": "Distributor", "seller": "Distributor",
    "broker": "Broker", "shipper": "Shipper",
}
"""Company role labels implied by extraction roles."""

_IDENTIFIER_LABEL = {
    "BILL_OF_LADING": "Shipment", "IBAN": "BankAccount", "ACCOUNT": "BankAccount",
    "PHONE": "Phone", "EMAIL": "Email", "DOMAIN": "Domain", "VESSEL": "Vessel",
    "CONTAINER": "Identifier", "IMO": "Identifier", "SWIFT": "Identifier", "HS_CODE": "Identifier",
}
_IDENTIFIER_PROP = {"CONTAINER": "container", "BILL_OF_LADING": "bill_of_lading", "IBAN": "iban",
                    "ACCOUNT": "number", "IMO": "imo", "SWIFT": "swift", "HS_CODE": "hs_code"}
_LOCATION_LABEL = {"COUNTRY": "Country", "PORT": "Port", "ADDRESS": "Address", "CITY": "City"}
_LINK_TYPES = {"HAS_PHONE", "HAS_EMAIL", "HOLDS", "HAS_ADDRESS"}
_COUNTERPARTY_TYPES = {"PAID", "TRANSFERRED", "FINANCED", "OWNS", "DIRECTS", "EMPLOYED_BY"}
"""Relations whose other end corroborates a person named in another case (a shared
counterparty, owned or directed company, employer)."""


def graph_type(entity: dict[str, Any]) -> str | None:
    """The graph label family of an extracted entity, or ``None`` for values (money, dates).

    >>> graph_type({"type": "ORG", "subtype": "AGENCY"})
    'Agency'
    >>> graph_type({"type": "MONEY"}) is None
    True

    A role of agency (a customs agent) does not make a name with a legal form a public agency:

    >>> graph_type({"type": "ORG", "name": "Harbour Customs Brokers Ltd", "roles": ["agency"]})
    'Company'
    """
    if entity.get("label"):
        return entity["label"]
    kind, subtype, roles = entity["type"], entity.get("subtype"), entity.get("roles", [])
    if kind == "PERSON":
        return "Person"
    if kind == "ORG":
        if subtype in ("AGENCY", "COURT") or (
                "agency" in roles and not legal_form(str(entity.get("name", "")))):
            return "Agency"
        if subtype == "BRAND" or "brand" in roles:
            return "Brand"
        return "Company"
    if kind == "LOCATION":
        return _LOCATION_LABEL.get(subtype or "", "City")
    return _IDENTIFIER_LABEL.get(kind)


def role_labels(family: str, roles: Iterable[str], extra: Iterable[str] = ()) -> list[str]:
    """Labels of a node: its family, plus company role labels.

    >>> role_labels("Company", ["importer", "defendant"])
    ['Company', 'Importer']
    """
    labels = {family, *extra}
    if family == "Company":
        labels |= {ROLE_LABEL[r] for r in roles if r in ROLE_LABEL}
    return sorted(labels)


def _props(entity: dict[str, Any], family: str, resolution: Resolution) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if entity.get("roles"):
        props["roles"] = sorted(entity["roles"])
    for key, value in (entity.get("attrs") or {}).items():
        if isinstance(value, (str, int, float, bool)):
            props[key] = value
    prop = _IDENTIFIER_PROP.get(entity["type"])
    if prop and prop not in props:
        props[prop] = entity["name"]
    if family in NAMED_TYPES:
        props.update(resolution.to_props())
    return props


def _mentions(doc: DocumentRecord, entity: dict[str, Any]) -> list[Evidence]:
    return [Evidence(doc.id, int(m["start"]), int(m["end"]), m["text"])
            for m in entity.get("mentions", [])]


def _rel_key(relation: dict[str, Any]) -> str:
    props = relation.get("props") or {}
    if relation["type"] in schema().money_types() and props:
        return "|".join(str(props.get(k, "")) for k in ("amount", "currency", "date"))
    return ""


def resolve_entities(extraction: dict[str, Any], doc: DocumentRecord,
                     resolver: Resolver) -> dict[str, Resolution]:
    """The resolution of every entity of an extraction that becomes a node, by local id.

    Identifiers and places are resolved first, so people and companies can be matched on the
    phones, accounts and addresses they are tied to.
    """
    entities = {e["id"]: e for e in extraction.get("entities", [])}
    families = {eid: graph_type(e) for eid, e in entities.items()}
    ids: dict[str, str] = {}
    resolutions: dict[str, Resolution] = {}
    case = doc.cases[0] if doc.cases else ""
    ordered = sorted(entities, key=lambda eid: (families[eid] in NAMED_TYPES,
                                                families[eid] == "Person", eid))
    relations = extraction.get("relations", [])
    for eid in ordered:
        family = families[eid]
        if family is None:
            continue
        entity = entities[eid]
        links = sorted(ids[r["target"]] for r in relations
                       if r["source"] == eid and r["type"] in _LINK_TYPES and r["target"] in ids)
        if family == "Person":
            links = sorted({*links, *_counterparties(eid, relations, ids, resolutions)})
        attrs = {"links": links, "case": case, "kind": entity["type"],
                 "record": bool(entity.get("label")), "document": doc.id}
        for field_name in ("dob", "country", "e164", "iban"):
            if (entity.get("attrs") or {}).get(field_name):
                attrs[field_name] = entity["attrs"][field_name]
        cand = Candidate(family, entity["name"], tuple(entity.get("aliases", [])), attrs)
        resolution = resolver.resolve(cand)
        resolver.remember(resolution, cand)
        ids[eid], resolutions[eid] = resolution.id, resolution
    return resolutions


def _counterparties(eid: str, relations: list[dict[str, Any]], ids: dict[str, str],
                    resolutions: dict[str, Resolution]) -> set[str]:
    """Ids of the companies already resolved that a person pays, is paid by, owns, directs or
    works for in this document."""
    found = set()
    for r in relations:
        if r["type"] not in _COUNTERPARTY_TYPES or eid not in (r["source"], r["target"]):
            continue
        other = r["target"] if r["source"] == eid else r["source"]
        if other in ids and resolutions[other].type == "Company":
            found.add(ids[other])
    return found


def _with_event_roles(extraction: dict[str, Any]) -> dict[str, Any]:
    """The extraction with the roles its events give (shipper -> exporter, consignee ->
    importer...) and a party slot's "town" read as a company."""
    roles, parties = event_roles(extraction), party_entities(extraction)
    if not roles and not parties:
        return extraction
    entities = []
    for e in extraction.get("entities", []):
        if e["id"] in roles or (e["id"] in parties and e["type"] == "LOCATION"):
            e = dict(e, roles=sorted(set(e.get("roles", [])) | roles.get(e["id"], set())))
            if e["id"] in parties and e["type"] == "LOCATION" and not e.get("label"):
                e.update(type="ORG", subtype="COMPANY")
        entities.append(e)
    return dict(extraction, entities=entities)


def extraction_batch(extraction: dict[str, Any], doc: DocumentRecord,
                     resolver: Resolver) -> Batch:
    """Resolve and convert one document's extraction (its events included) into a batch of
    claims."""
    extraction = _with_event_roles(extraction)
    entities = {e["id"]: e for e in extraction.get("entities", [])}
    families = {eid: graph_type(e) for eid, e in entities.items()}
    resolutions = resolve_entities(extraction, doc, resolver)
    families.update({eid: r.type for eid, r in resolutions.items() if r.type})
    ids = {eid: r.id for eid, r in resolutions.items()}
    ordered = sorted(resolutions)
    nodes = [
        NodeClaim(ids[eid], doc.id, role_labels(families[eid], entities[eid].get("roles", []),
                                                entities[eid].get("labels", [])),
                  entities[eid]["name"], list(entities[eid].get("aliases", [])),
                  _props(entities[eid], families[eid], resolutions[eid]),
                  _mentions(doc, entities[eid]))
        for eid in ordered if eid in ids
    ]
    rels = []
    for relation in extraction.get("relations", []):
        source, target = ids.get(relation["source"]), ids.get(relation["target"])
        if source is None or target is None or source == target:
            continue
        ev = relation.get("evidence") or {}
        evidence = [Evidence(doc.id, int(ev.get("start", 0)), int(ev.get("end", 0)),
                             ev.get("text", ""))] if ev else []
        props = {k: v for k, v in (relation.get("props") or {}).items()
                 if isinstance(v, (str, int, float, bool))}
        rels.append(RelClaim(source, target, relation["type"], doc.id, _rel_key(relation),
                             props, evidence, float(relation.get("confidence", 1.0))))
    event_nodes, event_rels = event_claims(extraction, doc, ids, resolver)
    return Batch([doc], nodes + event_nodes, rels + event_rels)

"""A seed-like world at any size, as claims: the graph the query benchmark runs on.

Generating and NLP-ingesting 100k documents takes hours on two cores, so the query benchmark
loads claims shaped like the seed corpus's instead: each case has a manufacturer behind an
exporter, an importer, a shipper, an owner and a director, an address, two bank accounts,
shipments, seizures and transfers, and one case in four shares its manufacturer with the previous
case (a source organization behind several cases). Every document asserts a few claims (a
shipment record, a seizure report, a registry extract or a bank record), names both ends of each
relationship it asserts, and is marked by one of five agencies. Same arguments, same world.

>>> batches = list(world_batches(60, seed=3, docs_per_batch=50))
>>> [len(b.documents) for b in batches]
[50, 10]
>>> sum(len(b.rels) for b in batches) > 60
True
>>> world_batches(60, seed=3).__next__().documents[0].id
'qb-doc-0000000'
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from fakefree.model import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim, stable_id

__all__ = ["DOCS_PER_CASE", "PREFIX", "CaseCast", "case_cast", "world_batches"]

PREFIX = "qb-"
"""Every document and node id of the world starts with this, so a shared server can be cleaned."""
DOCS_PER_CASE = 30
"""About as many documents per case as the seed corpus has (364 for 12 cases)."""

_FIRST = ("Han", "Tong", "Zhang", "Wei", "Pérez", "Müller", "O'Brien", "Dubois", "Nguyen", "Silva",
          "Kowalski", "Haddad", "Okafor", "Tanaka", "García", "Lefèvre", "Ivanova", "Chen")
_WORDS = ("Global", "Pacific", "Atlantic", "Dragon", "Star", "Golden", "Eagle", "Summit", "River",
          "Ocean", "Prime", "Vertex", "Falcon", "Lotus", "Harbor", "Crown", "Jade", "Nova")
_KINDS = ("Trading", "Logistics", "Textiles", "Imports", "Holdings", "Manufacturing", "Electronics")
_SUFFIX = ("Ltd", "S.A. de C.V.", "Inc", "GmbH", "Co., Ltd.", "SARL", "LLC")
_AGENCIES = ("RCMP", "CBSA", "HSI", "CBP", "SAT")
_RELEASABILITY = ("UNCLASSIFIED", "LAW-ENFORCEMENT-SENSITIVE", "AGENCY-ONLY")
_CURRENCIES = ("USD", "CAD", "MXN", "EUR", "CNY")


@dataclass(frozen=True)
class CaseCast:
    """The ids of one case's parties, with the names a search would use."""

    case: str
    manufacturer: str
    exporter: str
    importer: str
    shipper: str
    owner: str
    director: str
    address: str
    accounts: tuple[str, str]
    names: dict[str, tuple[list[str], str]]  # node id -> (labels, name)


def _nid(*parts: str) -> str:
    return PREFIX + stable_id(*parts)


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_KINDS)} {rng.choice(_SUFFIX)}"


def case_cast(number: int, seed: int = 7) -> CaseCast:
    """The parties of case ``number`` (the same for the same seed)."""
    rng = random.Random(f"{seed}-{number}")
    case = f"QB-{number:05d}"
    shared = number % 4 == 1  # shares the previous case's manufacturer
    maker_case = number - 1 if shared else number
    maker_rng = random.Random(f"{seed}-maker-{maker_case}")
    names: dict[str, tuple[list[str], str]] = {}

    def party(role: str, labels: list[str], name: str, owner_case: int = number) -> str:
        node = _nid(str(seed), str(owner_case), role)
        names[node] = (labels, name)
        return node

    maker = party("maker", ["Company", "Manufacturer"],
                  f"{maker_rng.choice(_WORDS)} {maker_rng.choice(_WORDS)} Manufacturing "
                  f"{maker_case}", maker_case)
    exporter = party("exporter", ["Company", "Exporter"], _company(rng) + f" {number}")
    importer = party("importer", ["Company", "Importer"], _company(rng) + f" {number}")
    shipper = party("shipper", ["Company", "Shipper"], _company(rng) + f" {number}")
    owner = party("owner", ["Person"], f"{rng.choice(_FIRST)} {rng.choice(_FIRST)} {number}")
    director = party("director", ["Person"], f"{rng.choice(_FIRST)} {rng.choice(_FIRST)} {number}")
    address = party("address", ["Address"], f"{rng.randrange(1, 999)} {rng.choice(_WORDS)} Road, "
                                            f"Unit {number}")
    accounts = (party("acct0", ["BankAccount"], f"QB{number:06d}00{rng.randrange(10**8):08d}"),
                party("acct1", ["BankAccount"], f"QB{number:06d}11{rng.randrange(10**8):08d}"))
    return CaseCast(case, maker, exporter, importer, shipper, owner, director, address, accounts,
                    names)


def world_batches(documents: int, seed: int = 7, *, docs_per_batch: int = 1000) -> Iterator[Batch]:
    """Yield the claims of a world of ``documents`` documents, ``docs_per_batch`` per batch."""
    batch = Batch()
    cast = case_cast(0, seed)
    for index in range(documents):
        number, slot = divmod(index, DOCS_PER_CASE)
        if slot == 0:
            cast = case_cast(number, seed)
        rng = random.Random(f"{seed}-doc-{index}")
        doc = DocumentRecord(
            id=f"{PREFIX}doc-{index:07d}", name=f"{cast.case} report {slot}",
            agency=_AGENCIES[(number + slot // 10) % len(_AGENCIES)],
            releasability=_RELEASABILITY[rng.randrange(len(_RELEASABILITY))]
            if slot % 3 == 0 else "UNCLASSIFIED",
            cases=[cast.case], props={"date": f"2024-{1 + number % 12:02d}-{1 + slot % 28:02d}"})
        batch.documents.append(doc)
        _assert(batch, doc, cast, slot, rng)
        if len(batch.documents) == docs_per_batch:
            yield batch
            batch = Batch()
    if batch.documents:
        yield batch


def _assert(batch: Batch, doc: DocumentRecord, cast: CaseCast, slot: int,
            rng: random.Random) -> None:
    """Append what one document of a case says: its kind depends on its slot in the case."""
    claimed: set[str] = set()

    def node(node_id: str, labels: list[str] | None = None, name: str | None = None,
             props: dict | None = None) -> str:
        if node_id not in claimed:
            claimed.add(node_id)
            known_labels, known_name = cast.names.get(node_id, (labels or [], name or node_id))
            batch.nodes.append(NodeClaim(
                id=node_id, document_id=doc.id, labels=list(labels or known_labels),
                name=name or known_name, props=dict(props or {}),
                mentions=[Evidence(doc.id, 0, len(name or known_name), name or known_name)]))
        return node_id

    def rel(source: str, rel_type: str, target: str, key: str = "", **props: object) -> None:
        batch.rels.append(RelClaim(
            source=source, target=target, type=rel_type, document_id=doc.id, key=key,
            props=dict(props),
            evidence=[Evidence(doc.id, 0, 40, f"{rel_type.lower()} per {doc.name}")],
            confidence=0.9))

    shipment = _nid(cast.case, "shipment", str(slot // 3))
    kind = slot % 5
    if kind in (0, 1):  # shipment record
        node(shipment, ["Shipment"], f"BL {cast.case}-{slot // 3:03d}",
             {"declared_value": rng.randrange(10_000, 500_000), "currency": "USD",
              "hs_code": "6109.10"})
        rel(node(cast.exporter), "EXPORTED", shipment)
        rel(node(cast.importer), "IMPORTED", shipment)
        rel(node(cast.manufacturer), "MANUFACTURED", shipment)
        rel(node(cast.shipper), "SHIPPED", shipment)
    elif kind == 2:  # seizure report
        seizure = node(_nid(cast.case, "seizure", str(slot)), ["Seizure"],
                       f"Seizure {cast.case}-{slot}", {"items": rng.randrange(100, 20_000)})
        node(shipment, ["Shipment"], f"BL {cast.case}-{slot // 3:03d}")
        rel(seizure, "SEIZED", shipment)
        rel(node(cast.importer), "IMPORTED", shipment)
    elif kind == 3:  # registry extract
        for company in (cast.manufacturer, cast.exporter):
            rel(node(cast.owner), "OWNS", node(company))
        rel(node(cast.director), "DIRECTS", node(cast.exporter))
        rel(node(cast.exporter), "HAS_ADDRESS", node(cast.address))
        rel(node(cast.importer), "HAS_ADDRESS", node(cast.address))
    else:  # bank record
        payer, payee = cast.accounts
        rel(node(cast.importer), "HOLDS", node(payer))
        rel(node(cast.manufacturer), "HOLDS", node(payee))
        for k in range(2):
            rel(payer, "TRANSFERRED", payee, key=f"{doc.id}-{k}", amount=rng.randrange(5_000, 250_000),
                currency=_CURRENCIES[rng.randrange(len(_CURRENCIES))],
                date=f"2024-{1 + slot % 12:02d}-{1 + (slot + 7 * k) % 28:02d}")

"""The data model as data: node labels and relationship types, loaded once from ``schema.yaml``.

The schema answers the questions analyses ask of a label or a type:

>>> model = schema()
>>> model.kind("Importer"), "Exporter" in model.labels_of_kind("party")
('party', True)
>>> sorted(model.hub_labels())[:3]
['Agency', 'Brand', 'Case']
>>> model.is_hub(["Identifier"], {"hs_code": "6403.99"}), model.is_hub(["Identifier"], {})
(True, False)
>>> sorted(model.money_types())
['PAID', 'TRANSFERRED']
>>> model.resolve_by("Phone"), model.resolve_by("Importer"), model.resolve_by("Port")
('key', 'fuzzy', 'name')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable, Mapping
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from fakefree.errors import SchemaError

__all__ = ["Schema", "schema", "parse_schema", "ROLE_LABELS", "KINDS", "HUB_KINDS", "RESOLVE_WAYS",
           "primary_label"]

KINDS = ("party", "identifier", "trade", "context", "hub")
"""What a label is (``kind:`` in ``schema.yaml``; role labels take their parent's)."""
HUB_KINDS = ("context", "hub")
"""Kinds that tie unrelated parties together: link analysis never walks through them."""
RESOLVE_WAYS = ("key", "fuzzy", "name")
"""How the resolver merges two nodes of a label (``resolve:`` in ``schema.yaml``, ``name`` if unset)."""

# Company role labels, most telling first (a front company that imports is shown as a front).
ROLE_LABELS = ("FrontCompany", "Manufacturer", "Exporter", "Importer", "Financier", "Distributor",
               "Broker", "Shipper")


def primary_label(labels: list[str]) -> str:
    """The most specific label of a node, for colours and legends.

    >>> primary_label(["Company", "Importer"])
    'Importer'
    """
    for label in ROLE_LABELS:
        if label in labels:
            return label
    others = sorted(label for label in labels if label != "Company")
    return others[0] if others else (labels[0] if labels else "Entity")


@dataclass(frozen=True)
class Schema:
    labels: dict[str, dict]
    relationship_types: dict[str, dict]
    property_types: dict[str, str] = field(default_factory=dict)

    def check_labels(self, labels: list[str] | tuple[str, ...], what: str) -> None:
        """Raise :class:`SchemaError` if any label is not in the model."""
        for label in labels:
            if label not in self.labels:
                raise SchemaError(f"{what} has label {label!r}, which the data model does not define.")

    def check_type(self, rel_type: str, what: str) -> None:
        """Raise :class:`SchemaError` if ``rel_type`` is not a relationship type of the model."""
        if rel_type not in self.relationship_types:
            raise SchemaError(
                f"{what} has relationship type {rel_type!r}, which the data model does not define.")

    def kind(self, label: str) -> str | None:
        """The kind of ``label`` (its parent's for a role label), ``None`` if it is unknown."""
        spec = self.labels.get(label, {})
        if "kind" in spec:
            return spec["kind"]
        parent = spec.get("parent")
        return self.kind(parent) if parent else None

    def resolve_by(self, label: str) -> str:
        """How nodes of ``label`` are merged (one of :data:`RESOLVE_WAYS`; a role label's parent's)."""
        spec = self.labels.get(label, {})
        if "resolve" in spec:
            return spec["resolve"]
        parent = spec.get("parent")
        return self.resolve_by(parent) if parent else "name"

    def labels_resolved_by(self, way: str) -> frozenset[str]:
        """Every label whose nodes are merged the :data:`RESOLVE_WAYS` ``way``."""
        return frozenset(label for label in self.labels if self.resolve_by(label) == way)

    def labels_of_kind(self, *kinds: str) -> frozenset[str]:
        """Every label of one of ``kinds`` (role labels included)."""
        return frozenset(label for label in self.labels if self.kind(label) in kinds)

    def hub_labels(self) -> frozenset[str]:
        """Labels of the :data:`HUB_KINDS`: ports, brands, vessels, agencies, places, documents..."""
        return self._hubs

    @cached_property
    def _hubs(self) -> frozenset[str]:
        return self.labels_of_kind(*HUB_KINDS)

    @cached_property
    def _hub_properties(self) -> dict[str, tuple[str, ...]]:
        return {label: tuple(spec["hub_properties"]) for label, spec in self.labels.items()
                if spec.get("hub_properties")}

    def hidden_labels(self) -> frozenset[str]:
        """Context labels left out of network drawings unless asked for (``hidden: true``)."""
        return frozenset(label for label, spec in self.labels.items() if spec.get("hidden"))

    def is_hub(self, labels: Iterable[str], props: Mapping[str, Any] | None = None) -> bool:
        """Whether a node of ``labels`` and ``props`` is a hub: a label of a hub kind, or an
        identifier carrying one of its label's ``hub_properties`` (an HS code, a bank's SWIFT)."""
        labels = list(labels)
        if not self._hubs.isdisjoint(labels):
            return True
        props = props or {}
        return any(props.get(name) not in (None, "")
                   for label in labels for name in self._hub_properties.get(label, ()))

    def is_intermediary(self, labels: Iterable[str], cases: int = 1) -> bool:
        """Whether a party of ``labels``, seen in ``cases`` cases, only serves others
        (``intermediary`` on all its role labels: ``true``, e.g. a customs broker or forwarder;
        ``several cases``, e.g. a money mover, when ``cases`` > 1): it may be credited, but
        responsibility does not pass through it to its other clients."""
        roles = [label for label in labels if self.labels.get(label, {}).get("parent")]
        ways = [self.labels[label].get("intermediary") for label in roles]
        return bool(roles) and all(way is True or (way == "several cases" and cases > 1)
                                   for way in ways)

    def money_types(self) -> frozenset[str]:
        """Relationship types that move money (``money: true``)."""
        return frozenset(t for t, spec in self.relationship_types.items() if spec.get("money"))

    def trade_types(self) -> frozenset[str]:
        """Relationship types that move goods (``trade: true``): importing, exporting, making,
        shipping, consigning, supplying."""
        return frozenset(t for t, spec in self.relationship_types.items() if spec.get("trade"))

    def with_parents(self, labels: list[str]) -> list[str]:
        """Add the parent label of every role label (``Importer`` implies ``Company``)."""
        out = list(labels)
        for label in labels:
            parent = self.labels.get(label, {}).get("parent")
            if parent and parent not in out:
                out.append(parent)
        return sorted(set(out))


@cache
def schema() -> Schema:
    """Load and validate ``schema.yaml`` (once)."""
    return parse_schema(resources.files("fakefree").joinpath("schema.yaml").read_text("utf-8"))


def parse_schema(text: str) -> Schema:
    """Validate the YAML text of a schema; :class:`SchemaError` names the faulty label."""
    raw = yaml.safe_load(text)
    labels = raw["node_labels"]
    for name, spec in labels.items():
        parent = spec.get("parent")
        if parent is not None and parent not in labels:
            raise SchemaError(f"Label {name} names an unknown parent {parent}.")
        kind = spec.get("kind")
        if kind is None and parent is None:
            raise SchemaError(f"Label {name} has neither a kind nor a parent.")
        if kind is not None and kind not in KINDS:
            raise SchemaError(f"Label {name} has kind {kind!r}, not one of {', '.join(KINDS)}.")
        way = spec.get("resolve")
        if way is not None and way not in RESOLVE_WAYS:
            raise SchemaError(f"Label {name} has resolve {way!r}, not one of {', '.join(RESOLVE_WAYS)}.")
    return Schema(labels=labels, relationship_types=raw["relationship_types"],
                  property_types=dict(raw.get("property_types") or {}))

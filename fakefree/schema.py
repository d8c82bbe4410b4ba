"""The data model as data: node labels and relationship types, loaded once from ``schema.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from fakefree.errors import SchemaError

__all__ = ["Schema", "schema", "ROLE_LABELS", "primary_label"]

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
    raw = yaml.safe_load(resources.files("fakefree").joinpath("schema.yaml").read_text("utf-8"))
    labels = raw["node_labels"]
    for name, spec in labels.items():
        parent = spec.get("parent")
        if parent is not None and parent not in labels:
            raise SchemaError(f"Label {name} names an unknown parent {parent}.")
    return Schema(labels=labels, relationship_types=raw["relationship_types"],
                  property_types=dict(raw.get("property_types") or {}))

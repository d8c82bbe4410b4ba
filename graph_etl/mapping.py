"""Structured records (CSV, XLSX) to extraction form, by declarative column mappings.

Each mapping in ``graph_etl/mappings/*.yaml`` names the columns it needs, the entities a row
holds (label, name template, properties) and the relationships between them. A row becomes
entities and relationships directly (no NER), with the row itself as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from fakefree.errors import InputError
from fakefree.orgnames import is_org_name
from fakefree.schema import schema

__all__ = ["Mapping", "mappings", "choose_mapping", "map_records", "normalise_column", "party_label"]

_FIELD = re.compile(r"{([^{}]+)}")


def normalise_column(name: str) -> str:
    """Column names are compared in lower case with underscores.

    >>> normalise_column(" Bill of Lading # ")
    'bill_of_lading'
    """
    return re.sub(r"[^0-9a-z]+", "_", name.strip().casefold()).strip("_")


@dataclass(frozen=True)
class Mapping:
    name: str
    description: str
    columns: tuple[str, ...]
    optional: tuple[str, ...]
    entities: dict[str, dict[str, Any]]
    relations: tuple[dict[str, Any], ...]

    def missing(self, columns: set[str]) -> list[str]:
        return [c for c in self.columns if c not in columns]


def _load(text: str, origin: str) -> Mapping:
    raw = yaml.safe_load(text)
    model = schema()
    entities = raw["entities"]
    for key, spec in entities.items():
        labels = [*spec["label"].split("|"), *spec.get("labels", [])]
        model.check_labels(labels, f"Mapping {origin} entity {key}")
    relations = []
    for rel in raw.get("relations", []):
        if isinstance(rel, list):
            rel = {"source": rel[0], "type": rel[1], "target": rel[2]}
        model.check_type(rel["type"], f"Mapping {origin}")
        for end in (rel["source"], rel["target"]):
            if end not in entities:
                raise InputError(f"Mapping {origin} relates unknown entity {end!r}.")
        relations.append(rel)
    return Mapping(raw["name"], raw.get("description", ""), tuple(raw["columns"]),
                   tuple(raw.get("optional", [])), entities, tuple(relations))


@cache
def mappings() -> tuple[Mapping, ...]:
    """Every shipped mapping, validated against the schema."""
    folder = resources.files("graph_etl").joinpath("mappings")
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            found.append(_load(item.read_text("utf-8"), item.name))
    return tuple(found)


def choose_mapping(columns: list[str], file_name: str) -> Mapping:
    """The mapping whose required columns the file has (the most specific one).

    Raises :class:`InputError` naming the missing columns of the closest mapping.
    """
    have = {normalise_column(c) for c in columns}
    complete = [m for m in mappings() if not m.missing(have)]
    if complete:
        return max(complete, key=lambda m: (len(m.columns), m.name))
    scored = sorted(((len(set(m.columns) & have) / len(m.columns), m) for m in mappings()),
                    key=lambda x: (-x[0], x[1].name))
    if scored and scored[0][0] >= 0.5:
        best = scored[0][1]
        raise InputError(f"{file_name} lacks the columns {', '.join(best.missing(have))} that "
                         f"the {best.name} mapping needs.")
    raise InputError(f"{file_name} has columns ({', '.join(sorted(have)[:8])}) that match no "
                     "record mapping; add one in graph_etl/mappings/.")


def _value(row: dict[str, str], spec: str) -> Any:
    column, _, kind = spec.partition(":")
    raw = (row.get(column) or "").strip()
    if not raw:
        return None
    if kind == "number":
        cleaned = re.sub(r"[^0-9.\-]", "", raw.replace(",", ""))
        try:
            return float(cleaned)
        except ValueError:
            return None
    return raw


def party_label(name: str) -> str:
    """Person or Company, for a column that may hold either (bank records): a legal form or an
    organisation word (:mod:`fakefree.orgnames`) or a digit makes it a company.

    >>> party_label("Wei Zhang"), party_label("Golden Dragon Trading"), party_label("Casa de Cambio Rápido")
    ('Person', 'Company', 'Company')
    """
    if is_org_name(name) or any(c.isdigit() for c in name):
        return "Company"
    return "Person"


def _render(template: str, row: dict[str, str]) -> str | None:
    values = {}
    for field_name in _FIELD.findall(template):
        value = (row.get(field_name) or "").strip()
        if not value:
            return None
        values[field_name] = value
    return _FIELD.sub(lambda m: values[m.group(1)], template)


def map_records(records: list[dict[str, Any]], columns: list[str], file_name: str,
                row_texts: list[str] | None = None,
                row_numbers: list[int] | None = None) -> dict[str, Any]:
    """Map rows to the extraction form: ``{"entities": [...], "relations": [...]}``.

    The evidence of a row is its text; its span is its row number as a spreadsheet shows it
    (``start`` = ``end`` = row number).
    """
    mapping = choose_mapping(columns, file_name)
    entities: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    for index, original in enumerate(records):
        row = {normalise_column(k): ("" if v is None else str(v)) for k, v in original.items()}
        text = row_texts[index] if row_texts else "; ".join(f"{k}={v}" for k, v in row.items() if v)
        number = row_numbers[index] if row_numbers else index + 2
        span = {"start": number, "end": number, "text": text}
        local: dict[str, str] = {}
        for key, spec in mapping.entities.items():
            name = _render(spec["name"], row)
            if name is None:
                continue
            label = party_label(name) if spec["label"] == "Person|Company" else spec["label"]
            eid = f"{label}:{name}"
            local[key] = eid
            entity = entities.setdefault(eid, {
                "id": eid, "name": name, "type": spec.get("kind", label.upper()), "label": label,
                "labels": list(spec.get("labels", [])), "roles": list(spec.get("roles", [])),
                "aliases": [], "attrs": {}, "mentions": []})
            for prop, source in spec.get("props", {}).items():
                value = _value(row, source)
                if value is not None:
                    entity["attrs"][prop] = value
            entity["mentions"].append(span)
        for rel in mapping.relations:
            if rel["source"] in local and rel["target"] in local:
                props = {p: v for p, s in rel.get("props", {}).items()
                         if (v := _value(row, s)) is not None}
                relations.append({"source": local[rel["source"]], "target": local[rel["target"]],
                                  "type": rel["type"], "props": props, "evidence": span})
    return {"mapping": mapping.name, "entities": list(entities.values()), "relations": relations}

"""Structured records (CSV, XLSX) to extraction form, by declarative column mappings.

Each mapping in ``graph_etl/mappings/*.yaml`` declares the logical fields it needs
(``required``: every inner list needs one of its fields) and may use (``optional``), the
entities a row holds (label, name template, properties) and the relationships between them.
Columns are matched to fields by header synonyms and by values (:mod:`graph_etl.columns`); the
mapping that explains the most columns wins. A row becomes entities and relationships directly
(no NER), with the row itself as evidence. A table no mapping explains raises :class:`NoMapping`
(the pipeline then loads it as generic records).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from fakefree.errors import InputError
from fakefree.schema import schema
from graph_etl.columns import Profile, assign, profile, vocabulary
from graph_etl.parties import party_label, party_name
from graph_etl.table_rows import Plan, TableRows, from_preamble
from graph_etl.values import fold

__all__ = ["Mapping", "Plan", "NoMapping", "mappings", "plan_table", "choose_mapping",
           "map_records", "normalise_column", "party_label"]

log = logging.getLogger(__name__)

_FIELD = re.compile(r"{([^{}]+)}")


class NoMapping(InputError):
    """A well-formed table that no record mapping explains."""


def normalise_column(name: str) -> str:
    """Column names compared in lower case with underscores, accents folded.

    >>> normalise_column(" Bill of Lading # "), normalise_column("Bénéficiaire")
    ('bill_of_lading', 'beneficiaire')
    """
    return re.sub(r"[^0-9a-z]+", "_", fold(name.strip())).strip("_")


@dataclass(frozen=True)
class Mapping:
    name: str
    description: str
    required: tuple[tuple[str, ...], ...]
    optional: tuple[str, ...]
    preamble: tuple[str, ...]
    entities: dict[str, dict[str, Any]]
    relations: tuple[dict[str, Any], ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([f for group in self.required for f in group]
                                   + list(self.optional)))

    def missing(self, found: set[str]) -> list[str]:
        """The required groups none of whose fields is in ``found``, as ``a or b``."""
        return [" or ".join(g) for g in self.required if not set(g) & found]


def _fields_used(spec: Any) -> list[str]:
    if isinstance(spec, list):
        return [f for item in spec for f in _fields_used(item)]
    text = str(spec)
    names = _FIELD.findall(text) if "{" in text else [text]
    return [n.partition(":")[0] for n in names]


def _load(text: str, origin: str) -> Mapping:
    raw = yaml.safe_load(text)
    model = schema()
    known = vocabulary().fields
    entities = raw["entities"]
    required = tuple(tuple(g) if isinstance(g, list) else (g,) for g in raw["required"])
    declared = {f for g in required for f in g} | set(raw.get("optional", []))
    for name in declared - set(known):
        raise InputError(f"Mapping {origin} declares the field {name!r}, which "
                         "graph_etl/mappings/_fields.yaml does not define.")
    for key, spec in entities.items():
        labels = [*spec["label"].split("|"), *spec.get("labels", [])]
        model.check_labels(labels, f"Mapping {origin} entity {key}")
        used = _fields_used(spec["name"]) + [f for s in spec.get("props", {}).values()
                                             for f in _fields_used(s)]
        for name in set(used) - declared:
            raise InputError(f"Mapping {origin} entity {key} uses the undeclared field {name!r}.")
    relations = []
    for rel in raw.get("relations", []):
        if isinstance(rel, list):
            rel = {"source": rel[0], "type": rel[1], "target": rel[2]}
        model.check_type(rel["type"], f"Mapping {origin}")
        for end in (rel["source"], rel["target"]):
            if end not in entities:
                raise InputError(f"Mapping {origin} relates unknown entity {end!r}.")
        relations.append(rel)
    return Mapping(raw["name"], raw.get("description", ""), required,
                   tuple(raw.get("optional", [])), tuple(raw.get("preamble", [])), entities,
                   tuple(relations))


@cache
def mappings() -> tuple[Mapping, ...]:
    """Every shipped mapping, validated against the schema and the field vocabulary."""
    folder = resources.files("graph_etl").joinpath("mappings")
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml") and not item.name.startswith("_"):
            found.append(_load(item.read_text("utf-8"), item.name))
    return tuple(found)


def plan_table(mapping: Mapping, profiles: Sequence[Profile], preamble: Sequence[str] = ()
               ) -> Plan:
    """How ``mapping`` reads a table with these column profiles."""
    matches = assign(mapping.fields, profiles)
    taken = {m.field for m in matches}
    return Plan(mapping, matches,
                from_preamble([f for f in mapping.preamble if f not in taken], preamble))


def choose_mapping(columns: list[str], file_name: str, records: Sequence[dict[str, Any]] = (),
                   preamble: Sequence[str] = ()) -> Plan:
    """The mapping that explains the most columns among those whose required fields the table
    has (the smaller mapping on a tie).

    Raises :class:`NoMapping` naming the closest mapping and what it lacks.
    """
    profiles = profile(columns, list(records))
    plans = [plan_table(m, profiles, preamble) for m in mappings()]
    complete = [p for p in plans if p.complete]
    if complete:
        return max(complete, key=lambda p: (p.explained, -len(p.mapping.fields), p.mapping.name))
    closest = max(plans, key=lambda p: (p.explained, p.mapping.name), default=None)
    if closest is not None and closest.explained:
        raise NoMapping(f"{file_name} matches no record mapping: the closest, "
                        f"{closest.mapping.name}, finds no column for "
                        f"{', '.join(closest.missing)}.")
    raise NoMapping(f"{file_name} has columns ({', '.join(columns[:8])}) that match no "
                    "record mapping.")


def map_records(records: list[dict[str, Any]], columns: list[str], file_name: str,
                row_texts: list[str] | None = None, row_numbers: list[int] | None = None,
                preamble: Sequence[str] = ()) -> dict[str, Any]:
    """Map rows to the extraction form: ``{"entities": [...], "relations": [...]}``.

    The evidence of a row is its text; its span is its row number as a spreadsheet shows it
    (``start`` = ``end`` = row number). Party columns go through :func:`party_label`, amounts
    become floats with their currency, dates ISO 8601. An entity that takes part in no
    relationship of its row is left out.
    """
    plan = choose_mapping(columns, file_name, records, preamble)
    mapping, table = plan.mapping, TableRows.of(plan, records)
    entities: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    for index, original in enumerate(records):
        row = table.row(original)
        text = row_texts[index] if row_texts else "; ".join(
            f"{k}={v}" for k, v in original.items() if v not in (None, ""))
        number = row_numbers[index] if row_numbers else index + 2
        span = {"start": number, "end": number, "text": text}
        local: dict[str, tuple[str, str, dict[str, Any]]] = {}
        for key, spec in mapping.entities.items():
            name = table.render(spec["name"], row)
            if name is None:
                continue
            remark = None
            if spec["label"] == "Person|Company":
                name, remark = party_name(name)
                label = party_label(name)
            else:
                label = spec["label"]
            attrs = {p: v for p, s in spec.get("props", {}).items()
                     if (v := table.value(row, s)) is not None}
            if remark:
                attrs["remark"] = remark
            local[key] = (f"{label}:{name}", name, {"label": label, "spec": spec, "attrs": attrs})
        way = table.direction(row)
        linked: set[str] = set()
        for rel in mapping.relations:
            if rel["source"] not in local or rel["target"] not in local:
                continue
            if rel.get("when") and rel["when"] != way or rel.get("unless") in local:
                continue
            props = {p: v for p, s in rel.get("props", {}).items()
                     if (v := table.value(row, s)) is not None}
            relations.append({"source": local[rel["source"]][0],
                              "target": local[rel["target"]][0], "type": rel["type"],
                              "props": props, "evidence": span})
            linked |= {rel["source"], rel["target"]}
        for key in linked:
            eid, name, info = local[key]
            spec, label = info["spec"], info["label"]
            entity = entities.setdefault(eid, {
                "id": eid, "name": name, "type": spec.get("kind", label.upper()), "label": label,
                "labels": list(spec.get("labels", [])), "roles": list(spec.get("roles", [])),
                "aliases": [], "attrs": {}, "mentions": []})
            entity["attrs"].update(info["attrs"])
            entity["mentions"].append(span)
    return {"mapping": mapping.name, "entities": list(entities.values()), "relations": relations}

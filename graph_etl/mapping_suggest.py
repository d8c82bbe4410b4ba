"""Draft a record mapping for a table, with the evidence behind each column choice.

``fakefree mappings suggest FILE`` prints this draft for the operator: for every table (every
sheet of a workbook) the shipped mapping that explains it best, whether it is complete, and for
each column the field it was taken as and why (the header synonym and its language, or the value
pattern, with how many cells fit), or the kinds of values an unmatched column holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph_etl.columns import profile, value_kind
from graph_etl.mapping import Plan, mappings, plan_table
from graph_etl.readers import read

__all__ = ["suggest", "suggest_yaml"]


def _best(plans: list[Plan]) -> Plan:
    return max(plans, key=lambda p: (p.complete, p.explained, -len(p.mapping.fields),
                                     p.mapping.name))


def _draft(name: str, columns: list[str], records: list[dict[str, Any]],
           preamble: list[str]) -> dict[str, Any]:
    profiles = profile(columns, records)
    plans = [plan_table(m, profiles, preamble) for m in mappings()]
    plan = _best(plans)
    by_column = {m.column: m for m in plan.matches}
    described: dict[str, Any] = {}
    for prof in profiles:
        match = by_column.get(prof.column)
        if match:
            entry: dict[str, Any] = {"field": match.field, "by": match.how,
                                     "evidence": match.evidence(),
                                     "cells": f"{match.cells}/{match.filled}"}
            if match.how == "header":
                entry.update(synonym=match.detail, language=match.language)
        else:
            kinds = {value_kind(k): f"{n}/{prof.filled}" for k, n in prof.kinds.items()
                     if n >= max(1, prof.filled // 2)}
            entry = {"field": None, "values": kinds or "text"}
        described[prof.column] = entry
    mapping = plan.mapping
    draft: dict[str, Any] = {
        "name": f"draft_{name}",
        "description": f"Draft from {name}, based on {mapping.name}: {mapping.description}",
        "based_on": mapping.name,
        "complete": plan.complete,
        "missing": plan.missing,
        "required": [list(g) if len(g) > 1 else g[0] for g in mapping.required],
        "optional": list(mapping.optional),
        "columns": described,
    }
    if plan.preamble:
        draft["preamble"] = plan.preamble
    draft["others"] = {p.mapping.name: {"complete": p.complete, "columns": p.explained}
                       for p in sorted(plans, key=lambda p: -p.explained) if p is not plan}
    draft["entities"] = mapping.entities
    draft["relations"] = list(mapping.relations)
    return draft


def suggest(path: Path, max_bytes: int = 256 << 20) -> list[dict[str, Any]]:
    """One draft per table of ``path`` (raises :class:`graph_etl.readers.Unreadable`)."""
    drafts = []
    for result in read(path, max_bytes=max_bytes):
        if result.kind != "records":
            continue
        sheet = (result.meta or {}).get("sheet")
        stem = "_".join(filter(None, [path.stem, sheet])).replace(" ", "_").lower()
        draft = _draft(stem, result.columns or [], result.records or [],
                       (result.meta or {}).get("preamble", []))
        draft["table"] = f"{path.name}#sheet/{sheet}" if sheet else path.name
        drafts.append(draft)
    return drafts


_HEADER = """\
# Draft record mapping for {table}, written by `fakefree mappings suggest`.
# Closest shipped mapping: {based_on} ({state}).
# Each column says which field it was taken as and why. To read an unmatched column, add its
# header to that field's synonyms in graph_etl/mappings/_fields.yaml; to read a new kind of
# table, save this file as graph_etl/mappings/<name>.yaml without `columns`, `based_on`,
# `complete`, `missing` and `others`, and edit its fields, entities and relations.
"""


def suggest_yaml(drafts: list[dict[str, Any]]) -> str:
    """The drafts as commented YAML documents."""
    parts = []
    for draft in drafts:
        state = "complete" if draft["complete"] else "lacks " + ", ".join(draft["missing"])
        body = yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, width=100)
        parts.append(_HEADER.format(table=draft["table"], based_on=draft["based_on"],
                                    state=state) + body)
    return "---\n".join(parts)

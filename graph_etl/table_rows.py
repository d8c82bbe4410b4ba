"""A mapped table read row by row: its conventions, its preamble, its cells as field values."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_etl.columns import Field, Match, direction_of, header_match, parse_header, vocabulary
from graph_etl.values import (
    country_name,
    currency_of,
    date_order,
    decimal_mark,
    parse_amount,
    parse_date,
)

__all__ = ["Plan", "TableRows", "from_preamble"]

_FIELD = re.compile(r"{([^{}]+)}")
_FROM = "_amount_from"


@dataclass
class Plan:
    """A mapping applied to one table: which column holds which field, and why."""

    mapping: Any  # graph_etl.mapping.Mapping
    matches: list[Match]
    preamble: dict[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> dict[str, str]:
        return {m.field: m.column for m in self.matches}

    @property
    def missing(self) -> list[str]:
        return self.mapping.missing(set(self.columns) | set(self.preamble))

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def explained(self) -> int:
        return len(self.matches) + len(self.preamble)

    @property
    def language(self) -> str | None:
        votes: dict[str, int] = {}
        for m in self.matches:
            if m.language:
                votes[m.language] = votes.get(m.language, 0) + 1
        return max(sorted(votes), key=lambda k: votes[k]) if votes else None


def _preamble_value(fld: Field, line: str) -> str | None:
    """The value of ``fld`` in a line above the table: a party after its label
    (``Account holder: ACME LTD, 10 Main St``), an account number on a line naming it."""
    label, sep, rest = line.partition(":")
    if fld.kind == "party" and sep and rest.strip():
        header = parse_header(label)
        if len(header.tokens) <= 4 and header_match(header, fld):
            pieces: list[str] = []
            rest = re.split(r"\s+[-–|;]\s+", rest.strip())[0]  # "X - Acct 123 - Currency CAD"
            for piece in re.split(r",\s+", rest.strip()):
                if pieces and (re.search(r"\d", piece) or "(" in piece):
                    break
                pieces.append(piece.split(" (")[0].strip())
            return ", ".join(pieces) or None
    words = " ".join(parse_header(line).tokens)
    if fld.kind == "account" and any(" ".join(t) in words for _, t in fld.synonyms):
        found = re.search(r"(?<![\w-])(?:[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}|\d[\d-]{5,30}\d)"
                          r"(?![\w-])", line)
        return found.group() if found else None
    return None


def from_preamble(names: Sequence[str], lines: Sequence[str]) -> dict[str, str]:
    """The fields ``names`` found in the lines above a table."""
    fields = vocabulary().fields
    found: dict[str, str] = {}
    for name in names:
        for line in lines:
            value = _preamble_value(fields[name], line)
            if value:
                found[name] = value
                break
    return found



@dataclass
class TableRows:
    """A planned table's conventions (decimal mark and date order per column, units stated in
    headers) and its rows as logical fields, read with them."""

    plan: Plan
    decimals: dict[str, str]
    orders: dict[str, str]
    units: dict[str, str | None]

    @classmethod
    def of(cls, plan: Plan, records: Sequence[dict[str, Any]]) -> TableRows:
        kinds = vocabulary().fields
        default = "mdy" if plan.language == "en" else "dmy"
        decimals: dict[str, str] = {}
        orders: dict[str, str] = {}
        units: dict[str, str | None] = {}
        for m in plan.matches:
            values = [r.get(m.column) for r in records]
            if kinds[m.field].kind in ("amount", "quantity"):
                decimals[m.field] = decimal_mark(values)
            if kinds[m.field].kind == "date":
                orders[m.field] = date_order(values, default)
            units[m.field] = parse_header(m.column).unit
        return cls(plan, decimals, orders, units)

    def row(self, record: dict[str, Any]) -> dict[str, Any]:
        """A record as ``{field: cell}`` (fields read from the preamble included)."""
        out: dict[str, Any] = dict(self.plan.preamble)
        for fld, column in self.plan.columns.items():
            value = record.get(column)
            if value is not None and str(value).strip():
                out[fld] = value if isinstance(value, (int, float)) else str(value).strip()
        for way in ("debit", "credit"):  # a statement's debit and credit columns
            if out.get(f"{way}_amount") is not None:
                out["amount"], out[_FROM] = out[f"{way}_amount"], way
                break
        return out

    def _source(self, row: dict[str, Any], name: str) -> str:
        """The column field an ``amount`` was read from (a debit or credit column)."""
        return f"{row[_FROM]}_amount" if name == "amount" and row.get(_FROM) else name

    def currency(self, row: dict[str, Any], name: str) -> str | None:
        """The currency of amount field ``name``: the row's currency column, else the unit in
        the amount's header, else a code or symbol in the amount cell."""
        stated = str(row["currency"]).strip() if row.get("currency") else None
        unit = self.units.get(self._source(row, name))
        if unit and row.get(_FROM):
            return currency_of(unit) or unit
        return ((stated and currency_of(stated.upper())) or (unit and currency_of(unit))
                or currency_of(row.get(name)) or stated)

    def value(self, row: dict[str, Any], spec: str) -> Any:
        """The value of ``field[:kind]`` in a row: ``number``, ``magnitude`` (no sign),
        ``date`` (ISO 8601), ``currency``, ``country`` (English name), else the text."""
        name, _, kind = spec.partition(":")
        raw = row.get(name)
        if kind == "currency":
            return self.currency(row, name)
        if raw is None or raw == "":
            return None
        if kind in ("number", "magnitude"):
            number = parse_amount(raw, self.decimals.get(self._source(row, name), "."))
            return abs(number) if number is not None and kind == "magnitude" else number
        if kind == "date":
            return parse_date(raw, self.orders.get(name, "dmy")) or str(raw)
        if kind == "country":
            return country_name(raw) or str(raw)
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return raw if isinstance(raw, str) else str(raw)

    def render(self, template: str | list[str], row: dict[str, Any]) -> str | None:
        """The first name template whose fields the row fills, filled."""
        for option in template if isinstance(template, list) else [template]:
            values = {}
            for spec in _FIELD.findall(option):
                value = self.value(row, spec)
                if value is None or str(value).strip() == "":
                    break
                values[spec] = str(value).strip()
            else:
                return _FIELD.sub(lambda m: values[m.group(1)], option)
        return None

    def direction(self, row: dict[str, Any]) -> str | None:
        """``credit`` or ``debit``: the direction column, else the amount's sign."""
        way = direction_of(str(row["direction"])) if row.get("direction") else row.get(_FROM)
        if way is None and row.get("amount") is not None:
            number = parse_amount(row["amount"], self.decimals.get("amount", "."))
            way = None if number is None else ("debit" if number < 0 else "credit")
        return way

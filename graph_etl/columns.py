"""Which logical field each column of a table holds: by header synonyms (en/fr/es) and by values.

The vocabulary is data (``graph_etl/mappings/_fields.yaml``): each field has a kind of value and
header synonyms per language. A header is folded (accents, case, punctuation, abbreviations,
units such as ``(USD)`` set aside) and compared with the synonyms; a column no header names is
matched by what its cells hold (ISO 6346 containers, IMO numbers, dates, currencies, ...), when
one field of that kind is left. Every match keeps its evidence for ``fakefree mappings suggest``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import phonenumbers
import yaml
from rapidfuzz.fuzz import ratio
from stdnum import bic, iban, imo, iso6346
from stdnum.us import rtn

from graph_etl.values import country_name, currency_of, fold, parse_amount, parse_date

__all__ = ["Field", "Vocabulary", "Header", "Match", "Profile", "vocabulary", "parse_header",
           "header_match", "profile", "assign", "direction_of", "value_kind", "KINDS"]

_UNITS = frozenset({"kg", "kgs", "lb", "lbs", "t", "m3", "pcs"})
# Kinds a column's cells can prove on their own; text kinds are named by headers only.
TYPED = frozenset({"date", "amount", "quantity", "currency", "container", "account", "bic", "imo",
                   "country", "direction", "phone"})
SNIFFED = frozenset({"container", "imo", "bic", "currency", "date", "country", "direction",
                     "account", "phone"})


@dataclass(frozen=True)
class Field:
    """A logical field: its value kind and its folded header synonyms ``(language, tokens)``."""

    name: str
    kind: str
    synonyms: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Vocabulary:
    fields: dict[str, Field]
    abbreviations: dict[str, tuple[str, ...]]
    stopwords: frozenset[str]
    directions: dict[str, str]


@dataclass(frozen=True)
class Header:
    """A column name folded to words, with the unit or currency it states apart."""

    original: str
    tokens: tuple[str, ...]
    unit: str | None = None


@dataclass
class Profile:
    """What a column's cells hold: how many are filled and how many fit each kind."""

    column: str
    header: Header
    values: list[Any]
    filled: int
    kinds: dict[str, int] = field(default_factory=dict)

    def share(self, kind: str) -> float:
        return self.kinds.get(kind, 0) / self.filled if self.filled else 0.0


@dataclass(frozen=True)
class Match:
    """A column taken as a field, and why: a header ``synonym`` or a value ``kind``."""

    column: str
    field: str
    how: str
    detail: str
    score: float
    language: str | None
    cells: int
    filled: int

    def evidence(self) -> str:
        if self.how == "header":
            return (f"header synonym '{self.detail}' ({self.language}, score "
                    f"{self.score:.2f}); {self.cells} of {self.filled} cells fit")
        return f"values: {self.cells} of {self.filled} cells are {self.detail}"


def _tokens(text: str, abbreviations: dict[str, tuple[str, ...]], stopwords: frozenset[str]
            ) -> tuple[tuple[str, ...], str | None]:
    folded = fold(text).replace("°", " ").replace("º", " ")
    unit = None
    for inner in re.findall(r"\(([^()]*)\)", folded):
        code = currency_of(inner.upper().strip())
        unit = unit or code or (inner.strip() if inner.strip() in _UNITS else None)
    folded = re.sub(r"\(([^()]*)\)", lambda m: " " if m.group(1).strip() in _UNITS or
                    currency_of(m.group(1).upper().strip()) else f" {m.group(1)} ", folded)
    for short in ("a/c", "b/l"):
        folded = folded.replace(short, " " + " ".join(abbreviations.get(short, (short,))) + " ")
    words: list[str] = []
    for raw in re.findall(r"[a-z0-9#]+", folded):
        if raw in abbreviations:
            words.extend(abbreviations[raw])
        else:
            words.append(raw)
    kept = []
    for index, word in enumerate(words):
        last = index == len(words) - 1 and index > 0
        if word in stopwords:
            continue
        if last and word not in abbreviations and (word in _UNITS or currency_of(word.upper())):
            unit = unit or (word.upper() if currency_of(word.upper()) else word)
            continue
        kept.append(word)
    return tuple(kept), unit


@cache
def vocabulary() -> Vocabulary:
    """The shipped field vocabulary (``_fields.yaml``), folded once."""
    text = resources.files("graph_etl").joinpath("mappings", "_fields.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    stop = frozenset(fold(w) for w in raw.get("stopwords", []))
    abbreviations = {fold(str(k)): tuple(fold(v).split())
                     for k, v in raw.get("abbreviations", {}).items()}
    fields = {}
    for name, spec in raw["fields"].items():
        synonyms = []
        for language in ("en", "fr", "es"):
            for synonym in spec.get(language, []):
                tokens, _ = _tokens(str(synonym), abbreviations, stop)
                if tokens:
                    synonyms.append((language, tokens))
        fields[name] = Field(name, spec.get("kind", "text"), tuple(dict.fromkeys(synonyms)))
    directions = {fold(str(v)): way for way, values in raw.get("directions", {}).items()
                  for v in values}
    return Vocabulary(fields, abbreviations, stop, directions)


def parse_header(name: str, vocab: Vocabulary | None = None) -> Header:
    """A header folded to words, with its unit apart.

    >>> parse_header("Domestic Value (USD)"), parse_header("Cta. ordenante").tokens
    (Header(original='Domestic Value (USD)', tokens=('domestic', 'value'), unit='USD'), ('cuenta', 'ordenante'))
    """
    vocab = vocab or vocabulary()
    tokens, unit = _tokens(name, vocab.abbreviations, vocab.stopwords)
    return Header(name, tokens, unit)


def _word_fits(word: str, wanted: str) -> bool:
    if word == wanted:
        return True
    if len(word) >= 3 and wanted.startswith(word):
        return True  # an abbreviation: "benef" for "beneficiary"
    return len(word) >= 6 and len(wanted) >= 6 and ratio(word, wanted) >= 88


def _contains(tokens: tuple[str, ...], synonym: tuple[str, ...]) -> bool:
    at = 0
    for wanted in synonym:
        while at < len(tokens) and not _word_fits(tokens[at], wanted):
            at += 1
        if at == len(tokens):
            return False
        at += 1
    return True


def header_match(header: Header, fld: Field) -> tuple[float, str, str] | None:
    """The best synonym of ``fld`` for ``header``: ``(score, synonym, language)``.

    Equal words score 1; a synonym found word for word inside a longer header scores less the
    more words it leaves unexplained.
    """
    best: tuple[float, str, str] | None = None
    for language, synonym in fld.synonyms:
        if header.tokens == synonym:
            score = 1.0
        elif len(header.tokens) == len(synonym) and _contains(header.tokens, synonym):
            score = 0.95
        elif _contains(header.tokens, synonym):
            score = 0.5 + 0.4 * len(synonym) / len(header.tokens)
        else:
            continue
        if best is None or score > best[0]:
            best = (score, " ".join(synonym), language)
    return best


def _is_date(value: Any) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and (
        parse_date(value, "dmy") is not None or parse_date(value, "mdy") is not None))


def _is_amount(value: Any) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if not isinstance(value, str) or _is_date(value):
        return False
    letters = re.sub(r"[^A-Za-z]", "", value)
    return parse_amount(value) is not None and (not letters or currency_of(value) is not None)


def _is_account(value: Any) -> bool:
    if isinstance(value, int):
        return len(str(value)) >= 8
    if not isinstance(value, str):
        return False
    text = value.strip()
    if iban.is_valid(text):
        return True
    if not re.fullmatch(r"(?:[A-Z]{2}[ -]?)?\d[\d -]{4,32}\d", text):
        return False
    digits = re.sub(r"\D", "", text)
    return len(digits) >= 6 and (len(digits) >= 9 or "-" in text or text.startswith("0"))


def _is_phone(value: Any) -> bool:
    if not isinstance(value, str) or len(re.sub(r"\D", "", value)) < 7:
        return False
    if not re.fullmatch(r"[+(]?[\d\s().-]{7,20}", value.strip()):
        return False
    if value.strip().startswith("+"):
        try:
            return phonenumbers.is_possible_number(phonenumbers.parse(value, None))
        except phonenumbers.NumberParseException:
            return False
    return bool(re.search(r"[\s().-]", value.strip()))


KINDS: dict[str, Callable[[Any], bool]] = {
    "date": _is_date,
    "amount": _is_amount,
    "quantity": lambda v: _is_amount(v) and float(parse_amount(v) or 0.5).is_integer(),
    "currency": lambda v: isinstance(v, str) and len(v.strip()) == 3
    and currency_of(v.strip().upper()) is not None,
    "container": lambda v: isinstance(v, str) and iso6346.is_valid(re.sub(r"[\s.-]", "", v)),
    "account": _is_account,
    "bic": lambda v: isinstance(v, str) and (bic.is_valid(v) or rtn.is_valid(v)),
    "imo": lambda v: isinstance(v, (str, int)) and imo.is_valid(str(v)),
    "country": lambda v: country_name(v) is not None,
    "phone": _is_phone,
    "direction": lambda v: direction_of(v) is not None,
}
_KIND_NAMES = {"date": "dates", "amount": "amounts", "quantity": "whole numbers",
               "currency": "ISO 4217 currency codes", "container": "ISO 6346 container numbers",
               "account": "bank account numbers or IBANs", "bic": "SWIFT/BIC or ABA codes",
               "imo": "IMO numbers", "country": "country names or codes",
               "phone": "phone numbers", "direction": "debit/credit marks"}


def value_kind(kind: str) -> str:
    """How a value kind is named in evidence."""
    return _KIND_NAMES.get(kind, kind)


def direction_of(value: Any) -> str | None:
    """``"credit"`` or ``"debit"`` for a statement's direction mark (CR, débit, abono...)."""
    if not isinstance(value, str):
        return None
    return vocabulary().directions.get(fold(value).strip(" ."))


def profile(columns: Sequence[str], records: Sequence[dict[str, Any]], sample: int = 500
            ) -> list[Profile]:
    """One :class:`Profile` per column from up to ``sample`` rows."""
    vocab = vocabulary()
    out = []
    for column in columns:
        values = [r.get(column) for r in records[:sample]]
        values = [v for v in values if v is not None and v != ""]
        kinds = {kind: sum(1 for v in values if test(v)) for kind, test in KINDS.items()}
        out.append(Profile(column, parse_header(column, vocab), values, len(values),
                           {k: n for k, n in kinds.items() if n}))
    return out


def _fits(fld: Field, prof: Profile, score: float) -> bool:
    """Whether the cells do not contradict the field's kind (few cells prove nothing; under an
    exact header, only cells none of which fit do)."""
    if prof.filled < 3:
        return True
    if fld.kind in TYPED:
        need = 0.3 if fld.kind in ("account", "bic") else 0.5
        need = need if score < 0.95 else 1 / prof.filled
        return prof.share(fld.kind) >= need or (fld.kind == "quantity" and
                                                 prof.share("amount") >= 0.5)
    if fld.kind == "party":
        return prof.share("amount") < 0.8 and prof.share("date") < 0.8
    return True


def assign(field_names: Sequence[str], profiles: Sequence[Profile],
           vocab: Vocabulary | None = None) -> list[Match]:
    """Columns matched one to one with ``field_names``: best header matches first, then the
    columns whose cells alone show a kind that one remaining field has."""
    vocab = vocab or vocabulary()
    fields = [vocab.fields[n] for n in field_names]
    candidates = []
    for order, prof in enumerate(profiles):
        for rank, fld in enumerate(fields):
            found = header_match(prof.header, fld)
            if found and _fits(fld, prof, found[0]):
                candidates.append((found[0], -order, -rank, prof, fld, found))
    candidates.sort(key=lambda c: c[:3], reverse=True)
    matches: dict[str, Match] = {}
    used: set[str] = set()
    for score, _, _, prof, fld, (_, synonym, language) in candidates:
        if fld.name in matches or prof.column in used:
            continue
        cells = prof.kinds.get(fld.kind, prof.filled) if fld.kind in TYPED else prof.filled
        matches[fld.name] = Match(prof.column, fld.name, "header", synonym, score, language,
                                  cells, prof.filled)
        used.add(prof.column)
    for kind in SNIFFED:
        open_fields = [f for f in fields if f.kind == kind and f.name not in matches]
        open_columns = [p for p in profiles if p.column not in used and p.filled >= 2
                        and p.share(kind) >= 0.8]
        if len(open_fields) == 1 and len(open_columns) == 1:
            prof, fld = open_columns[0], open_fields[0]
            matches[fld.name] = Match(prof.column, fld.name, "values", value_kind(kind),
                                      prof.share(kind), None, prof.kinds[kind], prof.filled)
            used.add(prof.column)
    return sorted(matches.values(), key=lambda m: [p.column for p in profiles].index(m.column))

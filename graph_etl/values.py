"""Cell values as offices write them: amounts, dates, currencies and countries in en/fr/es.

A table keeps one convention per column (a decimal comma, day-first dates), so the convention is
decided from the whole column (:func:`decimal_mark`, :func:`date_order`) and each cell is then
read with it (:func:`parse_amount`, :func:`parse_date`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

import pycountry
from babel import Locale
from babel.dates import get_month_names
from babel.numbers import list_currencies
from normality import ascii_text

__all__ = ["fold", "decimal_mark", "parse_amount", "date_order", "parse_date", "currency_of",
           "country_name", "LANGUAGES"]

LANGUAGES = ("en", "fr", "es")
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD",
            "CA$": "CAD", "MX$": "MXN", "₹": "INR", "S$": "SGD", "HK$": "HKD"}
_NUMBER = re.compile(r"[-+(]?\d[\d\s.,'’\u00a0\u202f]*")
_DATE_PARTS = re.compile(r"\d+|[^\W\d_]+")


def fold(text: str) -> str:
    """Lower case ASCII without accents, for comparing words.

    >>> fold("Bénéficiaire"), fold("País")
    ('beneficiaire', 'pais')
    """
    return (ascii_text(text) or "").casefold()


@cache
def _currencies() -> frozenset[str]:
    """ISO 4217 codes in use (not the historical ones, which read like words: BAN)."""
    return frozenset(c.alpha_3 for c in pycountry.currencies) & frozenset(list_currencies())


def currency_of(text: Any) -> str | None:
    """An ISO 4217 code written in or implied by ``text`` (a code or a symbol).

    >>> currency_of("USD 9,500"), currency_of("45 000 €"), currency_of("Montant")
    ('USD', 'EUR', None)
    """
    if not isinstance(text, str):
        return None
    for token in re.findall(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])", text):
        if token.upper() in _currencies() and (token.isupper() or len(text.strip()) == 3):
            return token.upper()
    for symbol in sorted(_SYMBOLS, key=len, reverse=True):
        if symbol in text:
            return _SYMBOLS[symbol]
    return None


def _marks(text: str) -> tuple[str, str] | None:
    """The (decimal, thousands) marks a number shows for sure, if it shows them."""
    digits = re.sub(r"[^\d.,]", "", text)
    last_dot, last_comma = digits.rfind("."), digits.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        return (".", ",") if last_dot > last_comma else (",", ".")
    for mark, other in ((",", "."), (".", ",")):
        if mark in digits:
            parts = digits.split(mark)
            if len(parts) > 2:
                return other, mark
            if len(parts[1]) != 3:
                return mark, other
    return None


def decimal_mark(values: Iterable[Any]) -> str:
    """The decimal mark of a column of amounts: ``","`` when its cells show a decimal comma.

    >>> decimal_mark(["9500,00", "1 200"]), decimal_mark(["36,200.00", "1,500"])
    (',', '.')
    """
    votes = {".": 0, ",": 0}
    for value in values:
        if isinstance(value, str) and (marks := _marks(value)):
            votes[marks[0]] += 1
    return "," if votes[","] > votes["."] else "."


def parse_amount(value: Any, decimal: str = ".") -> float | None:
    """A number from a cell, whatever its thousands separator, sign or currency.

    >>> parse_amount("$217,600.00"), parse_amount("9500,00", ","), parse_amount("1.234,5 €", ",")
    (217600.0, 9500.0, 1234.5)
    >>> parse_amount("(1 500)"), parse_amount("n/a")
    (-1500.0, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        return None
    found = _NUMBER.search(value)
    if not found:
        return None
    raw = found.group().strip()
    negative = raw.startswith(("-", "(")) or value.strip().startswith("-")
    marks = _marks(raw)
    point = marks[0] if marks else decimal
    digits = re.sub(r"[^\d" + re.escape(point) + "]", "", raw).replace(point, ".")
    if digits.count(".") > 1 or not digits.strip("."):
        return None
    number = float(digits)
    return -number if negative else number


@cache
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=language).items():
                months[fold(name).strip(".")] = number
    months.update({"sept": 9, "set": 9, "dic": 12, "ene": 1, "janv": 1, "fevr": 2, "avr": 4})
    return months


def _numeric_parts(value: str) -> list[str] | None:
    parts = _DATE_PARTS.findall(value.split("T")[0].split(" ")[0])
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return parts
    return None


def date_order(values: Iterable[Any], default: str = "dmy") -> str:
    """The order of numeric dates in a column, ``"dmy"``, ``"mdy"`` or ``"ymd"``.

    A day above 12 in one cell settles the column; otherwise ``default`` (day first for most of
    the world, month first for US-style files).

    >>> date_order(["10/22/2024", "01/02/2025"]), date_order(["12/07/2024", "18/09/2024"])
    ('mdy', 'dmy')
    """
    first_high = second_high = False
    for value in values:
        parts = _numeric_parts(value) if isinstance(value, str) else None
        if not parts:
            continue
        if len(parts[0]) == 4:
            return "ymd"
        first_high |= int(parts[0]) > 12
        second_high |= int(parts[1]) > 12
    if first_high and not second_high:
        return "dmy"
    if second_high and not first_high:
        return "mdy"
    return default


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 70 else 1900) if len(text) <= 2 else year


def parse_date(value: Any, order: str = "dmy") -> str | None:
    """An ISO 8601 date from a cell: numeric in ``order``, ISO, or with a month name (en/fr/es).

    >>> parse_date("10/22/2024", "mdy"), parse_date("05.08.24"), parse_date("5 de marzo de 2025")
    ('2024-10-22', '2024-08-05', '2025-03-05')
    >>> parse_date("05-MAR-2025"), parse_date("2024-07-02T00:00:00"), parse_date("soon")
    ('2025-03-05', '2024-07-02', None)
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parts = _numeric_parts(value.strip())
        if parts:
            if len(parts[0]) == 4:
                order = "ymd"
            positions = {key: parts[order.index(key)] for key in "dmy"}
            return date(_year(positions["y"]), int(positions["m"]), int(positions["d"])).isoformat()
        tokens = _DATE_PARTS.findall(fold(value))
        months = [_months()[t] for t in tokens if t in _months()]
        numbers = [t for t in tokens if t.isdigit()]
        if len(months) == 1 and len(numbers) == 2 and len(tokens) <= 6:
            year = next((n for n in numbers if len(n) == 4), numbers[-1])
            day = next(n for n in numbers if n is not year)
            return date(_year(year), months[0], int(day)).isoformat()
    except ValueError:
        return None
    return None


@cache
def _countries() -> dict[str, str]:
    """Folded country names (en/fr/es) and ISO codes to the English short name."""
    english = Locale("en").territories
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code.isalpha() and len(code) == 2 and code in english:
                names.setdefault(fold(name), english[code])
    for code, name in english.items():
        if code.isalpha() and len(code) == 2:
            names.setdefault(code.casefold(), name)
    names.update({"usa": english["US"], "uk": english["GB"], "mexico": english["MX"]})
    return names


def country_name(value: Any) -> str | None:
    """The English name of a country written in en/fr/es or as an ISO code.

    >>> country_name("SINGAPUR"), country_name("Haïti"), country_name("IN"), country_name("Acme")
    ('Singapore', 'Haiti', 'India', None)
    """
    if not isinstance(value, str):
        return None
    return _countries().get(fold(value).strip(" ."))

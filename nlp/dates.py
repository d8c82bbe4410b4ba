"""Dates in English, French and Spanish, normalised to ISO 8601 (day or month precision).

>>> [(d.text, d.iso) for d in find_dates("Indicted on Jan. 15, 2009, le 3 mars 2021 and 2020-05-01.")]
[('Jan. 15, 2009', '2009-01-15'), ('3 mars 2021', '2021-03-03'), ('2020-05-01', '2020-05-01')]
>>> [d.iso for d in find_dates("el 15 de septiembre de 2014 y en agosto de 2007")]
['2014-09-15', '2007-08']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DateMatch", "find_dates"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MON = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_YEAR.replace('?P<y>', '?P<y>')}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(rf"\b(?P<mon>{_MON})\.? {_DAY},? {_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY} (?:de )?(?P<mon>{_MON})\.?,? (?:de |del )?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep){_YEAR}\b"),
    re.compile(rf"\b(?P<mon>{_MON})\.? (?:de |del |of )?{_YEAR}\b", re.IGNORECASE),
]


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text with its ISO 8601 form."""

    start: int
    end: int
    text: str
    iso: str


def _numeric(groups: dict[str, str | None], day_first: bool) -> dict[str, str | None]:
    """Day and month of an all-numeric date: the one above 12 is the day, else the order of the
    language (day first in French and Spanish, month first in English)."""
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    if a > 12 or (day_first and b <= 12):
        return {**groups, "d": groups["a"], "m": groups["b"]}
    return {**groups, "m": groups["a"], "d": groups["b"]}


def _iso(groups: dict[str, str | None]) -> str | None:
    month = int(groups["m"]) if groups.get("m") else _MONTHS.get(
        (groups.get("mon") or "").lower().rstrip("."))
    if not month or month > 12:
        return None
    year = groups["y"]
    if groups.get("d"):
        day = int(groups["d"])
        if not 1 <= day <= 31:
            return None
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}"


_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")
"""What every pattern of :data:`_PATTERNS` holds (:data:`_YEAR`)."""


def _year_lines(text: str) -> list[tuple[int, int]]:
    r"""The lines of ``text`` that hold a year, as (start, end) offsets.

    >>> t = "Filed.\nOn May 3, 2021 he paid.\nNo date here.\nIn 1999 and 2001."
    >>> [t[a:b] for a, b in _year_lines(t)]
    ['On May 3, 2021 he paid.', 'In 1999 and 2001.']
    """
    lines: list[tuple[int, int]] = []
    for m in _ANY_YEAR.finditer(text):
        if lines and m.start() < lines[-1][1]:
            continue
        end = text.find("\n", m.end())
        lines.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return lines


def find_dates(text: str, language: str = "en") -> list[DateMatch]:
    """Every date of ``text`` (left to right, no overlaps). All-numeric dates are read day
    first in French and Spanish, month first in English, unless one part is above 12.

    >>> [d.iso for d in find_dates("el 14/09/2023 y el 03/04/2023", "es")]
    ['2023-09-14', '2023-04-03']
    >>> [d.iso for d in find_dates("on 03/04/2023 and 14.09.2023")]
    ['2023-03-04', '2023-09-14']
    """
    # No pattern matches a line break and every one holds a year: only the lines with a year
    # are read (a line break is no word character, so ``\b`` reads a line alone as in the text)
    found: list[DateMatch] = []
    for a, b in _year_lines(text):
        found += [DateMatch(a + d.start, a + d.end, d.text, d.iso)
                  for d in _line_dates(text[a:b], language)]
    return found


def _line_dates(text: str, language: str) -> list[DateMatch]:
    """:func:`find_dates` over one line."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            if groups.get("a"):
                groups = _numeric(groups, language in ("fr", "es"))
            iso = _iso(groups)
            if iso is None:
                continue
            if pattern is _PATTERNS[-1] and m.group("mon").lower() == "may" and not \
                    m.group(0)[0].isupper():
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), m.group(0), iso))
    return sorted(found, key=lambda d: d.start)

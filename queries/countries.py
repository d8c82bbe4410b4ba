"""A party's country, read from the graph around it, for money corridors and maps.

In order of preference: the party's own ``country`` (or ``jurisdiction``, ``nationality``)
property; the Country it is REGISTERED_IN; the country of an address it HAS_ADDRESS; the country
of an account it HOLDS (the IBAN's country code, else the bank's country, else its SWIFT/BIC's); the country of a phone
it HAS_PHONE (its calling code). Names are given in one form (``IN``, ``Inde`` and ``India`` are
all ``India``), so that one corridor is not split in three.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("k", labels=["Company"], name="Kallang")
>>> G.add_node("a", labels=["BankAccount"], name="SG12 ...", bank_country="Singapour")
>>> G.add_node("t", labels=["Phone"], name="+91 98140 22731")
>>> _ = G.add_edge("k", "t", type="HAS_PHONE"); _ = G.add_edge("k", "a", type="HOLDS")
>>> party_country(G, "k")
'Singapore'
"""

from __future__ import annotations

import re
from functools import lru_cache

import networkx as nx
import phonenumbers
import pycountry

from queries.graph import has_label, name_of, prop

__all__ = ["party_country", "country_label"]

_OWN = ("country", "jurisdiction", "nationality", "country_of_registration")
_ACCOUNT = ("bank_country", "country", "beneficiary_country")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$")
_IBAN = re.compile(r"^([A-Z]{2})\d{2}[A-Z0-9]{8,30}$")


@lru_cache(maxsize=4096)
def country_label(value: str) -> str:
    """One English name for a country written as a code or in English, French or Spanish;
    ``value`` itself when it is not a country.

    >>> country_label("IN"), country_label("Singapur"), country_label("Hong Kong"), country_label("Atlantis")
    ('India', 'Singapore', 'Hong Kong', 'Atlantis')
    """
    from nlp.regions import country_or_state

    text = str(value).strip()
    code = text.upper() if re.fullmatch(r"[A-Za-z]{2}", text) else country_or_state(text,
                                                                                 states=False)
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return text
    return str(getattr(country, "common_name", None) or country.name)


def _neighbours(G: nx.MultiDiGraph, node: str, rel: str) -> list[str]:
    out = sorted(v for _, v, t in G.out_edges(node, data="type") if t == rel)
    return out + sorted(u for u, _, t in G.in_edges(node, data="type")
                        if t == rel and u not in out)


def _address_country(G: nx.MultiDiGraph, node: str) -> str | None:
    value = prop(G, node, "country")
    if value:
        return str(value)
    from nlp.addresses import address_key

    return address_key(name_of(G, node)).country


def _account_country(G: nx.MultiDiGraph, node: str) -> str | None:
    for key in ("iban", "number"):
        compact = re.sub(r"[\s-]", "", str(prop(G, node, key, default=""))).upper()
        m = _IBAN.match(compact)
        if m and pycountry.countries.get(alpha_2=m.group(1)):
            return m.group(1)
    compact = re.sub(r"[\s-]", "", name_of(G, node)).upper()
    m = _IBAN.match(compact)
    if m and pycountry.countries.get(alpha_2=m.group(1)):
        return m.group(1)
    value = prop(G, node, *_ACCOUNT)
    if value:
        return str(value)
    bics = [prop(G, node, "swift", "bic")] + [
        name_of(G, n) for n in _neighbours(G, node, "ASSOCIATED_WITH")
        if has_label(G, n, "Identifier")]
    for bic in bics:   # the bank's SWIFT/BIC: its 5th and 6th letters are the bank's country
        compact = re.sub(r"\s", "", str(bic or "")).upper()
        if _BIC.match(compact) and pycountry.countries.get(alpha_2=compact[4:6]):
            return compact[4:6]
    return None


def _phone_country(G: nx.MultiDiGraph, node: str) -> str | None:
    value = prop(G, node, "country")
    if value:
        return str(value)
    for text in (prop(G, node, "e164"), name_of(G, node)):
        if not text or not str(text).strip().startswith(("+", "00")):
            continue
        try:
            number = phonenumbers.parse(str(text).strip().replace("00", "+", 1)
                                        if str(text).strip().startswith("00") else str(text))
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(number)
        if region and region != "ZZ":
            return region
    return None


def party_country(G: nx.MultiDiGraph, node: str) -> str | None:
    """The country of ``node`` (a party, or an account whose holder is unknown), or ``None``."""
    value = prop(G, node, *_OWN)
    if value:
        return country_label(str(value))
    for target in _neighbours(G, node, "REGISTERED_IN"):
        if has_label(G, target, "Country"):
            return country_label(name_of(G, target))
        value = prop(G, target, "country")
        if value:
            return country_label(str(value))
    steps = (("HAS_ADDRESS", "Address", _address_country),
             ("HOLDS", "BankAccount", _account_country),
             ("HAS_PHONE", "Phone", _phone_country))
    if has_label(G, node, "BankAccount"):
        value = _account_country(G, node)
        return country_label(value) if value else None
    for rel, label, read in steps:
        for target in _neighbours(G, node, rel):
            if has_label(G, target, label) and (value := read(G, target)):
                return country_label(value)
    return None

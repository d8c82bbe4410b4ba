"""Parties named in table cells: Person or Company, and a trailing remark set apart."""

from __future__ import annotations

import re

from rigour.names import extract_org_types

__all__ = ["party_label", "party_name"]

_TRAILING_REMARK = re.compile(r"\s*\(([^()]*\s[^()]*)\)\s*$")

_ORG_WORDS = re.compile(
    r"\b(trading|holdings?|group|import|export|imports|exports|logistics|shipping|freight|"
    r"industr\w*|manufactur\w*|technolog\w*|international|enterprises?|company|corp\w*|"
    r"importadora|exportadora|comercial\w*|distribuidora|grupo|servicios|casa de cambio|"
    r"soci[eé]t[eé]|entreprise|commerce|bank|banco|banque|exchange|capital|investments?|"
    r"partners|services|solutions|supply|global|factory|works|electronics|auto|parts|"
    r"pharma\w*|textiles?|garments?|apparel|fashion|store|shop|mart|llc|inc|ltd|gmbh|s\.?a\.?|"
    r"distribut\w*|wholesale|retail|traders?|depot|motors?|supplies|warehouse|entrep[oô]t|"
    r"agency|agencia|agence|customs|brokers?|courtiers?|transport\w*|express|cargo|"
    r"lt[ée]e|ltda|sarl|sas|srl|pte|pvt|plc|fletes|refacciones|autopartes|import\w*|export\w*|"
    r"payments?|remittances?|money)\b",
    re.IGNORECASE)


def party_label(name: str) -> str:
    """Person or Company, for a column that may hold either (bank records).

    >>> party_label("Wei Zhang"), party_label("Golden Dragon Trading"), party_label("Casa de Cambio Rápido")
    ('Person', 'Company', 'Company')
    """
    if extract_org_types(name) or _ORG_WORDS.search(name) or any(c.isdigit() for c in name):
        return "Company"
    return "Person"


def party_name(name: str) -> tuple[str, str | None]:
    """A party cell without a trailing remark in brackets (one with a space in it).

    >>> party_name("Acme Inc. (for Zeta Ltd)"), party_name("Hua Li Trading (HK) Ltd")
    (('Acme Inc.', 'for Zeta Ltd'), ('Hua Li Trading (HK) Ltd', None))
    """
    found = _TRAILING_REMARK.search(name)
    if found and found.start() > 0:
        return name[:found.start()].strip(), found.group(1).strip()
    return name, None

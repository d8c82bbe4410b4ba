"""Parties named in table cells: Person or Company, and a trailing remark set apart."""

from __future__ import annotations

import re

from fakefree.orgnames import is_org_name

__all__ = ["party_label", "party_name"]

_TRAILING_REMARK = re.compile(r"\s*\(([^()]*\s[^()]*)\)\s*$")

def party_label(name: str) -> str:
    """Person or Company, for a column that may hold either (bank records).

    >>> party_label("Wei Zhang"), party_label("Golden Dragon Trading"), party_label("Casa de Cambio Rápido")
    ('Person', 'Company', 'Company')
    """
    if is_org_name(name) or any(c.isdigit() for c in name):
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

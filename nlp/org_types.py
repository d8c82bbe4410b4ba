"""What kind of organisation an ORG mention names: a court, an agency, a brand or a company.

Known names come from the gazetteer (:mod:`nlp.gazetteer`); the rest is told by cue words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.gazetteer import load_gazetteer

__all__ = ["known_orgs", "org_subtype"]

_AGENCY = re.compile(
    r"\b(police|department|agency|customs|administration|service|bureau|office|commission|"
    r"ministry|attorney|prosecut|homeland|immigration|border|revenue|guard|gendarmerie|douanes?|"
    r"direction|parquet|polic[ií]a|guardia|procuradur[ií]a|fiscal[ií]a|secretar[ií]a|instituto|"
    r"agencia|aduanas?|servicio|unidad|oficina|ministerio|ministère|agence|sûreté|interpol|europol|"
    r"force|enforcement|inspection|fbi|nypd|rcmp|cbsa|hmrc|sat|impi|fda|cbp|hsi|ice|dhs)\b",
    re.IGNORECASE,
)
_COURT = re.compile(r"\b(court|tribunal|juzgado|audiencia|cour)\b", re.IGNORECASE)
_COMPANY = re.compile(
    r"\b(ltd|limited|llc|inc|corp|co|company|gmbh|s\.?a|sarl|sas|s\.?l|plc|llp|b\.v|pty|group|"
    r"holdings|trading|enterprises?|import|export|logistics|international)\b\.?",
    re.IGNORECASE,
)
_BRAND_CUE = re.compile(
    r"(counterfeit|fake|knock-?off|branded|trademarks? of|brands?|bearing|faux|fausses?|"
    r"contrefa|marques?|marcas?(?: como)?|falsificad[oa]s?|ap[óo]crif|pirata|de la marque|"
    r"imitation|bogus|phony|copies of)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_LEGAL_TAIL = re.compile(
    r"(?:,?\s?(?:Co\.,?\s?Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|Corp\.?|PLC|GmbH|S\.A\.(?:\s?de"
    r"\s?C\.V\.)?|S\.\s?de\s?R\.L\.(?:\s?de\s?C\.V\.)?|S\.L\.|SARL|SAS|B\.V\.|Pty\.? Ltd\.?|"
    r"S\.p\.A\.|Ltda\.?|Lda\.?))+"
)


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, str]:
    """Gazetteer names and acronyms to AGENCY, BRAND or COMPANY (online platforms)."""
    gaz = load_gazetteer()
    out = {p: "COMPANY" for p in gaz.platforms}
    out.update({b: "BRAND" for b in gaz.brands})
    for name, acronyms in gaz.agencies.items():
        out[name] = "AGENCY"
        out.update({a: "AGENCY" for a in acronyms})
    return out


def org_subtype(text: str, gazetteer_id: str, before: str) -> str:
    """COURT, AGENCY, BRAND or COMPANY for an ORG mention.

    >>> org_subtype("Birmingham Crown Court", "", "")
    'COURT'
    >>> org_subtype("Nike", "", "sold counterfeit ")
    'BRAND'
    """
    if _COURT.search(text):
        return "COURT"
    if gazetteer_id in ("AGENCY", "BRAND", "COMPANY"):
        return gazetteer_id
    known = known_orgs()
    first = text.split()[0] if text.split() else text
    if text in known:
        return known[text]
    if known.get(first) == "BRAND" or known.get(text.rsplit(" ", 1)[0]) == "BRAND":
        return "BRAND"
    if _COMPANY.search(text):
        return "COMPANY"
    if _AGENCY.search(text):
        return "AGENCY"
    if _BRAND_CUE.search(before[-60:]):
        return "BRAND"
    return "COMPANY"

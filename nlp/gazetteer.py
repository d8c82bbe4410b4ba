"""Known agencies (with acronyms, in three languages) and brands, and the spaCy ruler using them.

>>> "Guardia Civil" in load_gazetteer().agencies
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.pipeline import SpanRuler

__all__ = ["Gazetteer", "load_gazetteer", "ruler_patterns", "SUBTYPE_KEY"]

SUBTYPE_KEY = "fakefree_subtype"


@dataclass(frozen=True)
class Gazetteer:
    """Agency names to their acronyms, brand names, and online platforms."""

    agencies: dict[str, list[str]]
    brands: list[str]
    platforms: list[str]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read ``nlp/data/gazetteer.yaml`` shipped in the package."""
    text = resources.files("nlp").joinpath("data/gazetteer.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return Gazetteer(agencies={k: list(v or []) for k, v in raw["agencies"].items()},
                     brands=list(raw["brands"]), platforms=list(raw.get("platforms") or []))


def ruler_patterns(nlp: Language) -> list[dict]:
    """SpanRuler phrase patterns: agencies and acronyms as ORG/AGENCY, brands as ORG/BRAND,
    online platforms as ORG/COMPANY."""
    gaz = load_gazetteer()
    patterns: list[dict] = []
    seen: set[str] = set()
    for name, acronyms in gaz.agencies.items():
        for text in (name, *acronyms):
            if text not in seen:
                seen.add(text)
                patterns.append({"label": "ORG", "pattern": text, "id": "AGENCY"})
    for brand in gaz.brands:
        if brand not in seen:
            seen.add(brand)
            patterns.append({"label": "ORG", "pattern": brand, "id": "BRAND"})
    for platform in gaz.platforms:
        if platform not in seen:
            seen.add(platform)
            patterns.append({"label": "ORG", "pattern": platform, "id": "COMPANY"})
    return patterns


@Language.factory("fakefree_gazetteer", default_config={"overwrite": False})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite: bool) -> SpanRuler:
    """A SpanRuler writing known agencies and brands into ``doc.ents`` (placed before the NER)."""
    ruler = SpanRuler(nlp, name, annotate_ents=True, overwrite=overwrite, spans_key=None,
                      phrase_matcher_attr="ORTH")
    ruler.add_patterns(ruler_patterns(nlp))
    return ruler

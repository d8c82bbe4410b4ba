"""Event triggers and argument cues in English, French and Spanish, compiled from
``nlp/data/event_cues.yaml`` (the words are data; this module only builds the expressions).

>>> cues = event_cues("es")
>>> bool(cues.trigger("SEIZURE", "strong").search("se aseguraron 14.600 pares"))
True
>>> bool(cues.trigger("SEIZURE", "strong").search("aseguró que no sabía nada"))
False
>>> cues.role_before("como consignatario ")
'consignee'
>>> bool(cues.holder.fullmatch(", cuyo titular es ")), bool(cues.holder.fullmatch(" a la cuenta "))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["EventCues", "event_cues", "EVENT_TYPES", "LANGUAGES"]

EVENT_TYPES = ("SEIZURE", "SHIPMENT", "PAYMENT")
LANGUAGES = ("en", "fr", "es")
_ARTICLE = (r"(?:(?:the|a|an|its|his|her|their|la|le|les|l['’]|un|une|el|los|las|una|su|sus|sa|"
            r"son|ses|leur|leurs|company|firm|société|entreprise|empresa|compañía|sociedad)\s*)*")
# "shipper of record is", "l'expéditeur mentionné est", "el embarcador declarado es"
_QUALIFIER = (r"(?:\s+(?:of record|on record|on file|mentionn[ée]e?s?|indiqu[ée]e?s?|d[ée]clar[ée]e?s?|"
              r"d[ée]sign[ée]e?s?|inscrite?s?|declarad[oa]s?|registrad[oa]s?|señalad[oa]s?|"
              r"indicad[oa]s?|listed|named|shown|stated|declared|given))?")
_COPULA = _QUALIFIER + r"(?:\s+(?:is|was|appears|est|était|figure|apparaît|es|era|fue|figura|aparece))?"
_ROLE_ORDER = ("shipper", "consignee", "broker", "forwarder", "manufacturer")


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _whole(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_words(patterns)})(?!\w)", re.IGNORECASE)


def _ending(patterns: list[str]) -> re.Pattern[str]:
    """A cue that ends just before a mention: "consigned to the ", "como consignatario "."""
    return re.compile(rf"(?<!\w)(?:{_words(patterns)}){_COPULA}[\s,:;\"'«»“”(]*{_ARTICLE}$",
                      re.IGNORECASE)


def _between(patterns: list[str]) -> re.Pattern[str]:
    """A cue that fills the whole gap between two mentions: ", cuyo titular es la empresa "."""
    return re.compile(rf"[\s,;:(]*(?:{_words(patterns)}){_COPULA}[\s,:;\"'«»“”(]*{_ARTICLE}",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    text = resources.files("nlp").joinpath("data/event_cues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _pick(table: dict[str, list[str]], language: str) -> list[str]:
    if language in table:
        return list(table[language])
    return [p for lang in LANGUAGES for p in table.get(lang, [])]


@dataclass(frozen=True)
class EventCues:
    """The compiled cues of one language (all three for an unknown language)."""

    triggers: dict[tuple[str, str], re.Pattern[str]]
    roles: dict[str, re.Pattern[str]]
    places: dict[str, re.Pattern[str]]
    value: re.Pattern[str]
    total: re.Pattern[str]
    counterfeit: re.Pattern[str]
    not_goods: re.Pattern[str]
    holder: re.Pattern[str]

    def trigger(self, event: str, kind: str) -> re.Pattern[str]:
        """The trigger expression of ``event`` (``strong``, ``weak`` or ``receive``)."""
        return self.triggers.get((event, kind), _NEVER)

    def role_before(self, before: str) -> str | None:
        """The trade role (shipper, consignee, broker, forwarder, manufacturer) that the text ending just
        before a party gives it, or ``None``."""
        for role in _ROLE_ORDER:
            if self.roles[role].search(before):
                return role
        return None


_NEVER = re.compile(r"(?!x)x")


@lru_cache(maxsize=4)
def event_cues(language: str) -> EventCues:
    """The cues of ``language`` (en, fr, es; any other gets the union of the three)."""
    raw = _raw()
    triggers = {(event, kind): _whole(_pick(table, language))
                for event, kinds in raw["triggers"].items() for kind, table in kinds.items()}
    roles = {role: _ending(_pick(table, language)) for role, table in raw["roles"].items()}
    places = {slot: _ending(_pick(table, language)) for slot, table in raw["places"].items()}
    return EventCues(triggers=triggers, roles=roles, places=places,
                     value=_whole(_pick(raw["value_cue"], language)),
                     total=_whole(_pick(raw["total_cue"], language)),
                     counterfeit=_whole(_pick(raw["counterfeit_cue"], language)),
                     not_goods=_whole(_pick(raw["not_goods"], language)),
                     holder=_between(_pick(raw["account_holder"], language)))

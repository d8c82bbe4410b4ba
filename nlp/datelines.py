"""Datelines and newswire credits: the place a release is filed from and the wire that carried it.

A news release opens a paragraph with its dateline, in capitals or not, often with a state or
province abbreviation and a date: "NORFOLK, Va. – ...", "THUNDER BAY, ON, Feb. 25, 2014 /CNW/ -",
"Bruxelles, le 7 juillet 2014", "OTTAWA (le 12 décembre 2012) –". NER misses most of them (capitals,
no sentence context). :func:`add_datelines` adds the place and the state as places, and a wire
named between slashes after the date ("/CNW/") as an organisation; overlapping NER guesses go.

>>> from nlp.model import RawMention
>>> text = "NORFOLK, Va. – Officers seized shoes.\\nTHUNDER BAY, ON, Feb. 25, 2014 /CNW/ - Police said."
>>> [(m.type, m.text) for m in add_datelines([], text)]
[('LOCATION', 'NORFOLK'), ('LOCATION', 'Va.'), ('LOCATION', 'THUNDER BAY'), ('LOCATION', 'ON'), ('ORG', 'CNW')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.dates import _MONTHS
from nlp.model import RawMention
from nlp.places import known_place, location_subtype
from nlp.span_cleanup import _RUN_LEAD

__all__ = ["add_datelines"]

_PLACE = r"[A-ZÀ-Ý][\w.'’-]*(?:[ \t]+[A-ZÀ-Ý][\w.'’-]*){0,2}"
_STATE = r"[A-Z][A-Za-z]{0,4}\.?(?:[ \t]?[A-Z]\.)?"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?P<place>{_PLACE})(?:,[ \t]+(?P<state>{_STATE}|{_PLACE}))?"
    rf"(?P<end>[ \t]*[-–—][ \t]*(?=\S)|[ \t]*\((?=\s*(?:le|el)\s*\d)|,[ \t]+(?=(?:le|el)?[ \t]*\d)"
    rf"|,[ \t]+(?=[A-Z][a-zé]{{2,8}}\.?[ \t]+\d))")
_WIRE = re.compile(r"\d{4}[ \t]*/[ \t]?(?P<wire>[A-Z][A-Za-z]{1,19})[ \t]?/")


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:

    return frozenset(_MONTHS) | {w for w in _RUN_LEAD if len(w) >= 5}  # the weekdays


def _calendar(word: str) -> bool:
    """A month or weekday, or its abbreviation ("Mon", "sept")."""
    return word in _calendar_words() or (len(word) >= 3 and any(
        c.startswith(word) for c in _calendar_words() if len(c) > 4))


def _is_place(name: str) -> bool:

    return known_place(name) or known_place(name.title())


def add_datelines(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Add the place (and state) of each dateline and the wire of a newswire credit."""

    found: list[RawMention] = []
    for hit in _DATELINE.finditer(text):
        place, state = hit.group("place").strip(), hit.group("state")
        words = place.lower().split()
        if any(_calendar(w.strip(".,")) for w in words):
            continue
        if state and state.endswith(".") and " " in state:
            state = state[:-1]  # "Puerto Rico." ends the sentence
        dated = not hit.group("end").strip().startswith(("-", "–", "—"))
        if not (_is_place(place) or (place.isupper() and (state or dated)) or
                (dated and state is None and len(words) == 1)):
            continue
        start = hit.start("place")
        if state and re.fullmatch(r"D\.\s?C\.", state):  # "WASHINGTON, D.C.": one place
            place, state = text[start:hit.start("state") + len(state)], None
        found.append(RawMention(start, start + len(place), place, "LOCATION",
                                location_subtype(place), source="dateline"))
        if state:
            at = hit.start("state")
            found.append(RawMention(at, at + len(state), state, "LOCATION",
                                    location_subtype(state), source="dateline"))
    for hit in _WIRE.finditer(text):
        found.append(RawMention(hit.start("wire"), hit.end("wire"), hit.group("wire"), "ORG",
                                "COMPANY", source="dateline"))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)

"""Postal addresses: one key for the building and one for the unit, whatever the spelling.

``Grand Harbour Centre, 8 Hok Yuen Street`` and ``GRAND HARBOUR CTR, 8 HOK YUEN ST`` are one
building; ``12/F, Flat B`` and ``12th Floor, Unit B`` one unit in it. Street words are shortened
by rigour's address fingerprint (Street/St, Centre/Ctr, Road/Rd...); floors, units, suites,
rooms (en/fr/es: floor, flat, suite, bureau, étage, piso, int., depto...) are taken out into the
unit key; postcodes, states and countries are dropped from the building key (an address written
with or without them is the same building) and the country is kept apart.

>>> a = address_key("Grand Harbour Centre, 8 Hok Yuen Street")
>>> a.building == address_key("GRAND HARBOUR CTR, 8 HOK YUEN ST, Hong Kong").building
True
>>> address_key("12/F, Flat B, 18 Nathan Rd").unit == address_key("Unit B, 12th Floor, 18 Nathan Road").unit
True
>>> address_key("Plot No 118, Ph-VII, Focal Point, Ludhiana, Punjab, India, 141010")
AddressKey(building='118 focal ludhiana ph plot pt vii', unit='', country='IN')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rigour.addresses import address_fingerprint

from fakefree.text import fold
from nlp.regions import country_or_state

__all__ = ["AddressKey", "AddressMention", "address_key", "same_building", "find_addresses",
           "find_address_mentions"]

_ORDINAL = r"(?:st|nd|rd|th|er|ere|re|e|eme|o|a|°|º)?"
_FLOOR_WORD = r"(?:floor|flr|fl|etage|piso|planta|nivel|level|storey)"
_FLOORS = (
    re.compile(rf"\b(\d{{1,3}}){_ORDINAL}\s*(?:/\s*f\b|f\b|{_FLOOR_WORD}\b)"),
    re.compile(rf"\b{_FLOOR_WORD}\.?\s*(?:no\.?\s*)?(\d{{1,3}})\b"),
)
_GROUND = re.compile(r"\b(?:ground\s+(?:floor|fl|flr)|g/f|rez[- ]de[- ]chaussee|planta\s+baja|pb)\b")
_UNIT = re.compile(
    r"(?:\b(?:unit|flat|suite|ste|room|rm|apt|apartment|apartamento|appartement|app|bureau|"
    r"office|oficina|despacho|local|int|interior|depto|departamento|dept|door|puerta|shop|"
    r"porte|box|bte)\b\.?|#)\s*(?:no\.?\s*|n\.?\s*|num\.?\s*|number\s*)?[-:]?\s*"
    r"([a-z0-9]{1,6}(?:-[a-z0-9]{1,4})?)\b")
# Abbreviations written as several words: an organised industrial zone (Turkish OSB)
_PHRASES = ((re.compile(r"\borganize\s+san(?:ayi)?\.?\s*b[oö]l(?:gesi)?\b\.?"), " osb "),)
_FILLER = {"no", "n", "num", "number", "numero", "nro", "of", "the", "de", "del", "la", "le",
           "du", "des", "c/o", "co", "and", "y", "et"}
_EXTRA_SHORT = {"phase": "ph", "sector": "sec", "colonia": "col", "avenue": "av", "ave": "av",
                "avenida": "av", "boulevard": "blvd", "boul": "blvd", "bd": "blvd",
                "calle": "c", "rue": "r", "road": "rd", "street": "st", "building": "bldg",
                "block": "blk", "centre": "ctr", "center": "ctr", "centro": "ctr",
                "industrial": "ind", "point": "pt", "harbour": "hbr", "harbor": "hbr",
                "tower": "twr", "torre": "twr", "tour": "twr", "cd": "av", "cad": "av",
                "caddesi": "av", "sokak": "sk", "sokagi": "sk", "sok": "sk", "bulvari": "blvd",
                "blv": "blvd", "mahallesi": "mh", "mah": "mh"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
          "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12"}
_POSTCODE = re.compile(
    r"\b(?:c\.?\s?p\.?|pin|zip|postal code|code postal)?\s*(?:\d{5,6}(?:-\d{4})?|"
    r"[a-z]\d[a-z] ?\d[a-z]\d|[a-z]{1,2}\d[a-z\d]? \d[a-z]{2})\b")
_STATE_ZIP = re.compile(
    r"\b(?:a[klrz]|c[aot]|d[ce]|fl|ga|hi|i[adln]|k[sy]|la|m[adeinost]|n[cdehjmvy]|o[hkr]|pa|ri|"
    r"s[cd]|t[nx]|ut|v[at]|w[aivy])\s+\d{5}(?:-\d{4})?\b")
_SPLIT = re.compile(r"\s*[,;\n()]\s*")


@dataclass(frozen=True)
class AddressKey:
    """``building``: the building's sorted normalised tokens; ``unit``: floor and unit, e.g.
    ``floor:12 unit:b``; ``country``: ISO alpha-2 when the address names one."""

    building: str
    unit: str
    country: str | None

    @property
    def full(self) -> str:
        return f"{self.building}|{self.unit}" if self.unit else self.building


def _units(text: str) -> tuple[str, list[str]]:
    parts: list[str] = []
    if _GROUND.search(text):
        parts.append("floor:0")
        text = _GROUND.sub(" ", text)
    for pattern in _FLOORS:
        m = pattern.search(text)
        if m:
            parts.append(f"floor:{int(m.group(1))}")
            text = text[:m.start()] + " " + text[m.end():]
            break
    for m in list(_UNIT.finditer(text))[:2]:
        value = m.group(1)
        if m.group(0).startswith("#") and "-" in value:   # "#21-07": floor 21, unit 07
            floor, _, unit = value.partition("-")
            parts.append(f"floor:{int(floor)}" if floor.isdigit() else f"floor:{floor}")
            value = unit
        parts.append(f"unit:{_ROMAN.get(value, value.lstrip('0') or value)}")
    text = _UNIT.sub(" ", text)
    return text, sorted(set(parts))


@lru_cache(maxsize=16384)
def address_key(text: str) -> AddressKey:
    """The building key, unit key and country of an address."""
    folded = fold(text)
    for pattern, short in _PHRASES:
        folded = pattern.sub(short, folded)
    folded = re.sub(r"(?<=\d)\s*/\s*f\b", " f", folded)
    folded = _STATE_ZIP.sub(" ", folded)
    folded, units = _units(folded)
    country = None
    kept: list[str] = []
    parts = [p for p in _SPLIT.split(folded) if p.strip()]
    for index, part in enumerate(parts):
        part = _POSTCODE.sub(" ", part) if index else re.sub(r"\b\d{5,6}\b", " ", part)
        words = part.strip(" .-")
        if not words:
            continue
        code = country_or_state(words) if index else None
        if code:
            country = country or code
            continue
        tail = words.rsplit(" ", 2)
        for size in (2, 1):   # "... International Plaza Singapore": a trailing country
            if len(tail) > size and (code := country_or_state(" ".join(tail[-size:]),
                                                          states=False)):
                country = country or code
                words = " ".join(tail[:-size])
                break
        kept.append(words)
    fingerprint = address_fingerprint(" ".join(kept)) or ""
    tokens = []
    for token in re.split(r"[\s.\-/]+", fingerprint):
        token = _EXTRA_SHORT.get(token, token)
        if not token or token in _FILLER:
            continue
        tokens.append(token)
    return AddressKey(" ".join(sorted(set(tokens))), " ".join(units), country)


def same_building(a: str, b: str) -> bool:
    """Two building keys name one building: one's tokens hold the other's, and the smaller
    states a number and at least two words (a street alone is not a building).

    >>> same_building("8 ctr grand hbr hok st yuen", "8 ctr grand hbr hok hom hung st yuen")
    True
    >>> same_building("hok st yuen", "8 ctr grand hbr hok st yuen")
    False
    """
    ta, tb = set(a.split()), set(b.split())
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not small or not small <= large:
        return False
    return any(t.isdigit() for t in small) and sum(not t.isdigit() for t in small) >= 2


_STREET = (r"(?:street|st|road|rd|avenue|ave|av|boulevard|blvd|boul|lane|ln|drive|dr|way|highway|"
           r"hwy|parkway|pkwy|place|pl|court|ct|terrace|crescent|close|square|sq|plaza|market|"
           r"rue|chemin|allée|allee|quai|route|calle|avenida|carretera|calzada|camino|paseo|"
           r"privada|circuito|marg|nagar|caddesi|cad|cd|sokak|sokagi|sok|bulvari|blv)")
_CAP = r"[A-ZÀ-Þ0-9][\w'’.]*(?:-[\w'’.]+)*"
_NUMBER = r"\d{1,6}[A-Za-z]?(?:-\d{1,4})?"
_CORES = (
    # "8 Hok Yuen Street", "1250, boulevard Côte-Vertu", "5820 PEACHTREE INDUSTRIAL BLVD"
    # (case-insensitive only for the street word: the other words must be capitalised, so
    # "38, of Farren Road" after an age is no address)
    re.compile(rf"(?<![\w/.-]){_NUMBER},?[ \t]+(?:(?:{_CAP}|de|du|des|la|le)[ \t]+){{0,4}}"
               rf"(?i:{_STREET})\b[.\u2024]?(?:[ \t]+(?:de[ \t]+|du[ \t]+|des[ \t]+|la[ \t]+|"
               rf"d['’])*{_CAP}){{0,3}}"),
    # "Calle Reforma 25", "rue Saint-Denis 12", "Av. Insurgentes Sur 1602"
    re.compile(rf"\b(?i:{_STREET})[.\u2024]?[ \t]+(?:(?:de|del|la|los|las)[ \t]+)?"
               rf"(?:{_CAP}[ \t]+){{0,4}}(?i:No[.\u2024]?[ \t]*|#[ \t]*|n[°º][ \t]*)?\d{{1,5}}\b"),
    # "Kirmizi Caddesi No: 14", "Ataturk Cad. No 7" (the number after the street word)
    re.compile(rf"(?<![\w/.-])(?:{_CAP}[ \t]+){{1,3}}(?i:{_STREET})[.\u2024]?[ \t]+"
               rf"(?i:No[.\u2024]?[ \t]*:?[ \t]*|#[ \t]*|n[°º][ \t]*)\d{{1,5}}\b"),
    # "1458 Bentley Mountain Suite 186": a number, names and a unit, whatever the street word
    re.compile(rf"(?<![\w/.-])(?!(?:19|20)\d\d\b){_NUMBER},?[ \t]+(?:{_CAP}[ \t]+){{1,4}}"
               r"(?i:suite|ste[.\u2024]?|apt[.\u2024]?|apartment|unit|bureau|oficina|depto[.\u2024]?)"
               r"[ \t]*#?[ \t]*\d{1,5}\b"),
    # "Plot No. 118", "SCO 27", "Lot 4", "Unit 3, Block B", "House No. 12"
    re.compile(r"\b(?:plot|lot|survey|khasra|shop|sco|house|h)[.\u2024]?[ \t]*"
               r"(?:no[.\u2024]?[ \t]*)?\d{1,5}\b",
               re.IGNORECASE),
)
_ABBREVIATION_DOT = re.compile(
    r"(?i)\b(col|ave?|blvd|boul|ste|st|no|distt?|int|app|apt|bldg|rd|dr|ctr|lt|mz|dept|depto|"
    r"c\.p|p\.o|[a-z])\.")
_DOT = "\u2024"   # an abbreviation's dot, so that it does not end the address
_LABELLED = re.compile(
    r"(?im)^[ \t>]*(?:(?:registered|business|principal|mailing|postal|office|head office|"
    r"delivery)\s+)?(?:address(?:e)?|domicilio(?: fiscal)?|direcci[oó]n|si[eè]ge(?: social)?|"
    r"registered office|office)(?:\s+of\s+\w+)?\s*:\s*(?P<value>[^\n]+)")
_SEGMENT_STOP = re.compile(r"(?:\s{3,}|\t|[;!?|«»\"“”:]|\band\b|\bet\b|\by\b|\.(?:\s|$))")
_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]{4,}\b")
_MAX_SEGMENTS = 6


def _segment_ok(segment: str) -> bool:
    """An address part: capitalised words, numbers, units and postcodes, no lower-case prose."""
    words = segment.strip()
    if not words or len(words) > 60:
        return False
    prose = [w for w in _LOWER_WORD.findall(words)
             if not re.fullmatch(_STREET + r"|floor|suite|unit|bureau|piso|etage|étage|"
                                 r"interior|local|oficina|de|del|des|la|le", w, re.IGNORECASE)]
    return not prose


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a street core over the comma-separated parts before (unit, building) and after it
    (unit, district, city, state, postcode, country) on the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for _ in range(_MAX_SEGMENTS):            # to the left
        before = text[line_start:start]
        m = re.search(r"([^,]*),[ \t]*$", before)
        if not m:
            break
        tail = _ADDRESS_TAIL.search(m.group(1))
        segment = tail.group(0).strip() if tail else ""
        if not segment or not (re.search(r"\d|" + _BUILDING, segment, re.IGNORECASE) or
                               _UNIT.search(fold(segment)) or _FLOORS[0].search(fold(segment))):
            break
        start = line_start + m.start(1) + tail.start() + (len(tail.group(0)) -
                                                          len(tail.group(0).lstrip()))
        if tail.start() > 0:
            break
    for _ in range(_MAX_SEGMENTS):            # to the right
        after = text[end:line_end]
        m = re.match(r"(,?[ \t]*(?:\(|-[ \t]*)?)([^,()]*?)(\)?)(?=,|\(|$|\s{3,}|[;|«»]|"
                     r"\.(?:\s|$))", after)
        if not m or not m.group(1).strip(" ") and not m.group(2).startswith("#") and \
                not re.match(r"\s*-?\s*\d{5,6}\b|\s+#", after):
            break
        segment = m.group(2)
        if not segment.strip() or not _segment_ok(segment) or \
                _SEGMENT_STOP.search(segment.strip()):
            break
        end += m.end()
    tail = _STATE_POSTCODE.match(text, end, line_end)   # "Laval (Québec) H7L 4P7"
    if tail:
        end = tail.end()
    while end > start and text[end - 1] in " \t,-(":
        end -= 1
    return start, end


_ADDRESS_TAIL = re.compile(r"(?:^|\s)(?:(?:[A-ZÀ-Þ0-9#][\w'’./#-]*|de|du|des|la|le|del)[ \t]*)+$")
_STATE_POSTCODE = re.compile(
    r"[ \t,]*(?:\([A-ZÀ-Þ][^()\n]{1,30}\)|[A-Z]{2})?[ \t,]*(?:[A-Z]\d[A-Z][ -]?\d[A-Z]\d|"
    r"\d{5}(?:-\d{4})?|\d{6}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})\b")
_BUILDING = (r"\b(?:centre|center|centro|ctr|building|bldg|tower|twr|torre|tour|plaza|house|"
             r"mansion|court|complex|edificio|immeuble|market|estate|industrial|phase|park|"
             r"parque|mall|block|blk|wing)\b")


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of whole postal addresses: building and unit, number, street, district, city,
    postcode and country, on one line; or the value of an ``Address:`` field.

    >>> t = "Their office is at 12/F, Grand Harbour Centre, 8 Hok Yuen Street, Hung Hom, Kowloon."
    >>> [t[s:e] for s, e in find_addresses(t)]
    ['12/F, Grand Harbour Centre, 8 Hok Yuen Street, Hung Hom, Kowloon']
    """
    text = _ABBREVIATION_DOT.sub(lambda m: m.group(1) + _DOT, text)
    spans: list[tuple[int, int]] = []
    for m in _LABELLED.finditer(text):
        value = m.group("value").split("   ")[0].rstrip(" ,;")
        start = m.start("value")
        end = start + len(value)
        column = start - (text.rfind("\n", 0, start) + 1)
        while len(value) == len(m.group("value").rstrip(" ,;")):   # continuation lines
            nxt = re.match(r"\n([ \t]+)([^\n:]{2,60})(?=\n|$)", text[end:])
            if not nxt or len(nxt.group(1).expandtabs()) < column - 2:
                break
            end += nxt.end()
        if re.search(r"\d", text[start:end]) and end - start >= 8:
            spans.append((start, end))
    for pattern in _CORES:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            spans.append(_extend(text, m.start(), m.end()))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], span[1])
            continue
        kept.append(span)
    return kept


@dataclass(frozen=True)
class AddressMention:
    """An address found in a text: its span, its text on one line, and its keys."""

    start: int
    end: int
    text: str
    attrs: dict[str, str]


def find_address_mentions(text: str) -> list[AddressMention]:
    """:func:`find_addresses` with each address's keys (``building_key``, ``unit_key``,
    ``country``) as attributes.

    >>> [m.attrs["country"] for m in find_address_mentions("at 10 Anson Road, Singapore 079903.")]
    ['SG']
    """
    out = []
    for start, end in find_addresses(text):
        surface = " ".join(text[start:end].split())
        key = address_key(surface)
        attrs = {"building_key": key.building, "unit_key": key.unit}
        if key.country:
            attrs["country"] = key.country
        if key.building:
            out.append(AddressMention(start, end, surface, attrs))
    return out

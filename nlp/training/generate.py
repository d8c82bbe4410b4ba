"""Generate annotated training text: documents of filled templates with entity spans.

The train split uses four templates in five and the train name pools; the test split uses the
held-out templates and held-out name pools (see :mod:`nlp.training.pools`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlp.training.pools import Pools, build_pools
from nlp.training.templates_en import FILLER, TEMPLATES
from nlp.training.templates_fr_es import FILLER_ES, FILLER_FR, TEMPLATES_ES, TEMPLATES_FR

__all__ = ["Sample", "generate", "templates_for"]

_SLOT = re.compile(r"\{([A-Z]+\^?)\}")
_LEGAL = {
    "en": ["Ltd.", "Limited", "LLC", "Inc.", "Corp.", "Co., Ltd.", "Trading Co., Ltd.", "Company",
           "Group", "Holdings Ltd.", "International Ltd.", "Import & Export Co.", "Pty Ltd",
           "GmbH", "B.V.", "S.A.", "LLP", "PLC", "Enterprises", "Imports Inc."],
    "fr": ["SARL", "SAS", "SA", "EURL", "SNC", "Import Export SARL", "Ltd.", "Co., Ltd.", "GmbH"],
    "es": ["S.A. de C.V.", "S. de R.L. de C.V.", "S.L.", "S.A.", "SL", "S.R.L.", "Ltda.",
           "Co., Ltd.", "LLC", "Lda."],
}
_CN_PLACES = ["Shenzhen", "Guangzhou", "Yiwu", "Ningbo", "Fujian", "Putian", "Dongguan", "Xiamen"]
_CN_WORDS = ["Trading", "Technology", "Electronics", "Industrial", "Import and Export",
             "Logistics", "Garment", "Leather", "Auto Parts", "Pharmaceutical", "Textile"]
_TITLE_PORT = {"en": ["Port of {X}", "{X} port", "Port of {X}"],
               "fr": ["port de {X}", "port du {X}"], "es": ["puerto de {X}", "Puerto de {X}"]}
_MEDIA = ["{X} Times", "{X} Daily News", "The {X} Post", "{X} Herald", "Radio {X}",
          "Diario de {X}", "Le Journal de {X}", "{X} Tribune", "El Heraldo de {X}", "{X} Gazette"]
_COURTS = {"en": ["U.S. District Court for the {D} District of {S}", "{X} Crown Court",
                  "{S} Superior Court", "Ontario Court of Justice", "{X} Magistrates' Court"],
           "fr": ["tribunal correctionnel de {X}", "cour d'appel de {X}"],
           "es": ["Juzgado de Instrucción de {X}", "Audiencia Provincial de {X}"]}
_STREET = {"en": ["{N} {S}", "{S}", "{N} {S}, Suite {N}"],
           "fr": ["{N} rue {X}", "rue de {X}", "{N} avenue de {X}", "boulevard {X}"],
           "es": ["calle {X} {N}", "avenida {X}", "Calle {X}, número {N}"]}
_OPS = ["Pangea", "Apollo", "Fake Out", "Jaque Mate", "Chameleon", "PACE", "In Our Sites"]


@dataclass
class Sample:
    """One annotated document: its language, text and (start, end, label) spans.

    ``partial``: names were annotated by entity, not every span was checked, so capitalised
    words outside the spans are left unknown to the trainer instead of taught as non-names.
    """

    language: str
    text: str
    spans: list[tuple[int, int, str]]
    partial: bool = False


def templates_for(language: str, test: bool) -> tuple[list[str], list[str]]:
    """The sentence templates and fillers of one language for one split."""
    templates, filler = {"en": (TEMPLATES, FILLER), "fr": (TEMPLATES_FR, FILLER_FR),
                         "es": (TEMPLATES_ES, FILLER_ES)}[language]
    picked = [t for i, t in enumerate(templates) if (i % 5 == 4) == test]
    return picked, filler


def _money(rng: random.Random, lang: str) -> str:
    value = rng.choice([rng.randint(1, 999), rng.randint(1000, 999999), rng.randint(1, 90)])
    dec = rng.choice(["", "", f".{rng.randint(1, 9)}"])
    scale_en = rng.choice(["", "", " million", " million", " billion", "M", "m", " thousand"])
    if lang == "en":
        sym = rng.choice(["$", "$", "$", "US$", "£", "€", "C$", "USD "])
        if value >= 1000 and scale_en.strip():
            scale_en = ""
        if value >= 1000:
            return f"{sym}{value:,}"
        return f"{sym}{value}{dec if scale_en.strip() else ''}{scale_en}"
    words = {"fr": ["deux millions d'euros", "trois millions d'euros", "cinq cent mille euros",
                    "un million de dollars", "dix mille euros"],
             "es": ["trece millones de euros", "dos millones de pesos", "cien mil euros",
                    "tres mil millones de pesos", "un millón de dólares"]}[lang]
    if rng.random() < 0.12:
        return rng.choice(words)
    decc = dec.replace(".", ",")
    if lang == "fr":
        forms = [f"{value}{decc} millions d'euros", f"{value:,}".replace(",", " ") + " euros",
                 f"{value:,}".replace(",", ".") + " euros", f"{value:,}".replace(",", " ") + " €",
                 f"{value}{decc} millions de dollars", f"{value}{decc} M€"]
    else:
        forms = [f"{value}{decc} millones de pesos", f"{value:,}".replace(",", ".") + " euros",
                 f"${value}{decc} millones de pesos", f"{value} mil millones de pesos",
                 f"{value}{decc} millones de euros", f"{value:,}".replace(",", ".") + " dólares",
                 f"${value:,} pesos"]
    return rng.choice(forms)


class _Filler:
    def __init__(self, pools: Pools, lang: str, rng: random.Random) -> None:
        self.p, self.lang, self.rng = pools, lang, rng
        self.last_person = "Smith"
        self.last_company = "Acme"

    def person(self) -> str:
        r, p = self.rng, self.p
        kind = r.random()
        if kind < 0.2:
            last = r.choice(p.cn_last)
            given = r.choice(p.cn_given) + r.choice(["", " " + r.choice(p.cn_given),
                                                    r.choice(p.cn_given).lower()])
            name = r.choice([f"{given} {last}", f"{last} {given}"])
            self.last_person = name.split()[-1] if name.startswith(given) else last
            return name
        first, last = r.choice(p.first), r.choice(p.last)
        if kind < 0.35:
            name = f"{first} {chr(r.randint(65, 90))}. {last}"
        elif kind < 0.45 and self.lang == "es":
            last2 = r.choice(p.last)
            name = f"{first} {last} {last2}"
        elif kind < 0.5:
            name = f"{first} {r.choice(p.first)} {last}"
        else:
            name = f"{first} {last}"
        self.last_person = last
        return name

    def company(self) -> str:
        r, p = self.rng, self.p
        kind = r.random()
        if kind < 0.3 and p.companies:
            name = r.choice(p.companies)
            short = name.split()[0].strip(",")
        elif kind < 0.5:
            stem = r.choice(p.cn_last) + r.choice(["", " " + r.choice(p.cn_given)])
            name = f"{r.choice(_CN_PLACES + [''])} {stem} {r.choice(_CN_WORDS)} Co., Ltd.".strip()
            short = stem
        else:
            stem = r.choice(p.company_stems + p.last)
            extra = r.choice(["", " " + r.choice(["Global", "Trading", "Import", "Export",
                                                  "Distribution", "Logistics", "Textiles",
                                                  "Importadora", "Comercial", "Industries",
                                                  "Auto", "Fashion", "Pharma", "Shipping"])])
            pre = r.choice(["", "", "Grupo ", "Importaciones ", "Société "]) if \
                self.lang != "en" else ""
            short = f"{pre}{stem}{extra}".strip()
            name = f"{short} {r.choice(_LEGAL[self.lang])}"
        self.last_company = short
        return name

    def fill(self, slot: str) -> tuple[str, str | None]:
        r, p, lang = self.rng, self.p, self.lang
        if slot == "P":
            return self.person(), "PERSON"
        if slot == "P^":
            return self.last_person, "PERSON"
        if slot == "C":
            return self.company(), "ORG"
        if slot == "C^":
            return self.last_company, "ORG"
        if slot == "A":
            return r.choice(p.agencies)[0], "ORG"
        if slot == "AA":
            acr = [a for _, acrs in p.agencies for a in acrs] or ["ICE"]
            return r.choice(acr), "ORG"
        if slot == "B":
            return r.choice(p.brands), "ORG"
        if slot == "CITY":
            return r.choice(p.cities), "LOC"
        if slot == "STATE":
            return r.choice(p.states), "LOC"
        if slot == "CTRY":
            return r.choice(p.countries[lang] or p.countries["en"]), "LOC"
        if slot == "STREET":
            pattern = r.choice(_STREET[lang])
            return pattern.format(N=r.randint(1, 999), S=r.choice(p.streets),
                                  X=r.choice(p.last)), "LOC"
        if slot == "PORT":
            return r.choice(_TITLE_PORT[lang]).format(X=r.choice(p.cities)), "LOC"
        if slot == "COURT":
            return r.choice(_COURTS[lang]).format(
                D=r.choice(["Southern", "Eastern", "Northern", "Western"]),
                S=r.choice(p.states), X=r.choice(p.cities)), "ORG"
        if slot == "MEDIA":
            return r.choice(_MEDIA).format(X=r.choice(p.cities)), "ORG"
        if slot == "M":
            return _money(r, lang), "MONEY"
        if slot == "D":
            month = r.choice({"en": ["January", "March", "Aug.", "October", "June"],
                              "fr": ["janvier", "mars", "juillet", "octobre"],
                              "es": ["enero", "marzo", "julio", "septiembre"]}[lang])
            year = r.randint(2005, 2025)
            day = r.randint(1, 28)
            return r.choice({"en": [f"{month} {day}, {year}", f"{month} {year}", str(year)],
                             "fr": [f"{day} {month} {year}", f"{month} {year}"],
                             "es": [f"{day} de {month} de {year}", f"{month} de {year}"]}[lang]), None
        if slot == "N":
            return str(r.choice([r.randint(2, 30), r.randint(12, 120)])), None
        if slot == "Q":
            return r.choice(["{:,}", "{}"]).format(r.randint(100, 250000)), None
        if slot == "AGE":
            return str(r.randint(19, 75)), None
        if slot == "INI":
            return ".".join(chr(r.randint(65, 90)) for _ in range(r.randint(3, 5))) + \
                r.choice(["", "."]), "PERSON"
        if slot == "OPN":
            return r.choice(_OPS), None
        raise ValueError(f"unknown template slot {slot}")


def _render(template: str, filler: _Filler, offset: int) -> tuple[str, list[tuple[int, int, str]]]:
    out, spans, pos = [], [], 0
    length = offset
    for m in _SLOT.finditer(template):
        literal = template[pos:m.start()]
        out.append(literal)
        length += len(literal)
        value, label = filler.fill(m.group(1))
        if label:
            spans.append((length, length + len(value), label))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def _case(text: str, spans: list, rng: random.Random) -> tuple[str, list]:
    """Sometimes upper-case a sentence (headlines, datelines) keeping offsets."""
    if rng.random() < 0.04:
        return text.upper(), spans
    return text, spans


def generate(n_docs: int, *, test: bool = False, seed: int = 0,
             languages: tuple[str, ...] = ("en", "en", "fr", "es")) -> Iterator[Sample]:
    """Yield ``n_docs`` annotated documents of a few sentences each (reproducible by seed)."""
    rng = random.Random(seed)
    pools = build_pools(test)
    for _ in range(n_docs):
        lang = rng.choice(languages)
        templates, fillers = templates_for(lang, test)
        filler = _Filler(pools, lang, rng)
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        offset = 0
        if rng.random() < 0.3:
            city = rng.choice(pools.cities)
            dateline = rng.choice([f"({city.upper()}) – ", f"{city.upper()} — ", f"{city}, "])
            spans.append((0, len(city) + (1 if dateline.startswith("(") else 0), "LOC"))
            if dateline.startswith("("):
                spans[-1] = (1, 1 + len(city), "LOC")
            parts.append(dateline)
            offset = len(dateline)
        for i in range(rng.randint(2, 6)):
            template = rng.choice(fillers) if rng.random() < 0.15 else rng.choice(templates)
            text, sent_spans = _render(template, filler, offset)
            text, sent_spans = _case(text, sent_spans, rng)
            sep = rng.choice([" ", " ", "\n", "\n\n"]) if i else ""
            if i:
                sent_spans = [(s + len(sep), e + len(sep), lab) for s, e, lab in sent_spans]
            parts.append(sep + text)
            spans.extend(sent_spans)
            offset += len(sep) + len(text)
        text = "".join(parts)
        if rng.random() < 0.15:
            cut = rng.randint(len(text) // 2, len(text))
            text = text[:cut]
            spans = [s for s in spans if s[1] <= cut]
        yield Sample(lang, text, spans)

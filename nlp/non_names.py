"""Mentions that are no party at all: the kinds of capitalised phrase NER types as an
organisation or a place in official prose, by error class.

Each function drops or cuts the NER mentions of one class, on the mentions of one doc (offsets into
its text), from the shape of the span, the text around it and general vocabularies (organisation
head nouns of ``nlp/data/org_heads.txt``, title words, language names, month names), never from
a list of failing strings:

* :func:`drop_common_abbreviations` - an acronym the text spells out as a common noun phrase
  ("manufacturer's suggested retail price (MSRP)") is no organisation, nor is its spelling-out;
  neither is a code next to a number ("TDD (202) 514-2007", "40 CFR 170", "FY 2019");
* :func:`drop_laws` - laws and codes ("Customs Act", "Criminal Code", "Loi sur les douanes",
  "Código Fiscal"), with the pieces NER cut from a listed title ("Federal Food, Drug, and
  Cosmetic Act");
* :func:`drop_nationalities` - demonyms and language names as one-word organisations or places
  ("Americans", "Dutch", "Canadiens");
* :func:`drop_operation_names` - operation code names ("Operation Pangea XI", "Opération ...");
* :func:`cut_dates` - dates typed as places ("April 25", "Montenegro, May 4");
* :func:`drop_lone_titles` - a title alone ("Commissioner", "Director-General");
* :func:`drop_shorthand_nouns` - a capitalised common noun after an article, standing for a
  body named in full elsewhere ("the Office", "la Commission", "l'Union"): made its alias;
* :func:`cut_at_sentence_end` - a name run on into the next sentence ("12 Main St. The");
* :func:`drop_common_places` - a frequent English word as a place ("Internet", "Arrival");
* :func:`place_shapes` - facilities, ports, judicial districts, counties typed or cut wrongly
  ("Laredo Port" of "Laredo Port of Entry", "Missouri" of "Western District of Missouri");
* :func:`cut_compound_tails` - a name fused with "-based", "-branded" ("Virginia-based");
* :func:`drop_codes` - product and disease codes ("MP3", "COVID-19") and language menus;
* :func:`drop_common_phrases` - a place made of frequent words ("Domestic Value");
* :func:`drop_furniture_lines` - a line that is only common words ("Archived Content").

>>> from nlp.model import RawMention
>>> text = "Its manufacturer's suggested retail price (MSRP) was high."
>>> drop_common_abbreviations([RawMention(43, 47, "MSRP", "ORG")], text)
[]
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from fakefree.orgnames import legal_form
from nlp.model import RawMention
from nlp.org_types import known_orgs
from nlp.places import known_place
from nlp.span_cleanup import (_CONTINENTS, _demonym_of_a_country, _line_around, _with,
                               is_common_word, max_zipf, title_words)

__all__ = ["org_heads", "has_head_noun", "drop_common_abbreviations", "drop_laws",
           "drop_nationalities", "drop_operation_names", "cut_dates", "drop_lone_titles",
           "drop_shorthand_nouns", "drop_furniture_lines", "clean_non_names"]

_NAME_TYPES = ("PERSON", "ORG", "LOCATION")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,7}")
_SKIP_INITIAL = frozenset({"of", "and", "for", "the", "on", "in", "to", "&", "de", "des", "du",
                           "la", "le", "les", "et", "y", "del", "los", "las", "d", "l", "en",
                           "a", "au", "aux", "por", "para", "pour", "sur"})


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Lower-case head nouns of organisation names (``nlp/data/org_heads.txt``, en/fr/es)."""
    text = resources.files("nlp").joinpath("data", "org_heads.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def has_head_noun(phrase: str) -> bool:
    """Whether a word of ``phrase`` is an organisation head noun (singular or plural).

    >>> has_head_noun("Anti Terrorism Contraband Enforcement Team"), has_head_noun("Retail Price")
    (True, False)
    """
    heads = org_heads()
    for word in re.findall(r"[^\W\d_]+", phrase.lower()):
        if word in heads or (word.endswith("s") and word[:-1] in heads):
            return True
    return False


def _is_name_mention(m: RawMention) -> bool:
    return m.source == "ner" and m.type in _NAME_TYPES


def _initials(words: list[str]) -> str:
    out: list[str] = []
    for word in words:
        if word.lower() in _SKIP_INITIAL:
            continue
        parts = re.split(r"[-’']", re.sub(r"['’]s$", "", word))
        out.extend(part[0] for part in parts if part and part.lower() not in _SKIP_INITIAL)
    return "".join(out).upper()


def _spelled_out(acronym: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` spells ``acronym`` out just before "(ACRONYM)" or just after
    "ACRONYM (": the span of the words whose initials make it."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    if len(letters) < 2:
        return None
    for hit in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", text):
        words = list(re.finditer(r"[^\W\d_][\w’'-]*", text[max(0, hit.start() - 160):hit.start()]))
        base = max(0, hit.start() - 160)
        for first in range(len(words) - 1, max(-1, len(words) - 3 * len(letters) - 1), -1):
            if _initials([w.group() for w in words[first:]]) == letters:
                return base + words[first].start(), base + words[-1].end()
    for hit in re.finditer(r"\b" + re.escape(acronym) + r"\s*\(([^()]{3,160})\)", text):
        inner = hit.group(1)
        if _initials(re.findall(r"[^\W\d_][\w’'-]*", inner)) == letters:
            return hit.start(1), hit.end(1)
    return None


def _names_place(phrase: str) -> bool:
    """A known place among the capitalised words of ``phrase`` ("República Popular China")."""

    return any(known_place(w) for w in re.findall(r"[A-ZÀ-Ý][\w'’-]*", phrase))


def drop_common_abbreviations(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop an acronym the text spells out without an organisation head noun or legal form, the NER
    mentions inside that spelling-out, and an acronym written next to a number (a unit, a
    statute or a phone label)."""
    known = known_orgs()
    drop: set[int] = set()
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        if not _is_name_mention(m) or m.text in known or not _ACRONYM.fullmatch(m.text):
            continue
        spelled = _spelled_out(m.text, text)
        phrase = text[spelled[0]:spelled[1]] if spelled is not None else ""
        if spelled is not None and not has_head_noun(phrase) and not legal_form(phrase) and \
                not _names_place(phrase):
            drop.add(i)
            spans.append(spelled)
        elif re.match(r"\s*\(?\d", text[m.end:m.end + 4]) or \
                re.search(r"\d\s*$", text[max(0, m.start - 3):m.start]):
            drop.add(i)
    for i, m in enumerate(mentions):
        if _is_name_mention(m) and any(a <= m.start and m.end <= b for a, b in spans):
            drop.add(i)
    return [m for i, m in enumerate(mentions) if i not in drop]


# English law titles end with their kind ("Customs Act"), French and Spanish ones start with it
_LAW_END = re.compile(r"\s(?:Act|Code|Statute|Regulations?|Treaty|Directive|Convention)$")
_LAW_START = re.compile(r"^(?:Loi|Code|Règlement|Décret|Arrêté|Directive|Ley|Código|Reglamento|"
                        r"Decreto|Directiva|Title|Section|Sections|Schedule|Chapter|Article|"
                        r"Artículo|Titre)(?:\s|$)")
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _is_law(surface: str) -> bool:
    return bool(_LAW_END.search(surface) or _LAW_START.match(surface))


def drop_laws(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop laws and codes, and the names NER cut from the same listed title just before an
    English law ("Federal Food" + "Drug" of "Federal Food, Drug, and Cosmetic Act").

    >>> text = "under the Federal Food, Drug, and Cosmetic Act."
    >>> ms = [RawMention(10, 22, "Federal Food", "ORG"), RawMention(24, 28, "Drug", "LOCATION"),
    ...       RawMention(34, 46, "Cosmetic Act", "ORG")]
    >>> drop_laws(ms, text)
    []
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    for i, m in enumerate(ordered):
        if not _is_name_mention(m) or m.text in known_orgs() or not _is_law(m.text):
            continue
        drop.add(i)
        j = i
        while j > 0 and _is_name_mention(ordered[j - 1]) and \
                _LIST_GAP.fullmatch(text[ordered[j - 1].end:ordered[j].start]) and \
                _LAW_END.search(m.text):
            j -= 1
            drop.add(j)
    return [m for i, m in enumerate(ordered) if i not in drop]


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """English names of the ISO 639-1 languages (pycountry), their last word: "dutch", "greek"
    (of "Modern Greek")."""
    import pycountry

    out = set()
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):
            name = re.split(r"[,;]", re.sub(r"\(.*?\)", "", lang.name))[0].lower().split()
            if name:
                out.add(name[-1])
    return frozenset(out)


def is_nationality(word: str) -> bool:
    """A demonym or a language name, singular or plural ("Americans", "Dutch", "Canadiens").

    >>> [is_nationality(w) for w in ("Americans", "Dutch", "Canadiens", "Ontario", "Nike")]
    [True, True, True, False, False]
    """
    from nlp.places import country_names

    low = word.lower()
    countries = country_names()
    forms = [low] + ([low[:-1]] if low.endswith("s") else [])
    return any(f in _language_names() or _demonym_of_a_country(f, countries) for f in forms)


def drop_nationalities(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop one-word organisations and places that are a nationality or a language."""

    return [m for m in mentions if not (
        _is_name_mention(m) and m.type in ("ORG", "LOCATION") and " " not in m.text.strip()
        and m.text[:1].isupper() and not m.text.isupper() and m.text not in known_orgs()
        and not known_place(m.text) and is_nationality(m.text))]


_OPERATION = re.compile(r"\b[Oo](?:peration|pération|peración|perativo)\s+$")
_OPERATION_START = re.compile(r"^(?:Operation|Opération|Operación|Operativo)\s+\S|\sOperation$")


_QUOTED_OPERATION = re.compile(r"(?i)\bop[ée]ra(?:tion|ción|tivo)\b[^.\n«»\"“”]{0,40}[«\"“]\s*$")


def drop_operation_names(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop operation code names: a span that starts with the word "operation", follows it, ends
    with it ("Joint Customs Operation") or is quoted after it ("l'opération douanière «Sirius»");
    the corpus convention: operations are no parties."""
    def named(m: RawMention) -> bool:
        return _is_name_mention(m) and bool(
            _OPERATION_START.match(m.text) or
            _OPERATION.search(text[max(0, m.start - 14):m.start]) or
            _QUOTED_OPERATION.search(text[max(0, m.start - 60):m.start]))

    operations = {m.text for m in mentions if named(m)}
    return [m for m in mentions if not (_is_name_mention(m) and m.text in operations)]


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    from nlp.dates import _MONTHS

    months = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th|er)?"
    return re.compile(rf"(?i)(?:^|,\s*)(?:(?:{months})\.?\s+{day}|{day}\s+(?:de\s+)?(?:{months}))"
                      rf"(?:,?\s+\d{{4}})?$")


def cut_dates(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name that is a date is dropped; one ending in ", <date>" loses it.

    >>> text = "in Montenegro, May 4 and April 25"
    >>> [m.text for m in cut_dates([RawMention(3, 20, text[3:20], "ORG"),
    ...                             RawMention(25, 33, "April 25", "LOCATION")], text)]
    ['Montenegro']
    """

    out = []
    for m in mentions:
        hit = _month_pattern().search(m.text) if _is_name_mention(m) else None
        if hit is None:
            out.append(m)
        elif hit.start() > 0:
            cut = _with(m, text, m.start, m.start + hit.start())
            if cut.type == "ORG":

                if known_place(cut.text):
                    cut.type = "LOCATION"
            out.append(cut)
    return out


def drop_lone_titles(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a name made only of title words ("Commissioner", "Director-General")."""

    titles = title_words()

    def all_titles(surface: str) -> bool:
        words = re.split(r"[\s-]+", surface.lower().strip(" ."))
        return bool(words) and all(w.rstrip(".") in titles for w in words)

    return [m for m in mentions if not (_is_name_mention(m) and m.text not in known_orgs()
                                        and all_titles(m.text))]


_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|The|this|This|that|its|their|la|La|le|Le|el|El|"
                             r"les|Les|los|Los|las|Las|cette|Cette|este|esta|Este|Esta|dicha|"
                             r"dicho)\s+|\b[lL]['’])$")


def drop_shorthand_nouns(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A one-word organisation or place that is a capitalised common noun after an article,
    followed by no other capitalised word, is a short reference to a body the text names in full
    with that word first ("the Office" of "the Office of Field Operations", "l'Union" of "Union
    européenne"): an alias of that organisation, or dropped beside a place. Without such a full
    name it stays.

    >>> text = "La Commission européenne a saisi. La Commission a dit."
    >>> ms = [RawMention(3, 24, text[3:24], "ORG"), RawMention(37, 47, "Commission", "ORG")]
    >>> [m.attrs.get("alias_of") for m in drop_shorthand_nouns(ms, text)]
    [None, 'Commission européenne']
    """

    out = []
    for m in mentions:
        if _is_name_mention(m) and m.type in ("ORG", "LOCATION") and " " not in m.text and \
                not m.text.isupper() and is_common_word(m.text) and \
                _ARTICLE_BEFORE.search(text[max(0, m.start - 8):m.start]) and \
                not re.match(r"\s+[A-ZÀ-Ý]", text[m.end:m.end + 2]) and \
                m.text not in known_orgs() and not known_place(m.text):
            full = next((f for f in mentions if f.type in ("ORG", "LOCATION") and
                         f.text.startswith(m.text + " ")), None)
            if full is not None and full.type == "LOCATION":
                continue
            if full is not None:
                m.type = "ORG"
                m.attrs["alias_of"] = full.text
        out.append(m)
    return out


def drop_furniture_lines(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a name of common words only that fills its line alone, with no organisation head
    noun: a page's heading or navigation ("Archived Content")."""

    out = []
    for m in mentions:
        if _is_name_mention(m):
            line = _line_around(text, m.start, m.end).strip()
            words = re.findall(r"[^\W\d_][\w'’-]*", m.text)
            if line == m.text.strip() and words and all(is_common_word(w) for w in words) and \
                    not has_head_noun(m.text) and m.text not in known_orgs():
                continue
        out.append(m)
    return out


_NEXT_SENTENCE = re.compile(r"\.\s+([A-ZÀ-Ý][a-zà-ÿ]*)\b")


def cut_at_sentence_end(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name ends at a full stop followed by a capitalised function word: the next sentence
    ("8868 S. 27th St. An Oak Creek" is "8868 S. 27th St.").

    >>> text = "at 12 Main St. The shop closed"
    >>> [m.text for m in cut_at_sentence_end([RawMention(3, 18, text[3:18], "LOCATION")], text)]
    ['12 Main St.']
    """
    from nlp.name_shapes import _NAME_ARTICLES, is_function_word

    def opens_sentence(word: str) -> bool:
        return word.lower() in _NAME_ARTICLES - {"de", "del", "du", "des", "da", "di", "do",
                                                 "dos", "das", "van", "von", "san", "santa"} \
            or is_function_word(word)

    out = []
    for m in mentions:
        hit = next((h for h in _NEXT_SENTENCE.finditer(m.text) if opens_sentence(h.group(1))),
                   None) if _is_name_mention(m) else None
        if hit is not None:
            m = _with(m, text, m.start, m.start + hit.start() + 1)
        out.append(m)
    return out


_PLACE_ZIPF = 4.3  # "Internet", "Search", "Notice": words of English prose, not towns ("Portal")


def drop_common_places(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a one-word place that is a frequent English word and no known place or continent
    ("Internet", "Government", "Arrival").

    >>> text = "sold on the Internet in Portal and Europe"
    >>> ms = [RawMention(12, 20, "Internet", "LOCATION"), RawMention(24, 30, "Portal", "LOCATION"),
    ...       RawMention(35, 41, "Europe", "LOCATION")]
    >>> [m.text for m in drop_common_places(ms, text)]
    ['Portal', 'Europe']
    """
    from wordfreq import zipf_frequency


    return [m for m in mentions if not (
        _is_name_mention(m) and m.type == "LOCATION" and m.text.isalpha() and
        not m.text.isupper() and m.text.lower() not in _CONTINENTS and
        zipf_frequency(m.text.lower(), "en") >= _PLACE_ZIPF and not known_place(m.text) and
        not (len(m.text) <= 5 and text[m.end:m.end + 1] == "."))]  # "Mass.", "Wash."


_FACILITY = re.compile(r"\s(?:Airport|Aeropuerto|Aéroport|International\s+Airport|Mail\s+Facility|"
                       r"Terminal|Bridge|Border\s+Crossing|Seaport)$")
_PORT_TAIL = re.compile(r"\s+(?:Port(?:\s+of\s+Entry)?|Seaport)$")
_DISTRICT_BEFORE = re.compile(r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?"
                              r"District\s+of\s+(?:the\s+)?$")
_STREET_NOUN = re.compile(r"\b(?:pont|rue|avenue|boulevard|chemin|route|quai|calle|avenida|"
                          r"puente|carretera|autopista|autoroute|paseo)\s+$")
_AREA_END = re.compile(r"\s+(?:County|City|State|Province|Parish)$")
_AREA_AFTER = re.compile(r"\s+(?:County|City|State|Province|Parish)\b")


def place_shapes(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Places by the shape of their name: an airport, a mail facility, a bridge or a terminal is a
    place, so is "<known place> Port (of Entry)", taken whole, and a name after a French or Spanish
    street or bridge noun takes it ("pont Rainbow", "calle Mayor"); a judicial district ("Western District of
    <State>") is a place taken whole; "<place> County/City/State" is a place taken whole.

    >>> text = "seized at Rochester Port of Entry and in the Western District of Ohio"
    >>> ms = [RawMention(10, 33, "Rochester Port of Entry", "ORG"),
    ...       RawMention(65, 69, "Ohio", "LOCATION")]
    >>> [(m.type, m.text) for m in place_shapes(ms, text)]
    [('LOCATION', 'Rochester Port of Entry'), ('LOCATION', 'Western District of Ohio')]
    """
    from nlp.places import location_subtype

    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        if not _is_name_mention(m) or m.type == "PERSON":
            out.append(m)
            continue
        port = _PORT_TAIL.search(m.text)
        district = _DISTRICT_BEFORE.search(text, max(0, m.start - 40), m.start)
        area = _AREA_AFTER.match(text, m.end)
        area_end = _AREA_END.search(m.text)
        street = _STREET_NOUN.search(text, max(0, m.start - 12), m.start)
        if street and m.type in ("LOCATION", "ORG") and " " not in m.text.strip():
            m = _with(m, text, street.start(), m.end, "LOCATION")  # "pont Rainbow"
        elif port and known_place(m.text[:port.start()]):
            entry = re.match(r" of Entry\b", text[m.end:m.end + 9])
            m = _with(m, text, m.start, m.end + (entry.end() if entry else 0), "LOCATION")
        elif _FACILITY.search(m.text):
            m = _with(m, text, m.start, m.end, "LOCATION")
            m.subtype = "PORT"  # a port of entry: no later rule retypes it an organisation
        elif m.type == "LOCATION" and district and known_place(m.text):
            m = _with(m, text, district.start(), m.end, "LOCATION")
        elif re.match(r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of\s",
                      m.text):
            m = _with(m, text, m.start, m.end, "LOCATION")
        elif m.type == "ORG" and area_end is not None and known_place(m.text[:area_end.start()]):
            m = _with(m, text, m.start, m.end, "LOCATION")  # "New York State"
        elif area and (m.type == "LOCATION" or known_place(m.text)) and \
                area.end() not in starts and \
                not any(m.end < s < area.end() for s in starts):
            m = _with(m, text, m.start, area.end(), "LOCATION")
        if m.type == "LOCATION" and m.subtype != "PORT":
            m.subtype = location_subtype(m.text)
        out.append(m)
    grown = [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                       (o.start, o.end) != (m.start, m.end) for o in out)]
    return grown


_HYPHEN_TAIL = re.compile(r"-[a-zà-ÿ]+$")
_CODE = re.compile(r"[A-Z]{1,6}-?\d{1,4}")
_LANG_CODES = re.compile(r"(?:\b[A-Z]{2}\b[ \t,|/]*){3,}")


def cut_compound_tails(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name fused with a hyphenated lower-case word loses it ("Virginia-based",
    "Honda-branded", "IPR-infringing").

    >>> text = "a Virginia-based firm"
    >>> [m.text for m in cut_compound_tails([RawMention(2, 16, "Virginia-based", "LOCATION")], text)]
    ['Virginia']
    """

    out = []
    for m in mentions:
        tail = _HYPHEN_TAIL.search(m.text) if _is_name_mention(m) else None
        head = m.text[:tail.start()].split()[-1:] if tail is not None else []
        if tail is not None and tail.start() >= 2 and head and head[0][:1].isupper():
            m = _with(m, text, m.start, m.start + tail.start())
        out.append(m)
    return out


def drop_codes(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop product, model and disease codes typed as names ("MP3", "COVID-19", "N95") and
    runs of two-letter language codes of a page's language menu ("EN DE HU")."""
    menus = [(h.start(), h.end()) for h in _LANG_CODES.finditer(text)]

    def in_menu(m: RawMention) -> bool:
        return all(len(w) == 2 and w.isupper() for w in m.text.split()) and \
            any(a <= m.start and m.end <= b for a, b in menus)

    return [m for m in mentions if not (
        _is_name_mention(m) and m.text not in known_orgs() and
        (_CODE.fullmatch(m.text) is not None or in_menu(m)))]


def drop_common_phrases(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a place of two or three words that are all frequent words, with no known place,
    head noun or compass word among them: a heading or a phrase ("Domestic Value", "Fiscal
    Year", "Member States").

    >>> text = "The Domestic Value in the Middle East and North Bay"
    >>> ms = [RawMention(4, 18, "Domestic Value", "LOCATION"),
    ...       RawMention(26, 37, "Middle East", "LOCATION"), RawMention(42, 51, "North Bay", "LOCATION")]
    >>> [m.text for m in drop_common_phrases(ms, text)]
    ['Middle East', 'North Bay']
    """
    from nlp.names import is_given_name

    out = []
    for m in mentions:
        words = m.text.split()
        if _is_name_mention(m) and m.type == "LOCATION" and 2 <= len(words) <= 3 and \
                all(w.isalpha() and w[:1].isupper() and not w.isupper() and is_common_word(w)
                    for w in words) and \
                not any(known_place(w) or w.lower() in _CONTINENTS or w.lower() in _COMPASS
                        for w in words) and \
                not has_head_noun(m.text) and not known_place(m.text) and \
                not is_given_name(words[0]):
            continue
        out.append(m)
    return out


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "middle", "central", "upper", "lower", "greater", "new", "nord",
                      "sud", "est", "ouest", "norte", "sur", "este", "oeste", "grand", "gran",
                      "bay", "island", "islands", "valley", "river", "lake", "mount", "port",
                      "coast", "beach", "park", "street", "road", "avenue", "county", "city",
                      "bridge", "mall", "facility", "terminal", "airport", "plaza", "square",
                      "market", "harbor", "harbour", "tunnel", "crossing", "station", "pier"})


_ORG_WORD_ZIPF = 4.5  # "Internet", "Record", "Gobierno": among the commonest words of prose


def drop_common_organisations(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a one-word organisation that is one of the commonest words of English, French or
    Spanish prose, unless a brand cue precedes it, a gazetteer knows it, a longer name of the
    text opens with it, or it is an organisation's head noun standing for one ("la Commission").

    >>> text = "sold on the Internet with fake Guess bags"
    >>> ms = [RawMention(12, 20, "Internet", "ORG"), RawMention(31, 36, "Guess", "ORG", "BRAND")]
    >>> [m.text for m in drop_common_organisations(ms, text)]
    ['Guess']
    """

    openers = {m.text.split()[0] for m in mentions if m.type in ("ORG", "LOCATION")
               and " " in m.text}
    return [m for m in mentions if not (
        _is_name_mention(m) and m.type == "ORG" and m.text.isalpha() and not m.text.isupper()
        and m.subtype != "BRAND" and m.text not in known_orgs() and m.text not in openers
        and not has_head_noun(m.text) and max_zipf(m.text.lower()) >= _ORG_WORD_ZIPF)]


def clean_non_names(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Every class above, in order."""
    mentions = cut_at_sentence_end(mentions, text)
    mentions = cut_compound_tails(mentions, text)
    mentions = drop_codes(mentions, text)
    mentions = drop_common_abbreviations(mentions, text)
    mentions = drop_laws(mentions, text)
    mentions = drop_nationalities(mentions, text)
    mentions = drop_operation_names(mentions, text)
    mentions = cut_dates(mentions, text)
    mentions = drop_lone_titles(mentions, text)
    mentions = drop_shorthand_nouns(mentions, text)
    mentions = drop_common_places(mentions, text)
    mentions = drop_common_organisations(mentions, text)
    mentions = drop_common_phrases(mentions, text)
    mentions = place_shapes(mentions, text)
    return drop_furniture_lines(mentions, text)

"""Span clean-up by error class: the shapes of mistake NER makes on any real prose.

Each function fixes one class, on the mentions of one doc (offsets into its text), by the shape
of the span and general word knowledge (word frequencies, given names, places), never by a list
of failing strings:

* :func:`strip_edges` - list and bullet prefixes ("--Wei Ming Lo"), stray quotes, French and
  Spanish elisions and prepositions ("’Agence des ...", "De Montréal"), possessive tails;
* :func:`strip_titles` - any run of title words or agency acronyms before a name ("Deputy
  District Attorney Mary Kole", "Brigadier General Paolo Rinaldi", "CBP Port Director Ann Li");
* :func:`split_possessives` - two organisations joined by a possessive ("Department of X’s
  Immigration and Customs Enforcement");
* :func:`split_coordinated` - places joined by a conjunction ("Lyon y Marsella", "France et
  Italie") and two names in one span ("Minghao, Mingyu");
* :func:`drop_common_words` - capitalised common words ("Yesterday", "Cheap", "Spring"), product
  names taken for people ("Camel Blue") and navigation furniture ("News - Alert");
* :func:`drop_demonyms` - nationality adjectives taken for places ("Saudi", "Italian");
* :func:`list_item_people` - people named at the start of a list item, which NER misses when the
  name is unusual (three-part Chinese names in a list of defendants).

>>> from nlp.model import RawMention
>>> text = "--Wei Ming Lo, 45, of Queens"
>>> [m.text for m in strip_edges([RawMention(0, 13, text[:13], "PERSON")], text)]
['Wei Ming Lo']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from fakefree.orgnames import distinctive_forms, is_org_name, legal_form_only, org_types, \
    strip_org_types
from fakefree.text import fold
from nlp.model import RawMention
from nlp.org_types import known_orgs
from nlp.names import is_given_name
from nlp.places import country_names, known_place

__all__ = ["clean_spans", "strip_edges", "strip_titles", "split_possessives", "split_coordinated",
           "drop_common_words", "drop_demonyms", "list_item_people", "is_common_word",
           "join_legal_tails", "extend_legal_tails", "join_conjoined_firm", "firm_names",
           "official_title_before", "title_words"]

_NAME_TYPES = ("PERSON", "ORG", "LOCATION")
_LEAD_JUNK = re.compile(r"(?:\d{1,3}[.)]|[^\w])+", re.UNICODE)  # bullets, quotes, "1."
_TRAIL_JUNK = re.compile(r"(?:['’]s|[^\w.)])+$", re.UNICODE)
_ELISION = re.compile(r"^(?:[LlDd]['’]|(?:De|Du|Des|Del|De la|De los|De las|Aux?|À|En)\s+)")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")
_CONJ = re.compile(r"\s*(?:,\s*(?:and|et|y|e)?|\s(?:and|et|y|e|&)\s)\s*")
_CONJ_WORD = re.compile(r"\s(?:and|et|y|e|&)\s")
_COMMON_ZIPF = 4.0  # a word used at least ten times per million words (wordfreq's Zipf scale)
_LIST_ITEM = re.compile(
    r"(?m)^[ \t]*(?:[-–—•*·▪]+|\(?\d{1,3}[.)])[ \t]*"
    r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’-]+){1,3})(?=[ \t]*(?:,|\(|;|:|$))")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Lower-case title words of ``nlp/data/titles.txt`` (en/fr/es)."""
    text = resources.files("nlp").joinpath("data", "titles.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=65536)
def max_zipf(low: str) -> float:
    """wordfreq's highest Zipf frequency of ``low`` in English, French and Spanish (cached:
    several rules ask it of the same words)."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(low, lang) for lang in ("en", "fr", "es"))


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """A word that English, French or Spanish text uses often (wordfreq Zipf >= 4).

    >>> is_common_word("Yesterday"), is_common_word("Bhullar")
    (True, False)
    """
    low = word.lower().strip(".’'")
    if len(low) < 2:
        return False
    return max_zipf(low) >= _COMMON_ZIPF


def _with(m: RawMention, text: str, start: int, end: int, type_: str | None = None) -> RawMention:
    return RawMention(start, end, text[start:end], type_ or m.type, m.subtype if not type_ else None,
                      dict(m.attrs), set(m.roles), m.source, m.alias_only)


def _words(span: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’.-]*", span)


def strip_edges(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Take bullets, dashes, quotes, elisions and possessive tails off the ends of a name."""
    out = []
    for m in mentions:
        if m.type not in _NAME_TYPES:
            out.append(m)
            continue
        start, end = m.start, m.end
        lead = _LEAD_JUNK.match(text, start, end)
        if lead:
            start = lead.end()
        if m.type in ("LOCATION", "ORG"):
            elided = _ELISION.match(text[start:end])
            rest = text[start + elided.end():end] if elided else ""
            if elided and rest[:1].isupper():
                start += elided.end()
        trail = _TRAIL_JUNK.search(text[start:end])
        if trail and trail.start() > 0:
            end = start + trail.start()
        if end - start >= 2:
            out.append(m if (start, end) == (m.start, m.end) else _with(m, text, start, end))
    return out


_COURTESY = frozenset({"mr.", "mrs.", "ms.", "dr.", "m.", "mme", "monsieur", "madame", "don", "doña",
                       "señor", "señora", "sr.", "sra.", "me", "maître", "us", "u.s."})


def official_title_before(text: str, start: int) -> bool:
    """Whether the words just before ``start`` are an official title ("Brigadier General",
    "CBP Port Director"), not only a courtesy one ("Mr.").

    >>> official_title_before("said CBP Port Director Ines Okafor", 23)
    True
    >>> official_title_before("said Mr. Okafor", 9)
    False
    """
    titles = title_words()
    words = text[max(0, start - 60):start].split()
    official = False
    for word in reversed(words):
        low = word.lower()
        if low in titles or low.rstrip(".") in titles:
            official = official or low not in _COURTESY
        elif not _ACRONYM.match(word):
            break
    return official


def _title_cut(tokens: list[re.Match[str]]) -> int:
    """How many leading tokens are title words (or acronyms before a title word)."""
    titles = title_words()
    cut = 0
    while cut < len(tokens) - 1:
        word = tokens[cut].group()
        if word.lower() in titles or word.lower().rstrip(".") in titles or (
                _ACRONYM.match(word) and tokens[cut + 1].group().lower() in titles):
            cut += 1
            continue
        break
    return cut


def strip_titles(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A person's name without the title words and agency acronyms before it; an
    "organisation" or a "place" that is a title and a given name and surname becomes that
    person ("Port Director Roderick Hudson")."""
    from nlp.cleanup import has_org_head  # cleanup imports this module

    out = []
    for m in mentions:
        tokens = list(re.finditer(r"\S+", m.text)) if m.type in _NAME_TYPES else []
        cut = _title_cut(tokens) if tokens else 0
        if cut == 1 and len(tokens[0].group()) == 2 and len(tokens) < 4:
            cut = 0  # "C." is Mexican "ciudadano" before a full name, an initial before "Smith"
        rest = tokens[cut:]
        if m.type == "PERSON" and cut and not (
                cut == 1 and len(tokens) == 2 and is_given_name(tokens[0].group())):
            out.append(_with(m, text, m.start + rest[0].start(), m.end))
        elif m.type in ("ORG", "LOCATION") and cut and 2 <= len(rest) <= 3 and \
                is_given_name(rest[0].group()) and not has_org_head(m.text[rest[0].start():]):
            out.append(_with(m, text, m.start + rest[0].start(), m.end, "PERSON"))
        else:
            out.append(m)
    return out


def split_possessives(mentions: list[RawMention], text: str) -> list[RawMention]:
    """"X’s Y" naming two organisations becomes X and Y: X an acronym or a name with an
    organisation head word, Y two words or more ("U.S. Attorney’s Office" stays one)."""
    from nlp.cleanup import has_org_head  # cleanup imports this module

    out = []
    for m in mentions:
        hit = _POSSESSIVE.search(m.text) if m.type == "ORG" else None
        left = m.text[:hit.start()] if hit else ""
        if not hit or not (_ACRONYM.match(left) or has_org_head(left)) or \
                len(_words(m.text[hit.end():])) < 2:
            out.append(m)
            continue
        out.append(_with(m, text, m.start, m.start + hit.start()))
        out.append(_with(m, text, m.start + hit.end(), m.end))
    return out


def _names_company(part: str) -> bool:
    from nlp.cleanup import has_org_head  # cleanup imports this module

    return bool(has_org_head(part) or is_org_name(part))


def split_coordinated(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Two places or two names joined by a conjunction or a comma become two mentions.

    Places split only when every part is a known place; people only on a comma between
    one-word given names (a surname-first "Kolb, Jinhai" is one person); organisations when
    every part carries an organisation word of its own.
    """
    out = []
    for m in mentions:
        parts = _parts(m.text)
        if m.type == "LOCATION":
            ok = all(known_place(p) for _, _, p in parts)
        elif m.type == "PERSON":
            ok = "," in m.text and all(len(p.split()) == 1 and is_given_name(p) for _, _, p in parts)
        else:  # two companies, each with its own organisation word ("Dolce and Gabbana" stays)
            ok = m.type == "ORG" and _CONJ_WORD.search(m.text) is not None and all(
                len(p.split()) > 1 and _names_company(p) and not legal_form_only(p)
                for _, _, p in parts) and not _form_ends_the_whole(parts)
        ok = ok and len(parts) > 1
        if not ok:
            out.extend(_split_juxtaposed_places(m, text) if m.type == "LOCATION" else [m])
            continue
        out.extend(_with(m, text, m.start + a, m.start + b) for a, b, _ in parts)
    return out


def _split_juxtaposed_places(m: RawMention, text: str) -> list[RawMention]:
    """A place written after a place with no comma ("Shenzhen China") is two places, when the
    whole is no known place ("New York", "Costa Rica" stay whole)."""
    if m.source == "rule" or known_place(m.text):
        return [m]
    for gap in re.finditer(r"[ \t]+", m.text):
        left, right = m.text[:gap.start()], m.text[gap.end():]
        if known_place(left) and known_place(right):
            return [_with(m, text, m.start, m.start + gap.start()),
                    _with(m, text, m.start + gap.end(), m.end)]
    return [m]


_NUMBER_LABEL = re.compile(r"(?:^|\s|/)(?:no|nos|nº|n°|núm|num|nr|number|numéro|número)\.?$",
                           re.IGNORECASE)


def drop_number_labels(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name ending in a word for "number" is a field's label ("B/L No.", "Registration no.",
    "Invoice Number"), not a party.

    >>> text = "B/L No.: MRDN6337897781"
    >>> drop_number_labels([RawMention(0, 7, "B/L No.", "ORG")], text)
    []
    """
    return [m for m in mentions if m.source != "ner" or m.type not in _NAME_TYPES
            or not _NUMBER_LABEL.search(m.text)]


def _form_ends_the_whole(parts: list[tuple[int, int, str]]) -> bool:
    """Only the last part has a legal form: it is the whole firm's ("Xincheng Import & Export
    Limited"); two firms each carry their own ("Acme Trading Ltd and Bolt Ltd")."""
    return bool(parts) and bool(org_types(parts[-1][2])) and \
        not any(org_types(p) for _, _, p in parts[:-1])


def _parts(span: str) -> list[tuple[int, int, str]]:
    parts, pos = [], 0
    for sep in _CONJ.finditer(span):
        parts.append((pos, sep.start(), span[pos:sep.start()]))
        pos = sep.end()
    if parts:
        parts.append((pos, len(span), span[pos:]))
    return [p for p in parts if p[2].strip()]


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip(" \t\"'“‘«¿¡-–—•*")
    return not before or before[-1] in ".!?:;\n"


def _line_around(text: str, start: int, end: int) -> str:
    """The whole line of ``text`` that holds ``text[start:end]``."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]


def _short_line(text: str, start: int, end: int) -> bool:
    return len(_line_around(text, start, end).split()) <= 4


def drop_common_words(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop NER spans made only of common words that are not names.

    A person span goes when its first word is no given name and every word is common (products
    such as "Camel Blue"); a one-word span when it is common, not a known place, organisation or
    surname seen in a longer name, and opens a sentence or stands in a short line ("Yesterday",
    "Home"); a span cut by a dash or bar into common words is page furniture ("News - Alert").
    Mid-sentence capitals of common words are kept: there they are proper names ("Africa").
    """
    known = known_orgs()
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and " " in m.text}
    out = []
    for m in mentions:
        words = _words(m.text)
        keep = (m.source != "ner" or m.type not in _NAME_TYPES or not words or m.text in known
                or m.text in surnames or _ACRONYM.match(m.text) or known_place(m.text)
                or not all(is_common_word(w) for w in words))
        if not keep:
            if m.type == "PERSON" and len(words) > 1:
                keep = is_given_name(words[0])
            elif len(words) == 1:
                keep = not (_opens_sentence(text, m.start) or _short_line(text, m.start, m.end))
            else:
                keep = not re.search(r"\s[-–|]\s", m.text)
        if keep:
            out.append(m)
    return out


_DICTIONARY_ZIPF = 1.5  # a word a dictionary has ("consignee", "payable"), however rare in prose
# a name does not end in these: "FREIGHT PAYABLE AT" is a label even with an organisation word
_FUNCTION_WORDS = frozenset({"at", "of", "by", "to", "for", "from", "in", "on", "and", "or",
                             "de", "du", "des", "la", "le", "à", "par", "pour", "del", "en", "y",
                             "por", "para", "et", "ou", "o"})
_LABEL_AFTER = re.compile(r"[ \t]*\.?[ \t]*:")


def drop_field_labels(mentions: list[RawMention], text: str) -> list[RawMention]:
    r"""Drop the field labels of forms that NER takes for names: dictionary words that are no
    organisation or place, before a colon ("Booking Ref.:", "FREIGHT PAYABLE AT:") or in capitals
    on a line in capitals ("TAX NO 6110582247", "SHIPPER'S LOAD, STOW AND COUNT"); a name never
    ends in a function word ("FREIGHT PAYABLE AT"). A person stays if it opens with a given name,
    and otherwise unless the label fills its line (a section header: "SHIPPER").

    >>> text = "Booking Ref.: GML25-03-0871\nTAX NO 6110582247\nAgent: Ann Lee"
    >>> ms = [RawMention(0, 11, "Booking Ref", "LOCATION"), RawMention(28, 31, "TAX", "ORG")]
    >>> drop_field_labels(ms, text)
    []
    """
    known = known_orgs()
    out = []
    for m in mentions:
        words = _words(m.text)
        label = m.source == "ner" and m.type in _NAME_TYPES and bool(words) and \
            m.text not in known and not known_place(m.text) and \
            (not is_org_name(m.text) or words[-1].lower() in _FUNCTION_WORDS) and \
            not (m.type == "PERSON" and is_given_name(words[0])) and \
            all(max_zipf(w.lower().strip(".’'")) >= _DICTIONARY_ZIPF for w in words)
        if label:
            whole_line = _line_around(text, m.start, m.end).strip() == m.text
            before_colon = m.type != "PERSON" and bool(_LABEL_AFTER.match(text, m.end))
            in_capitals = m.text.isupper() and _upper_line(text, m.start) and \
                (m.type != "PERSON" or whole_line)
            label = before_colon or in_capitals
        if not label:
            out.append(m)
    return out


_MAIL_AFTER = re.compile(r"\"?[ \t]*<[^<>\s@]+@[^<>\s]+>")
_SALUTATION = re.compile(r"(?i)(?:dear|hi|hey|hello|estimad[oa]s?|querid[oa]s?|hola|bonjour|"
                         r"salut|cher|chère|chers)[ \t]+(?=\w)")


def mail_names(mentions: list[RawMention], text: str) -> list[RawMention]:
    """The name before an e-mail address in angle brackets ("Kaan Yildirim" <kaan@...>) is a
    person's or an organisation's, never a place; a salutation ("Dear Diego", "Estimado Sr.")
    is no part of the name after it.

    >>> text = 'To: "Ada Kerr" <ada@example.com>'
    >>> [(m.text, m.type) for m in mail_names([RawMention(5, 13, "Ada Kerr", "LOCATION")], text)]
    [('Ada Kerr', 'PERSON')]
    """
    out = []
    for m in mentions:
        if m.source == "ner" and m.type in _NAME_TYPES:
            greeting = _SALUTATION.match(m.text)
            if greeting and greeting.end() < len(m.text):
                m = _with(m, text, m.start + greeting.end(), m.end, "PERSON")
            if m.type == "LOCATION" and _MAIL_AFTER.match(text, m.end):
                m = _with(m, text, m.start, m.end, "ORG" if is_org_name(m.text) else "PERSON")
        out.append(m)
    return out


_BRAND_BEFORE = re.compile(
    r"(?i)(?:counterfeit|fake|knock-?off|bogus|phony|imitation|contrefaçons?|contrefaits?|"
    r"contrefaites?|de contrefaçon|fausses?|faux|de (?:la )?marque|marques?|falsificad[oa]s?|"
    r"apócrif[oa]s?|pirata|de (?:la )?marca|marcas?|trademarks? of|bearing(?: the)?)[ \t]+$")


def brands_after_cues(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name right after a word for fake goods ("counterfeit Norvik Brakes", "de contrefaçon
    X", "marca X") is a brand, an organisation, not a person or a place; a person whose first
    word is a given name stays one.

    >>> text = "10 696 plaquettes de frein de contrefaçon Norvik Brakes, expédiées"
    >>> m = RawMention(text.index("Norvik"), text.index(","), "Norvik Brakes", "PERSON")
    >>> [(b.text, b.type, b.subtype) for b in brands_after_cues([m], text)]
    [('Norvik Brakes', 'ORG', 'BRAND')]
    """
    out = []
    for m in mentions:
        if m.source == "ner" and m.type in ("PERSON", "LOCATION") and \
                _BRAND_BEFORE.search(text, max(0, m.start - 40), m.start) and \
                not known_place(m.text) and \
                not (m.type == "PERSON" and is_given_name(m.text.split()[0])):
            m = _with(m, text, m.start, m.end, "ORG")
            m.subtype = "BRAND"
        out.append(m)
    return out


_DEMONYM_END = re.compile(r"(?:an|ian|ean|ese|ish|i|ais|aise|ois|oise|ien|ienne|ano|ana|"
                          r"eño|eña|ense|és|esa|ino|ina)$")
_CONTINENTS = frozenset({"europe", "africa", "asia", "america", "oceania", "afrique", "asie",
                         "amérique", "océanie", "europa", "américa", "áfrica"})


def drop_demonyms(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A one-word "place" that is a nationality adjective ("Saudi", "Italian") is no place."""
    countries = country_names()
    out = []
    for m in mentions:
        word = m.text.strip()
        if m.type == "LOCATION" and m.source == "ner" and " " not in word and \
                not known_place(word) and _demonym_of_a_country(word.lower(), countries):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=4096)
def _demonym_of_a_country(word: str, countries: frozenset[str]) -> bool:
    if not _DEMONYM_END.search(word) or len(word) < 4:
        return False
    if word in _CONTINENTS:
        return False
    firsts = {c.split()[0] for c in countries} | _CONTINENTS
    if word in firsts:  # "saudi" of "saudi arabia"
        return True
    stem = _DEMONYM_END.sub("", word)
    return len(stem) >= 3 and any(c.startswith(stem[:max(3, len(stem) - 1)]) for c in firsts)


def list_item_people(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name of two to four capitalised words opening a list item is a person if no other
    mention covers it and its words are not common words."""
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for hit in _LIST_ITEM.finditer(text):
        start, end = hit.span("name")
        words = hit.group("name").split()
        if any(s < end and start < e for s, e in taken):
            continue
        if any(is_common_word(w) and not is_given_name(w) for w in words[:1]) or \
                all(is_common_word(w) for w in words):
            continue
        out.append(RawMention(start, end, text[start:end], "PERSON", source="list"))
    return sorted(out, key=lambda m: m.start)


def join_legal_tails(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A span that is only a legal form ("S.A. de C.V.", "Pvt. Ltd.") joins the organisation
    name just before it: NER cuts "Distribuidora Norte, S.A. de C.V." at the comma."""
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and m.type in ("ORG", "PERSON", "LOCATION") and \
                prev.type in ("ORG", "PERSON") and legal_form_only(m.text) and \
                re.fullmatch(r",?\s{0,2}", text[prev.end:m.start]):
            out[-1] = _with(prev, text, prev.start, m.end, "ORG")
            out[-1].subtype = "COMPANY"
            continue
        out.append(m)
    return out


_TAIL_TOKENS = re.compile(r"(?:[ \t]{0,2}[,.]?[ \t]{0,2}[^\W\d_][\w.&]*){1,4}")
_FIRM_CONJ = re.compile(r"\s+(?:and|&|et|y|e|und|en|ve|i|og|och)\s+")


def extend_legal_tails(mentions: list[RawMention], text: str) -> list[RawMention]:
    """An organisation span that stops before the rest of its legal form takes it in: NER cuts
    "Kaya Dış Ticaret Ltd. Şti." after "Ltd".

    >>> text = "paid by Kaya Dış Ticaret Ltd. Şti. on Monday"
    >>> [m.text for m in extend_legal_tails([RawMention(8, 28, text[8:28], "ORG")], text)]
    ['Kaya Dış Ticaret Ltd. Şti.']
    """
    out = []
    for m in mentions:
        named_firm = m.type == "ORG" or (m.type in _NAME_TYPES and bool(org_types(m.text)))
        tail = _TAIL_TOKENS.match(text, m.end) if named_firm else None
        if tail is not None:
            best = 0
            for stop in (t.end() for t in re.finditer(r"[^\W\d_][\w.&]*", tail.group())):
                piece = tail.group()[:stop]
                if _form_length(m.text + piece) > _form_length(m.text) and \
                        _bare(m.text + piece) == _bare(m.text):
                    best = stop
            if best:
                m = _with(m, text, m.start, m.end + best)
        out.append(m)
    return out


_NEXT_WORD = re.compile(r" ([^\W\d_][\w&'’-]*)")


def extend_org_words(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name that NER cut before the organisation word after it ("STONE" of "STONE VENTURES",
    "Lotus" of "Lotus Payments") takes in the next one to three words written in the same case,
    up to the first that makes it an organisation's name.

    >>> text = "to account 40-123 held by STONE VENTURES."
    >>> [(m.text, m.type) for m in extend_org_words([RawMention(26, 31, "STONE", "PERSON")], text)]
    [('STONE VENTURES', 'ORG')]
    """
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m in mentions:
        if m.source != "rule" and m.type in _NAME_TYPES and not is_org_name(m.text) and \
                not _upper_line(text, m.start):
            upper = m.text.isupper()
            end = m.end
            for _ in range(3):
                word = _NEXT_WORD.match(text, end)
                same_case = word is not None and (
                    word.group(1).isupper() if upper else
                    word.group(1).istitle() and not word.group(1).isupper())
                if word is None or not same_case:
                    break
                if any(s < word.end() and word.start() < e for s, e in taken
                       if (s, e) != (m.start, m.end)):
                    break  # the next word is another mention's
                end = word.end()
                if _org_word(word.group(1)) and is_org_name(text[m.start:end]):
                    m = _with(m, text, m.start, end, "ORG")
                    break
        out.append(m)
    return out


def _org_word(word: str) -> bool:
    """An organisation word on its own ("Ventures", "PAYMENTS"), not a legal form's letters."""
    return len(word) >= 3 and is_org_name(word) and not org_types(word)


def _upper_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in capitals (a headline, a table's header)."""
    return not any(c.islower() for c in _line_around(text, at, at))


_NEXT_ANY_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


def extend_known_places(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name NER cut before the rest of a known place's name, often its lower-case adjectives
    ("Émirats" of "Émirats arabes unis", "République" of "République tchèque"), takes it in.

    >>> text = "expédiés des Émirats arabes unis vers Anvers"
    >>> m = RawMention(text.index("Émirats"), text.index(" arabes"), "Émirats", "ORG")
    >>> [(x.text, x.type) for x in extend_known_places([m], text)]
    [('Émirats arabes unis', 'LOCATION')]
    """

    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        if m.source != "rule" and m.type in _NAME_TYPES:
            end, best = m.end, 0
            for _ in range(3):
                word = _NEXT_ANY_WORD.match(text, end)
                if word is None or word.start(1) in starts:
                    break
                end = word.end()
                if known_place(text[m.start:end]):
                    best = end
            if best:
                m = _with(m, text, m.start, best, "LOCATION")
        out.append(m)
    return out


# Spanish writes plural abbreviations with doubled initials, spaced or not: "EE. UU.", "FF. AA."
_DOUBLED_TAIL = re.compile(r"\.?[ \t]?([A-Z])\1\.?")
_DOUBLED_END = re.compile(r"\b([A-Z])\1\.?$")


def join_doubled_initials(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name cut inside a Spanish doubled-initial abbreviation takes the rest of it
    ("Departamento de Seguridad Nacional de EE" + ". UU.").

    >>> text = "el Departamento de Seguridad Nacional de EE. UU. anunció"
    >>> m = RawMention(3, text.index(". UU"), text[3:text.index(". UU")], "ORG")
    >>> [x.text for x in join_doubled_initials([m], text)]
    ['Departamento de Seguridad Nacional de EE. UU.']
    """
    out = []
    for m in mentions:
        if m.source != "rule" and m.type in _NAME_TYPES and _DOUBLED_END.search(m.text):
            tail = _DOUBLED_TAIL.match(text, m.end)
            if tail is not None:
                m = _with(m, text, m.start, tail.end())
        out.append(m)
    return out


# ", Tobacco, Firearms and Explosives": capitalised words listed after a body's "of X"
_LISTED_TAIL = re.compile(r"(?:,[ \t]+[A-Z][\w'’-]*)+,?[ \t]+(?:and|&|y|e|et)[ \t]+[A-Z][\w'’-]*")
_OF_END = re.compile(r"\b(?:of|de|des|du|del)[ \t]+[A-Z][\w'’-]*$")


def join_listed_complements(mentions: list[RawMention], text: str) -> list[RawMention]:
    """An organisation whose name ends in a list ("Bureau of Alcohol, Tobacco, Firearms and
    Explosives") cut at the list's first comma takes the list in, and the pieces NER made of it
    go; a list of other names (acronyms, people, organisations) is left alone.

    >>> text = "the U.S. Bureau of Alcohol, Tobacco, Firearms and Explosives said"
    >>> ms = [RawMention(4, 26, "U.S. Bureau of Alcohol", "ORG"),
    ...       RawMention(28, 35, "Tobacco", "LOCATION"), RawMention(51, 61, "Explosives", "LOCATION")]
    >>> [(m.text, m.type) for m in join_listed_complements(ms, text)]
    [('U.S. Bureau of Alcohol, Tobacco, Firearms and Explosives', 'ORG')]
    """
    out: list[RawMention] = []
    skip_until = -1
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < skip_until and m.source != "rule" and m.type in _NAME_TYPES:
            continue
        if m.source != "rule" and m.type == "ORG" and _OF_END.search(m.text):
            tail = _LISTED_TAIL.match(text, m.end)
            listed = re.findall(r"[A-Z][\w'’-]*", tail.group()) if tail else []
            if tail is not None and all(
                    not w.isupper() and max_zipf(w.lower()) >= 3.0 for w in listed) and not any(
                    o.type in ("PERSON", "ORG") and m.end <= o.start < tail.end()
                    for o in mentions):  # "the Bureau of X, HSI and CBP" lists other bodies
                m = _with(m, text, m.start, tail.end())
                skip_until = tail.end()
        out.append(m)
    return out


def _bare(name: str) -> str:
    return " ".join(fold(strip_org_types(name)).strip(" ,.&").split())


def _form_length(name: str) -> int:
    forms = distinctive_forms(name)
    return len(forms[-1]) if forms else 0


def join_conjoined_firm(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A firm name with "and" inside ("Kaya Kozmetik Sanayi ve Ticaret A.Ş.", "Hale and Sons
    Ltd") that NER cut at the conjunction is one organisation: the second span is one or two
    words and a legal form, the first an organisation or place span without a legal form.

    >>> text = "Kaya Kozmetik Sanayi ve Ticaret A.Ş. (Bursa)"
    >>> ms = [RawMention(0, 20, text[:20], "ORG"), RawMention(24, 36, text[24:36], "PERSON")]
    >>> [(m.text, m.type) for m in join_conjoined_firm(ms, text)]
    [('Kaya Kozmetik Sanayi ve Ticaret A.Ş.', 'ORG')]
    """
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and prev.type in ("ORG", "LOCATION") and \
                m.type in ("ORG", "PERSON", "LOCATION") and \
                _FIRM_CONJ.fullmatch(text[prev.end:m.start]) and not org_types(prev.text):
            rest = strip_org_types(m.text).strip(" ,.&")
            if org_types(m.text) and rest and len(rest.split()) <= 2:
                out[-1] = _with(prev, text, prev.start, m.end, "ORG")
                out[-1].subtype = "COMPANY"
                continue
        out.append(m)
    return out


_WRAPPED_LINE = 60  # a line this long that breaks inside a name is wrapped prose
# a word, "&", or a short bracketed place or code inside a firm's name ("Trading (HK) Limited");
# a possessive "'s" before a lower-case word is not part of the name ("Limited's account"; but
# "AJ's Candy & Tobacco, LLC")
_RUN_TOKEN = re.compile(
    r"[^\W\d_](?:[\w.&/-]|['’](?![sS]\b(?![ \t]+[A-Z&])))*|&|\([A-Z][\w.]{0,15}\)")
_RUN_LINK = {"ve", "and", "&", "et", "y", "e", "und", "de", "del", "des", "du", "la", "le", "van",
             "von", "der", "den", "da", "do", "di"}
_RUN_LEAD = {"the", "on", "in", "at", "by", "for", "from", "to", "of", "la", "le", "les", "el",
             "los", "las", "en", "par", "por", "de", "a", "an", "y", "and", "et", "mr.", "mrs.",
             "ms.", "dr.", "m.", "mme", "sr.", "sra.", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi",
             "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves",
             "viernes", "sábado", "domingo"}


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is neither an initial, a short abbreviation nor a legal form
    ("Dung." but not "J.", "Co.", "S.A."); a legal form after it continues the name
    ("Pte. Ltd.")."""
    bare = word.rstrip(".")
    return word.endswith(".") and len(bare) >= 3 and "." not in bare and \
        not distinctive_forms(word) and not legal_form_only(word)


def _firm_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words (a prose line break allowed) that end in a legal form ("KAYA DIS TICARET LTD
    STI", "Norte Comercial, S.A. de C.V."), leading function words left out."""
    runs: list[tuple[int, int]] = []
    tokens = list(_RUN_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        if not tokens[i].group()[0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            gap = text[tokens[j].end():tokens[j + 1].start()]
            nxt = tokens[j + 1].group()
            if gap not in (" ", ", ", "\n") or not (nxt[0].isupper() or nxt[0] == "(" or
                                                  nxt.lower() in _RUN_LINK
                                                  or "." in nxt and distinctive_forms(nxt)):
                break
            if gap == "\n" and tokens[j].end() - (text.rfind("\n", 0, tokens[j].end()) + 1) \
                    < _WRAPPED_LINE:
                break  # a short line (a signature, an address block) ends its name
            if _ends_sentence(tokens[j].group()) and not legal_form_only(nxt):
                break  # "... of DUONG Van Dung. Stone Aurora Capital Inc., a shell ..."
            j += 1
        start, i = i, j + 1
        while start < j and tokens[start].group().lower() in _RUN_LEAD:
            start += 1
        for stop in range(start + 1, j + 1):  # the shortest piece that ends in a legal form
            a, b = tokens[start].start(), tokens[stop].end()
            if tokens[stop].group().lower() in _RUN_LINK:
                continue
            # a comma belongs to the firm only before its legal form ("Norte, S.A."); the firm
            # starts after any other ("L'expéditeur, Quanzhou Import & Export Co., Ltd.")
            parts = text[a:b].split(", ")
            lead = max((k for k in range(1, len(parts)) if not legal_form_only(parts[k])),
                       default=0)
            a += len(", ".join(parts[:lead])) + 2 if lead else 0
            piece = text[a:b]
            forms = distinctive_forms(piece)
            if forms and any(len(word) > 2 for word in _bare(piece).split()) and \
                    fold(piece).rstrip(" .,").endswith(fold(forms[-1]).rstrip(" .,")):
                after = text[b:b + 2]
                if piece.endswith(".") and (after[:1] in ("", "\n") or after[:1] == " " and (
                        after[1:].isupper() or not after[1:].strip())) and \
                        distinctive_forms(piece[:-1]):
                    b -= 1  # the full stop of the sentence, not of the form
                runs.append((a, b))
                i = stop + 1  # the rest of the run may name the next firm
                break
    return runs


def firm_names(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Capitalised words ending in a legal form are one organisation's name, whatever pieces
    of it NER typed ("STI" of "KAYA DIS TICARET LTD STI", a town "KAYA" of "KAYA KOZMETIK A.S.")
    or missed.

    >>> text = "el embarcador KAYA DIS TICARET LTD STI, Bursa"
    >>> ms = [RawMention(text.index("STI"), text.index("STI") + 3, "STI", "ORG")]
    >>> [(m.text, m.type) for m in firm_names(ms, text)]
    [('KAYA DIS TICARET LTD STI', 'ORG')]
    """
    out = list(mentions)
    for a, b in _firm_runs(text):
        firm = extend_legal_tails([RawMention(a, b, text[a:b], "ORG", "COMPANY", source="ner")],
                                  text)[0]
        a, b = firm.start, firm.end
        inside = [m for m in out if m.start < b and a < m.end]
        if any(m.source == "rule" or m.type not in _NAME_TYPES for m in inside) or \
                any(m.start < a or m.end > b for m in inside):
            continue
        out = [m for m in out if m not in inside] + [firm]
    return sorted(out, key=lambda m: m.start)


def clean_spans(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Every class above, in order."""
    mentions = firm_names(mentions, text)
    mentions = extend_legal_tails(mentions, text)
    mentions = extend_org_words(mentions, text)
    mentions = extend_known_places(mentions, text)
    mentions = join_doubled_initials(mentions, text)
    mentions = join_listed_complements(mentions, text)
    mentions = join_legal_tails(mentions, text)
    mentions = join_conjoined_firm(mentions, text)
    mentions = strip_edges(mentions, text)
    mentions = strip_titles(mentions, text)
    mentions = mail_names(mentions, text)
    mentions = split_possessives(mentions, text)
    mentions = split_coordinated(mentions, text)
    mentions = drop_common_words(mentions, text)
    mentions = drop_field_labels(mentions, text)
    mentions = drop_number_labels(mentions, text)
    mentions = drop_demonyms(mentions, text)
    mentions = brands_after_cues(mentions, text)
    return list_item_people(mentions, text)

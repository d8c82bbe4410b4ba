"""Post-processing of NER mentions for the kinds of error the statistical model makes on real prose.

Each function fixes one class of error on the mentions of one doc (offsets into its text):

* :func:`drop_headline_guesses` - title-case headlines ("Man Sentenced To Prison For Smuggling
  Counterfeit Goods") look like names to the model: a NER guess there is kept only when the body
  repeats it or a gazetteer knows it;
* :func:`split_titles` - official titles glued to names ("U.S. Attorney Jane Roe", "HSI Special",
  "Judge John Doe") and titles taken for organisations ("U.S. Attorney for the District of X");
* :func:`retype_by_keyword` and :func:`retype_known_places` - organisation head words inside a
  "place" (Court, Office, Administration, Ltd.), and known places (countries, provinces and states,
  cities of 15,000+ people) typed as a person or an organisation;
* :func:`merge_adjacent` - names the model cut in two ("Peoples Republic" + "of" + "China",
  "Port of X and Y", "U.S. Attorney's Office, District of X");
* :func:`add_bylines` - reporters' bylines and press-photo credits ("JEAN DUPONT/AFP");
* :func:`unify_types` - one surface, one type within a doc;
* :func:`retype_org_names` - a name with a legal form or an organisation word
  (:mod:`fakefree.orgnames`) is never a person or a place, "Surname, Given" is a person, and a
  person fused with a company by a comma ("Ann Kolb, Jinhai Foods Ltd") is cut in two.

>>> from nlp.model import RawMention
>>> text = "U.S. Attorney Jane Roe said."
>>> [(m.type, m.text) for m in split_titles([RawMention(0, 22, text[:22], "ORG")], text)]
[('PERSON', 'Jane Roe')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from fakefree import orgnames
from fakefree.orgnames import legal_form_only
from nlp.model import RawMention
from nlp.org_types import _LEGAL_TAIL, known_orgs, org_subtype
from nlp.names import is_given_name
from nlp.places import known_place, location_subtype
from nlp.name_shapes import clean_name_shapes
from nlp.non_names import clean_non_names
from nlp.agency_spans import clean_agency_spans
from nlp.datelines import add_datelines
from nlp.span_cleanup import clean_spans

__all__ = ["clean_mentions", "written_lower", "add_bylines", "drop_headline_guesses", "split_titles",
           "retype_by_keyword",
           "retype_known_places", "merge_adjacent", "unify_types", "is_headline", "known_place",
           "retype_org_names", "mark_defined_terms"]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TITLE = (r"(?:Acting\s+|Assistant\s+|Deputy\s+|Special\s+|Senior\s+|Chief\s+|Staff\s+|Executive\s+"
          r"|Associate\s+|Principal\s+|Supervisory\s+)*"
          r"(?:Attorney(?:\s+General)?|Agent(?:\s+in\s+Charge)?|Judge|Justice|Commissioner|"
          r"Director|"
          r"Secretary|Inspector|Detective|Sergeant|Sgt\.|Officer|Sheriff|Prosecutor|Magistrate|"
          r"Superintendent|Spokes(?:wo)?man|Spokesperson|Constable|Const\.|Cst\.|Det\.|Insp\.|"
          r"Supt\.|Lieutenant|Lt\.|Captain|Capt\.|Minister|Administrator|Commander|Chief|"
          r"Mr\.|Mrs\.|Ms\.|Dr\.|Juez|Jueza|Fiscal|Procureur|Juge|Commissaire|Ministre|"
          r"Subdirector[a]?|Director[a]?|Titular|Comisari[oa])")
_TITLE_THEN_NAME = re.compile(
    rf"^(?P<title>(?:(?:U\.S\.|United\s+States|[A-Z]{{2,6}}|Federal|State|District|County|"
    rf"Acting|Assistant|Deputy)\s+)*{_TITLE})\s+"
    rf"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-ZÀ-Ý][\w'’-]+)+)$")
_TITLE_ORG = re.compile(
    r"^(?:(?:U\.S\.|United\s+States|Acting|Assistant|Deputy|Special)\s+)*"
    r"(?:Attorney(?:\s+General)?|Agent\s+in\s+Charge|Commissioner|Special\s+Agent)"
    r"(?!['’]s)(?:\s+(?:for|of)\b.*)?$")
_EDGE_TITLE = re.compile(
    r"^(?:(?:Acting|Assistant|Deputy|Special|Senior|Staff|Chief|Agent|Judge|Mr\.|Mrs\.|Ms\.|Dr\.|"
    r"Det\.|Sgt\.|Insp\.|Supt\.|Cst\.|Const\.|Lt\.|Capt\.|Detective|Sergeant|Inspector|"
    r"Commissioner|Juez|Jueza|Juge|Maître|Me)\s+)+|"
    r"(?:\s+(?:Acting|Assistant|Deputy|Special|Senior|Staff|Chief|Agent|Attorney|Director|"
    r"Commissioner|Inspector))+$")
_ORG_HEAD = re.compile(
    r"\b(Court|Tribunal|Juzgado|Office|Administration|Department|Commission|Agency|Bureau|"
    r"Ministry|Ministerio|Ministère|Service|Services|Police|Customs|Ltd\.?|Inc\.?|LLC|Corp\.?|"
    r"Company|Corporation|GmbH|S\.A\.|SARL|S\.L\.|Instituto|Institut|Procuradur[ií]a|"
    r"Fiscal[ií]a|Secretar[ií]a|Unit|Unidad|Brigade|Brigada)\b")
_JOIN_OF = re.compile(r"(?:Republic|Kingdom|Port|District|Province|State|Islands|Emirates|"
                      r"Federation|Commonwealth|Democratic Republic|Borough|County|City)$")
_DISTRICT = re.compile(r"^(?:(?:Southern|Northern|Eastern|Western|Middle|Central)\s+)?"
                       r"District\s+of\b")
_PREP_BEFORE = re.compile(r"\b(?:in|at|from|to|into|of|near|via|en|à|au|de|desde|hacia|"
                          r"vers|y|et|and)\s+$", re.IGNORECASE)
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec", "janv", "févr", "avr", "juil", "déc", "ene", "abr", "ago", "dic"}
_TITLE_ABBR = re.compile(r"^(?:Staff[- ])?(?:Insp|Supt|Sgt|Det|Cst|Const|Lt|Capt|Dep|Asst)\.?$")


def has_org_head(surface: str) -> bool:
    """A name holding an organisation head word (Court, Office, Department, Ltd., ...).

    >>> has_org_head("Department of Homeland Security"), has_org_head("U.S. Attorney")
    (True, False)
    """
    return bool(_ORG_HEAD.search(surface))


# "Shipper: Xincheng Import & Export Limited": a record's field, its value a name
_FIELD_LINE = re.compile(r"^\s*[A-Za-zÀ-ÿ][\w'/.-]*(?:\s+[\w'/.-]+){0,2}\s*:\s+\S")


def is_headline(line: str) -> bool:
    """A short title-case line: every word of four letters or more but one starts with a capital.

    >>> is_headline("Man Sentenced To Federal Prison For Smuggling Counterfeit Watches")
    True
    >>> is_headline("John Smith was sentenced to prison for smuggling counterfeit watches.")
    False
    >>> is_headline("Shipper: Xincheng Import And Export Trading Limited")
    False
    """
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(words) < 5 or len(line) > 180 or _FIELD_LINE.match(line):
        return False
    return sum(not w[0].isupper() for w in words) <= 1


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if is_headline(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def drop_headline_guesses(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop NER guesses in title-case headlines unless the body repeats them or they are known."""
    ranges = _headline_ranges(text)
    if not ranges:
        return mentions

    def in_headline(start: int) -> bool:
        return any(s <= start < e for s, e in ranges)

    body = text
    for s, e in reversed(ranges):
        body = body[:s] + body[e:]
    kept = []
    for m in mentions:
        if m.source == "ner" and in_headline(m.start) and m.text not in body and \
                not known_place(m.text) and m.text not in known_orgs():
            continue
        kept.append(m)
    return kept


def _mention(text: str, start: int, end: int, type_: str, like: RawMention) -> RawMention:
    subtype = location_subtype(text[start:end]) if type_ == "LOCATION" else None
    return RawMention(start, end, text[start:end], type_, subtype, source=like.source)


def split_titles(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Separate official titles from names: "U.S. Attorney Jane Roe" is the person Jane Roe, a
    title alone ("U.S. Attorney for the District of X") is no organisation, and leading or trailing
    title words ("Judge", "HSI Special") are trimmed."""
    out = []
    for m in mentions:
        if m.source != "ner" or m.type not in ("PERSON", "ORG", "LOCATION"):
            out.append(m)
            continue
        hit = _TITLE_THEN_NAME.match(m.text)
        if hit and m.type != "PERSON" and is_given_name(hit["name"].split()[0]):
            start = m.start + hit.start("name")
            out.append(_mention(text, start, m.end, "PERSON", m))
            continue
        if m.type == "ORG" and _TITLE_ORG.match(m.text):
            continue
        edge = _EDGE_TITLE.search(m.text)
        if edge and edge.group().strip() != m.text.strip():
            trimmed = _EDGE_TITLE.sub("", m.text)
            offset = m.text.find(trimmed)
            if trimmed and offset >= 0:
                start = m.start + offset
                m = RawMention(start, start + len(trimmed), trimmed, m.type, m.subtype,
                               source=m.source)
                if m.type == "LOCATION":
                    m.subtype = location_subtype(trimmed)
                    if re.match(r"\s+(?:Attorney|Agent|Commissioner)\b", text[m.end:m.end + 20]):
                        continue
        out.append(m)
    return out


def retype_by_keyword(mentions: list[RawMention]) -> None:
    """A "place" whose words name an organisation (Court, Office, Ltd., ...) is an ORG."""
    for m in mentions:
        if m.source == "ner" and m.type == "LOCATION" and _ORG_HEAD.search(m.text) and \
                not re.match(r"(?i)port\s+of\b", m.text):
            m.type = "ORG"
            m.subtype = org_subtype(m.text, "", "")


def retype_known_places(mentions: list[RawMention], text: str) -> None:
    """A known place the model called a person or an organisation becomes a LOCATION: a name
    whose first word is no given name, or one after a preposition or before ", <place>"."""
    orgs = known_orgs()
    for m in mentions:
        if m.source != "ner" or m.type not in ("PERSON", "ORG") or m.text in orgs or \
                not known_place(m.text) or orgnames.is_org_name(m.text):
            continue
        words = m.text.split()
        after = text[m.end:m.end + 30]
        if re.match(r"\s*(?:[A-Z]\w+\s+)?(?:Police|Customs|Court|Inc|Ltd|LLC|Company|Corp)",
                    after):
            continue
        single = not is_given_name(words[0])  # "Detroit", "St. Louis"
        placed = bool(_PREP_BEFORE.search(text[max(0, m.start - 12):m.start])) or bool(
            re.match(r",\s+([A-ZÀ-Ý][\w.]+(?:\s+[A-ZÀ-Ý][\w.]+)?)", after) and
            known_place(re.match(r",\s+([A-ZÀ-Ý][\w.]+(?:\s+[A-ZÀ-Ý][\w.]+)?)", after)[1]))
        if single or placed:
            m.type, m.subtype = "LOCATION", location_subtype(m.text)


def _singular(name: str) -> str:
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") else w
                    for w in name.lower().split())


@lru_cache(maxsize=1)
def _agency_names() -> frozenset[str]:
    from nlp.gazetteer import load_gazetteer

    names = set(load_gazetteer().agencies)
    names |= {re.sub(r"^U\.S\.\s+", "", n) for n in names}
    return frozenset(_singular(n) for n in names)


def merge_adjacent(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Join names the model cut in two: "<X Republic/Port/District> of <place>", "Port of <A> and
    <B>", a known agency cut at "and" ("Immigration" + "and" + "Customs Enforcement", plural
    slips included), and "<office>, District of <place>" / "<office> for the District of
    <place>"."""
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and prev.source != "rule" and m.source != "rule":
            between = text[prev.end:m.start]
            merged_type = None
            if prev.type == "LOCATION" and m.type == "LOCATION" and between == " of " and \
                    _JOIN_OF.search(prev.text):
                merged_type = "LOCATION"
            elif prev.type == "LOCATION" and m.type == "LOCATION" and between == " and " and \
                    re.match(r"(?i)(?:the\s+)?port\s+of\s", prev.text):
                merged_type = "LOCATION"
            elif prev.type == "ORG" and m.type == "ORG" and between == " and " and \
                    _singular(text[prev.start:m.end]) in _agency_names():
                merged_type = "ORG"
            elif prev.type == "ORG" and m.type in ("LOCATION", "ORG") and \
                    re.fullmatch(r",\s*|\s+for\s+the\s+", between) and _DISTRICT.match(m.text):
                merged_type = "ORG"
            if merged_type:
                merged = _mention(text, prev.start, m.end, merged_type, prev)
                if merged_type == "ORG":
                    merged.subtype = prev.subtype
                merged.roles |= prev.roles | m.roles
                out[-1] = merged
                continue
        out.append(m)
    return out


def unify_types(mentions: list[RawMention]) -> None:
    """One surface keeps one type within a doc: a known place is a LOCATION, else the majority
    type (gazetteer and rule mentions outvote NER guesses)."""
    by_text: dict[str, list[RawMention]] = {}
    for m in mentions:
        if m.type in ("PERSON", "ORG", "LOCATION"):
            by_text.setdefault(m.text, []).append(m)
    for surface, group in by_text.items():
        types = {m.type for m in group}
        if len(types) < 2:
            continue
        fixed = [m.type for m in group if m.source != "ner"]
        if fixed:
            target = fixed[0]
        elif known_place(surface):
            target = "LOCATION"
        else:
            counts = {t: sum(m.type == t for m in group) for t in types}
            target = max(sorted(counts), key=counts.get)
        for m in group:
            if m.type != target:
                m.type = target
                m.subtype = group[[g.type for g in group].index(target)].subtype \
                    if any(g.subtype and g.type == target for g in group) else (
                        location_subtype(surface) if target == "LOCATION" else None)


def is_noise_word(surface: str) -> bool:
    """Lower-case words, month and title abbreviations are not names.

    >>> [is_noise_word(w) for w in ("gang", "Nov", "Staff-Insp", "Nike")]
    [True, True, True, False]
    """
    if not any(ch.isupper() for ch in surface):
        return True
    return surface.lower().strip(".") in _MONTH_ABBR or bool(_TITLE_ABBR.match(surface))


def written_lower(surface: str, text: str) -> bool:
    """A single capitalised word that the text also writes in lower case is a common noun
    ("Control" in a heading, "control" in the body).

    >>> written_lower("Control", "Control de calidad. El control fue estricto.")
    True
    >>> written_lower("Diesel", "Prendas Diesel y Kappa.")
    False
    """
    if " " in surface or not surface[:1].isupper() or surface.isupper():
        return False
    word = surface.lower()
    at = text.find(word)
    while at >= 0:  # a whole word: no word character or hyphen on either side
        end = at + len(word)
        if not (at and _word_char(text[at - 1])) and not (end < len(text) and
                                                          _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(ch: str) -> bool:
    """What ``[\\w-]`` matches (``\\w``: alphanumeric or underscore)."""
    return ch.isalnum() or ch in "_-"


_BYLINE = re.compile(
    r"(?m)^[ \t]*(?:By|Par|Por|Written by|Reporting by)[ \t]+(?P<person>[A-ZÀ-Ý][\w'’-]+"
    r"(?: [A-Z]\.)?(?: [A-ZÀ-Ý][\w'’-]+){1,2})")
_CREDIT = re.compile(
    r"(?<![\w/])(?P<person>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’-]+){1,2}) ?/ ?"
    r"(?P<org>[A-Z][A-Z&.-]{1,12})(?![\w/])")


def add_bylines(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Reporters and photographers: "By Jane Roe" at the start of a line, and press-photo credits
    in capitals "JEAN DUPONT/AFP" (a person, then an agency or publisher).

    >>> [(m.type, m.text) for m in add_bylines([], "Photo: JEAN DUPONT/AFP\\nBy Ana Ruiz  May 2")]
    [('PERSON', 'JEAN DUPONT'), ('ORG', 'AFP'), ('PERSON', 'Ana Ruiz')]
    """
    found: list[RawMention] = []
    for hit in _BYLINE.finditer(text):
        if is_given_name(hit["person"].split()[0]):
            found.append(RawMention(hit.start("person"), hit.end("person"), hit["person"],
                                    "PERSON", source="byline"))
    for hit in _CREDIT.finditer(text):
        if is_given_name(hit["person"].split()[0]):
            found.append(RawMention(hit.start("person"), hit.end("person"), hit["person"],
                                    "PERSON", source="byline"))
            found.append(RawMention(hit.start("org"), hit.end("org"), hit["org"], "ORG",
                                    "COMPANY", source="byline"))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + sorted(found, key=lambda m: m.start), key=lambda m: m.start)


def clean_mentions(mentions: list[RawMention], text: str) -> list[RawMention]:
    """All the fixes above, in order."""
    mentions = [m for m in mentions if m.source != "ner" or m.type not in
                ("PERSON", "ORG", "LOCATION") or not (
                    is_noise_word(m.text) or (written_lower(m.text, text) and
                                              not known_place(m.text) and
                                              m.text not in known_orgs()))]
    mentions = drop_headline_guesses(mentions, text)
    mentions = clean_non_names(mentions, text)
    mentions = clean_agency_spans(mentions, text)
    mentions = split_titles(mentions, text)
    retype_by_keyword(mentions)
    retype_known_places(mentions, text)
    mentions = merge_adjacent(mentions, text)
    mentions = add_bylines(mentions, text)
    mentions = add_datelines(mentions, text)
    mentions = clean_spans(mentions, text)
    mentions = clean_name_shapes(mentions, text)
    unify_types(mentions)
    mentions = retype_org_names(mentions, text)
    mark_defined_terms(mentions, text)
    return mentions


_NAME_PART = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2}$")


def _person_like(part: str) -> bool:
    """Capitalised words without digits or organisation words, not a known place."""
    return bool(_NAME_PART.match(part)) and not orgnames.is_org_name(part) and \
        not known_place(part) and part not in known_orgs()


def _split_comma(m: RawMention, text: str) -> list[RawMention]:
    """"Ann Kolb, Jinhai Foods Ltd": a person-like head and an organisation after the last comma
    are two names; "Zhao, Zhiqiang" (surname, given names) is one person."""
    if m.source == "rule" or m.type not in ("PERSON", "ORG") or "," not in m.text:
        return [m]
    head, _, tail = m.text.rpartition(",")
    head, tail = head.strip(), tail.strip()
    if not head or not tail or legal_form_only(tail) or orgnames.is_org_name(head):
        return [m]
    if orgnames.is_org_name(tail) and _person_like(head):
        head_start = m.start + m.text.index(head)
        tail_start = m.start + m.text.rindex(tail)
        person_type = "PERSON" if len(head.split()) > 1 or is_given_name(head) else m.type
        first = RawMention(head_start, head_start + len(head), head, person_type,
                           None if person_type == "PERSON" else m.subtype, source=m.source)
        second = RawMention(tail_start, tail_start + len(tail), tail, "ORG",
                            org_subtype(tail, "", text[max(0, tail_start - 60):tail_start]),
                            roles=set(m.roles), source=m.source)
        return [first, second]
    if m.type == "ORG" and m.text.count(",") == 1 and not orgnames.is_org_name(m.text) and \
            _person_like(head) and _person_like(tail) and len(head.split()) <= 2:
        return [RawMention(m.start, m.end, m.text, "PERSON", None, dict(m.attrs), set(m.roles),
                           m.source)]
    return [m]


_DEFINED_BEFORE = re.compile(
    r"^,?\s*\((?:[^()\"“”«»]{0,40}?)?[\"“«]\s*$|^,?\s*\($", re.IGNORECASE)
_DEFINED_AFTER = re.compile(r"^\s*[\"”»]?\s*\)")


def mark_defined_terms(mentions: list[RawMention], text: str) -> None:
    """A short name defined in parentheses right after an organisation
    ('Acme Industrial, S.A. de C.V. (hereinafter "AISA")', '... (AISA)') is that organisation:
    typed like it and marked ``attrs["alias_of"]`` for :func:`nlp.assemble.assemble`. Unquoted,
    only a name in capitals that is no known place ("Acme Ltd (Canada)" stays a place).

    >>> text = 'Paid by Acme Industrial Ltd. (hereinafter "AISA") and Bo Trading (Canada).'
    >>> ms = [_m(text, "Acme Industrial Ltd.", "ORG"), _m(text, "AISA", "LOCATION"),
    ...       _m(text, "Bo Trading", "ORG"), _m(text, "Canada", "LOCATION")]
    >>> mark_defined_terms(ms, text)
    >>> [(m.type, m.attrs.get("alias_of")) for m in ms[1::2]]
    [('ORG', 'Acme Industrial Ltd.'), ('LOCATION', None)]
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    for prev, m in zip(ordered, ordered[1:]):
        if prev.type != "ORG" or m.type not in ("PERSON", "ORG", "LOCATION") or \
                m.source == "rule" or len(m.text.split()) > 2 or m.text == prev.text:
            continue
        before = text[prev.end:m.start]
        quoted = before.rstrip()[-1:] in "\"“«"
        if _DEFINED_BEFORE.match(before) and _DEFINED_AFTER.match(text[m.end:m.end + 4]) and \
                (quoted or m.text.isupper()) and not known_place(m.text):
            m.type, m.subtype = "ORG", prev.subtype
            m.attrs["alias_of"] = prev.text


def retype_org_names(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name with a legal form or an organisation word is an ORG (never a person or a city);
    comma-fused names are cut (:func:`_split_comma`).

    >>> text = "Paid by Pearl Harbour Freight, owned by Ann Kolb, Jinhai Foods Ltd."
    >>> out = retype_org_names([_m(text, "Pearl Harbour Freight", "PERSON"),
    ...                         _m(text, "Ann Kolb, Jinhai Foods Ltd", "ORG")], text)
    >>> [(m.type, m.text) for m in out]
    [('ORG', 'Pearl Harbour Freight'), ('PERSON', 'Ann Kolb'), ('ORG', 'Jinhai Foods Ltd')]
    >>> text = "Issued in Ludhiana by Doaba Freight Links Pvt. Ltd. for Acme Industries and Bo Trading"
    >>> out = retype_org_names([_m(text, "Ludhiana by Doaba Freight Links Pvt.", "LOCATION"),
    ...                         _m(text, "Acme Industries and Bo Trading", "ORG")], text)
    >>> [(m.type, m.text) for m in out]
    [('ORG', 'Doaba Freight Links Pvt. Ltd.'), ('ORG', 'Acme Industries'), ('ORG', 'Bo Trading')]
    """
    out: list[RawMention] = []
    for m in mentions:
        for part in _split_comma(m, text):
            out.extend(_split_and(part, text))
    for m in out:
        if m.source == "ner" and m.type == "ORG":
            _cut_lead(m, text)
        if m.source == "rule" or m.type not in ("PERSON", "LOCATION"):
            continue
        if m.type == "LOCATION" and (m.subtype in ("ADDRESS", "PORT") or
                                     any(c.isdigit() for c in m.text)):
            continue
        if orgnames.is_org_name(m.text):
            _cut_lead(m, text)
            m.type = "ORG"
            m.subtype = org_subtype(m.text, "", text[max(0, m.start - 60):m.start])
            tail = _LEGAL_TAIL.match(text, m.end)
            if tail:
                m.end = tail.end()
                m.text = text[m.start:m.end]
    return out


_CONJUNCTION = re.compile(r"\s+(?:and|y|et|e)\s+")


def _split_and(m: RawMention, text: str) -> list[RawMention]:
    """"Acme Industries and Doaba Freight Links": two organisations joined by a conjunction,
    each with an organisation word, the first ending with one, the second not starting with
    one ("Import and Export Co." stays whole)."""
    if m.source == "rule" or m.type not in ("PERSON", "ORG", "LOCATION"):
        return [m]
    hit = _CONJUNCTION.search(m.text)
    if hit is None:
        return [m]
    left, right = m.text[:hit.start()], m.text[hit.end():]
    if len(left.split()) < 2 or len(right.split()) < 2 or not orgnames.is_org_name(right) or \
            not orgnames.is_org_name(left.split()[-1]) or orgnames.is_org_name(right.split()[0]):
        return [m]
    first = RawMention(m.start, m.start + len(left), left, "ORG",
                       org_subtype(left, "", ""), roles=set(m.roles), source=m.source)
    start = m.start + hit.end()
    second = RawMention(start, m.end, right, "ORG", org_subtype(right, "", ""),
                        roles=set(m.roles), source=m.source)
    return [first, second]


_FUSED_BY = {"by", "in", "at", "from", "to", "via", "par", "à", "au", "aux", "por", "desde"}


def _cut_lead(m: RawMention, text: str) -> None:
    """"Ludhiana by Acme Freight Ltd": the model ran a place and a preposition into the name;
    keep what follows the last such preposition when it still names an organisation."""
    words = list(re.finditer(r"\S+", m.text))
    lower = [w for w in words if w.group() in _FUSED_BY]
    if not lower:
        return
    rest = m.text[lower[-1].end():].strip()
    if rest and rest[:1].isupper() and orgnames.is_org_name(rest):
        start = m.start + m.text.rindex(rest)
        m.start, m.text = start, rest


def _m(text: str, part: str, type_: str) -> RawMention:
    start = text.index(part)
    return RawMention(start, start + len(part), part, type_)

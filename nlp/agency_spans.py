"""Agency names that NER glued to a person or cut in pieces, by error class.

Each function fixes one class on the mentions of one doc (offsets into its text), from the shape
of the span and general vocabularies (given names, title words, organisation head nouns, known
places), never from a list of failing strings:

* :func:`split_agency_person` - an office, its place or a title glued to the person who holds it
  ("HSI Harbourton Ana Ruiz", "Fiscal Federal del Distrito Norte de Texas Juan Soto", "Secretaria
  Auxiliar Ana Ruiz de la División de Aduanas"): the person is cut out, the place or office before
  and the organisation after kept;
* :func:`split_slashed` - two names joined by a slash ("Nickelodeon/Spin Master");
* :func:`split_nested_bodies` - a unit named with its parent body ("Unidad X de la Comisaría
  General Y");
* :func:`split_person_origin` - a person fused with where they come from ("X de McAllen");
* :func:`titles_as_organisations` - a title phrase typed as an organisation ("Fiscal Federal",
  "U.S. Attorney Sullivan");
* :func:`join_coordinated_agency` - an agency cut at an inner "and" ("Bureau of Tin" + "Zinc",
  "U.S. Fish" + "Wildlife Service", "Servicio de Peces" + "Vida Silvestre") becomes one
  organisation.

>>> from nlp.model import RawMention
>>> text = "said HSI Harbourton Ana Ruiz."
>>> [(m.type, m.text) for m in split_agency_person([RawMention(5, 28, text[5:28], "ORG")], text)]
[('ORG', 'HSI Harbourton'), ('PERSON', 'Ana Ruiz')]
"""

from __future__ import annotations

import re

from nlp.model import RawMention
from nlp.names import is_given_name
from nlp.non_names import has_head_noun, org_heads
from nlp.org_types import known_orgs, org_subtype
from nlp.places import known_place, location_subtype
from nlp.span_cleanup import is_common_word, title_words

__all__ = ["split_agency_person", "join_coordinated_agency", "clean_agency_spans"]

_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.$")
_LINKS = frozenset({"de", "del", "des", "du", "la", "le", "los", "las", "of", "the", "for", "d",
                    "l", "y", "et", "and", "&", "e", "à", "a", "en", "lo"})
_DISTRICT = re.compile(r"^(?:(?:Southern|Northern|Eastern|Western|Middle|Central)\s+District|"
                       r"Distrito\b|District\b)")


def _is_title(word: str) -> bool:

    low = word.lower().rstrip(".,")
    return low in title_words()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _person_at(words: list[str], i: int) -> int:
    """The end (exclusive) of a person's name starting with the given name ``words[i]``: initials
    and capitalised words that are no title or head noun, ending on a surname; 0 if none."""
    end = i + 1
    while end < len(words) and end - i < 4:
        word = words[end].rstrip(",")
        if _INITIAL.match(word) or (_capitalised(word) and not _is_title(word) and
                                    word.lower() not in org_heads() and
                                    word.lower() not in _LINKS):
            end += 1
            if words[end - 1].endswith(","):
                break
            continue
        break
    while end > i + 1 and _INITIAL.match(words[end - 1]):
        end -= 1
    return end if end - i >= 2 else 0


def _rare_name(words: list[str]) -> bool:
    """A given name and a surname by shape: capitalised words, no title, head noun or known
    place together, the last no common word."""

    return all(_capitalised(w) and w.isalpha() and not _is_title(w) and
               w.lower() not in org_heads() for w in words) and \
        not is_common_word(words[-1]) and not known_place(" ".join(words)) and \
        not known_place(words[0])


def _office_marker(word: str) -> bool:
    """A title, an acronym or a known place: what an office's name holds before the person
    glued to it, unlike an organisation named after a person ("Fondation Louis Vuitton")."""

    word = word.rstrip(",")
    return _is_title(word) or (word.isupper() and len(word.strip(".")) >= 2) or known_place(word)


def _glue_before(words: list[str], i: int) -> bool:
    """Whether the words before a given name end an office's name: no link word just before,
    and a title, an acronym or a known place among them (the word just before not a given name
    unless it is such a marker)."""

    prev = words[i - 1].rstrip(",")
    if prev.lower() in _LINKS:
        return False
    if is_given_name(prev) and not _office_marker(prev):
        return False
    return any(_office_marker(w) for w in words[:i]) or \
        (i >= 2 and known_place(f"{words[i - 2]} {prev}"))


def split_agency_person(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Cut a person out of an organisation or place span that runs on from an office, its place
    or a title into a given name and a surname."""

    out: list[RawMention] = []
    for m in mentions:
        tokens = list(_TOKEN.finditer(m.text)) if m.source == "ner" and \
            m.type in ("ORG", "LOCATION") and m.text not in known_orgs() else []
        words = [t.group() for t in tokens]
        cut = None
        for i in range(1, len(words) - 1):
            if _capitalised(words[i]) and is_given_name(words[i]) and _glue_before(words, i):
                end = _person_at(words, i)
                if end:
                    cut = (i, end)
                    break
            if i == len(words) - 2 and _rare_name(words[i:]) and _office_marker(words[i - 1]):
                cut = (i, len(words))  # "... de Virginia Chuck Rosenberg": an unlisted given name
        if cut is None:
            out.append(m)
            continue
        i, end = cut
        p_start = m.start + tokens[i].start()
        p_end = m.start + tokens[end - 1].end() - (1 if words[end - 1].endswith(",") else 0)
        head = [w for w in words[:i]]
        while head and _is_title(head[-1]):
            head.pop()
        if head and not _is_title(head[0]):
            h_end = m.start + tokens[len(head) - 1].end()
            surface = text[m.start:h_end]
            type_ = "LOCATION" if known_place(surface) or _DISTRICT.match(surface) else m.type
            out.append(RawMention(m.start, h_end, surface, type_,
                                  location_subtype(surface) if type_ == "LOCATION" else
                                  org_subtype(surface, "", ""), source=m.source))
        out.append(RawMention(p_start, p_end, text[p_start:p_end], "PERSON", source=m.source))
        rest = re.match(r"\s+(?:(?:de|of|del|du|des)\s+)?(?:(?:la|the|le|l['’]|los|las)\s*)?",
                        text[p_end:m.end])
        if rest and end < len(words):
            o_start = p_end + rest.end()
            surface = text[o_start:m.end]
            if surface[:1].isupper() and has_head_noun(surface):
                out.append(RawMention(o_start, m.end, surface, "ORG",
                                      org_subtype(surface, "", ""), source=m.source))
    return out


_CONJ_GAP = re.compile(r"\s+(?:and|y|et|e|&)\s+(?:(?:the|la|el|les|los|las)\s+)?")
_INNER_PREP = re.compile(r"\s(?:of|for|on|de|del|des|du|contra|contre|against)\s")


_BARE_RUN = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2}")


def join_coordinated_agency(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Join an organisation cut at an inner conjunction: "<X of A>" + "and" + "<B>" (B one to
    three capitalised words, a mention or not, no head noun, no known place or organisation),
    or "<X>" + "and" + "<Y ... Service>" (X no head noun, Y ending with one).

    >>> text = "by the Bureau of Tin and Zinc, and U.S. Fish and Wildlife Service agents"
    >>> ms = [RawMention(7, 20, "Bureau of Tin", "ORG"), RawMention(35, 44, "U.S. Fish", "ORG"),
    ...       RawMention(49, 65, "Wildlife Service", "ORG")]
    >>> [m.text for m in join_coordinated_agency(ms, text)]
    ['Bureau of Tin and Zinc', 'U.S. Fish and Wildlife Service']
    """

    ordered = sorted(mentions, key=lambda x: x.start)
    starts = {m.start: m for m in ordered}
    taken = [(m.start, m.end) for m in ordered]
    gone: set[int] = set()
    out: list[RawMention] = []
    for m in ordered:
        if id(m) in gone:
            continue
        gap = _CONJ_GAP.match(text, m.end) if m.source == "ner" and m.type == "ORG" and \
            m.text not in known_orgs() and not known_place(m.text) else None
        nxt = starts.get(gap.end()) if gap else None
        run = _BARE_RUN.match(text, gap.end()) if gap and nxt is None else None
        if run is not None and any(s < run.end() and run.start() < e for s, e in taken):
            run = None
        if nxt is not None:
            if nxt.source != "ner" or nxt.type not in ("ORG", "LOCATION", "PERSON") or \
                    nxt.text in known_orgs() or known_place(nxt.text):
                nxt = None
            end, surface, other = (nxt.end, nxt.text, nxt) if nxt else (0, "", None)
        elif run is not None:
            end, surface, other = run.end(), run.group(), None
        else:
            end, surface, other = 0, "", None
        if end:
            words = surface.split()
            tail = _INNER_PREP.search(m.text) is not None and 1 <= len(words) <= 3 and \
                all(w[:1].isupper() and not _is_title(w) for w in words) and \
                not has_head_noun(surface) and \
                not known_place(surface) and surface not in known_orgs() and \
                not (other is not None and other.type == "PERSON" and is_given_name(words[0]))
            head = (other is None or other.type == "ORG") and not has_head_noun(m.text) and \
                len(m.text.split()) <= 3 and not m.text.isupper() and len(words) <= 3 and \
                words[-1].lower() in org_heads()
            if tail or head:
                joined = text[m.start:end]
                m = RawMention(m.start, end, joined, "ORG", org_subtype(joined, "", ""),
                               dict(m.attrs), m.roles | (other.roles if other else set()),
                               m.source)
                if other is not None:
                    gone.add(id(other))
        out.append(m)
    return out


# words of the title lists that modify a title rather than name an office-holder
_TITLE_MODIFIERS = frozenset({"acting", "adjunct", "assistant", "associate", "county", "deputy",
                              "district", "executive", "federal", "field", "general", "gen.",
                              "port", "principal", "regional", "resident", "senior", "special",
                              "staff", "supervisory", "u.s.", "us", "adjoint", "adjointe",
                              "général", "générale", "c.", "chief", "chair", "major", "me", "don",
                              "m.", "titular"})


def titles_as_organisations(mentions: list[RawMention], text: str) -> list[RawMention]:
    """An "organisation" that opens with an office-holder's title is no organisation: a title
    phrase without a head noun goes ("Secretario de Justicia de los Estados Unidos", "Fiscal
    Federal"); titles then one rare word are that person's surname ("U.S. Attorney Sullivan").

    >>> text = "El Secretario de Justicia Adjunto y U.S. Attorney Vantrell hablaron."
    >>> ms = [RawMention(3, 32, text[3:32], "ORG"), RawMention(35, 58, text[35:58], "ORG")]
    >>> [(m.type, m.text) for m in titles_as_organisations(ms, text)]
    [('PERSON', 'Vantrell')]
    """

    out = []
    for m in mentions:
        words = m.text.split()
        if m.source != "ner" or m.type != "ORG" or m.text in known_orgs() or not words:
            out.append(m)
            continue
        lead = 0
        while lead < len(words) and (_is_title(words[lead]) or words[lead].isupper()):
            lead += 1
        nouns = [w for w in words[:lead] if _is_title(w) and
                 w.lower().rstrip(",") not in _TITLE_MODIFIERS]
        if lead == len(words) - 1 and nouns and _capitalised(words[-1]) and \
                words[-1].isalpha() and not is_common_word(words[-1]) and \
                words[-1].lower() not in org_heads():
            at = m.start + m.text.rindex(words[-1])
            out.append(RawMention(at, m.end, words[-1], "PERSON", source=m.source))
            continue
        if _is_title(words[0]) and words[0].lower() not in _TITLE_MODIFIERS and \
                not has_head_noun(m.text) and not any(is_given_name(w) for w in words[1:]):
            continue
        out.append(m)
    return out


_SLASH = re.compile(r"\s?/\s?")


def split_slashed(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Two names joined by a slash are two names ("Groupe CNW/Agence des services frontaliers",
    "Nickelodeon/Spin Master"); two codes stay one ("AD/CVD").

    >>> text = "by Nickelodeon/Spin Master and AD/CVD"
    >>> ms = [RawMention(3, 26, text[3:26], "ORG"), RawMention(31, 37, "AD/CVD", "ORG")]
    >>> [m.text for m in split_slashed(ms, text)]
    ['Nickelodeon', 'Spin Master', 'AD/CVD']
    """
    out = []
    for m in mentions:
        hit = _SLASH.search(m.text) if m.source == "ner" and m.type in ("ORG", "LOCATION") \
            else None
        left, right = (m.text[:hit.start()], m.text[hit.end():]) if hit else ("", "")
        if hit is None or m.text.count("/") != 1 or not left[:1].isupper() or \
                not right[:1].isupper() or len(left) < 2 or len(right) < 2 or \
                (left.isupper() and right.isupper()) or m.text in known_orgs():
            out.append(m)
            continue
        at = m.start + hit.end()
        out.append(RawMention(m.start, m.start + len(left), left, m.type, source=m.source))
        out.append(RawMention(at, m.end, right, m.type, source=m.source))
    return out


def drop_role_nouns(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop an "organisation" named by the people of a trade ("Import Specialists", "Homeland
    Security Investigators", "Officers"): its last word is an office-holder's title, singular or
    plural, and it holds no head noun."""
    def people(surface: str) -> bool:
        last = surface.split()[-1].lower() if surface.split() else ""
        forms = [last, last[:-1]] if last.endswith("s") else [last]
        return any(_is_title(f) and f not in _TITLE_MODIFIERS for f in forms)

    return [m for m in mentions if not (
        m.source == "ner" and m.type == "ORG" and m.text not in known_orgs() and
        people(m.text) and not has_head_noun(m.text))]


_COMPLEMENT = re.compile(r"[ \t]+(?:on|of|for|against|de|du|des|del|pour|contra|contre)[ \t]+"
                         r"(?:(?:the|la|le|les|el|los|las|l['’])[ \t]*)?")
_COMPLEMENT_RUN = re.compile(
    r"[A-ZÀ-Ý][\w'’-]*(?:(?:[ \t]+|,[ \t]+(?:and[ \t]+|y[ \t]+|et[ \t]+)?|[ \t]+(?:and|y|et|&)[ \t]+)"
    r"[A-ZÀ-Ý][\w'’-]*){0,7}")


def extend_over_complement(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A body's name that NER ended at its head noun takes its complement ("Subcommittee" + "on
    Oversight, Investigations, and Management", "Committee" + "on Homeland Security"): capitalised
    words after "on/of/for", absorbing the NER guesses among them, when no known place, person
    or known organisation is among them.

    >>> text = "the Subcommittee on Oversight, Investigations, and Management met"
    >>> ms = [RawMention(4, 16, "Subcommittee", "LOCATION"), RawMention(20, 29, "Oversight", "LOCATION")]
    >>> [(m.type, m.text) for m in extend_over_complement(ms, text)]
    [('ORG', 'Subcommittee on Oversight, Investigations, and Management')]
    """

    ordered = sorted(mentions, key=lambda x: x.start)
    out: list[RawMention] = []
    gone: set[int] = set()
    for m in ordered:
        if id(m) in gone:
            continue
        words = m.text.split()
        prep = _COMPLEMENT.match(text, m.end) if m.source == "ner" and \
            m.type in ("ORG", "LOCATION") and words and \
            words[-1].lower().rstrip("s") in org_heads() | {w.rstrip("s") for w in org_heads()} \
            else None
        run = _COMPLEMENT_RUN.match(text, prep.end()) if prep else None
        inside: list[RawMention] = []
        if run is not None and prep is not None:
            end = run.end()
            inside = [o for o in ordered if o is not m and o.start < end and prep.end() <= o.end]
            if any(o.end > end or o.source != "ner" or o.type == "PERSON" or
                   o.text in known_orgs() for o in inside) or \
                    any(known_place(w.strip(",")) for w in run.group().split()) or \
                    known_place(run.group()) or _COMPLEMENT.match(text, end):
                run = None
        if run is not None:
            gone.update(id(o) for o in inside)
            surface = text[m.start:run.end()]
            m = RawMention(m.start, run.end(), surface, "ORG", org_subtype(surface, "", ""),
                           dict(m.attrs), set(m.roles), m.source)
        out.append(m)
    return out


_PLACE_HEADS = frozenset({"région", "región", "region", "province", "provincia", "district",
                          "distrito", "comté", "condado"})
_NESTED = re.compile(r"\s(?:de\s+la|del|du|de\s+l['’]|des|de\s+los|de\s+las)\s*(?=[A-ZÀ-Ý])")


def split_nested_bodies(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A French or Spanish body named with the body it belongs to is two organisations: "<Unit>
    de la/del <Body>" where both parts hold a head noun and the second is two words or more
    ("Unidad de Criminalística de la Comisaría General", "División de Operaciones Especiales del
    Servicio de Peces"); a place fused with such a body ("Lyon de la Direction des Douanes")
    keeps its place.

    >>> text = "la Unidad de Fraude de la Comisaría General de Policía dijo"
    >>> ms = [RawMention(3, 54, text[3:54], "ORG")]
    >>> [(m.type, m.text) for m in split_nested_bodies(ms, text)]
    [('ORG', 'Unidad de Fraude'), ('ORG', 'Comisaría General de Policía')]
    """

    out = []
    for m in mentions:
        cut = None
        if m.source == "ner" and m.type in ("ORG", "LOCATION"):
            for hit in _NESTED.finditer(m.text):
                left, right = m.text[:hit.start()], m.text[hit.end():]
                left_ok = has_head_noun(left) if m.type == "ORG" else known_place(left)
                if left_ok and len(right.split()) >= 2 and \
                        right.split()[0].lower() in org_heads():
                    cut = (hit.start(), hit.end())
                    break
        if cut is None:
            out.append(m)
            continue
        left, right = m.text[:cut[0]], m.text[cut[1]:]
        out.append(RawMention(m.start, m.start + cut[0], left, m.type,
                              org_subtype(left, "", "") if m.type == "ORG" else
                              location_subtype(left), source=m.source))
        if right.split()[0].lower() in _PLACE_HEADS:  # "... du Région du Grand Toronto"
            out.append(RawMention(m.start + cut[1], m.end, right, "LOCATION",
                                  location_subtype(right), source=m.source))
        else:
            out.append(RawMention(m.start + cut[1], m.end, right, "ORG",
                                  org_subtype(right, "", ""), source=m.source))
    return out


_ORIGIN = re.compile(r"\s(?:de|of|from)\s")


def split_person_origin(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A person fused with the place they come from is a person and a place ("Ana Ruiz de
    Lyon", "Jorge Soto de El" + "Paso"): the place may run on past the span's end.

    >>> text = "contra Jorge Soto de El Paso, Texas"
    >>> ms = [RawMention(7, 24, text[7:24], "PERSON")]
    >>> [(m.type, m.text) for m in split_person_origin(ms, text)]
    [('PERSON', 'Jorge Soto'), ('LOCATION', 'El Paso')]
    """

    out = []
    for m in mentions:
        hit = _ORIGIN.search(m.text) if m.source == "ner" and m.type == "PERSON" else None
        place = None
        if hit is not None and len(m.text[:hit.start()].split()) >= 2:
            start = m.start + hit.end()
            run = re.match(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}", text[start:])
            words = run.group().split() if run else []
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if start + len(name) >= m.end and known_place(name):
                    place = (start, start + len(name))
                    break
        if place is None or hit is None:
            out.append(m)
            continue
        end = m.start + hit.start()
        out.append(RawMention(m.start, end, text[m.start:end], "PERSON", source=m.source))
        name = text[place[0]:place[1]]
        out.append(RawMention(place[0], place[1], name, "LOCATION", location_subtype(name),
                              source=m.source))
    return out


def clean_agency_spans(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Every class above, in order."""
    mentions = split_slashed(mentions, text)
    mentions = split_agency_person(mentions, text)
    mentions = titles_as_organisations(mentions, text)
    mentions = drop_role_nouns(mentions, text)
    mentions = extend_over_complement(mentions, text)
    mentions = split_nested_bodies(mentions, text)
    mentions = split_person_origin(mentions, text)
    return join_coordinated_agency(mentions, text)

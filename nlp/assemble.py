"""Turn the mentions and relations of one text into an :class:`~nlp.model.Extraction`.

Mentions of the same entity are grouped: a surname or a shorter form of a person's name joins
the fullest form, an acronym joins the agency it abbreviates, identifiers join by their
normalised value, amounts by amount and currency.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from nlp.components import RawMention, RawRelation
from nlp.events import RawEvent
from nlp.gazetteer import load_gazetteer
from nlp.model import Entity, Event, Extraction, Mention, Relation, normalise_name
from nlp.places import known_place

__all__ = ["assemble"]

_KEY_ATTR = {"CONTAINER": "number", "IBAN": "iban", "PHONE": "e164", "EMAIL": "email",
             "DOMAIN": "domain", "IMO": "imo", "SWIFT": "bic", "ACCOUNT": "number",
             "BILL_OF_LADING": "number", "HS_CODE": "code", "VESSEL": "name", "DATE": "iso"}
_SUBTYPE_RANK = {"COURT": 4, "AGENCY": 3, "BRAND": 2, "COMPANY": 1}


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]+", name)
             if w[0].isupper() and w.lower() not in {"of", "and", "the", "de", "la", "del", "des"}]
    return "".join(w[0] for w in words).upper()


@lru_cache(maxsize=1)
def _agency_acronyms() -> dict[str, str]:
    gaz = load_gazetteer()
    return {a.upper(): normalise_name(n) for n, acrs in gaz.agencies.items() for a in acrs}


def _key(m: RawMention) -> str:
    if m.type in _KEY_ATTR and m.attrs.get(_KEY_ATTR[m.type]):
        return str(m.attrs[_KEY_ATTR[m.type]])
    if m.type == "MONEY" and m.attrs.get("amount") is not None:
        return f"{m.attrs['amount']:.2f} {m.attrs.get('currency') or ''}".strip()
    return normalise_name(re.sub(r"(['’]s)$", "", m.text))


_AKA = re.compile(r"^\W{0,3}(?:also known as|a/k/a|aka|a\.k\.a\.?|alias|known as|dit|"
                  r"alias|apodado|conocido como)\W{0,3}(?:\w+\W+){0,1}$", re.IGNORECASE)


def _merge_aliases(groups: dict[tuple[str, str], list[RawMention]], mentions: list[RawMention],
                   text: str) -> None:
    """Join a person and the name given after "also known as", "a/k/a", "alias"."""
    persons = [m for m in mentions if m.type == "PERSON"]
    for a, b in zip(persons, persons[1:]):
        if b.start - a.end > 40 or not _AKA.match(text[a.end:b.start]):
            continue
        ka, kb = ("PERSON", _key(a)), ("PERSON", _key(b))
        if ka in groups and kb in groups and ka != kb:
            for m in groups[kb]:
                m.alias_only = True
            groups[ka].extend(groups.pop(kb))


def _merge_defined_terms(groups: dict[tuple[str, str], list[RawMention]]) -> None:
    """A name defined in parentheses after an organisation ("(hereinafter "AISA")") joins it,
    with every other mention of that name in the text, whatever type NER gave them ("de
    México (DACSA)" read as a place)."""
    for key in [k for k in groups if k[0] == "ORG"]:
        members = groups.get(key, [])
        target = next((m.attrs["alias_of"] for m in members if m.attrs.get("alias_of")), None)
        if target is None:
            continue
        owner = next((k for k, ms in groups.items() if k != key and k[0] == "ORG" and
                      any(m.text == target for m in ms)), None)
        if owner is not None:
            for other in [(t, key[1]) for t in ("PERSON", "LOCATION") if (t, key[1]) in groups]:
                for m in groups[other]:
                    m.type = "ORG"
                members.extend(groups.pop(other))
            for m in members:
                m.alias_only = True
            groups[owner].extend(groups.pop(key))


def _group(mentions: list[RawMention], text: str = "") -> dict[tuple[str, str], list[RawMention]]:
    groups: dict[tuple[str, str], list[RawMention]] = defaultdict(list)
    for m in mentions:
        groups[(m.type, _key(m))].append(m)
    # Persons: a shorter form whose tokens all occur in a longer name joins it.
    persons = sorted((k for k in groups if k[0] == "PERSON"), key=lambda k: -len(k[1]))
    for short in reversed(persons):
        tokens = short[1].split()
        for long in persons:
            if long == short or len(long[1]) <= len(short[1]) or long not in groups:
                continue
            long_tokens = long[1].split()
            if all(t in long_tokens for t in tokens) and (len(tokens) > 1 or
                                                         tokens[0] in long_tokens[1:] or
                                                         tokens[0] == long_tokens[0]):
                groups[long].extend(groups.pop(short))
                break
    _merge_aliases(groups, mentions, text)
    _merge_defined_terms(groups)
    # A lone surname the NER typed as ORG or LOCATION joins the person it names.
    surnames = {k[1].split()[-1]: k for k in groups if k[0] == "PERSON" and len(k[1].split()) > 1}
    for key in [k for k in groups if k[0] in ("ORG", "LOCATION") and " " not in k[1]]:
        person = surnames.get(key[1])
        if person and all(m.source == "ner" for m in groups[key]):
            for m in groups[key]:
                m.type = "PERSON"
            groups[person].extend(groups.pop(key))
    # Organisations: acronyms and short prefixes join the full name.
    orgs = sorted((k for k in groups if k[0] == "ORG"), key=lambda k: -len(k[1]))
    acronyms = _agency_acronyms()
    names = [k[1] for k in groups if k[0] in ("ORG", "LOCATION", "PERSON")]
    for short in reversed(orgs):
        if short not in groups:
            continue
        surface = groups[short][0].text
        for long in orgs:
            if long == short or long not in groups or len(long[1]) <= len(short[1]):
                continue
            long_surface = groups[long][0].text
            is_acronym = surface.isupper() and len(surface) >= 2 and (
                _acronym(long_surface) == surface.replace(".", "") or
                acronyms.get(surface) == long[1] or
                _acronym(long_surface).endswith(surface.replace(".", "")))
            is_prefix = len(short[1]) > 3 and (long[1].startswith(short[1] + " ") or (
                " " not in short[1] and short[1] in long[1].split()[:-1] and
                groups[short][0].source == "ner"))
            if is_prefix and sum(n.startswith(short[1] + " ") for n in names) > 1:
                break  # "Kaya" of "Kaya Tekstil" and "Kaya Kozmetik": whose is it?
            if is_acronym or is_prefix:
                groups[long].extend(groups.pop(short))
                break
    _merge_short_names_read_as_places(groups)
    return groups


def _merge_short_names_read_as_places(groups: dict[tuple[str, str], list[RawMention]]) -> None:
    """A one-word "place" that is no known place and opens the name of one organisation of the
    text is that organisation's short name ("Lodos" of "Lodos Dış Ticaret Ltd. Şti.")."""

    orgs = [k for k in groups if k[0] == "ORG"]
    for key in [k for k in groups if k[0] == "LOCATION" and " " not in k[1]]:
        members = groups[key]
        if any(m.source != "ner" for m in members) or known_place(members[0].text):
            continue
        owners = [k for k in orgs if k[1].startswith(key[1] + " ")]
        if len(owners) == 1:
            for m in members:
                m.type = "ORG"
            groups[owners[0]].extend(groups.pop(key))


def _entity(type_: str, members: list[RawMention]) -> Entity:
    members.sort(key=lambda m: m.start)
    if type_ in ("PERSON", "ORG", "LOCATION"):
        named = [m for m in members if not m.alias_only] or members
        name = max((m.text for m in named), key=lambda t: (len(t.split()), len(t)))
    else:
        name = members[0].text
    aliases = sorted({m.text for m in members if m.text != name})
    subtypes = [m.subtype for m in members if m.subtype]
    subtype = max(subtypes, key=lambda s: _SUBTYPE_RANK.get(s, 0)) if subtypes else None
    roles = sorted({r for m in members for r in m.roles})
    attrs = {}
    for m in members:
        for k, v in m.attrs.items():
            attrs.setdefault(k, v)
    key = _key(members[0]) if type_ not in ("PERSON", "ORG", "LOCATION") else name
    return Entity.make(type_, name, key=key, subtype=subtype, roles=roles, aliases=aliases,
                       mentions=[Mention(m.start, m.end, m.text) for m in members], attrs=attrs)


def _events(raw: list[RawEvent], owner: dict[int, str], text: str) -> list[Event]:
    """Event frames with mentions replaced by entity ids (a date by its ISO form)."""
    out = []
    seen: set[str] = set()
    for ev in raw:
        args: dict[str, object] = {}
        for name, value in ev.args.items():
            if isinstance(value, RawMention):
                value = value.attrs.get("iso") if value.type == "DATE" else owner.get(id(value))
            elif isinstance(value, list):
                value = [owner.get(id(v)) if isinstance(v, RawMention) else v for v in value]
                value = [v for v in dict.fromkeys(value) if v]
            if value not in (None, []):
                args[name] = value
        key = repr((ev.type, sorted(args.items(), key=lambda kv: kv[0])))
        if key in seen:
            continue
        seen.add(key)
        spans = {name: Mention(a, b, text[a:b]) for name, (a, b) in ev.spans.items()
                 if name in args}
        out.append(Event(ev.type, ev.trigger, args, Mention(ev.start, ev.end,
                                                            text[ev.start:ev.end]), spans))
    return out


def assemble(language: str, mentions: list[RawMention], relations: list[RawRelation],
             text: str, events: list[RawEvent] | None = None) -> Extraction:
    """Group mentions into entities and map relations onto entity ids."""
    entities: list[Entity] = []
    owner: dict[int, str] = {}
    for (type_, _), members in _group(mentions, text).items():
        entity = _entity(type_, members)
        entities.append(entity)
        for m in members:
            owner[id(m)] = entity.id
    entities.sort(key=lambda e: e.mentions[0].start)
    seen: set[tuple[str, str, str]] = set()
    out: list[Relation] = []
    for r in relations:
        src, dst = owner.get(id(r.source)), owner.get(id(r.target))
        if not src or not dst or src == dst or (src, dst, r.type) in seen:
            continue
        seen.add((src, dst, r.type))
        props = {k: v for k, v in r.props.items() if v is not None}
        out.append(Relation(src, dst, r.type, Mention(r.start, r.end, text[r.start:r.end]),
                            props))
    return Extraction(language=language, entities=entities, relations=out,
                      events=_events(events or [], owner, text))

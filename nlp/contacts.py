"""Who a phone, e-mail, account or address belongs to, in records laid out line by line.

Registry extracts, directory entries, bills of lading and e-mail signatures do not put a name and
its phone in one sentence: a holder line (a ``Company Name :`` field, or a line that opens with a
company or person) is followed by field lines (``Address :``, ``Tel :``) or address lines. An
identifier on such a line belongs to the nearest holder line above it in the same block.
A name field whose value the NER missed becomes a mention of its own.

>>> from nlp.components import RawMention
>>> text = "Company Name : ACME TRADING LTD\\nAddress      : 8 Hok Yuen Street\\nTel : +852 2375 1186"
>>> phone = RawMention(text.index("+852"), len(text), "+852 2375 1186", "PHONE")
>>> new, links = contact_links(text, [phone])
>>> [(m.text, m.type) for m in new], [(a.text, b.text, t) for a, b, t, _, _ in links]
([('ACME TRADING LTD', 'ORG')], [('ACME TRADING LTD', '+852 2375 1186', 'HAS_PHONE')])
"""

from __future__ import annotations

import re
from bisect import bisect_right


from fakefree.orgnames import org_types
from nlp.components import RawMention

__all__ = ["contact_links"]

_LINK = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "IBAN": "HOLDS", "ACCOUNT": "HOLDS"}
# "Label : value", or a printout's dot leaders: "Label ........ value"
_FIELD = re.compile(r"^[ \t>]*(?P<label>[A-Za-zÀ-ÿ][\w ./'()-]{0,40}?)"
                    r"(?:\s*[.]?\s*:|\s*(?:\.\s?){3,}|\s*…+)\s*(?P<value>\S.*)?$")
_NAME_LABEL = re.compile(
    r"^(?:company name|firm name|entity name|business name|registered name|name of (?:the )?"
    r"(?:company|firm|entity)|trade name|nom|raison sociale|d[ée]nomination(?: sociale)?|"
    r"raz[oó]n social|denominaci[oó]n(?: social)?|nombre(?: de la empresa)?|name|"
    # the parties of a bill of lading, an invoice or a wire
    r"shipper|consignee|notify party|exporter|importer|seller|buyer|supplier|beneficiary|"
    r"ordering customer|remitter|exp[ée]diteur|destinataire|remitente|destinatario|proveedor|"
    r"comprador|vendedor|beneficiario|ordenante|fournisseur|acheteur|vendeur|b[ée]n[ée]ficiaire|"
    r"donneur d'ordre)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(?:[-=_*]{5,}|\d+\.\s+[A-Z][A-Z0-9 ,'&()/-]+)\s*$")
_ORG_WORD = re.compile(
    r"\b(?:ltd|limited|llc|inc|corp|co|company|gmbh|s\.?a|sarl|sas|pvt|pte|plc|llp|trading|"
    r"industries|group|holdings|import|export|logistics|freight|enterprises?)\b", re.IGNORECASE)
# "C/O DOABA FREIGHT LINKS, LUDHIANA  TEL ...": a care-of party is the record's address, not its
# holder; the record's contact details stay with the name above
_CARE_OF = re.compile(r"(?:\bc/o|\bcare of|\baux (?:bons )?soins de|\ba/s(?: de)?)\b[^,;|\n]*$",
                      re.IGNORECASE)
_MAX_UP = 14
_PROSE_WORD = re.compile(r"\b[a-zà-ÿ]{4,}\b")
_PROSE_LINE = 120


def _is_party(m: RawMention) -> bool:
    return m.type == "PERSON" or (m.type == "ORG" and m.subtype == "COMPANY")


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _name_mention(text: str, start: int, end: int, value_start: int) -> RawMention | None:
    value = re.split(r"\s{2,}|\t", text[value_start:end].strip())[0]
    value = re.sub(r"\s*\([^()]*\)$", "", value).strip(" ,;")   # "(UEN 202107815N)"
    if not value or not any(ch.isalpha() for ch in value):
        return None
    begin = text.index(value, value_start)
    is_org = bool(org_types(value) or _ORG_WORD.search(value))
    return RawMention(begin, begin + len(value), value, "ORG" if is_org else "PERSON",
                      "COMPANY" if is_org else None, source="record")


def contact_links(text: str, mentions: list[RawMention]
                  ) -> tuple[list[RawMention], list[tuple[RawMention, RawMention, str, int, int]]]:
    """New name mentions, and ``(holder, identifier, type, start, end)`` links with the span of
    the lines from the holder to the identifier as evidence."""
    lines = _lines(text)
    starts = [s for s, _ in lines]
    ordered = sorted(mentions, key=lambda m: m.start)
    new: list[RawMention] = []
    holders: dict[int, RawMention] = {}
    named_lines: set[int] = set()
    heading_above = False
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        field = _FIELD.match(line)
        in_line = [m for m in ordered if start <= m.start < end and _is_party(m)]
        value_start = None
        if field and field.group("value") and _NAME_LABEL.match(field.group("label").strip()):
            value_start = start + field.start("value")
        elif heading_above and line.strip() and not field:   # "SHIPPER" then the name below
            value_start = start + len(line) - len(line.lstrip())
        if line.strip():
            heading_above = bool(_NAME_LABEL.match(line.strip(" \t>:").strip()))
        if value_start is not None:
            named = [m for m in in_line if m.start >= value_start]
            holder = named[0] if named else _name_mention(text, start, end, value_start)
            if holder is not None:
                if not named:
                    new.append(holder)
                holders[index] = holder
                named_lines.add(index)
        elif not field and in_line and len(line) <= _PROSE_LINE and \
                len(in_line[0].text.split()) >= 2 and \
                not line[:in_line[0].start - start].strip(" \t>*-•|") and \
                len(_PROSE_WORD.findall(text[in_line[0].end:end])) < 2:
            holders[index] = in_line[0]
    links = []
    for m in ordered:
        type_ = _LINK.get(m.type) or ("HAS_ADDRESS" if m.type == "LOCATION" and
                                      m.subtype == "ADDRESS" else None)
        if type_ is None:
            continue
        index = bisect_right(starts, m.start) - 1
        if index < 0 or lines[index][1] - lines[index][0] > _PROSE_LINE and index not in holders:
            continue
        line_start = lines[index][0]
        field = _FIELD.match(text[line_start:lines[index][1]])
        value_start = line_start + (field.start("value") if field and field.group("value") else 0)
        if any(_is_party(p) and value_start <= p.start < m.start and
               not _CARE_OF.search(text[line_start:p.start]) for p in ordered) and \
                index not in holders:
            continue   # a party before it on its line: the sentence rules decide
        if not field and len(_PROSE_WORD.findall(text[line_start:lines[index][1]])) >= 3:
            continue   # an identifier inside a sentence (a wrapped PDF line): sentence rules
        field_record = bool(field)
        crossed_blank = False
        for up in range(index, max(-1, index - _MAX_UP), -1):
            s, e = lines[up]
            line = text[s:e]
            if up != index and (_SEPARATOR.match(line) or len(line) > _PROSE_LINE or
                                (not line.strip() and not field_record)):
                break
            crossed_blank = crossed_blank or not line.strip()
            holder = holders.get(up)
            if crossed_blank and up not in named_lines:
                holder = None   # past a blank line only a name field holds the record
            if holder is not None and holder.start < m.start and holder is not m:
                links.append((holder, m, type_, s, lines[index][1]))
                break
    return new, links

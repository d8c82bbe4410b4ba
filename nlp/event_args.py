"""Argument fillers of event frames: who plays which trade role, the counted goods of a sentence,
the payer and payee of an amount. Pure functions over a text and its typed mentions.

>>> from nlp.event_cues import event_cues
>>> [(g.quantity, g.goods) for g in counted_goods("se hallaron 14.600 pares de tenis con la marca X",
...                                               0, 48, [], event_cues("es"))]
[(14600.0, 'pares de tenis')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache


from fakefree.orgnames import org_types
from nlp.components import RawMention
from nlp.event_cues import EventCues
from nlp.money import _parse_digits

__all__ = ["Goods", "counted_goods", "is_party", "is_bank", "trade_roles", "place_slot",
           "cue_before", "nearest", "payment_parties"]

_COUNT = re.compile(r"(?<![\w.,/#-])(\d{1,3}(?:(?:[,.\u00a0\u202f]| (?=\d{3}(?!\d)))\d{3})+|\d+)"
                    r"(?![\w.,/-]?\d)\s+(?=[^\W\d_])")
_GOODS_STOP = re.compile(
    r"(?i)^(?:with|con|avec|in|en|dans|at|à|for|para|pour|which|that|que|qui|and|et|y|or|ou|o|"
    r"from|de la marque|valued|worth|estimated|sans|sin|without|were|was|fueron|ont|ont été|"
    r"had|have|se|on|le|el)$")
_GOODS_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,]*|\S")
_BANK = re.compile(r"(?i)\b(bank|banque|banco|caisse|credit union|crédit|savings|bancorp|"
                   r"banorte|bbva|hsbc|santander|citibank|barclays|desjardins)\b")
_PLACE_PAREN = re.compile(r"[A-ZÀ-Ý][\w.'’-]*(?: (?:[A-ZÀ-Ý][\w.'’-]*|de|del|of))*\s*\(\s*$")
_LEGAL_WORD = re.compile(r"\b(?:Pte|Pvt|Ltd|LLC|Inc|Corp|GmbH|S\.?A\.?|S\.?L\.?|SARL|SAS|Co)\b\.?$")
_PASSIVE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|fue|fueron|sido|se|a été|ont été|"
                      r"été|est|sont)\s+(?:\w+\s+)?$")


@dataclass(frozen=True)
class Goods:
    """A counted item of a sentence: "14,600 pairs of shoes" -> 14600.0, "pairs of shoes"."""

    start: int
    end: int
    text: str
    quantity: float
    goods: str


def is_party(m: RawMention) -> bool:
    """A person or a company (not an agency, brand or court), or a "place" whose name carries
    a company's legal form (the NER reads some firm names as towns).

    >>> is_party(RawMention(0, 19, "Brasserie Dupuis SA", "LOCATION", "CITY"))
    True
    """
    if m.type == "LOCATION" and m.subtype == "CITY":
        return _has_legal_form(m.text)
    return m.type == "PERSON" or (m.type == "ORG" and m.subtype in (None, "COMPANY"))


@lru_cache(maxsize=4096)
def _has_legal_form(name: str) -> bool:
    return bool(org_types(name) or _LEGAL_WORD.search(name))


def is_bank(m: RawMention) -> bool:
    """A company whose name says it is a bank."""
    return m.type == "ORG" and bool(_BANK.search(m.text))


def cue_before(text: str, m: RawMention, floor: int, width: int = 70) -> str:
    """The text just before ``m``, from ``floor`` (the previous party's end) at most ``width``
    characters back, with a place in parentheses skipped ("de México (DACSA)")."""
    before = text[max(floor, m.start - width):m.start]
    return _PLACE_PAREN.sub("", before)


def nearest(items: list[RawMention], pos: int) -> RawMention | None:
    """The mention closest to character ``pos``."""
    return min(items, key=lambda m: min(abs(m.start - pos), abs(m.end - pos)), default=None)


def trade_roles(text: str, mentions: list[RawMention], cues: EventCues,
                lo: int) -> dict[str, RawMention]:
    """Shipper, consignee, broker and forwarder of one sentence, by the cue before each party."""
    found: dict[str, RawMention] = {}
    floor = lo
    for m in mentions:
        if is_party(m) and not is_bank(m):
            role = cues.role_before(cue_before(text, m, floor, 110))
            if role and role not in found:
                found[role] = m
        if m.type in ("PERSON", "ORG"):
            floor = m.end
    return found


def place_slot(text: str, m: RawMention, cues: EventCues, floor: int) -> str | None:
    """``loading`` or ``discharge`` for a place by the cue before it, else ``None``."""
    before = cue_before(text, m, floor, 50)
    if cues.places["loading"].search(before):
        return "loading"
    if cues.places["discharge"].search(before):
        return "discharge"
    return None


def counted_goods(text: str, lo: int, hi: int, mentions: list[RawMention],
                  cues: EventCues) -> list[Goods]:
    """Counted goods of ``text[lo:hi]``: a number (14,600 / 14 600 / 14.600) then a noun phrase,
    not inside an amount, date or identifier, not a count of years, feet or persons."""
    out = []
    taken = [(m.start, m.end) for m in mentions if m.source == "rule"]
    brand_starts = sorted(m.start for m in mentions if m.subtype == "BRAND")
    for hit in _COUNT.finditer(text, lo, hi):
        s, e = hit.start(1), hit.end(1)
        if any(s < te and ts < e for ts, te in taken):
            continue
        words: list[str] = []
        pos = hit.end()
        for w in _GOODS_WORD.finditer(text, pos, min(hi, pos + 80)):
            token = w.group()
            if not token[0].isalnum() or any(w.start() >= b for b in brand_starts
                                             if b >= hit.end()):
                break
            if cues.counterfeit.fullmatch(token) or (words and _GOODS_STOP.match(token)):
                break
            words.append(token)
            pos = w.end()
            if len(words) == 6:
                break
        while words and (_GOODS_STOP.match(words[-1]) or cues.not_goods.fullmatch(words[-1])):
            words.pop()
        if not words or cues.not_goods.fullmatch(words[0]) or not words[0][0].islower():
            continue
        goods = " ".join(words)
        end = text.find(words[-1], hit.end()) + len(words[-1])
        out.append(Goods(s, end, text[s:end], _parse_digits(hit.group(1), False), goods))
    return out


_HOLDER = re.compile(r"(?:held|owned|opened)\s+by\s*$|d[ée]tenue?s?\s+par\s*$|"
                     r"(?:au|a)\s+nom\s+d[eu]\s*$|a\s+nombre\s+de\s*$|titular(?:idad)?\s*(?:de)?\s*$|"
                     r"\bheld\s+in\s+the\s+name\s+of\s*$", re.IGNORECASE)


def payment_parties(text: str, sent: tuple[int, int], mentions: list[RawMention],
                    trigger: re.Match[str], receive: bool, money: RawMention,
                    next_money: int, cues: EventCues) -> tuple[RawMention | None,
                                                               RawMention | None]:
    """Payer and payee of ``money`` whose governing trigger is ``trigger``.

    The subject (the nearest party before the trigger that no cue makes an object) pays, or
    receives after a receive verb or a passive; "to / a favor de / au profit de" marks the payee,
    "from / by / de parte de / par" the payer.
    """
    parties = [m for m in mentions if is_party(m) and not is_bank(m)]
    cued: dict[int, str] = {}
    floor = sent[0]
    for m in mentions:
        if m in parties:
            cue = cue_before(text, m, floor, 40)
            if _HOLDER.search(cue):
                cued[id(m)] = "holder"  # "account ... held by X": X holds an account, it is no payer
            elif cues.roles["payee"].search(cue):
                cued[id(m)] = "payee"
            elif cues.roles["payer"].search(cue):
                cued[id(m)] = "payer"
        if m.type in ("PERSON", "ORG"):
            floor = m.end
    t0, t1 = trigger.start() + sent[0], trigger.end() + sent[0]
    before = [p for p in parties if p.end <= t0]
    subject = next((p for p in reversed(before) if id(p) not in cued), None)
    after = [p for p in parties if p.start >= t1]
    payee = next((p for p in after if money.end <= p.start < next_money and
                  cued.get(id(p)) == "payee"), None) or \
        next((p for p in reversed(after) if p.end <= money.start and
              cued.get(id(p)) == "payee"), None) or \
        next((p for p in after if p.end <= money.start and id(p) not in cued), None)
    payer = next((p for p in after if cued.get(id(p)) == "payer" and p.start < next_money), None)
    passive = bool(_PASSIVE.search(text[max(sent[0], t0 - 25):t0]))
    if receive:
        return payer, subject
    if passive and payer is not None:
        return payer, payee or subject
    return subject or payer, payee

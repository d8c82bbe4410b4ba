"""Events from prose: seizures, shipments and payments as frames over the typed mentions.

The ``fakefree_events`` component runs after ``fakefree_relations``. A trigger word (from
``nlp/data/event_cues.yaml``, en/fr/es) opens a frame in its sentence; frames of the same seizure
or shipment told over several sentences ("examined container X ..." then "... the goods were
seized on ...") are joined when their containers, bills of lading and vessels agree; arguments are
filled from the trigger sentences first, then from the sentences between them and their
neighbours in the same paragraph, nearest first. A payment is one frame per amount, with payer and
payee by voice and cue words. Results go to ``doc._.ff_events`` as :class:`RawEvent` records.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import RawMention, RawRelation, doc_sentences, doc_text
from nlp.event_args import counted_goods, is_bank, is_party, nearest, payment_parties, place_slot, \
    trade_roles
from nlp.cues import FROM_ACCOUNT, TO_ACCOUNT
from nlp.event_cues import EventCues, event_cues

__all__ = ["RawEvent", "EventComponent"]

Doc.set_extension("ff_events", default=None, force=True)

_LISTS = {"CONTAINER": "containers", "BILL_OF_LADING": "bills_of_lading"}
_SINGLE = {"VESSEL": "vessel", "IMO": "imo"}
_PARAGRAPH = re.compile(r"\n[ \t]*\n")




@dataclass
class RawEvent:
    """One event frame: mention arguments, plain values and the sentence each came from."""

    type: str
    start: int
    end: int
    trigger: str
    args: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def shift(self, offset: int) -> None:
        """Move the spans by ``offset`` (a chunk's place in its text); mentions move apart."""
        self.start += offset
        self.end += offset
        self.spans = {k: (a + offset, b + offset) for k, (a, b) in self.spans.items()}

    def put(self, name: str, value: Any, span: tuple[int, int]) -> None:
        """Set ``name`` unless it is set; list arguments collect distinct values."""
        if value is None or value == [] or value == "":
            return
        if name in self.args and not isinstance(self.args[name], list):
            return
        if isinstance(value, list):
            have = self.args.setdefault(name, [])
            keys = {_key(v) for v in have}
            have.extend(v for v in value if _key(v) not in keys)
        else:
            self.args[name] = value
        self.spans.setdefault(name, span)


def _key(value: Any) -> Any:
    if isinstance(value, RawMention):
        return (value.type, value.text.casefold())
    return value


@dataclass
class _Seed:
    type: str
    sentence: int
    trigger: str
    strong: bool
    idents: set[str]
    rank: int = 0
    """0 a verb in the body, 1 a noun, 2 a weak word; 3 more in a heading line."""
    pos: int = 0


@Language.factory("fakefree_events", default_config={"language": "en", "max_gap": 15,
                                                      "neighbours": 2})
def make_events(nlp: Language, name: str, language: str, max_gap: int,
                neighbours: int) -> "EventComponent":
    """Seizure, shipment and payment frames from trigger words and the mentions around them."""
    return EventComponent(language, max_gap, neighbours)


class EventComponent:
    """Build event frames over ``doc._.ff_mentions`` into ``doc._.ff_events``."""

    def __init__(self, language: str, max_gap: int = 15, neighbours: int = 2) -> None:
        self.cues: EventCues = event_cues(language)
        self.max_gap = max_gap
        self.neighbours = neighbours

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = sorted(doc._.ff_mentions or [], key=lambda m: m.start)
        sents = _joined([(s.start_char, s.end_char) for s in doc_sentences(doc)], text) \
            if doc.has_annotation("SENT_START") else [(0, len(text))]
        starts = [m.start for m in mentions]
        in_sent = [mentions[bisect_left(starts, a):bisect_left(starts, b)] for a, b in sents]
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
        paras = [bisect_right(breaks, a) for a, _ in sents]
        ctx = _Context(text, sents, in_sent, paras)
        events = self._trade(ctx)
        payments = self._payments(ctx)
        doc._.ff_relations = list(doc._.ff_relations or []) + _same_identifier_links(ctx)
        covered = [(p.args["money"].start, p.args["money"].end) for p in payments]
        doc._.ff_relations = [r for r in doc._.ff_relations or []
                              if not _covered(r, covered)]
        doc._.ff_events = sorted(events + payments, key=lambda e: e.start)
        return doc

    # Seizures and shipments -------------------------------------------------------------
    def _trade(self, ctx: "_Context") -> list[RawEvent]:
        seeds: list[_Seed] = []
        for i, (a, b) in enumerate(ctx.sents):
            chunk = ctx.text[a:b]
            for kind in ("SEIZURE", "SHIPMENT"):
                found = [(rank, h) for rank, level in enumerate(("strong", "noun", "weak"))
                         for h in self.cues.trigger(kind, level).finditer(chunk)]
                if not found:
                    continue
                found = [(r + 3 * _heading(chunk, h.start()), h) for r, h in found]
                rank, hit = min(found, key=lambda x: (x[0], x[1].start()))
                idents = {m.text.upper() for m in ctx.in_sent[i] if m.type in
                          ("CONTAINER", "BILL_OF_LADING", "VESSEL")}
                seeds.append(_Seed(kind, i, hit.group(), rank % 3 < 2, idents, rank,
                                   a + hit.start()))
        groups: list[list[_Seed]] = []
        for seed in seeds:
            group = next((g for g in reversed(groups) if self._joins(g, seed)), None)
            if group is None:
                groups.append([seed])
            else:
                group.append(seed)
        seizures = [g for g in groups if g[0].type == "SEIZURE"]
        shipments = [g for g in groups if g[0].type == "SHIPMENT"]
        for g in list(shipments):
            target = next((s for s in seizures if self._absorbs(s, g)), None)
            if target is not None:
                target.extend(g)
                shipments.remove(g)
        out = [self._frame(ctx, g, "SEIZURE") for g in seizures]
        out += [self._frame(ctx, g, "SHIPMENT") for g in shipments]
        kept = [e for e in out if self._keep(e)]
        for e in kept:
            del e.args["strong"]
        if len(kept) == 1:
            self._document_parties(ctx, kept[0])
        return kept

    def _document_parties(self, ctx: "_Context", event: RawEvent) -> None:
        """A report of one seizure or shipment often names its shipper, consignee or the goods'
        maker in a paragraph of their own ("Shipper of record: X", "the labels identify the
        manufacturer as Y"): a role the frame lacks is taken from the whole document."""
        for j, (a, b) in enumerate(ctx.sents):
            for role, m in trade_roles(ctx.text, ctx.in_sent[j], self.cues, a).items():
                if role in ("shipper", "consignee", "manufacturer") and role not in event.args:
                    event.put(role, m, (a, b))

    def _joins(self, group: list[_Seed], seed: _Seed) -> bool:
        if group[0].type != seed.type or seed.sentence - group[-1].sentence > self.max_gap:
            return False
        have = set().union(*(s.idents for s in group))
        return not (have and seed.idents and not have & seed.idents)

    def _absorbs(self, seizure: list[_Seed], shipment: list[_Seed]) -> bool:
        have = set().union(*(s.idents for s in seizure))
        other = set().union(*(s.idents for s in shipment))
        if have and other:
            return bool(have & other)
        lo = min(s.sentence for s in seizure) - self.max_gap
        hi = max(s.sentence for s in seizure) + self.max_gap
        return all(lo <= s.sentence <= hi for s in shipment)

    def _frame(self, ctx: "_Context", group: list[_Seed], kind: str) -> RawEvent:
        own = [s for s in group if s.type == kind] or group
        main = min(own, key=lambda s: (s.rank, s.sentence))
        a, b = ctx.sents[main.sentence]
        event = RawEvent(kind, a, b, main.trigger)
        event.args["strong"] = any(s.strong for s in own)
        for seed in sorted(own, key=lambda s: (s.rank, s.sentence)):
            dates = [m for m in ctx.in_sent[seed.sentence] if m.type == "DATE"]
            if dates:
                event.put("date", nearest(dates, seed.pos), ctx.sents[seed.sentence])
                break
        triggers = {s.sentence for s in group}
        first, last = min(triggers), max(triggers)
        region = set(range(first, last + 1))
        for i in range(1, self.neighbours + 1):
            for j in (first - i, last + i):
                if 0 <= j < len(ctx.sents) and ctx.paras[j] in (ctx.paras[first], ctx.paras[last]):
                    region.add(j)
        for j in sorted(region, key=lambda j: (abs(j - main.sentence), j)):
            trigger = next((s for s in group if s.sentence == j), None)
            self._fill(ctx, event, j, trigger)
        goods = event.args.pop("_items", [])
        if goods:
            event.args["quantity"] = sum(g.quantity for g in goods)
            event.args["goods"] = [g.text for g in goods]
            event.spans["quantity"] = event.spans["goods"] = event.spans.pop("_items")
        return event

    def _fill(self, ctx: "_Context", event: RawEvent, j: int, seed: _Seed | None) -> None:
        text, (a, b), ms = ctx.text, ctx.sents[j], ctx.in_sent[j]
        span = (a, b)
        chunk = text[a:b]
        pos = seed.pos if seed else a
        counterfeit = any(not _NEGATED.search(chunk[:h.start()])
                          for h in self.cues.counterfeit.finditer(chunk))
        seizure = event.type == "SEIZURE"
        for m in ms:
            if m.type in _LISTS:
                event.put(_LISTS[m.type], [m], span)
            elif m.type in _SINGLE:
                event.put(_SINGLE[m.type], m, span)
            elif m.type == "ORG" and m.subtype == "BRAND" and (seed or counterfeit):
                event.put("brands", [m], span)
        if seizure:
            agencies = [m for m in ms if m.type == "ORG" and m.subtype == "AGENCY"]
            event.put("agency", nearest(agencies, pos) if seed else
                      (agencies[0] if agencies else None), span)
        if seed is not None and seed.rank < 3:
            event.put("date", nearest([m for m in ms if m.type == "DATE"], pos), span)
        values = [m for m in ms if m.type == "MONEY" and self._is_value(text, m, span)]
        event.put("value", values[0] if values else None, span)
        floor = a
        for m in ms:
            if m.type == "LOCATION" and m.subtype in ("PORT", "CITY", "COUNTRY"):
                slot = place_slot(text, m, self.cues, floor)
                if slot == "loading":
                    event.put("origin" if m.subtype == "COUNTRY" else "port_of_loading", m,
                              span)
                elif slot == "discharge" and m.subtype == "PORT":
                    event.put("port_of_discharge", m, span)
                elif m.subtype == "PORT" and seizure and seed:
                    event.put("place", m, span)
            if m.type in ("PERSON", "ORG", "LOCATION"):
                floor = m.end
        for role, m in trade_roles(text, ms, self.cues, a).items():
            event.put(role, m, span)
        if seed or counterfeit:
            event.put("_items", counted_goods(text, a, b, ms, self.cues), span)

    def _is_value(self, text: str, m: RawMention, sent: tuple[int, int]) -> bool:
        around = text[max(sent[0], m.start - 60):m.start] + " " + \
            text[m.end:min(sent[1], m.end + 30)]
        return bool(self.cues.value.search(around))

    @staticmethod
    def _keep(event: RawEvent) -> bool:
        args = event.args
        objects = any(args.get(k) for k in ("containers", "bills_of_lading", "vessel"))
        if event.type == "SEIZURE":
            return bool(args.get("strong")) or (objects and bool(args.get("brands") or
                                                                 args.get("goods")))
        return objects or ("shipper" in args and "consignee" in args)

    # Payments ---------------------------------------------------------------------------
    def _payments(self, ctx: "_Context") -> list[RawEvent]:
        out = []
        pay, receive = self.cues.trigger("PAYMENT", "strong"), self.cues.trigger("PAYMENT",
                                                                                "receive")
        weak = self.cues.trigger("PAYMENT", "weak")
        for i, (a, b) in enumerate(ctx.sents):
            ms = ctx.in_sent[i]
            amounts = [m for m in ms if m.type == "MONEY" and m.attrs.get("amount")]
            if not amounts:
                continue
            chunk = ctx.text[a:b]
            hits = sorted([(h, False) for h in pay.finditer(chunk)] +
                          [(h, True) for h in receive.finditer(chunk)] +
                          [(h, False) for h in weak.finditer(chunk)], key=lambda x: x[0].start())
            if not hits:
                continue
            noun = self.cues.trigger("PAYMENT", "noun")
            for k, money in enumerate(amounts):
                if self._is_value(ctx.text, money, (a, b)) or len(amounts) > 2 and \
                        self.cues.total.search(ctx.text[max(a, money.start - 25):money.start] +
                                               " " + ctx.text[money.end:money.end + 12]):
                    continue
                before = [h for h in hits if h[0].end() + a <= money.start]
                verbs = [h for h in before if not noun.fullmatch(h[0].group())]
                hit, is_receive = (verbs or before)[-1] if before else hits[0]
                if not before and hit.start() + a - money.end > 80:
                    continue
                next_money = amounts[k + 1].start if k + 1 < len(amounts) else b
                payer, payee = payment_parties(ctx.text, (a, b), ms, hit, is_receive, money,
                                               next_money, self.cues)
                earlier = None
                if _THIS_ACCOUNT.search(ctx.text[a:a + hit.start()]):
                    earlier = _account_antecedent(ctx, i)
                    if earlier is not None and is_receive and (payee is None or payee is payer):
                        payee = earlier[1]
                    elif earlier is not None and not is_receive and payer is None:
                        payer = earlier[1]
                event = self._payment(ctx, (a, b), ms, hit.group(), money, payer, payee,
                                      next_money)
                if event is not None:
                    if earlier is not None and earlier[1] in (payer, payee):
                        side, other = ("payee_account", "payer_account") if earlier[1] is payee \
                            else ("payer_account", "payee_account")
                        taken = event.args.pop(side, None)  # the sentence's account is the other's
                        if taken is not None and other not in event.args:
                            event.put(other, taken, event.spans.pop(side, (a, b)))
                        event.spans.pop(side, None)
                        event.put(side, earlier[0], ctx.sents[earlier[2]])
                    out.append(event)
        return out

    def _payment(self, ctx: "_Context", span: tuple[int, int], ms: list[RawMention],
                 trigger: str, money: RawMention, payer: RawMention | None,
                 payee: RawMention | None, next_money: int) -> RawEvent | None:
        accounts = [m for m in ms if m.type in ("IBAN", "ACCOUNT")
                    and span[0] <= m.start < span[1]]  # the amount's own sentence
        payer_account = payee_account = None
        for acc in accounts:  # "from account A to account B" says which is which
            if not span[0] <= acc.start < min(span[1], next_money):
                continue  # another sentence's or another amount's account
            before = ctx.text[max(0, acc.start - 30):acc.start]
            if TO_ACCOUNT.search(before) and payee_account is None:
                payee_account = acc
            elif FROM_ACCOUNT.search(before) and payer_account is None:
                payer_account = acc
        for acc in accounts:
            if acc is payer_account or acc is payee_account:
                continue
            if payee is not None and acc.start > payee.end and payee_account is None:
                payee_account = acc
            elif payer is not None and acc.start > payer.end and payer_account is None and \
                    (payee is None or acc.end < payee.start):
                payer_account = acc
            elif payee is None and acc.start > money.end and payee_account is None:
                payee_account = acc
        payer, payee = self._holders(ctx.text, ms, payer, payee, payer_account, payee_account)
        if payer is None and payer_account is None or payee is None and payee_account is None:
            return None
        if payer is not None and payee is not None and payer.text == payee.text:
            return None
        event = RawEvent("PAYMENT", span[0], span[1], trigger)
        dates = [m for m in ms if m.type == "DATE"]
        after = [d for d in dates if money.end <= d.start < next_money]
        date: RawMention | None = after[0] if after else nearest(dates, money.start)
        banks = [m for m in ms if is_bank(m)]
        found: list[tuple[str, RawMention | None]] = [
            ("payer", payer), ("payee", payee), ("money", money), ("date", date),
            ("payer_account", payer_account), ("payee_account", payee_account)]
        for name, value in found:
            event.put(name, value, span)
        for role, account in (("payer_bank", payer_account), ("payee_bank", payee_account)):
            if account is not None:
                bank = nearest([m for m in banks if abs(m.start - account.end) < 60],
                               account.end)
                event.put(role, bank, span)
        event.put("amount", money.attrs.get("amount"), span)
        event.put("currency", money.attrs.get("currency"), span)
        return event

    def _holders(self, text: str, ms: list[RawMention], payer: RawMention | None,
                 payee: RawMention | None, payer_account: RawMention | None,
                 payee_account: RawMention | None) -> tuple[RawMention | None, RawMention | None]:
        """Payer and payee corrected by the holders the sentence gives the two accounts
        ("from account A of X to account B, whose holder is Y": X pays Y), which say more than
        the order of the parties around the verb."""
        parties = [m for m in ms if is_party(m) and not is_bank(m)]

        def holder(account: RawMention | None) -> RawMention | None:
            after = next((p for p in parties if account is not None and p.start >= account.end),
                         None)
            if account is None or after is None or after.start - account.end > 40:
                return None
            return after if self.cues.holder.fullmatch(text[account.end:after.start]) else None

        paying, paid = holder(payer_account), holder(payee_account)
        if paid is not None:
            payee = paid
            if payer is not None and payer.text == paid.text:
                payer = None
        if paying is not None and (paid is None or paying.text != paid.text):
            payer = paying
        return payer, payee


def _joined(sents: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sentences with the fragments a sentencizer cuts after an abbreviation ("Co., Ltd.",
    "Sr.") joined back to the sentence they belong to.

    >>> t = "It was sent by Acme Co., Ltd. to Bravo Inc. on May 2."
    >>> _joined([(0, 29), (30, 53)], t)
    [(0, 53)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sents:
        raw = text[a:b]
        piece = raw.strip()
        gap = text[out[-1][1]:a] + raw[:len(raw) - len(raw.lstrip())] if out else ""
        if out and piece and not _new_line(text[out[-1][0]:out[-1][1]], gap, piece) and (
                piece[0].islower() or piece[0] in ",;)" or len(piece) < 12 or
                _ABBREVIATION.search(text[out[-1][0]:out[-1][1]].rstrip())):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _new_line(before: str, gap: str, piece: str) -> bool:
    r"""Whether ``piece`` opens a statement of its own after the sentence ``before`` and the
    whitespace ``gap``: after a blank line, or on a new line that starts with a capital after a
    line ending in a full stop, even an abbreviation's ("... Eagle Ltd.\nEagle Ltd. sent ...").

    >>> _new_line("paid Acme Ltd.", "\n", "Acme Ltd. sent it"), _new_line("paid", " ", "Acme Ltd.")
    (True, False)
    """
    if "\n\n" in gap:
        return True
    return "\n" in gap and before.rstrip().endswith(".") and piece[0].isupper()


_ABBREVIATION = re.compile(r"\b(?:Ltd|Co|Inc|Corp|Pte|Pvt|Ltda|S\.A|C\.V|S\.L|Sr|Sra|Dr|Mr|Mrs|Ms|"
                           r"Mme|No|St|Jr|Lic|Ing|U\.S)\.$")
_NEGATED = re.compile(r"(?i)(?:\bnon-|\bun|\bsin |\bsans |\bno |\bnot )$")


def _heading(chunk: str, at: int) -> bool:
    """Whether position ``at`` of a sentence lies on a title line (no end punctuation, or
    upper case), as the headers of reports and releases are."""
    start = chunk.rfind("\n", 0, at) + 1
    end = chunk.find("\n", at)
    line = chunk[start:end if end >= 0 else len(chunk)].strip()
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) > 0.6 * len(letters) if letters else False
    return upper or (end >= 0 and not line.endswith((".", ":", ";", "!", "?", ",")))


_THIS_ACCOUNT = re.compile(
    r"(?i)\b(?:this|that|the said|said|the same|ce|cet|ledit|ce même|este|esta|dicha|dicho|"
    r"la misma|el mismo)\s+(?:bank\s+)?(?:account|compte|cuenta)\b")


_SAME_IDENT = re.compile(
    r"(?i)\b(?:the same|this|that|said|le même|la même|ce même|ce|cette|el mismo|la misma|"
    r"dicho|dicha|este|esta)\s+(?:(?:mobile|cell(?:ular)?|tele)?phone(?:\s+number)?|mobile|"
    r"(?:contact\s+)?number|numéro(?:\s+de\s+téléphone)?|téléphone|portable|"
    r"(?:número|numero)(?:\s+(?:de\s+)?(?:teléfono|celular|móvil))?|teléfono|celular|"
    r"e-?mail(?:\s+address)?|adresse\s+(?:électronique|courriel)|courriel|correo)\b")
_SAME_KIND = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL"}


def _same_identifier_links(ctx: "_Context") -> list[RawRelation]:
    """"The same mobile number is given as the contact of X": X has the phone of the sentence
    before (same paragraph), which this sentence does not repeat."""
    out = []
    for i, (a, b) in enumerate(ctx.sents):
        hit = _SAME_IDENT.search(ctx.text, a, b)
        if hit is None or i == 0 or ctx.paras[i - 1] != ctx.paras[i]:
            continue
        word = hit.group().lower()
        kind = "EMAIL" if "mail" in word or "courriel" in word or "correo" in word else "PHONE"
        if any(m.type == kind for m in ctx.in_sent[i]):
            continue
        before = [m for m in ctx.in_sent[i - 1] if m.type == kind]
        parties = [m for m in ctx.in_sent[i] if is_party(m) and not is_bank(m)
                   and m.start > hit.end()]
        if before and parties:
            out.append(RawRelation(parties[0], before[-1], _SAME_KIND[kind], a, b))
    return out


def _account_antecedent(ctx: "_Context", i: int) -> tuple[RawMention, RawMention, int] | None:
    """The account "this account" refers to: the last account of the one or two sentences
    before (same paragraph), with the party that holds it there ("X holds account A")."""
    for j in (i - 1, i - 2):
        if j < 0 or ctx.paras[j] != ctx.paras[i]:
            return None
        ms = ctx.in_sent[j]
        accounts = [m for m in ms if m.type in ("IBAN", "ACCOUNT")]
        if accounts:
            account = accounts[-1]
            holders = [m for m in ms if is_party(m) and not is_bank(m) and m.end <= account.start]
            return (account, holders[-1], j) if holders else None
    return None


@dataclass
class _Context:
    text: str
    sents: list[tuple[int, int]]
    in_sent: list[list[RawMention]]
    paras: list[int]


def _covered(r: RawRelation, spans: list[tuple[int, int]]) -> bool:
    """A sentence-level payment relation that a payment frame of its sentence replaces."""
    return r.type in ("PAID", "TRANSFERRED") and any(r.start <= s and e <= r.end for s, e in spans)

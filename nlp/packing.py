"""Send a doc's extraction records between processes (``nlp.pipe(..., n_process=2)``).

spaCy returns a worker's docs as ``doc.to_bytes()``, which msgpacks ``doc.user_data`` and so
every ``doc._`` value; our records (mentions, the relations and events that point at them)
cannot be msgpacked. A doc marked with :data:`PACK_KEY` when it is made gets its records
pickled into one ``bytes`` value by the last component, ``fakefree_pack``, which keeps the
relations' and events' links to the very mention objects; :func:`doc_records` reads either form.
Unmarked docs (one process) are left as they are.
"""

from __future__ import annotations

import pickle
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from nlp.model import RawMention, RawRelation

__all__ = ["PACK_KEY", "Records", "doc_records", "mark_for_packing"]

PACK_KEY, _PACKED_KEY = "ff_pack", "ff_packed"
_EXTENSIONS = ("ff_rules", "ff_mentions", "ff_relations", "ff_events")


class Records(NamedTuple):
    """The records of one doc, as the components left them."""

    mentions: list[RawMention]
    relations: list[RawRelation]
    events: list  # list[nlp.events.RawEvent]


def mark_for_packing(doc: Doc) -> Doc:
    """Ask ``fakefree_pack`` to pickle ``doc``'s records (before a process boundary)."""
    doc.user_data[PACK_KEY] = True
    return doc


@Language.component("fakefree_pack")
def pack_records(doc: Doc) -> Doc:
    """Pickle the records of a doc marked by :func:`mark_for_packing` into its user data.

    >>> from spacy.lang.en import English
    >>> doc = mark_for_packing(English()("Kevin Xu paid."))
    >>> doc._.ff_mentions = [RawMention(0, 8, "Kevin Xu", "PERSON")]
    >>> doc = pack_records(doc)
    >>> doc._.ff_mentions is None, doc_records(doc).mentions[0].text
    (True, 'Kevin Xu')
    """
    if doc.user_data.get(PACK_KEY):
        records = Records(doc._.ff_mentions or [], doc._.ff_relations or [],
                          doc._.ff_events or [])
        for name in _EXTENSIONS:
            if Doc.has_extension(name):
                setattr(doc._, name, None)
        doc.user_data[_PACKED_KEY] = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
    return doc


def doc_records(doc: Doc) -> Records:
    """The mentions, relations and events of a doc that went through the pipeline."""
    packed = doc.user_data.get(_PACKED_KEY)
    if packed is not None:
        return pickle.loads(packed)
    return Records(doc._.ff_mentions or [], doc._.ff_relations or [], doc._.ff_events or [])

"""Tables that no record mapping explains, loaded as generic records.

Each row is one record: its cells, one per line, go through the NLP pipeline (identifier rules
and NER), and whatever is found in a row has that row as its evidence (``start`` = ``end`` =
the row number, as for mapped rows). A CSV whose rows are shorter than its header is damaged,
not merely unknown, and is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from fakefree.errors import InputError

__all__ = ["generic_records"]

log = logging.getLogger(__name__)


def _cells(record: dict[str, Any]) -> str:
    return "\n".join(" ".join(str(v).split()) for v in record.values() if v not in (None, ""))


def generic_records(records: Sequence[dict[str, Any]], file_name: str,
                    extract: Callable[[str], dict[str, Any]], *, reason: str = "",
                    row_texts: Sequence[str] | None = None,
                    row_numbers: Sequence[int] | None = None,
                    short_rows: int = 0) -> dict[str, Any]:
    """The extraction of a table read row by row with ``extract`` (text -> extraction dict).

    Raises :class:`InputError` when the table is damaged (``short_rows`` rows shorter than its
    header) rather than only unknown.
    """
    if short_rows:
        raise InputError(f"{file_name} has {short_rows} row(s) shorter than its header and "
                         f"matches no record mapping ({reason.rstrip('.')}), so it looks "
                         "truncated or damaged.")
    log.warning("%s loaded as generic records: %s", file_name, reason)
    texts = [_cells(r) for r in records]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 2
    found = extract("\n\n".join(texts)) if any(texts) else {"entities": [], "relations": []}

    def span(start: int) -> dict[str, Any]:
        index = max(0, next((i for i, s in enumerate(starts) if s > start), len(starts)) - 1)
        number = row_numbers[index] if row_numbers else index + 2
        text = row_texts[index] if row_texts else texts[index]
        return {"start": number, "end": number, "text": text}

    entities = []
    for entity in found.get("entities", []):
        rows = {}
        for mention in entity.get("mentions", []):
            where = span(mention["start"])
            rows[where["start"]] = where
        entities.append({**entity, "mentions": list(rows.values())})
    relations = [{**rel, "evidence": span(rel["evidence"]["start"])}
                 for rel in found.get("relations", []) if rel.get("evidence")]
    return {"mapping": "generic", "warning": reason, "language": found.get("language"),
            "entities": entities, "relations": relations}

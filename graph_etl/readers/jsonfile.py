"""JSON files: fakefree extraction JSON, or FollowTheMoney entities (JSON lines or an array)."""

from __future__ import annotations

import json
import logging
from typing import Any

from graph_etl.readers.base import Context, ReadResult, Source
from graph_etl.readers.encoding import decode_text

__all__ = ["ftm_row_text", "is_ftm_entity", "read_json"]

log = logging.getLogger(__name__)


def is_ftm_entity(value: Any) -> bool:
    """True for an object shaped like a FollowTheMoney entity."""
    return (isinstance(value, dict) and isinstance(value.get("schema"), str)
            and isinstance(value.get("properties"), dict))


def ftm_row_text(entity: dict[str, Any]) -> str:
    """A one-line rendering of a FollowTheMoney entity.

    >>> ftm_row_text({"id": "p1", "schema": "Person",
    ...               "properties": {"name": ["José Ángel García"], "nationality": ["mx"]}})
    'Person José Ángel García (nationality: mx)'
    """
    props = entity["properties"]
    names = [str(v) for v in props.get("name", [])] if isinstance(props.get("name"), list) else []
    head = f"{entity['schema']} {'; '.join(names) or entity.get('id', '')}".strip()
    rest = []
    for key, values in props.items():
        if key == "name":
            continue
        values = values if isinstance(values, list) else [values]
        rendered = ", ".join(" ".join(str(v).split()) for v in values if v not in (None, ""))
        if rendered:
            rest.append(f"{key}: {rendered}")
    return f"{head} ({'; '.join(rest)})" if rest else head


def _is_extraction(value: Any) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("entities"), list)
            and isinstance(value.get("relations", []), list)
            and all(isinstance(e, dict) and "type" in e for e in value["entities"]))


def _parse(text: str, source: Source) -> list[Any]:
    """The JSON values in ``text``: one document, or one per line (JSON lines)."""
    try:
        return [json.loads(text)]
    except json.JSONDecodeError as whole_error:
        values = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError as exc:
                if number == 1:
                    raise source.refuse("corrupt", f"is not valid JSON ({whole_error.msg} at "
                                                   f"line {whole_error.lineno}).") from exc
                raise source.refuse("corrupt", f"has invalid JSON on line {number}.") from exc
        return values


def read_json(source: Source, ctx: Context) -> list[ReadResult]:
    """Read extraction JSON as ``kind='extraction'`` or FtM entities as ``kind='ftm'``."""
    text, _encoding = decode_text(source.read_bytes(), source)
    if not text.strip():
        raise source.refuse("no_text", "holds only blank space, no JSON.")
    values = _parse(text, source)
    if len(values) == 1 and _is_extraction(values[0]):
        data = values[0]
        meta = {"entities": len(data["entities"]), "relations": len(data.get("relations", []))}
        return [source.result(reader="json", media_type="application/json", kind="extraction",
                              data=data, meta=meta)]
    if len(values) == 1 and isinstance(values[0], list):
        values = values[0]
    if values and all(is_ftm_entity(v) for v in values):
        columns = ["id", "schema", "properties"]
        meta = {"entities": len(values)}
        return [source.result(reader="json", media_type="application/json", kind="ftm",
                              records=values, columns=columns,
                              row_texts=[ftm_row_text(v) for v in values],
                              row_numbers=list(range(1, len(values) + 1)), meta=meta)]
    raise source.refuse("unsupported", "is JSON but neither fakefree extraction JSON nor "
                                       "FollowTheMoney entities.")

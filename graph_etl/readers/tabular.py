"""Tables: CSV (any delimiter and encoding) and Excel workbooks (.xlsx), one record per row.

The header is the first row of labels as wide as the table: title rows and notes above it are
kept as ``meta["preamble"]`` (a statement's account holder is often named there). Column names are stripped; blank ones become
``column_<n>`` and repeated ones get a ``_<n>`` suffix. Empty cells are ``None``.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from lxml.etree import XMLSyntaxError
from openpyxl.utils.exceptions import InvalidFileException

from graph_etl.readers.base import Context, ReadResult, Source
from graph_etl.readers.encoding import decode_text, normalise_text
from graph_etl.readers.ziputil import check_members, check_xml_parts, open_zip

__all__ = ["column_names", "read_csv", "read_xlsx", "row_text"]

log = logging.getLogger(__name__)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 65536
_NUMERIC = re.compile(r"[-+(]?[$€£¥]?\s?[\d.,/ :'-]*\d[\d.,/ :'-]*\)?%?|\d{4}-\d\d-\d\d(T[\d:.]+)?")

csv.field_size_limit(1 << 30)  # one cell may legitimately hold a long narrative


def column_names(header: Sequence[Any]) -> list[str]:
    """Clean, unique column names from a header row.

    >>> column_names([" Container ", "", "port", "Port", None])
    ['Container', 'column_2', 'port', 'Port_2', 'column_5']
    """
    names: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(header, start=1):
        name = " ".join(str(raw).split()) if raw is not None else ""
        name = name or f"column_{index}"
        unique, n = name, 2
        while unique.lower() in seen:
            unique = f"{name}_{n}"
            n += 1
        seen.add(unique.lower())
        names.append(unique)
    return names


def row_text(record: dict[str, Any]) -> str:
    """A one-line rendering of a record, quoted as evidence.

    >>> row_text({"container": "MSCU1234565", "port": "Veracruz", "note": None})
    'container: MSCU1234565; port: Veracruz'
    """
    return "; ".join(f"{key}: {_one_line(value)}"
                     for key, value in record.items() if value is not None and value != "")


def _one_line(value: Any) -> str:
    text = str(value)
    if "\n" in text or "\t" in text or "  " in text:
        return " ".join(text.split())
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return normalise_text(value).strip() or None
    if value is None:
        return None
    if isinstance(value, datetime) and value.time() == time(0) and value.tzinfo is None:
        return value.date().isoformat()  # Excel stores plain dates as midnight
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


def _csv_cell(value: str) -> str | None:
    return value.strip() or None  # the whole text was normalised already


_HEAD_ROWS = 30  # how far down a header may sit under titles and notes


def _is_label(value: Any) -> bool:
    """A cell that can name a column: text that is not a number or a date."""
    if not isinstance(value, str):
        return False
    return not _NUMERIC.fullmatch(value.strip())


def _header_at(head: list[list[Any]]) -> int:
    """The index in ``head`` of the header row: the first row of labels as wide as the table
    (title rows and notes above it hold one or two cells)."""
    widths = [sum(1 for c in row if c is not None) for row in head]
    wide = max(widths, default=0)
    for index, row in enumerate(head):
        filled = [c for c in row if c is not None]
        if len(filled) >= max(2, wide // 2) and all(_is_label(c) for c in filled):
            return index
    return next((i for i, w in enumerate(widths) if w), 0)


def _table(rows: Iterable[Sequence[Any]], cell: Callable[[Any], Any] = _cell
           ) -> tuple[list[str], list[dict[str, Any]], list[int], dict[str, Any]]:
    """Columns, records, their row numbers (1-based, header row included) and what the table
    showed about itself (``preamble``: the lines above its header; ``short_rows``: data rows
    with fewer cells than the header) from raw rows."""
    columns: list[str] | None = None
    records: list[dict[str, Any]] = []
    numbers: list[int] = []
    grew = False
    short = 0
    head: list[tuple[int, list[Any], int]] = []
    preamble: list[str] = []
    iterator = iter(enumerate(rows, start=1))
    for number, raw in iterator:
        cells = [cell(v) for v in raw]
        head.append((number, cells, len(raw)))
        if len(head) >= _HEAD_ROWS:
            break
    at = _header_at([c for _, c, _ in head])
    preamble = [" ".join(str(c) for c in cells if c is not None)
                for _, cells, _ in head[:at] if any(c is not None for c in cells)]
    pending = ((n, c, w) for n, c, w in head[at:])
    more = ((n, [cell(v) for v in raw], len(raw)) for n, raw in iterator)
    for number, cells, width in (*pending, *more):
        while cells and cells[-1] is None:  # formatted but empty cells past the table
            cells.pop()
        if columns is None:
            if cells:
                columns = column_names(cells)
            continue
        if not cells:
            continue
        short += width < len(columns)
        if len(cells) > len(columns):
            columns = columns + column_names([None] * len(cells))[len(columns):]
            grew = True
        record = dict.fromkeys(columns)
        record.update(zip(columns, cells, strict=False))
        records.append(record)
        numbers.append(number)
    if grew:  # rows read before the table grew get the extra columns too
        for record in records:
            for column in columns or []:
                record.setdefault(column, None)
    found: dict[str, Any] = {"preamble": preamble} if preamble else {}
    if short:
        found["short_rows"] = short
    return columns or [], records, numbers, found


def _delimiter(sample: str, default: str) -> str:
    """The delimiter of a CSV sample: the sniffer's, else the one that splits most lines into
    the same number of cells (title lines above the table do not count)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [line for line in sample.splitlines()[:200] if line.strip()]
    best, best_score = default, 0
    for delimiter in _DELIMITERS:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if counts:
            width, times = counts.most_common(1)[0]
            if times > best_score:
                best, best_score = delimiter, times
    return best


def _records(source: Source, reader: str, media_type: str, columns: list[str],
             records: list[dict[str, Any]], numbers: list[int], meta: dict[str, Any]
             ) -> ReadResult:
    return source.result(reader=reader, media_type=media_type, kind="records",
                         records=records, columns=columns,
                         row_texts=[row_text(r) for r in records], row_numbers=numbers,
                         meta=meta)


def read_csv(source: Source, ctx: Context) -> list[ReadResult]:
    """Read a delimited text file; ``meta`` records the encoding and delimiter found."""
    text, encoding = decode_text(source.read_bytes(), source)
    text = normalise_text(text)
    if not text.strip():
        raise source.refuse("no_text", "holds only blank space, no table.")
    delimiter = _delimiter(text[:_SNIFF_BYTES], "\t" if source.extension == "tsv" else ",")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                            doublequote=True, skipinitialspace=False, strict=False)
        columns, records, numbers, found = _table(reader, _csv_cell)
    except csv.Error as exc:
        raise source.refuse("corrupt", f"is a CSV file that cannot be parsed ({exc}).") from exc
    meta = {"encoding": encoding, "delimiter": delimiter, "rows": len(records), **found}
    media_type = "text/tab-separated-values" if delimiter == "\t" else "text/csv"
    return [_records(source, "csv", media_type, columns, records, numbers, meta)]


def read_xlsx(source: Source, ctx: Context) -> list[ReadResult]:
    """Read every non-empty sheet of a workbook as its own result (``path#sheet/<name>``)."""
    with open_zip(source, "Excel workbook") as zf:
        check_members(zf, source, ctx.max_bytes)
        check_xml_parts(zf, source)
    results = []
    try:
        with source.open() as fh:
            workbook = openpyxl.load_workbook(fh, read_only=True, data_only=True)
            try:
                props = workbook.properties
                base_meta: dict[str, Any] = {
                    k: v for k, v in (("title", props.title), ("author", props.creator),
                                      ("created", props.created and props.created.isoformat()))
                    if v}
                for sheet in workbook.worksheets:
                    columns, records, numbers, found = _table(sheet.iter_rows(values_only=True))
                    if not columns:
                        continue
                    found.pop("short_rows", None)  # a sheet's rows end at their last value
                    meta = {**base_meta, "sheet": sheet.title, "rows": len(records), **found}
                    result = _records(source, "xlsx", XLSX_TYPE, columns, records, numbers, meta)
                    result.path = f"{source.path}#sheet/{sheet.title}"
                    results.append(result)
            finally:
                workbook.close()
    except (InvalidFileException, KeyError, ValueError, TypeError, zipfile.BadZipFile,
            zlib.error, XMLSyntaxError, ParseError, OSError, IndexError, AttributeError) as exc:
        log.debug("%s: openpyxl failure", source.label, exc_info=True)
        raise source.refuse("corrupt", "is a damaged Excel workbook that cannot be "
                                       "parsed.") from exc
    if not results:
        raise source.refuse("no_text", "is an Excel workbook with no data in any sheet.")
    return results

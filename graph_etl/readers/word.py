"""Word documents (.docx): paragraphs and tables in document order, through python-docx.

The zip container and its XML parts are checked (see :mod:`graph_etl.readers.ziputil`)
before python-docx parses anything.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from graph_etl.readers.base import Context, ReadResult, Source
from graph_etl.readers.encoding import normalise_text
from graph_etl.readers.ziputil import check_members, check_xml_parts, open_zip

__all__ = ["read_docx", "table_lines"]

log = logging.getLogger(__name__)

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def table_lines(table: Table) -> list[str]:
    """One line per table row, cells separated by a tab; merged cells appear once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _blocks(container: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in document order, including those inside content controls.

    python-docx's ``iter_inner_content`` skips ``w:sdt`` blocks, where form-based report
    templates keep most of their text.
    """
    for child in container.iterchildren():
        if child.tag == _P:
            yield Paragraph(child, parent)
        elif child.tag == _TBL:
            yield Table(child, parent)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, parent)


def _meta(document: Any) -> tuple[dict[str, Any], str | None]:
    props = document.core_properties
    meta: dict[str, Any] = {}
    for name in ("title", "author", "subject"):
        value = getattr(props, name, None)
        if value:
            meta[name] = value
    for name in ("created", "modified"):
        value = getattr(props, name, None)
        if value is not None:
            meta[name] = value.isoformat()
    return meta, (props.language or None)


def read_docx(source: Source, ctx: Context) -> list[ReadResult]:
    """Read body paragraphs and tables; blocks are separated by a blank line."""
    with open_zip(source, "Word document") as zf:
        check_members(zf, source, ctx.max_bytes)
        check_xml_parts(zf, source)
    try:
        with source.open() as fh:
            document = docx.Document(fh)
            blocks: list[str] = []
            for block in _blocks(document.element.body, document._body):
                if isinstance(block, Paragraph):
                    if block.text.strip():
                        blocks.append(block.text)
                elif isinstance(block, Table):
                    lines = table_lines(block)
                    if lines:
                        blocks.append("\n".join(lines))
            meta, language = _meta(document)
    except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, OSError, AttributeError) as exc:
        log.debug("%s: python-docx failure", source.label, exc_info=True)
        raise source.refuse("corrupt", "is a damaged Word document that cannot be parsed.") from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and docx.opc errors
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise source.refuse("corrupt", "is a damaged Word document that cannot be "
                                           "parsed.") from exc
        raise
    text = normalise_text("\n\n".join(blocks))
    if not text.strip():
        raise source.refuse("no_text", "is a Word document with no text.")
    return [source.result(reader="docx", media_type=DOCX_TYPE, text=text,
                          language_hint=language, meta=meta)]

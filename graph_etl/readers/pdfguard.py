"""Refuse PDF decompression bombs before pdfminer inflates them.

pdfminer inflates Flate streams with no size limit, so a small PDF whose content stream
expands to gigabytes would exhaust memory. Before a page is read, the streams that text
extraction will inflate (page contents, form XObjects, fonts' ToUnicode maps) are inflated
here in 1 MiB steps, discarding the output, against a budget shared by the whole document.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT

__all__ = ["PdfBudget"]

_STEP = 1 << 20
_FORM = LIT("Form")


def _streams(page: PDFPage) -> Iterator[PDFStream]:
    """The streams a text extraction of ``page`` inflates (form XObjects one level deep)."""
    for stream in page.contents:
        stream = resolve1(stream)
        if isinstance(stream, PDFStream):
            yield stream
    resources = resolve1(page.resources) or {}
    if not isinstance(resources, dict):
        return
    xobjects = resolve1(resources.get("XObject")) or {}
    for xobject in (xobjects.values() if isinstance(xobjects, dict) else []):
        xobject = resolve1(xobject)
        if isinstance(xobject, PDFStream) and resolve1(xobject.get("Subtype")) is _FORM:
            yield xobject
    fonts = resolve1(resources.get("Font")) or {}
    for font in (fonts.values() if isinstance(fonts, dict) else []):
        font = resolve1(font)
        if isinstance(font, dict):
            cmap = resolve1(font.get("ToUnicode"))
            if isinstance(cmap, PDFStream):
                yield cmap


def _inflated_size(stream: PDFStream, limit: int) -> int:
    """How many bytes ``stream`` inflates to, counting no further than just past ``limit``."""
    if stream.data is not None:
        return len(stream.data)
    data: Any = stream.rawdata
    if data is None:
        return 0
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return len(data)
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    inflater = zlib.decompressobj()
    size = 0
    try:
        while data and size <= limit:
            size += len(inflater.decompress(data, _STEP))
            data = inflater.unconsumed_tail
    except zlib.error:
        pass  # a damaged stream: pdfminer recovers what it can on its own
    return size


class PdfBudget:
    """The bytes a document's streams may inflate to, all pages together."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._seen: set[int] = set()

    def within(self, page: PDFPage) -> bool:
        """Account for ``page``'s streams; False once the document inflates past the limit."""
        for stream in _streams(page):
            if id(stream) in self._seen:
                continue
            self._seen.add(id(stream))
            self.used += _inflated_size(stream, self.limit - self.used)
            if self.used > self.limit:
                return False
        return True

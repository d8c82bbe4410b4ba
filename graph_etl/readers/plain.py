"""Plain text files (.txt, .log, .md and text of unknown extension) in any encoding."""

from __future__ import annotations

import logging

from graph_etl.readers.base import Context, ReadResult, Source
from graph_etl.readers.encoding import decode_text, normalise_text

__all__ = ["read_txt"]

log = logging.getLogger(__name__)


def read_txt(source: Source, ctx: Context) -> list[ReadResult]:
    """Read a text file whole; the encoding found is kept in ``meta['encoding']``."""
    text, encoding = decode_text(source.read_bytes(), source)
    text = normalise_text(text)
    if not text.strip():
        raise source.refuse("no_text", "holds only blank space, no text.")
    log.debug("%s: %d characters of %s text", source.label, len(text), encoding)
    return [source.result(reader="txt", media_type="text/plain", text=text,
                          meta={"encoding": encoding})]

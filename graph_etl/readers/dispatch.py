"""Route a file to its reader after checking its size, and recurse into containers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from fakefree.errors import InputError
from graph_etl.readers.archive import read_zip
from graph_etl.readers.base import Budget, Context, ReadResult, Source, Unreadable, human_size
from graph_etl.readers.jsonfile import read_json
from graph_etl.readers.mail import read_eml
from graph_etl.readers.pdf import read_pdf
from graph_etl.readers.plain import read_txt
from graph_etl.readers.sniff import sniff
from graph_etl.readers.tabular import read_csv, read_xlsx
from graph_etl.readers.web import read_html
from graph_etl.readers.word import read_docx

__all__ = ["READERS", "read", "read_source"]

log = logging.getLogger(__name__)

Reader = Callable[[Source, Context], list[ReadResult]]

#: Reader functions by the name :func:`~graph_etl.readers.sniff.sniff` returns.
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "pdf": read_pdf,
    "docx": read_docx,
    "html": read_html,
    "eml": read_eml,
    "csv": read_csv,
    "xlsx": read_xlsx,
    "json": read_json,
    "zip": read_zip,
}


def read_source(source: Source, ctx: Context) -> list[ReadResult]:
    """Read one item (a file, a zip member, an attachment) with the limits of ``ctx``."""
    if source.size == 0:
        raise source.refuse("empty", "is empty (0 bytes).")
    if source.size > ctx.max_bytes:
        raise source.refuse("too_large", f"is {human_size(source.size)}, over the "
                                         f"{human_size(ctx.max_bytes)} limit for one file.")
    kind = sniff(source)
    log.debug("%s: read as %s", source.label, kind)
    try:
        return READERS[kind](source, ctx)
    except RecursionError as exc:  # hostile nesting in JSON, HTML, MIME or PDF objects
        raise source.refuse("corrupt", "is nested too deeply to be parsed.") from exc


def read(path: Path | str, *, max_bytes: int,
         on_skip: Callable[[Unreadable], None] | None = None) -> list[ReadResult]:
    """Read a case file into one :class:`ReadResult` per logical document.

    The size is checked from the file system before any byte is read, and nothing larger than
    ``max_bytes`` is ever held in memory: containers share one budget of ``max_bytes``
    expanded bytes and nest at most three deep.

    An item inside an archive or an e-mail that cannot be read is left out, logged, and passed
    to ``on_skip`` (an :class:`~graph_etl.readers.Unreadable` whose ``path`` names the item), so
    the caller can quarantine it; an e-mail also lists them in ``meta['skipped']``.

    Raises :class:`~graph_etl.readers.Unreadable` (one sentence, with a ``reason``) for a file
    fakefree refuses, and :class:`~fakefree.errors.InputError` for a path that is not a file.
    """
    path = Path(path)
    try:
        is_file = path.is_file()
    except OSError as exc:
        raise InputError(f"{path} cannot be opened ({exc.strerror}).") from exc
    if not is_file:
        if path.exists():
            raise InputError(f"{path} is not a regular file.")
        raise InputError(f"{path} does not exist.")
    source = Source(path=str(path), label=path.name, filename=path.name, file=path)
    ctx = Context(max_bytes=max_bytes, budget=Budget(max_bytes), on_skip=on_skip)
    return read_source(source, ctx)

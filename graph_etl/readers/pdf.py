"""PDF files: the text layer through pdfplumber, OCR through pytesseract when it is installed."""

from __future__ import annotations

import importlib.util
import logging
import re
from datetime import UTC, datetime
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from graph_etl.readers.base import Context, ReadResult, Source, human_size
from graph_etl.readers.encoding import normalise_text
from graph_etl.readers.pdfguard import PdfBudget

__all__ = ["read_pdf", "parse_pdf_date"]

log = logging.getLogger(__name__)

_PAGE_BREAK = "\n\n"
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                       r"(Z|[+-]\d{2}'?\d{2}'?)?")


def parse_pdf_date(value: Any) -> str | None:
    """ISO 8601 from a PDF date string, or None.

    >>> parse_pdf_date("D:20240131123000Z")
    '2024-01-31T12:30:00+00:00'
    >>> parse_pdf_date("D:20240131") , parse_pdf_date("yesterday")
    ('2024-01-31T00:00:00', None)
    """
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    defaults = (0, 1, 1, 0, 0, 0)
    parts = [int(p) if p else d for p, d in zip(match.groups()[:6], defaults, strict=True)]
    try:
        when = datetime(*parts)  # type: ignore[misc]
    except ValueError:
        return None
    if match.group(7) == "Z":
        when = when.replace(tzinfo=UTC)
    return when.isoformat()


def _meta(pdf: pdfplumber.PDF) -> dict[str, Any]:
    info = pdf.metadata or {}
    meta: dict[str, Any] = {"pages": len(pdf.pages)}
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("latin-1", "replace")
        if isinstance(value, str) and value.strip():
            meta[name] = value.strip()
    for key, name in (("CreationDate", "created"), ("ModDate", "modified")):
        when = parse_pdf_date(info.get(key))
        if when:
            meta[name] = when
    return meta


def _language(pdf: pdfplumber.PDF) -> str | None:
    try:
        lang = pdf.doc.catalog.get("Lang")
        lang = lang.resolve() if hasattr(lang, "resolve") else lang
    except Exception:  # noqa: BLE001 - a broken catalog entry only loses the hint
        return None
    if isinstance(lang, bytes):
        lang = lang.decode("latin-1", "replace")
    return lang.strip() or None if isinstance(lang, str) else None


def ocr_available() -> bool:
    """True when pytesseract is importable (the tesseract program must also be installed)."""
    return importlib.util.find_spec("pytesseract") is not None


def _ocr(pdf: pdfplumber.PDF, source: Source) -> list[str]:
    import pytesseract  # optional dependency

    pages = []
    try:
        for page in pdf.pages:
            image = page.to_image(resolution=300).original
            pages.append(pytesseract.image_to_string(image))
            page.close()
    except pytesseract.TesseractNotFoundError as exc:
        raise source.refuse("no_text", "is a scanned PDF with no text layer and the tesseract "
                                       "program that OCR needs is not installed.") from exc
    return pages


def read_pdf(source: Source, ctx: Context) -> list[ReadResult]:
    """Read the text layer of every page; pages are joined by a blank line.

    ``meta['page_offsets']`` gives where each page starts in ``text``.
    """
    try:
        with source.open() as fh, pdfplumber.open(fh) as pdf:
            pages = []
            budget = PdfBudget(ctx.max_bytes)
            for page in pdf.pages:
                if not budget.within(page.page_obj):
                    raise source.refuse("bomb", f"has streams that inflate past the "
                                                f"{human_size(ctx.max_bytes)} limit, which looks "
                                                f"like a decompression bomb.")
                pages.append(page.extract_text() or "")
                page.close()
            meta = _meta(pdf)
            language = _language(pdf)
            if not any(p.strip() for p in pages):
                if not ocr_available():
                    raise source.refuse("no_text", "is a scanned PDF with no text layer and no "
                                                   "OCR is installed.")
                pages = _ocr(pdf, source)
                meta["ocr"] = True
                if not any(p.strip() for p in pages):
                    raise source.refuse("no_text", "is a PDF in which neither the text layer "
                                                   "nor OCR found any text.")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise source.refuse("encrypted", "is a password-protected PDF.") from exc
        raise source.refuse("corrupt", "is a damaged PDF that cannot be parsed.") from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise source.refuse("encrypted", "is a password-protected PDF.") from exc
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError,
            RecursionError, AssertionError) as exc:
        # pdfminer signals some malformed structures only through generic exceptions.
        log.debug("%s: pdf parse failure", source.label, exc_info=True)
        raise source.refuse("corrupt", "is a damaged PDF that cannot be parsed.") from exc
    pages = [normalise_text(p) for p in pages]
    offsets, pos = [], 0
    for text in pages:
        offsets.append(pos)
        pos += len(text) + len(_PAGE_BREAK)
    meta["page_offsets"] = offsets
    return [source.result(reader="pdf", media_type="application/pdf", text=_PAGE_BREAK.join(pages),
                          language_hint=language, meta=meta)]

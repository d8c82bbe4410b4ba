"""Decide which reader an item needs from its first bytes, then its extension.

Content wins over the name: a PDF saved as ``.txt`` is read as a PDF. Among text formats,
which look alike in their bytes, the extension decides, then a look at the first lines.
"""

from __future__ import annotations

import re
import zipfile

from graph_etl.readers.base import Source
from graph_etl.readers.encoding import looks_binary, utf16_without_bom

__all__ = ["sniff"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
)
_BINARIES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_TEXT_EXTENSIONS = {
    "txt": "txt", "text": "txt", "md": "txt", "log": "txt", "": "txt",
    "html": "html", "htm": "html", "xhtml": "html",
    "eml": "eml",
    "csv": "csv", "tsv": "csv",
    "json": "json", "jsonl": "json", "ndjson": "json",
}
_MAIL_HEADER = re.compile(
    rb"^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|"
    rb"x-[a-z0-9-]+):[ \t]", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype html|html|head|body)",
                         re.IGNORECASE | re.DOTALL)


def _zip_kind(source: Source) -> str:
    """'docx', 'xlsx' or 'zip' for a zip container, from the parts it holds."""
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # the reader the name asks for reports the damage in its own words
        return {"docx": "docx", "xlsx": "xlsx", "xlsm": "xlsx"}.get(source.extension, "zip")
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return "zip"


def sniff(source: Source) -> str:
    """The name of the reader for ``source``: pdf, docx, xlsx, zip, eml, html, csv, json, txt.

    Raises :class:`~graph_etl.readers.Unreadable` (``unsupported`` or ``encrypted``) for
    formats fakefree does not read.
    """
    head = source.head()
    ext = source.extension
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(source)
    if head.startswith(_OLE2):
        if ext in {"docx", "xlsx", "xlsm"} or _OOXML_ENCRYPTED in source.read_bytes():
            raise source.refuse("encrypted", "is a password-protected Office file.")
        raise source.refuse("unsupported", "is a legacy Office file (doc, xls or msg); "
                                           "save it as docx or xlsx to load it.")
    for magic, what in _IMAGES + _BINARIES:
        if head.startswith(magic) and not (magic == b"BM" and ext in _TEXT_EXTENSIONS):
            raise source.refuse("unsupported", f"is {what}, which fakefree cannot read text from.")
    if ext in {"pdf", "docx", "xlsx", "xlsm", "zip"}:
        raise source.refuse("corrupt", f"is named .{ext} but its content is not a {ext.upper()} "
                                       f"file.")
    if ext in _TEXT_EXTENSIONS and ext != "":
        return _TEXT_EXTENSIONS[ext]
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    if _MAIL_HEADER.match(stripped) and b"\n" in stripped:
        return "eml"
    text_like = head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head)
    if looks_binary(head) and not text_like:
        if ext:
            raise source.refuse("unsupported", f"is a binary .{ext} file of a kind fakefree "
                                               f"cannot read.")
        raise source.refuse("unsupported", "is a binary file of a kind fakefree cannot read.")
    if stripped[:1] in (b"{", b"[") and ext == "":
        return "json"
    return "txt"

"""Read case files of every common format into text or records, or refuse them plainly.

``read(path, max_bytes=...)`` returns one :class:`ReadResult` per logical document: an e-mail
gives the message and then each attachment, a zip each member, a workbook each sheet, all
read recursively. Formats: txt (any encoding), pdf (text layer; OCR when pytesseract is
installed), docx, html, eml, csv/tsv, xlsx, json (fakefree extraction JSON or
FollowTheMoney entities) and zip.

A file fakefree will not read raises :class:`Unreadable`, whose message is one sentence
naming the file and whose ``reason`` is one of :data:`REASONS`:

>>> sorted(REASONS)  # doctest: +NORMALIZE_WHITESPACE
['bomb', 'corrupt', 'empty', 'encoding', 'encrypted', 'no_text', 'too_large', 'unsafe',
 'unsupported']
"""

from graph_etl.readers.base import REASONS, ReadResult, Unreadable, sha256_file
from graph_etl.readers.dispatch import read

__all__ = ["REASONS", "ReadResult", "Unreadable", "read", "sha256_file"]

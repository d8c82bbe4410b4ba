"""Byte-reproducible writers: TXT, EML, PDF (fpdf2 + DejaVuSans), DOCX, XLSX and CSV.

Creation dates, producer strings and zip timestamps are fixed, so the same document gives the
same bytes on every run.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import re
import zipfile
from email.message import EmailMessage
from functools import cache
from pathlib import Path

__all__ = ["render", "table_text", "normalize_zip", "FIXED_TIME"]

FIXED_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


_UNICODES = (set(range(0x20, 0x250)) | set(range(0x300, 0x370)) | set(range(0x1E00, 0x1F00))
             | set(range(0x2000, 0x2070)) | set(range(0x20A0, 0x20D0)) | {0x2122, 0xFFFD})


@cache
def font_path() -> str:
    """DejaVuSans from matplotlib, subset once per process to Latin, Vietnamese and punctuation
    (five times faster PDFs; the subset is deterministic)."""
    import tempfile

    import matplotlib
    from fontTools import subset
    from fontTools.ttLib import TTFont

    full = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    options = subset.Options()
    options.layout_features, options.name_IDs, options.notdef_outline = ["*"], ["*"], True
    options.drop_tables += ["FFTM"]
    font = TTFont(full, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_UNICODES)
    subsetter.subset(font)
    target = Path(tempfile.mkdtemp(prefix="fakefree-font-")) / "DejaVuSans-Latin.ttf"
    font.save(target)
    return str(target)


def normalize_zip(data: bytes, when: dt.datetime = FIXED_TIME) -> bytes:
    """Rewrite a zip (DOCX/XLSX) with fixed entry timestamps and fixed core-property dates."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              lambda m: m.group(1) + stamp.encode() + m.group(3), blob)
            entry = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


def pdf_bytes(text: str, title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(title)
    pdf.set_producer("fakefree seed generator")
    pdf.set_creator("fakefree")
    pdf.add_font("DejaVu", fname=font_path())
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for line in text.split("\n"):
        if line:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5)
    return bytes(pdf.output())


def docx_bytes(text: str, title: str) -> bytes:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.revision = title, "fakefree", 1
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue())


def eml_bytes(body: str, headers: dict, message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = email.utils.formataddr(headers["from"])
    msg["To"] = email.utils.formataddr(headers["to"])
    day = dt.datetime.fromisoformat(headers["date"]).replace(hour=9, tzinfo=dt.timezone.utc)
    msg["Date"] = email.utils.format_datetime(day)
    msg["Subject"] = headers["subject"]
    msg["Message-ID"] = f"<{message_id}@mail.fakefree.invalid>"
    msg.set_content(body, charset="utf-8", cte="8bit")
    return msg.as_bytes()


def csv_text(columns: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue()


def table_text(columns: list[str], rows: list[list[str]], fmt: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of a table as a reader sees it (CSV as written; XLSX as tab-separated lines),
    and the (start, end) span of each data row in it."""
    if fmt == "csv":
        text = csv_text(columns, rows)
        lines = text.split("\n")
    else:
        lines = ["\t".join(columns)] + ["\t".join(r) for r in rows]
        text = "\n".join(lines) + "\n"
    spans, pos = [], len(lines[0]) + 1
    for line in lines[1:len(rows) + 1]:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return text, spans


def xlsx_bytes(columns: list[str], rows: list[list[str]], title: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(columns)
    for row in rows:
        ws.append(row)
    wb.properties.creator = "fakefree"
    wb.properties.created = wb.properties.modified = FIXED_TIME.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


def render(fmt: str, *, text: str = "", title: str = "", headers: dict | None = None,
           columns: list[str] | None = None, rows: list[list[str]] | None = None,
           message_id: str = "") -> bytes:
    """The bytes of one document in ``fmt``."""
    if fmt == "txt":
        return text.encode("utf-8")
    if fmt == "pdf":
        return pdf_bytes(text, title)
    if fmt == "docx":
        return docx_bytes(text, title)
    if fmt == "eml":
        return eml_bytes(text, headers or {}, message_id)
    if fmt == "csv":
        return csv_text(columns or [], rows or []).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(columns or [], rows or [], title)
    raise ValueError(f"Unknown document format {fmt!r}.")

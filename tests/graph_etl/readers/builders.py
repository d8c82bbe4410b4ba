"""Real case files built with the real libraries, for the reader tests."""

from __future__ import annotations

import io
import zipfile
import zlib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

FR = "Société Générale a viré 45 000 € à Import-Export Côte d'Azur SARL."
ES = "José Ángel García, de Logística Ñandú S.A. de C.V., recibió el contenedor en Manzanillo."
EN = "Han Tong Technology shipped 4,000 counterfeit watches to Toronto."



def pdf_bytes(*pages: str, user_password: str | None = None, title: str = "Seizure report",
              author: str = "CBSA") -> bytes:
    """A PDF with one page per argument (a blank page for an empty string)."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_title(title)
    pdf.set_author(author)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.set_font("helvetica", size=11)
            pdf.multi_cell(0, 8, text)
        else:
            pdf.rect(20, 20, 80, 60)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner", user_password=user_password,
                           encryption_method=EncryptionMethod.AES_256)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A Word document with paragraphs, then a table, then a closing paragraph."""
    document = docx.Document()
    document.core_properties.title = "Rapport de saisie"
    document.core_properties.author = "Agent Núñez"
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        document.add_paragraph("Fin du rapport.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def billion_laughs_docx(good: bytes) -> bytes:
    """``good`` with its document.xml replaced by an entity-expansion bomb."""
    lol = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        lol.append(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">')
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(lol) + "]>\n"
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = bomb.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook with one sheet per entry, rows as given."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive holding ``members`` under the exact names given (even ``../`` ones)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buf.getvalue()


def eml_bytes(body: str, attachments: dict[str, tuple[bytes, str]] | None = None,
              html: str | None = None) -> bytes:
    """An e-mail with a plain (and optional HTML) body and attachments {name: (data, type)}."""
    msg = EmailMessage()
    msg["From"] = "José Ángel García <jag@logistica-nandu.mx>"
    msg["To"] = "Agent Tremblay <tremblay@cbsa-asfc.gc.ca>"
    msg["Cc"] = "hsi.tips@example.gov"
    msg["Subject"] = "Factura del contenedor MSCU1234565"
    msg["Date"] = "Tue, 04 Mar 2025 10:15:00 -0600"
    msg["Message-ID"] = "<20250304.1015@logistica-nandu.mx>"
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for name, (data, media_type) in (attachments or {}).items():
        if media_type == "message/rfc822":
            msg.add_attachment(message_from_bytes(data, policy=policy.default), filename=name)
            continue
        maintype, subtype = media_type.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``tmp_path/name`` and return the path."""
    path = tmp_path / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def scanned_pdf_bytes(text: str) -> bytes:
    """A PDF whose only page is a picture of ``text``: no text layer, as from a scanner."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 300), color=255)
    ImageDraw.Draw(image).text((40, 100), text, fill=0, font=ImageFont.load_default(size=48))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    return bytes(pdf.output())


def raw_pdf_bytes(content: bytes) -> bytes:
    """A one-page PDF written by hand whose page content stream is ``content``, deflated."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def replace_part(data: bytes, part: str, new: bytes) -> bytes:
    """The Office file (a zip) ``data`` with the member ``part`` replaced by ``new``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, new if info.filename == part else src.read(info))
    return out.getvalue()

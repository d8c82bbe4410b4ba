"""E-mail: headers into meta, the body as text, attachments read as their own documents."""

from __future__ import annotations

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, docx_bytes, eml_bytes, pdf_bytes, write, zip_bytes

MB = 1 << 20
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_mail_reads_message_and_pdf_attachment(tmp_path):
    data = eml_bytes(ES, {"factura.pdf": (pdf_bytes(FR), "application/pdf")})
    path = write(tmp_path, "mail.eml", data)
    message, invoice = read(path, max_bytes=MB)
    assert message.reader == "eml" and message.path == str(path)
    assert message.text == ES
    assert message.meta["from"] == "José Ángel García <jag@logistica-nandu.mx>"
    assert message.meta["to"] == "Agent Tremblay <tremblay@cbsa-asfc.gc.ca>"
    assert message.meta["cc"] == "hsi.tips@example.gov"
    assert message.meta["subject"] == "Factura del contenedor MSCU1234565"
    assert message.meta["date"] == "2025-03-04T10:15:00-06:00"
    assert message.meta["message_id"] == "<20250304.1015@logistica-nandu.mx>"
    assert message.meta["attachments"] == ["factura.pdf"]
    assert invoice.reader == "pdf"
    assert invoice.path == f"{path}#attachment/factura.pdf"
    assert "Société Générale" in invoice.text
    assert invoice.size > 0 and len(invoice.sha256) == 64


def test_mail_prefers_plain_body_over_html(tmp_path):
    data = eml_bytes(EN, html="<p>HTML version</p>")
    [message] = read(write(tmp_path, "alt.eml", data), max_bytes=MB)
    assert message.text == EN


def test_mail_falls_back_on_html_body(tmp_path):
    html_only = (b"From: a@example.com\nSubject: Aviso\nMIME-Version: 1.0\n"
                 b"Content-Type: text/html; charset=utf-8\n\n"
                 + f"<p>{FR}</p><script>x()</script><p>{ES}</p>".encode())
    [message] = read(write(tmp_path, "html.eml", html_only), max_bytes=MB)
    assert message.text == f"{FR}\n\n{ES}"


def test_mail_skips_unreadable_attachment_and_lists_it(tmp_path):
    data = eml_bytes(EN, {"photo.png": (PNG, "image/png"),
                          "notes.docx": (docx_bytes([FR]), "application/octet-stream")})
    skipped: list[Unreadable] = []
    message, notes = read(write(tmp_path, "mail.eml", data), max_bytes=MB,
                          on_skip=skipped.append)
    assert [s.reason for s in skipped] == ["unsupported"]
    assert notes.reader == "docx" and notes.text == FR
    assert message.meta["attachments"] == ["photo.png", "notes.docx"]
    [skipped] = message.meta["skipped"]
    assert skipped["reason"] == "unsupported"
    assert skipped["message"] == ("mail.eml#attachment/photo.png is a PNG image, which fakefree "
                                  "cannot read text from.")


def test_mail_reads_attached_message_and_zip_recursively(tmp_path):
    inner = eml_bytes(FR, {"factura.pdf": (pdf_bytes(ES), "application/pdf")})
    archive = zip_bytes({"docs/manifest.txt": EN.encode()})
    data = eml_bytes("Voir pièces jointes.", {"forwarded.eml": (inner, "message/rfc822"),
                                              "docs.zip": (archive, "application/zip")})
    path = write(tmp_path, "outer.eml", data)
    results = read(path, max_bytes=MB)
    assert [r.path.removeprefix(str(path)) for r in results] == [
        "", "#attachment/forwarded.eml", "#attachment/forwarded.eml#attachment/factura.pdf",
        "#attachment/docs.zip#docs/manifest.txt"]
    assert results[1].text == FR
    assert "José Ángel García" in results[2].text
    assert results[3].text == EN


def test_mail_refuses_eml_without_headers(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "bad.eml", "\n\njust a body"), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "bad.eml is not an e-mail message: it has no headers."


def test_mail_reads_base64_encoded_attached_message(tmp_path):
    # Regression: some mailers base64-encode message/rfc822 parts; they parsed as garbage.
    inner = eml_bytes(FR)
    data = eml_bytes("Forward", {"fw.eml": (inner, "application/octet-stream")})
    data = data.replace(b"Content-Type: application/octet-stream", b"Content-Type: message/rfc822")
    message, forwarded = read(write(tmp_path, "fw.eml", data), max_bytes=MB)
    assert forwarded.reader == "eml"
    assert forwarded.text == FR
    assert forwarded.meta["subject"] == "Factura del contenedor MSCU1234565"


@pytest.mark.parametrize("content_type", [b"text/plain", b"text/plain; charset=utf-8"])
def test_mail_detects_body_charset_missing_or_wrong(tmp_path, content_type):
    data = (b"From: aduana@example.mx\nSubject: Aviso\nMIME-Version: 1.0\n"
            b"Content-Type: " + content_type + b"\nContent-Transfer-Encoding: 8bit\n\n"
            + ES.encode("cp1252"))
    [message] = read(write(tmp_path, "legacy.eml", data), max_bytes=MB)
    assert message.text == ES

"""Word documents: paragraphs and tables in order, and hostile or damaged files refused."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, billion_laughs_docx, docx_bytes, write

MB = 1 << 20
TABLE = [["Conteneur", "Port", "Valeur"], ["MSCU1234565", "Le Havre", "45 000 €"]]


def test_word_reads_paragraphs_and_tables_in_order(tmp_path):
    path = write(tmp_path, "rapport.docx", docx_bytes([FR, ES, EN], TABLE))
    [result] = read(path, max_bytes=MB)
    assert result.reader == "docx"
    assert result.text == "\n\n".join(
        [FR, ES, EN, "Conteneur\tPort\tValeur\nMSCU1234565\tLe Havre\t45 000 €",
         "Fin du rapport."])
    assert result.meta["title"] == "Rapport de saisie"
    assert result.meta["author"] == "Agent Núñez"
    assert "created" in result.meta


def test_word_reads_text_inside_content_controls(tmp_path):
    document = docx.Document()
    document.add_paragraph("Rapport n° 2025-0042")
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Suspect : José Ángel García</w:t>'
        "</w:r></w:p></w:sdtContent></w:sdt>")
    document.element.body.insert(1, sdt)
    buf = io.BytesIO()
    document.save(buf)
    [result] = read(write(tmp_path, "form.docx", buf.getvalue()), max_bytes=MB)
    assert result.text == "Rapport n° 2025-0042\n\nSuspect : José Ángel García"


def test_word_refuses_billion_laughs(tmp_path):
    path = write(tmp_path, "laughs.docx", billion_laughs_docx(docx_bytes([EN])))
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=MB)
    assert err.value.reason == "bomb"
    assert str(err.value) == ("laughs.docx declares XML entities in word/document.xml, the mark "
                              "of an entity-expansion bomb, so it was not parsed.")


def test_word_refuses_zip_bomb_before_parsing(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes([EN]))) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("word/media/padding.bin", b"\0" * (8 * MB))
    path = write(tmp_path, "padded.docx", out.getvalue())
    assert path.stat().st_size < 100_000
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=4 * MB)
    assert err.value.reason == "bomb"
    assert "looks like a zip bomb" in str(err.value)


def test_word_refuses_truncated_document_as_corrupt(tmp_path):
    data = docx_bytes([EN, FR])
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "cut.docx", data[: len(data) // 2]), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "cut.docx is a damaged Word document that cannot be opened."


def test_word_refuses_password_protected_office_file(tmp_path):
    # A password-protected .docx is an OLE2 compound file holding an EncryptedPackage stream.
    ole = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
           + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "locked.docx", ole), max_bytes=MB)
    assert err.value.reason == "encrypted"
    assert str(err.value) == "locked.docx is a password-protected Office file."


def test_word_refuses_legacy_doc_as_unsupported(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "old.doc", ole), max_bytes=MB)
    assert err.value.reason == "unsupported"
    assert str(err.value) == ("old.doc is a legacy Office file (doc, xls or msg); save it as "
                              "docx or xlsx to load it.")


def test_word_refuses_document_without_text(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "blank.docx", docx_bytes([])), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == "blank.docx is a Word document with no text."

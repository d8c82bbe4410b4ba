"""PDF: text layer, metadata, and the refusals an analyst meets (password, scan, damage)."""

from __future__ import annotations

import importlib.util

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, pdf_bytes, write

MB = 1 << 20


def test_pdf_reads_text_layer_with_accents_and_metadata(tmp_path):
    [result] = read(write(tmp_path, "seizure.pdf", pdf_bytes(FR, ES, EN)), max_bytes=MB)
    assert result.reader == "pdf" and result.media_type == "application/pdf"
    assert "Société Générale" in result.text
    assert "José Ángel García" in result.text
    assert result.meta["title"] == "Seizure report"
    assert result.meta["author"] == "CBSA"
    assert result.meta["pages"] == 3
    assert result.meta["created"][:2] == "20"


def test_pdf_page_offsets_point_at_each_page(tmp_path):
    [result] = read(write(tmp_path, "three.pdf", pdf_bytes(FR, ES, EN)), max_bytes=MB)
    starts = result.meta["page_offsets"]
    assert len(starts) == 3 and starts[0] == 0
    assert result.text[starts[1]:].startswith("José Ángel García")
    assert result.text[starts[2]:].startswith("Han Tong Technology")


def test_pdf_content_wins_over_extension(tmp_path):
    [result] = read(write(tmp_path, "misnamed.txt", pdf_bytes(EN)), max_bytes=MB)
    assert result.reader == "pdf"
    assert "Han Tong Technology" in result.text


def test_pdf_refuses_password_protected(tmp_path):
    path = write(tmp_path, "locked.pdf", pdf_bytes(FR, user_password="s3cret"))
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=MB)
    assert err.value.reason == "encrypted"
    assert str(err.value) == "locked.pdf is a password-protected PDF."


def test_pdf_reads_pdf_with_only_an_owner_password(tmp_path):
    path = write(tmp_path, "restricted.pdf", pdf_bytes(ES, user_password=""))
    [result] = read(path, max_bytes=MB)
    assert "José Ángel García" in result.text


@pytest.mark.skipif(importlib.util.find_spec("pytesseract") is not None,
                    reason="with pytesseract installed a scan is OCRed instead")
def test_pdf_refuses_scan_without_text_layer(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "seizure.pdf", pdf_bytes("", "")), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == ("seizure.pdf is a scanned PDF with no text layer and no OCR "
                              "is installed.")


@pytest.mark.parametrize("keep", [0.5, 0.2])
def test_pdf_refuses_truncated_file_as_corrupt(tmp_path, keep):
    data = pdf_bytes(EN * 20, FR * 20, ES * 20)
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "cut.pdf", data[: int(len(data) * keep)]), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "cut.pdf is a damaged PDF that cannot be parsed."


def test_pdf_refuses_garbage_named_pdf(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "fake.pdf", b"\x01\x02\x03garbage" * 100), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "fake.pdf is named .pdf but its content is not a PDF file."

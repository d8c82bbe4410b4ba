"""PDF: text layer, metadata, and the refusals an analyst meets (password, scan, damage)."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, pdf_bytes, raw_pdf_bytes, scanned_pdf_bytes, write

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


def test_pdf_refuses_blank_scan_as_no_text(tmp_path):
    if importlib.util.find_spec("pytesseract") is None:
        expected = "seizure.pdf is a scanned PDF with no text layer and no OCR is installed."
    elif not shutil.which("tesseract"):
        expected = ("seizure.pdf is a scanned PDF with no text layer and the tesseract program "
                    "that OCR needs is not installed.")
    else:
        expected = "seizure.pdf is a PDF in which neither the text layer nor OCR found any text."
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "seizure.pdf", pdf_bytes("", "")), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == expected


@pytest.mark.slow
@pytest.mark.skipif(not (importlib.util.find_spec("pytesseract") and shutil.which("tesseract")),
                    reason="OCR needs pytesseract and the tesseract program")
def test_pdf_ocrs_scan_when_tesseract_is_installed(tmp_path):
    path = write(tmp_path, "scan.pdf", scanned_pdf_bytes("Container MSCU1234565 seized in Toronto"))
    [result] = read(path, max_bytes=MB)
    assert result.meta["ocr"] is True
    assert "MSCU1234565" in result.text and "Toronto" in result.text


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


def test_pdf_reads_hand_written_pdf(tmp_path):
    content = b"BT /F1 12 Tf 72 720 Td (Han Tong Technology shipped watches.) Tj ET"
    [result] = read(write(tmp_path, "plain.pdf", raw_pdf_bytes(content)), max_bytes=MB)
    assert result.text == "Han Tong Technology shipped watches."


def test_pdf_refuses_decompression_bomb(tmp_path):
    content = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" + b" " * (24 * MB)
    path = write(tmp_path, "bomb.pdf", raw_pdf_bytes(content))
    assert path.stat().st_size < 100_000
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=4 * MB)
    assert err.value.reason == "bomb"
    assert str(err.value) == ("bomb.pdf has streams that inflate past the 4 MB limit, which "
                              "looks like a decompression bomb.")

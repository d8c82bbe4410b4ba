"""Plain text in every encoding a case file arrives in."""

from __future__ import annotations

import struct

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, write

MB = 1 << 20
TEXT = f"{EN}\n{FR}\n{ES}\n"


def test_plain_reads_utf8_accents_in_three_languages(tmp_path):
    [result] = read(write(tmp_path, "note.txt", TEXT), max_bytes=MB)
    assert result.kind == "text" and result.reader == "txt"
    assert result.text == TEXT
    assert "Société Générale" in result.text and "José Ángel García" in result.text
    assert result.meta["encoding"] == "utf-8"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8-sig", "utf-8"),
    ("utf-16", "utf-16-le"),
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("cp1252", "cp1252"),
    ("latin-1", "cp1252"),
])
def test_plain_detects_encoding(tmp_path, encoding, expected):
    text = "José Ángel García pagó a Société Générale; señor Núñez firmó.\n"
    [result] = read(write(tmp_path, "note.txt", text, encoding), max_bytes=MB)
    assert result.text == text
    assert result.meta["encoding"] == expected


def test_plain_cp1252_keeps_euro_and_curly_quotes(tmp_path):
    text = "Le transitaire a payé 12 500 € « en espèces » — d’après le témoin.\n"
    [result] = read(write(tmp_path, "pv.txt", text, "cp1252"), max_bytes=MB)
    assert result.text == text


def test_plain_normalises_line_ends_to_unix(tmp_path):
    [result] = read(write(tmp_path, "dos.txt", b"line one\r\nl\xc3\xadnea dos\r\n"),
                    max_bytes=MB)
    assert result.text == "line one\nlínea dos\n"


def test_plain_reads_5mb_single_line(tmp_path):
    line = ("MSCU1234565 Han Tong Technology José Ángel García " * 110_000)[: 5 * MB]
    [result] = read(write(tmp_path, "one-line.txt", line), max_bytes=10 * MB)
    assert "\n" not in result.text
    assert len(result.text) == len(line)


def test_plain_refuses_nul_heavy_binary_as_corrupt(tmp_path):
    data = struct.pack("<4096I", *range(4096))
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "dump.txt", data), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "dump.txt looks like binary data, not text."


def test_plain_refuses_invalid_text_after_bom_as_encoding(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "bad.txt", b"\xef\xbb\xbfJos\xe9 Garc\xeda"), max_bytes=MB)
    assert err.value.reason == "encoding"
    assert str(err.value).startswith("bad.txt starts with a utf-8 byte-order mark but is not")


def test_plain_refuses_blank_file_as_no_text(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "blank.txt", "  \n\t\n"), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == "blank.txt holds only blank space, no text."


@pytest.mark.parametrize(("encoding", "text"), [
    ("gb18030", "深圳市汉通科技有限公司向多伦多运送了四千只假冒手表。集装箱号码为MSCU1234565，"
                "付款通过香港的银行账户完成。"),
    ("cp1251", "Компания ООО «Северный путь» отправила контейнер с поддельными часами в порт "
               "Новороссийск."),
    ("shift_jis", "東京の輸入業者が偽造時計を受け取りました。コンテナ番号はMSCU1234565です。"),
])
def test_plain_western_guess_does_not_garble_other_scripts(tmp_path, encoding, text):
    [result] = read(write(tmp_path, "other.txt", text, encoding), max_bytes=MB)
    assert result.text == text
    assert result.meta["encoding"] != "cp1252"

"""Zip archives: members read recursively; traversal names, bombs and deep nesting refused."""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, pdf_bytes, write, zip_bytes

MB = 1 << 20
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_archive_reads_members_recursively(tmp_path):
    inner = zip_bytes({"nested/d.txt": EN.encode()})
    data = zip_bytes({"docs/a.txt": FR.encode(), "docs/b.pdf": pdf_bytes(ES),
                      "log.csv": b"port,value\nVeracruz,12\n", "inner.zip": inner,
                      "__MACOSX/docs/._a.txt": b"\0\0junk"})
    path = write(tmp_path, "case.zip", data)
    results = read(path, max_bytes=MB)
    assert [r.path for r in results] == [f"{path}#docs/a.txt", f"{path}#docs/b.pdf",
                                         f"{path}#log.csv", f"{path}#inner.zip#nested/d.txt"]
    assert results[0].text == FR
    assert "José Ángel García" in results[1].text
    assert results[2].records == [{"port": "Veracruz", "value": "12"}]
    assert results[3].text == EN


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "docs/../../x.txt",
                                  "..\\..\\boot.ini", "C:/Windows/x.txt"])
def test_archive_refuses_unsafe_member_path(tmp_path, name):
    data = zip_bytes({"ok.txt": EN.encode(), name: b"root:x:0:0"})
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "evil.zip", data), max_bytes=MB)
    assert err.value.reason == "unsafe"
    assert str(err.value) == f"evil.zip contains an unsafe member path '{name}'."


def test_archive_refuses_symbolic_link_member(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        link = zipfile.ZipInfo("passwd")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "link.zip", buf.getvalue()), max_bytes=MB)
    assert err.value.reason == "unsafe"
    assert str(err.value) == "link.zip contains a symbolic link 'passwd'."


def test_archive_refuses_nested_zip_bomb_small_on_disk(tmp_path):
    layer = zip_bytes({f"zeros-{i}.txt": b"\0" * (4 * MB) for i in range(5)})
    data = zip_bytes({f"layer-{i}.zip": layer for i in range(10)})
    path = write(tmp_path, "42.zip", data)
    assert path.stat().st_size < 300_000  # 200 MB once expanded
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=10 * MB)
    assert err.value.reason == "bomb"
    assert err.value.path == f"{path}#layer-0.zip"
    assert re.fullmatch(r"42\.zip#layer-0\.zip has a member that expands \d{3,4} times "
                        r"\(zeros-0\.txt\), which looks like a zip bomb\.", str(err.value))


def test_archive_refuses_archive_expanding_past_the_limit(tmp_path):
    # Low-entropy text: each member compresses well, but below the ratio alarm.
    two_letters = bytes(b"ab"[b & 1] for b in range(256))
    members = {f"part-{i}.txt": os.urandom(MB).translate(two_letters) for i in range(4)}
    path = write(tmp_path, "big.zip", zip_bytes(members))
    assert path.stat().st_size < 2 * MB
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=2 * MB)
    assert err.value.reason == "bomb"
    assert str(err.value) == ("big.zip would expand to 4 MB, over the 2 MB limit, which looks "
                              "like a zip bomb.")


def _nest(levels: int) -> bytes:
    data = zip_bytes({"deep.txt": EN.encode()})
    for level in range(levels - 1):
        data = zip_bytes({f"level-{level}.zip": data})
    return data


def test_archive_reads_three_levels_of_nesting(tmp_path):
    path = write(tmp_path, "three.zip", _nest(3))
    [result] = read(path, max_bytes=MB)
    assert result.path == f"{path}#level-1.zip#level-0.zip#deep.txt"
    assert result.text == EN


def test_archive_refuses_four_levels_of_nesting(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "four.zip", _nest(4)), max_bytes=MB)
    assert err.value.reason == "bomb"
    assert str(err.value) == ("four.zip#level-2.zip#level-1.zip#level-0.zip nests archives more "
                              "than 3 levels deep, which looks like a zip bomb.")


def test_archive_skips_unreadable_member_and_keeps_the_rest(tmp_path, caplog):
    data = zip_bytes({"photo.png": PNG, "note.txt": ES.encode(), "empty.txt": b""})
    skipped: list[Unreadable] = []
    path = write(tmp_path, "mixed.zip", data)
    [result] = read(path, max_bytes=MB, on_skip=skipped.append)
    assert result.text == ES
    assert [(s.path, s.reason) for s in skipped] == [(f"{path}#photo.png", "unsupported"),
                                                      (f"{path}#empty.txt", "empty")]
    assert str(skipped[1]) == "mixed.zip#empty.txt is empty (0 bytes)."
    assert "mixed.zip#photo.png is a PNG image" in caplog.text


def test_archive_refuses_archive_without_readable_member(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "photos.zip", zip_bytes({"photo.png": PNG})), max_bytes=MB)
    assert err.value.reason == "unsupported"
    assert str(err.value) == ("photos.zip has no member fakefree can read (the first, "
                              "photo.png, was refused as unsupported).")


def test_archive_refuses_encrypted_members(tmp_path):
    # zipfile cannot encrypt, so set the "encrypted" flag bit in both headers by hand.
    data = bytearray(zip_bytes({"secret.txt": b"ciphertext"}))
    data[data.index(b"PK\x03\x04") + 6] |= 0x1
    data[data.index(b"PK\x01\x02") + 8] |= 0x1
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "locked.zip", bytes(data)), max_bytes=MB)
    assert err.value.reason == "encrypted"
    assert str(err.value) == ("locked.zip has no member fakefree can read (the first, "
                              "secret.txt, was refused as encrypted).")


def test_archive_refuses_empty_archive(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "none.zip", zip_bytes({})), max_bytes=MB)
    assert err.value.reason == "empty"
    assert str(err.value) == "none.zip is an archive with no files in it."


def test_archive_refuses_damaged_archive(tmp_path):
    data = zip_bytes({"a.txt": EN.encode() * 100})
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "cut.zip", data[:60]), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "cut.zip is a damaged zip archive that cannot be opened."

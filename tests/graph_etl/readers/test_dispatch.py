"""What every read shares: size limits checked first, sniffing, hashes, plain refusals."""

from __future__ import annotations

import hashlib
import json
import pickle

import pytest

from fakefree import settings
from fakefree.errors import InputError
from graph_etl.readers import REASONS, Unreadable, read, sha256_file

from .builders import EN, write

MB = 1 << 20


def test_dispatch_refuses_empty_file(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "nothing.pdf", b""), max_bytes=MB)
    assert err.value.reason == "empty"
    assert str(err.value) == "nothing.pdf is empty (0 bytes)."
    assert isinstance(err.value, InputError)


def test_dispatch_refuses_file_just_over_the_limit(tmp_path):
    path = write(tmp_path, "report.txt", "x" * (MB + 1))
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=MB)
    assert err.value.reason == "too_large"
    assert str(err.value) == "report.txt is 1 MB, over the 1 MB limit for one file."
    [result] = read(path, max_bytes=MB + 1)
    assert result.size == MB + 1


def test_dispatch_refuses_huge_file_without_reading_it(tmp_path):
    path = tmp_path / "disk-image.txt"
    with path.open("wb") as fh:  # sparse: 64 GB on paper, nothing on disk
        fh.truncate(64 << 30)
    with pytest.raises(Unreadable) as err:
        read(path, max_bytes=200 * MB)
    assert err.value.reason == "too_large"
    assert str(err.value) == "disk-image.txt is 64 GB, over the 200 MB limit for one file."


@pytest.mark.parametrize(("data", "name", "sentence"), [
    (b"\x7fELF\x02\x01\x01" + b"\0" * 200, "tool", "tool is a Linux program, which fakefree "
                                                   "cannot read text from."),
    (b"\xff\xd8\xff\xe0" + b"\0" * 200, "scan.jpg", "scan.jpg is a JPEG image, which fakefree "
                                                    "cannot read text from."),
    (bytes(range(256)) * 4 + b"\0" * 64, "blob.dat", "blob.dat is a binary .dat file of a kind "
                                                     "fakefree cannot read."),
])
def test_dispatch_refuses_unknown_binary_as_unsupported(tmp_path, data, name, sentence):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, name, data), max_bytes=MB)
    assert err.value.reason == "unsupported"
    assert str(err.value) == sentence


def test_dispatch_reads_text_of_unknown_extension(tmp_path):
    [result] = read(write(tmp_path, "statement.xyz", EN), max_bytes=MB)
    assert result.reader == "txt" and result.text == EN


def test_dispatch_sniffs_eml_without_extension(tmp_path):
    data = "From: a@example.com\nSubject: Hola\n\nJosé Ángel García llega mañana.\n"
    [result] = read(write(tmp_path, "message", data), max_bytes=MB)
    assert result.reader == "eml" and result.meta["subject"] == "Hola"


def test_dispatch_result_hash_and_size_match_the_file(tmp_path):
    path = write(tmp_path, "note.txt", EN)
    [result] = read(path, max_bytes=MB)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() == sha256_file(path)
    assert result.size == path.stat().st_size
    assert result.path == str(path) and result.media_type == "text/plain"


def test_dispatch_raises_input_error_for_missing_path_or_folder(tmp_path):
    with pytest.raises(InputError, match=r"missing\.pdf does not exist\.$"):
        read(tmp_path / "missing.pdf", max_bytes=MB)
    with pytest.raises(InputError, match=r"is not a regular file\.$"):
        read(tmp_path, max_bytes=MB)


def test_dispatch_reason_codes_are_the_documented_ones():
    documented = {"empty", "too_large", "corrupt", "encrypted", "no_text", "unsupported",
                  "bomb", "encoding", "unsafe"}
    assert documented == REASONS


def test_dispatch_max_file_setting_defaults_to_200_mb(monkeypatch):
    monkeypatch.delenv("FAKEFREE_MAX_FILE_MB", raising=False)
    assert settings.get("FAKEFREE_MAX_FILE_MB") == "200"


def test_dispatch_result_serialises_to_json(tmp_path):
    [result] = read(write(tmp_path, "note.txt", "José Ángel García"), max_bytes=MB)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["text"] == "José Ángel García" and data["kind"] == "text"
    assert "records" not in data


def test_dispatch_refusal_survives_pickling_for_worker_processes(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "nothing.txt", b""), max_bytes=MB)
    copy = pickle.loads(pickle.dumps(err.value))
    assert str(copy) == str(err.value)
    assert (copy.reason, copy.path) == ("empty", str(tmp_path / "nothing.txt"))

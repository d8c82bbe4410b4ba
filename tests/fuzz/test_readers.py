"""Fuzz every reader: bytes mutated from small valid files of each format, and random bytes.

Property: ``read`` returns ReadResults or raises the project's InputError (Unreadable) with a
one-sentence message; never another exception, never a hang.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fakefree.errors import InputError
from graph_etl.readers import ReadResult, read

from ..graph_etl.readers.builders import EN, ES, FR, docx_bytes, eml_bytes, pdf_bytes, xlsx_bytes, zip_bytes
from .helpers import fuzz_settings, no_hang, one_sentence

MAX_BYTES = 2 * 1024 * 1024


@cache
def seeds() -> dict[str, bytes]:
    """One small valid file per format, keyed by its extension."""
    html = (f"<!doctype html><html><head><title>Saisie</title></head><body><p>{FR}</p>"
            f"<table><tr><td>{ES}</td></tr></table><script>x()</script></body></html>")
    return {
        "txt": f"{EN}\n{FR}\n".encode(),
        "csv": "name,country,amount\nHan Tong Technology,CN,4000\nSociété Générale,FR,45000\n"
               .encode(),
        "json": json.dumps({"language": "en", "entities": [
            {"id": "e1", "name": "Han Tong", "type": "ORG", "mentions": [
                {"start": 0, "end": 8, "text": "Han Tong"}]}], "relations": []}).encode(),
        "html": html.encode(),
        "eml": eml_bytes(ES, {"note.txt": (EN.encode(), "text/plain")}, html=f"<p>{FR}</p>"),
        "docx": docx_bytes([EN, FR], [["name", "role"], ["Wei Zhang", "owner"]]),
        "xlsx": xlsx_bytes({"Seizures": [["container", "pairs"], ["MSCU1234565", 4000]]}),
        "pdf": pdf_bytes(EN, ""),
        "zip": zip_bytes({"a.txt": EN.encode(), "b/c.csv": b"x,y\n1,2\n"}),
    }


FORMATS = sorted(seeds())


def mutate(data: bytes, draw) -> bytes:
    """A few random edits: flipped bytes, inserted or deleted runs, a cut tail."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 256))]
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 64))]) * draw(st.integers(2, 50))
    return bytes(data)


def mutate_member(data: bytes, draw) -> bytes:
    """For a zip-based file: one member's bytes mutated and the archive rebuilt, so the damage
    reaches the XML and text parsers behind the zip layer."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        victim = draw(st.sampled_from([i.filename for i in infos]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in infos:
                body = src.read(info)
                dst.writestr(info.filename, mutate(body, draw) if info.filename == victim else body)
    return out.getvalue()


def check_read(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case.{extension}"
        path.write_bytes(data)
        try:
            with no_hang(60):
                results = read(path, max_bytes=MAX_BYTES)
        except InputError as exc:
            assert one_sentence(str(exc)), repr(str(exc))
            return
    assert isinstance(results, list)
    for result in results:
        assert isinstance(result, ReadResult)
        assert isinstance(result.text or "", str)


@pytest.mark.parametrize("extension", FORMATS)
def test_fuzz_seed_files_are_read(extension, tmp_path):
    path = tmp_path / f"seed.{extension}"
    path.write_bytes(seeds()[extension])
    assert read(path, max_bytes=MAX_BYTES), "each seed is a valid file of its format"


@pytest.mark.parametrize("extension", FORMATS)
@fuzz_settings(ci_examples=25)
@given(data=st.data())
def test_fuzz_mutated_files_are_read_or_refused_in_one_sentence(extension, data):
    seed = seeds()[extension]
    if extension in ("docx", "xlsx", "zip") and data.draw(st.booleans()):
        mutated = mutate_member(seed, data.draw)
    else:
        mutated = mutate(seed, data.draw)
    check_read(mutated, extension)


@fuzz_settings(ci_examples=40)
@given(raw=st.binary(max_size=4096), extension=st.sampled_from(FORMATS + ["bin", ""]))
def test_fuzz_random_bytes_are_read_or_refused_in_one_sentence(raw, extension):
    check_read(raw, extension or "noext")

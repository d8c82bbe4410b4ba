"""JSON: fakefree extraction JSON and FollowTheMoney entities; anything else refused."""

from __future__ import annotations

import json

import pytest

from graph_etl.readers import Unreadable, read

from .builders import write

MB = 1 << 20

EXTRACTION = {
    "entities": [{"id": "e1", "name": "Han Tong Technology", "type": "ORG", "roles": ["exporter"],
                  "aliases": ["Han Tong"], "mentions": [{"start": 0, "end": 19,
                                                         "text": "Han Tong Technology"}]},
                 {"id": "e2", "name": "José Ángel García", "type": "PERSON", "mentions": []}],
    "relations": [{"source": "e1", "target": "e2", "type": "SHIPPED",
                   "evidence": {"start": 0, "end": 40, "text": "..."}}],
}
FTM = [
    {"id": "p1", "schema": "Person",
     "properties": {"name": ["José Ángel García"], "nationality": ["mx"]}},
    {"id": "c1", "schema": "Company",
     "properties": {"name": ["Société Générale"], "jurisdiction": ["fr"]}},
]


def test_jsonfile_reads_extraction_json(tmp_path):
    [result] = read(write(tmp_path, "x.json", json.dumps(EXTRACTION)), max_bytes=MB)
    assert result.kind == "extraction" and result.reader == "json"
    assert result.data == EXTRACTION
    assert result.meta == {"entities": 2, "relations": 1}


@pytest.mark.parametrize("layout", ["lines", "array"])
def test_jsonfile_reads_followthemoney_entities(tmp_path, layout):
    if layout == "lines":
        text = "\n".join(json.dumps(e, ensure_ascii=False) for e in FTM) + "\n"
    else:
        text = json.dumps(FTM)
    [result] = read(write(tmp_path, "entities.ftm.json", text), max_bytes=MB)
    assert result.kind == "ftm"
    assert result.records == FTM
    assert result.row_texts == ["Person José Ángel García (nationality: mx)",
                                "Company Société Générale (jurisdiction: fr)"]


def test_jsonfile_refuses_other_json_as_unsupported(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "config.json", '{"theme": "dark"}'), max_bytes=MB)
    assert err.value.reason == "unsupported"
    assert str(err.value) == ("config.json is JSON but neither fakefree extraction JSON nor "
                              "FollowTheMoney entities.")


def test_jsonfile_refuses_invalid_json_as_corrupt(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "broken.json", '{"entities": [1, 2'), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value).startswith("broken.json is not valid JSON (")


def test_jsonfile_refuses_hostile_nesting_as_corrupt(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "deep.json is nested too deeply to be parsed."

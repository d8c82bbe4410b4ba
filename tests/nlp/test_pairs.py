"""The learnt relations and key roles (nlp/pairs.py, nlp/linear.py, nlp/training/pairs.py)."""

from __future__ import annotations

import json

import pytest

from nlp.components import RawMention
from nlp.evaluate import GoldDoc
from nlp.linear import LinearModel, fit
from nlp.pairs import PAIRS_PATH, candidate_pairs, load_models, orient, pair_features


def _m(start: int, text: str, type_: str, subtype: str | None = None) -> RawMention:
    return RawMention(start, start + len(text), text, type_, subtype)


def test_linear_fit_is_deterministic_and_learns_a_cue():
    feats = [["bs=,", "tt=LOCATION|LOCATION"], ["bs=, and", "tt=LOCATION|LOCATION"],
             ["bs=,", "tt=LOCATION|LOCATION"], ["bs=and", "tt=LOCATION|LOCATION"]]
    labels = ["LOCATED_IN", "NONE", "LOCATED_IN", "NONE"]
    a, b = fit(feats, labels), fit(feats, labels)
    assert a.to_dict() == b.to_dict()
    assert a.predict(["bs=,", "tt=LOCATION|LOCATION"])[0] == "LOCATED_IN"
    assert a.predict(["bs=and", "tt=LOCATION|LOCATION"])[0] == "NONE"
    assert LinearModel.from_dict(json.loads(json.dumps(a.to_dict()))).predict(["bs=,"])[0] == \
        a.predict(["bs=,"])[0]


def test_pairs_orient_follows_the_relation_type():
    person, agency = _m(0, "Ann Lee", "PERSON"), _m(20, "FDA", "ORG", "AGENCY")
    city, state = _m(40, "Dayton", "LOCATION", "CITY"), _m(48, "Ohio", "LOCATION", "CITY")
    assert orient("EMPLOYED_BY", agency, person) == (person, agency)
    assert orient("INVESTIGATED", person, agency) == (agency, person)
    assert orient("IMPORTED", city, person) == (person, city)
    assert orient("LOCATED_IN", city, state) == (city, state)


def test_pairs_candidates_are_named_mentions_of_distinct_names():
    mentions = [_m(0, "Ann Lee", "PERSON"), _m(10, "$5", "MONEY"), _m(20, "Ann Lee", "PERSON"),
                _m(30, "Miami", "LOCATION", "CITY")]
    pairs = [(a.text, b.text, n) for a, b, n in candidate_pairs(mentions)]
    assert pairs == [("Ann Lee", "Miami", 1), ("Ann Lee", "Miami", 0)]


def test_pairs_features_include_words_between_and_rule_cues():
    text = "Ann Lee, the owner of Acme Trading Ltd., was charged."
    a, b = _m(0, "Ann Lee", "PERSON"), _m(22, "Acme Trading Ltd.", "ORG", "COMPANY")
    feats = pair_features(text, (0, len(text)), a, b, 0, {"OWNS"})
    assert {"tt=PERSON|ORG", "bw=owner", "rule=OWNS", "bc=OWNS", "sc=defendant"} <= set(feats)


def test_pairs_training_labels_pairs_from_gold_relations():
    from nlp.training.pairs import BaseDoc, instances
    from nlp.tokenizer import blank_pipeline

    text = "Ann Lee of Dayton, Ohio, was charged. Bob Roe of Miami was not."
    nlp = blank_pipeline()
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    mentions = [_m(text.index(n), n, t) for n, t in (("Ann Lee", "PERSON"), ("Dayton", "LOCATION"),
                                                      ("Ohio", "LOCATION"), ("Bob Roe", "PERSON"),
                                                      ("Miami", "LOCATION"))]
    gold = GoldDoc("x", text, "en", [
        {"name": "Ann Lee", "type": "PERSON", "roles": ["defendant"]},
        {"name": "Dayton", "type": "LOCATION"}, {"name": "Ohio", "type": "LOCATION"},
        {"name": "Bob Roe", "type": "PERSON"}, {"name": "Miami", "type": "LOCATION"}],
        [{"source": "Ann Lee", "target": "Dayton", "type": "LOCATED_IN", "evidence": text[:37]},
         {"source": "Dayton", "target": "Ohio", "type": "LOCATED_IN", "evidence": text[:37]}])
    rel, roles = instances(BaseDoc(gold, doc, mentions, []))
    labels = [label for _, label in rel]
    assert labels.count("LOCATED_IN") == 2 and labels.count("NONE") == len(labels) - 2
    assert set(roles) >= {"importer", "distributor"}


def test_pairs_shipped_model_is_small_and_typed_by_design():
    assert PAIRS_PATH.exists() and PAIRS_PATH.stat().st_size < 1_500_000
    models = load_models()
    assert "NONE" in models.relation.labels
    assert set(models.relation.labels) - {"NONE"} <= {
        "EMPLOYED_BY", "LOCATED_IN", "ASSOCIATED_WITH", "IMPORTED", "SHIPPED", "INVESTIGATED",
        "CHARGED", "DIRECTS", "OWNS", "SUPPLIED"}


@pytest.mark.parametrize("text,ends", [
    ("The goods were seized in Laredo, Texas, on Monday.", {"Laredo", "Texas"}),
])
def test_pairs_pipeline_links_a_place_to_its_state(text, ends):
    from nlp.pipeline import extract

    x = extract(text, language="en")
    names = {e.id: e.name for e in x.entities}
    linked = [{names[r.source], names[r.target]} for r in x.relations]
    assert ends in linked

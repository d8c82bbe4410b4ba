"""The tokenizer keeps abbreviations that sit inside names whole."""

from __future__ import annotations

from nlp.pipeline import extract, load_pipeline


def test_tokenizer_saint_abbreviation_stays_in_the_place_name():
    doc = load_pipeline("en")("The goods were stored in Ste. Genevieve and Mt. Pleasant by Dr. Ana Ruiz.")
    tokens = [t.text for t in doc]
    assert {"Ste.", "Mt.", "Dr."} <= set(tokens)
    assert len(list(doc.sents)) == 1
    x = extract("Agents searched a warehouse in St. Charles, Missouri, last week.", language="en")
    assert "St. Charles" in {e.name for e in x.entities if e.type == "LOCATION"}

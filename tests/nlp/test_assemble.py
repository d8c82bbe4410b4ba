"""Mentions of one document grouped into entities."""

from nlp.assemble import _group
from nlp.components import RawMention


def _m(text, part, type_, last=False):
    start = text.rindex(part) if last else text.index(part)
    return RawMention(start, start + len(part), part, type_, source="ner")


def test_assemble_short_name_of_two_firms_joins_neither():
    text = "ORTACA TEKSTIL A.S. has no link with Ortaca Kozmetik; Ortaca denied it."
    ms = [_m(text, "ORTACA TEKSTIL A.S.", "ORG"), _m(text, "Ortaca Kozmetik", "LOCATION"),
          _m(text, "Ortaca", "ORG", last=True)]
    groups = _group(ms, text)
    assert sorted(len(v) for v in groups.values()) == [1, 1, 1]


def test_assemble_short_name_of_one_firm_joins_it():
    text = "ORTACA TEKSTIL A.S. shipped towels; Ortaca denied it."
    ms = [_m(text, "ORTACA TEKSTIL A.S.", "ORG"), _m(text, "Ortaca", "ORG", last=True)]
    assert sorted(len(v) for v in _group(ms, text).values()) == [2]


def test_assemble_defined_term_takes_its_mentions_of_every_type():
    text = 'Norte Comercial S.A. (en lo sucesivo "NOCSA") paga; fondos de México (NOCSA).'
    defined = _m(text, "NOCSA", "ORG")
    defined.attrs["alias_of"] = "Norte Comercial S.A."
    ms = [_m(text, "Norte Comercial S.A.", "ORG"), defined, _m(text, "NOCSA", "LOCATION", last=True)]
    groups = _group(ms, text)
    assert [(k[0], len(v)) for k, v in groups.items()] == [("ORG", 3)]


def test_assemble_one_word_place_opening_one_firms_name_is_its_short_name():
    text = "Lodrix Dis Ticaret Ltd. Sti. shipped; Lodrix was paid in Bursa."
    firm, short = _m(text, "Lodrix Dis Ticaret Ltd. Sti.", "ORG"), _m(text, "Lodrix", "LOCATION", True)
    place = _m(text, "Bursa", "LOCATION")
    groups = _group([firm, short, place], text)
    assert sorted((k[0], len(v)) for k, v in groups.items()) == [("LOCATION", 1), ("ORG", 2)]


def test_assemble_one_word_place_opening_two_firms_names_stays_apart():
    text = "Lodrix Dis Ticaret Ltd. Sti. and Lodrix Gida A.S. shipped; Lodrix was paid."
    ms = [_m(text, "Lodrix Dis Ticaret Ltd. Sti.", "ORG"), _m(text, "Lodrix Gida A.S.", "ORG"),
          _m(text, "Lodrix", "LOCATION", True)]
    assert ("LOCATION", "lodrix") in _group(ms, text)

"""One test per error class of nlp.name_shapes, on hand-made mentions and made-up text."""

from __future__ import annotations

import pytest

from nlp import extract
from nlp.components import RawMention
from nlp.name_shapes import (
    cut_words_before_name,
    drop_common_persons,
    drop_final_stops,
    person_by_shape,
    split_surnames,
    strip_common_before_known,
    strip_function_words,
    take_legal_tail,
    take_name_before_legal_form,
)


def _m(text: str, part: str, type_: str, source: str = "ner") -> RawMention:
    start = text.index(part)
    return RawMention(start, start + len(part), part, type_, source=source)


def _texts(mentions: list[RawMention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions]


@pytest.mark.parametrize("text,span,type_,want", [
    ("When ACMEPOL agents came, they left.", "When ACMEPOL", "PERSON", ("ACMEPOL", "ORG")),
    ("During Tarnow Rally, goods were seized.", "During Tarnow Rally", "ORG",
     ("Tarnow Rally", "ORG")),
    ("Los Angeles officers seized goods.", "Los Angeles", "LOCATION", ("Los Angeles", "LOCATION")),
    ("He wired $5,000 to Han Tong Technology.", "Han Tong Technology", "ORG",
     ("Han Tong Technology", "ORG")),
    ("Agents came.\n“When ACMEPOL came, they left.", "When ACMEPOL", "PERSON", ("ACMEPOL", "ORG")),
])
def test_name_shapes_strip_function_words(text, span, type_, want):
    assert _texts(strip_function_words([_m(text, span, type_)], text)) == [want]


def test_name_shapes_strip_common_before_known_brand():
    text = "Counterfeit Nike shoes were seized; Air Jordan shoes too."
    out = strip_common_before_known([_m(text, "Counterfeit Nike", "LOCATION"),
                                     _m(text, "Air Jordan", "ORG")], text)
    assert _texts(out) == [("Nike", "ORG"), ("Air Jordan", "ORG")]


@pytest.mark.parametrize("span,want", [
    ("Harbourtown Port Director Eugene Valcour", "Eugene Valcour"),
    ("Field Operations Hector Brisvane", "Hector Brisvane"),
    ("Helen Marie Brisvane", "Helen Marie Brisvane"),  # a given name after a given name stays
])
def test_name_shapes_cut_words_before_name(span, want):
    text = f"{span} said the goods were fake."
    assert _texts(cut_words_before_name([_m(text, span, "PERSON")], text)) == [(want, "PERSON")]


@pytest.mark.parametrize("text,span,type_,want", [
    ("Jean-Marc Duvignaud, gérant de la société, a été mis en examen.", "Jean-Marc Duvignaud",
     "ORG", ("Jean-Marc Duvignaud", "PERSON")),
    ("Deputy District Attorney Lorna Vasik charged the men.",
     "Deputy District Attorney Lorna Vasik", "ORG", ("Lorna Vasik", "PERSON")),
    ("The men, Tuyen Kaoh, 25, of Queens, were charged.", "Tuyen Kaoh", "LOCATION",
     ("Tuyen Kaoh", "PERSON")),
    ("Se trata de J.R.M.P, de 35 años, vecino de Vigo.", "J.R.M.P", "LOCATION",
     ("J.R.M.P", "PERSON")),
    # organisation words, known places and common words keep their type
    ("Maria Trading Company shipped the goods.", "Maria Trading Company", "ORG",
     ("Maria Trading Company", "ORG")),
    ("They flew to San Diego, 25 miles away.", "San Diego", "LOCATION",
     ("San Diego", "LOCATION")),
    ("Victoria Street was closed.", "Victoria Street", "LOCATION",
     ("Victoria Street", "LOCATION")),
])
def test_name_shapes_person_by_shape(text, span, type_, want):
    assert _texts(person_by_shape([_m(text, span, type_)], text)) == [want]


def test_name_shapes_split_surnames_of_people_named_in_full():
    text = ("Goran Vidmar, Karl Odum and Ilse Brandvik were charged. Vidmar and Odum were "
            "jailed; Brandvik fled.")
    ms = [_m(text, "Goran Vidmar", "PERSON"), _m(text, "Karl Odum", "PERSON"),
          _m(text, "Ilse Brandvik", "PERSON"), _m(text, "Vidmar and Odum", "ORG"),
          _m(text, "Brandvik fled", "LOCATION")]
    ms[-1] = RawMention(text.rindex("Brandvik"), text.rindex("Brandvik") + 8, "Brandvik",
                        "LOCATION", source="ner")
    assert _texts(split_surnames(ms, text))[3:] == [
        ("Vidmar", "PERSON"), ("Odum", "PERSON"), ("Brandvik", "PERSON")]


def test_name_shapes_drop_common_persons():
    text = "Newsroom. Ann Principal met Principal and Arlo in the Newsroom of Kestrel."
    ms = [_m(text, "Newsroom", "PERSON"), _m(text, "Ann Principal", "PERSON"),
          _m(text, "Arlo", "PERSON"), _m(text, "Kestrel", "PERSON")]
    principal = text.index("Principal and")
    ms.append(RawMention(principal, principal + 9, "Principal", "PERSON", source="ner"))
    kept = {m.text for m in drop_common_persons(ms, text)}
    assert kept == {"Ann Principal", "Arlo", "Kestrel", "Principal"}


def test_name_shapes_legal_forms_join_the_name():
    text = "Harlow Outlet LLC bought from de Cambios Norte SA de CV in Leeds."
    out = take_legal_tail([_m(text, "Harlow Outlet", "LOCATION")], text)
    assert _texts(out) == [("Harlow Outlet LLC", "ORG")]
    out = take_name_before_legal_form([_m(text, "CV", "ORG")], text)
    assert _texts(out) == [("Cambios Norte SA de CV", "ORG")]


def test_name_shapes_one_spelling_without_the_final_stop():
    text = "Paid to Halden Export Ltd\nHalden Export Ltd. then paid Vorn Ltd."
    ms = [_m(text, "Halden Export Ltd", "ORG"), _m(text, "Halden Export Ltd.", "ORG"),
          _m(text, "Vorn Ltd.", "ORG")]
    assert [m.text for m in drop_final_stops(ms, text)] == [
        "Halden Export Ltd", "Halden Export Ltd", "Vorn Ltd."]


def test_name_shapes_apply_in_the_pipeline():
    x = extract("Jean-Marc Duvignaud, gérant de la société Trans-Vell SARL, a été mis en examen "
                "pour contrefaçon et blanchiment.", language="fr")
    people = {e.name for e in x.entities if e.type == "PERSON"}
    assert "Jean-Marc Duvignaud" in people

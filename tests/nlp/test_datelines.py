"""Datelines and newswire credits on made-up releases."""

from __future__ import annotations

from nlp.datelines import add_datelines
from nlp.model import RawMention
from nlp.pipeline import extract


def test_datelines_places_states_and_wire():
    text = ("SPOKANE, Wash. – Officers seized 40 fake watches.\n"
            "Lyon, le 3 mars 2021 – La douane a saisi des sacs.\n"
            "HALIFAX, NS, March 2, 2022 /NEWSWIRE/ - Police said.\n"
            "TORREÓN (el 4 de mayo) – Agentes decomisaron ropa.")
    found = [(m.type, m.text) for m in add_datelines([], text)]
    assert found == [("LOCATION", "SPOKANE"), ("LOCATION", "Wash."), ("LOCATION", "Lyon"),
                     ("LOCATION", "HALIFAX"), ("LOCATION", "NS"), ("ORG", "NEWSWIRE"),
                     ("LOCATION", "TORREÓN")]


def test_datelines_weekdays_phone_labels_and_headings_are_no_places():
    text = ("Tue, 03/02/2021\n\nTTY (555) 010-2233\nCounterfeit goods - a warning to buyers\n"
            "MONDAY, MARCH 2, 2021 - Officers seized shoes.")
    assert add_datelines([], text) == []


def test_datelines_replace_overlapping_guesses():
    text = "GREEN BAY, Wis. – Agents seized boxes."
    guess = RawMention(0, 12, "GREEN BAY, W", "ORG", source="ner")
    assert [(m.type, m.text) for m in add_datelines([guess], text)] == [
        ("LOCATION", "GREEN BAY"), ("LOCATION", "Wis.")]


def test_datelines_pipeline_finds_the_dateline_without_linking_it():
    x = extract("TACOMA, Wash. – U.S. Customs and Border Protection officers seized 300 fake "
                "handbags, said Port Director Ann Vole.", language="en")
    places = {e.name for e in x.entities if e.type == "LOCATION"}
    assert {"TACOMA", "Wash."} <= places
    ids = {e.id for e in x.entities if e.name in ("TACOMA", "Wash.")}
    assert not any(r.source in ids or r.target in ids for r in x.relations)

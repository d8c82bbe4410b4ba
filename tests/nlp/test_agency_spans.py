"""Agency names glued to a person or cut at an inner "and": one test per class of
nlp.agency_spans, on made-up sentences."""

from __future__ import annotations

from nlp.agency_spans import join_coordinated_agency, split_agency_person
from nlp.model import RawMention


def _m(text: str, part: str, type_: str) -> RawMention:
    start = text.index(part)
    return RawMention(start, start + len(part), part, type_, source="ner")


def test_agency_spans_person_cut_out_of_office_and_place():
    text = "said Fiscal Federal del Distrito Norte de Texas Elena Marsh and HSI Denver Paul Okafor."
    ms = [_m(text, "Fiscal Federal del Distrito Norte de Texas Elena Marsh", "ORG"),
          _m(text, "HSI Denver Paul Okafor", "ORG")]
    out = [(m.type, m.text) for m in split_agency_person(ms, text)]
    assert ("PERSON", "Elena Marsh") in out and ("PERSON", "Paul Okafor") in out
    assert ("ORG", "HSI Denver") in out
    assert not any("Marsh" in t and ty != "PERSON" for ty, t in out)


def test_agency_spans_person_between_title_and_division():
    text = "la Secretaria Adjunta Laura B. Quent de la División de Aduanas anunció"
    ms = [_m(text, "Secretaria Adjunta Laura B. Quent de la División de Aduanas", "ORG")]
    out = [(m.type, m.text) for m in split_agency_person(ms, text)]
    assert out == [("PERSON", "Laura B. Quent"), ("ORG", "División de Aduanas")]


def test_agency_spans_organisation_named_after_a_person_stays():
    text = "Funds of the Fondation Louis Verrat and Jean Paul Gaultier were seized."
    ms = [_m(text, "Fondation Louis Verrat", "ORG"), _m(text, "Jean Paul Gaultier", "ORG")]
    assert [m.text for m in split_agency_person(ms, text)] == ["Fondation Louis Verrat",
                                                                "Jean Paul Gaultier"]


def test_agency_spans_agency_cut_at_and_is_joined():
    text = ("Agents of the Office for Copper Safety and Health and the State Bird and Fish "
            "Service, with Interpol and Ana Ruiz.")
    ms = [_m(text, "Office for Copper Safety", "ORG"), _m(text, "State Bird", "ORG"),
          _m(text, "Fish Service", "ORG"), _m(text, "Interpol", "ORG"), _m(text, "Ana Ruiz", "PERSON")]
    out = [m.text for m in join_coordinated_agency(ms, text)]
    assert out == ["Office for Copper Safety and Health", "State Bird and Fish Service", "Interpol",
                   "Ana Ruiz"]


def test_agency_spans_two_firms_or_places_stay_apart():
    text = "Goods of the Bank of Lima and Santander and of Acme Trading and Bolt Service Ltd."
    ms = [_m(text, "Bank of Lima", "ORG"), _m(text, "Santander", "LOCATION"),
          _m(text, "Acme Trading", "ORG"), _m(text, "Bolt Service Ltd.", "ORG")]
    assert [m.text for m in join_coordinated_agency(ms, text)] == [
        "Bank of Lima", "Santander", "Acme Trading", "Bolt Service Ltd."]


def test_agency_spans_title_phrase_is_no_organisation():
    from nlp.agency_spans import titles_as_organisations

    text = ("El Procurador General de la Nación y el Fiscal Federal hablaron con U.S. Attorney "
            "Brannock y la Procuraduría General de la República.")
    ms = [_m(text, "Procurador General de la Nación", "ORG"), _m(text, "Fiscal Federal", "ORG"),
          _m(text, "U.S. Attorney Brannock", "ORG"),
          _m(text, "Procuraduría General de la República", "ORG")]
    out = [(m.type, m.text) for m in titles_as_organisations(ms, text)]
    assert out == [("PERSON", "Brannock"), ("ORG", "Procuraduría General de la República")]


def test_agency_spans_slash_role_nouns_and_complements():
    from nlp.agency_spans import drop_role_nouns, extend_over_complement, split_slashed

    text = "by Hasbro/Wizard Games, AD/CVD, the Import Specialists and Field Officers"
    ms = [_m(text, "Hasbro/Wizard Games", "ORG"), _m(text, "AD/CVD", "ORG"),
          _m(text, "Import Specialists", "ORG"), _m(text, "Field Officers", "ORG")]
    assert [m.text for m in drop_role_nouns(split_slashed(ms, text), text)] == [
        "Hasbro", "Wizard Games", "AD/CVD"]
    text = ("the Committee on Fisheries, Forests and Mines and the Council of Lyon and the Bureau "
            "of Tin of the Republic")
    ms = [_m(text, "Committee", "ORG"), _m(text, "Forests", "LOCATION"),
          _m(text, "Council", "ORG"), _m(text, "Lyon", "LOCATION"), _m(text, "Bureau", "ORG")]
    assert [m.text for m in extend_over_complement(ms, text)] == [
        "Committee on Fisheries, Forests and Mines", "Council", "Lyon", "Bureau"]


def test_agency_spans_unit_and_parent_body_are_two_organisations():
    from nlp.agency_spans import split_nested_bodies

    text = ("la Brigada de Fraudes del Servicio de Aduanas, el Ministerio del Interior y la Section "
            "des fraudes de la Région du Grand Nord")
    ms = [_m(text, "Brigada de Fraudes del Servicio de Aduanas", "ORG"),
          _m(text, "Ministerio del Interior", "ORG"),
          _m(text, "Section des fraudes de la Région du Grand Nord", "ORG")]
    out = [(m.type, m.text) for m in split_nested_bodies(ms, text)]
    assert out == [("ORG", "Brigada de Fraudes"), ("ORG", "Servicio de Aduanas"),
                   ("ORG", "Ministerio del Interior"), ("ORG", "Section des fraudes"),
                   ("LOCATION", "Région du Grand Nord")]


def test_agency_spans_person_and_home_town_are_two_names():
    from nlp.agency_spans import split_person_origin

    text = "acusó a Marta Villa de Monterrey y a Luis Ortega de Dios."
    ms = [_m(text, "Marta Villa de Monterrey", "PERSON"), _m(text, "Luis Ortega de Dios", "PERSON")]
    out = [(m.type, m.text) for m in split_person_origin(ms, text)]
    assert out == [("PERSON", "Marta Villa"), ("LOCATION", "Monterrey"),
                   ("PERSON", "Luis Ortega de Dios")]

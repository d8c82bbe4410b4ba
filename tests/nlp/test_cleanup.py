"""Post-processing classes of nlp.cleanup, on the shipped pipeline and on hand-made mentions."""

from nlp import extract
from nlp.cleanup import (is_headline, known_place, merge_adjacent, retype_by_keyword,
                         retype_known_places, split_titles, unify_types, written_lower)
from nlp.components import RawMention


def _m(text: str, part: str, type_: str, source: str = "ner") -> RawMention:
    start = text.index(part)
    return RawMention(start, start + len(part), part, type_, source=source)


def test_headline_guesses_are_dropped_unless_the_body_repeats_them():
    text = ("Harbour Trader Sentenced To Prison For Selling Counterfeit Watches Online\n"
            "Tomasz Nowak, 44, of Gdansk, was sentenced on Monday for selling counterfeit Rolex "
            "watches from Poland.")
    x = extract(text, language="en")
    names = {e.name for e in x.entities}
    assert not any("Watches" in n or "Sentenced" in n for n in names)
    assert "Tomasz Nowak" in names


def test_is_headline_needs_a_short_title_case_line():
    assert is_headline("Three Charged With Importing Fake Airbags From Shenzhen Factory")
    assert not is_headline("Maria Costa and Pedro Alves were charged by the Guardia Civil on "
                           "Tuesday after an inquiry by Europol and the Portuguese police.")


def test_title_before_a_name_gives_the_person():
    text = "Acting U.S. Attorney Rebecca Holloway announced the charges."
    out = split_titles([_m(text, "Acting U.S. Attorney Rebecca Holloway", "ORG")], text)
    assert [(m.type, m.text) for m in out] == [("PERSON", "Rebecca Holloway")]


def test_a_bare_title_is_no_organisation_and_title_words_are_trimmed():
    text = "the U.S. Attorney for the Eastern District of Virginia and HSI Special Agent Dan Roy"
    out = split_titles([_m(text, "U.S. Attorney for the Eastern District of Virginia", "ORG"),
                        _m(text, "HSI Special", "ORG")], text)
    assert [(m.type, m.text) for m in out] == [("ORG", "HSI")]


def test_cut_names_are_joined():
    text = "a company in the Republic of Korea shipped via the Port of Los Angeles and Long Beach"
    out = merge_adjacent([_m(text, "Republic", "LOCATION"), _m(text, "Korea", "LOCATION"),
                          _m(text, "Port of Los Angeles", "LOCATION"),
                          _m(text, "Long Beach", "LOCATION")], text)
    assert [m.text for m in out] == ["Republic of Korea", "Port of Los Angeles and Long Beach"]
    text = "the U.S. Attorney's Office, Western District of Texas, said"
    out = merge_adjacent([_m(text, "U.S. Attorney's Office", "ORG"),
                          _m(text, "Western District of Texas", "LOCATION")], text)
    assert [(m.type, m.text) for m in out] == [("ORG", "U.S. Attorney's Office, Western District "
                                                       "of Texas")]


def test_one_surface_one_type_and_known_places():
    text = "Flights from Rotterdam; Rotterdam police; in Rotterdam."
    ms = [_m(text, "Rotterdam", "LOCATION"), RawMention(28, 37, "Rotterdam", "PERSON")]
    unify_types(ms)
    assert {m.type for m in ms} == {"LOCATION"}
    assert known_place("Manitoba") and known_place("Guadalajara") and not known_place("Acme")


def test_places_with_organisation_words_and_known_cities_are_retyped():
    text = "The case was heard at Leeds Crown Court after the trucks reached Calgary."
    ms = [_m(text, "Leeds Crown Court", "LOCATION"), _m(text, "Calgary", "PERSON")]
    retype_by_keyword(ms)
    retype_known_places(ms, text)
    assert [(m.type, m.subtype) for m in ms] == [("ORG", "COURT"), ("LOCATION", "CITY")]
    text = "Piotr Lis, of Warsaw, and Mary Jackson were charged."
    ms = [_m(text, "Piotr Lis", "PERSON"), _m(text, "Mary Jackson", "PERSON")]
    retype_known_places(ms, text)
    assert [m.type for m in ms] == ["PERSON", "PERSON"]


def test_agency_cut_at_and_is_joined_and_common_nouns_are_dropped():
    text = "agents of U.S. Immigrations and Customs Enforcement seized the goods"
    out = merge_adjacent([_m(text, "Immigrations", "ORG"),
                          _m(text, "Customs Enforcement", "ORG")], text)
    assert [m.text for m in out] == ["Immigrations and Customs Enforcement"]
    assert written_lower("Mercados", "Mercados y ferias. Vendían en mercados.")
    assert not written_lower("Kappa", "Prendas Kappa en mercados.")


def test_bylines_photo_credits_and_platforms():
    text = ("Saisie record au port du Havre\nDouaniers au travail. - JULIEN MOREAU/AFP\n"
            "Par Claire Fontaine\nLes faux sacs étaient vendus sur Facebook et Vinted.")
    x = extract(text, language="fr")
    types = {e.name: (e.type, e.subtype) for e in x.entities}
    assert types["JULIEN MOREAU"][0] == "PERSON" and types["Claire Fontaine"][0] == "PERSON"
    assert types["AFP"] == ("ORG", "COMPANY")
    assert types["Facebook"] == ("ORG", "COMPANY") and types["Vinted"] == ("ORG", "COMPANY")
    assert "brand" not in next(e for e in x.entities if e.name == "Facebook").roles


def test_cleanup_an_organisation_name_is_never_a_person_or_a_city():
    from nlp.cleanup import retype_org_names

    text = ("Funds came from Marlow Bay Logistics and from Comercializadora Itzel, then from "
            "Société Verdier in Lyon.")
    out = retype_org_names([_m(text, "Marlow Bay Logistics", "PERSON"),
                            _m(text, "Comercializadora Itzel", "LOCATION"),
                            _m(text, "Société Verdier", "PERSON"),
                            _m(text, "Lyon", "LOCATION")], text)
    assert [(m.type, m.text) for m in out] == [
        ("ORG", "Marlow Bay Logistics"), ("ORG", "Comercializadora Itzel"),
        ("ORG", "Société Verdier"), ("LOCATION", "Lyon")]


def test_cleanup_comma_lists_split_a_person_from_a_company():
    from nlp.cleanup import retype_org_names

    text = "The owners are Petra Kolb, Jinhai Seafood Exports Ltd and Zhao, Zhiqiang."
    out = retype_org_names([_m(text, "Petra Kolb, Jinhai Seafood Exports Ltd", "ORG"),
                            _m(text, "Zhao, Zhiqiang", "ORG")], text)
    assert [(m.type, m.text) for m in out] == [
        ("PERSON", "Petra Kolb"), ("ORG", "Jinhai Seafood Exports Ltd"),
        ("PERSON", "Zhao, Zhiqiang")]
    legal = "Paid to Distribuidora Norte, S.A. de C.V. on Monday."
    kept = retype_org_names([_m(legal, "Distribuidora Norte, S.A. de C.V.", "ORG")], legal)
    assert [m.text for m in kept] == ["Distribuidora Norte, S.A. de C.V."]


def test_cleanup_extract_types_organisation_words_as_companies():
    x = extract("The shareholders of the firm are Ann Kolb, Jinhai Seafood Exports Ltd and "
                "Marco Rossi, according to the registry.", language="en")
    types = {e.name: e.type for e in x.entities}
    assert types.get("Jinhai Seafood Exports Ltd") == "ORG"
    assert types.get("Ann Kolb") == "PERSON"


def test_mapping_party_label_uses_the_shared_vocabulary():
    from graph_etl.mapping import party_label

    assert [party_label(n) for n in ("Ye Jiaxin", "Jade Supply", "Entrepôt Nord",
                                     "Servicios Sol", "Li Sa")] == [
        "Person", "Company", "Company", "Company", "Person"]


def test_cleanup_a_defined_term_joins_its_organisation():
    x = extract("The importer, Harbourline Auto Parts Ltd. (HAPL), paid the invoice. HAPL later "
                "closed its account.", language="en")
    orgs = {e.name: e.aliases for e in x.entities if e.type == "ORG"}
    assert orgs.get("Harbourline Auto Parts Ltd.") == ["HAPL"]

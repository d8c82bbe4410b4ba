"""Phrases that are no party: one test per error class of nlp.non_names, on made-up sentences."""

from __future__ import annotations

from nlp.model import RawMention
from nlp.non_names import (
    cut_dates,
    drop_common_abbreviations,
    drop_furniture_lines,
    drop_laws,
    drop_lone_titles,
    drop_nationalities,
    drop_operation_names,
    drop_shorthand_nouns,
    has_head_noun,
    is_nationality,
)
from nlp.pipeline import extract


def _m(text: str, part: str, type_: str, nth: int = 0) -> RawMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return RawMention(start, start + len(part), part, type_, source="ner")


def _names(mentions: list[RawMention]) -> list[str]:
    return [m.text for m in mentions]


def test_non_names_spelled_out_common_abbreviation_is_dropped():
    text = ("Officers seized lamps with a total domestic sales value (DSV) of $9,000, according to "
            "the Border Lighting Task Force (BLTF).")
    ms = [_m(text, "DSV", "ORG"), _m(text, "BLTF", "ORG"), _m(text, "Border Lighting Task Force", "ORG")]
    assert _names(drop_common_abbreviations(ms, text)) == ["BLTF", "Border Lighting Task Force"]


def test_non_names_spelled_out_abbreviation_takes_its_spelling_out_along():
    text = "The Estimated Street Value (ESV) of the bags was high."
    ms = [_m(text, "Estimated Street Value", "ORG"), _m(text, "ESV", "ORG")]
    assert drop_common_abbreviations(ms, text) == []


def test_non_names_abbreviation_of_a_firm_or_place_stays():
    text = "Goods from Norvania Trade Ltd. (NTL) went to the Harbour Safety Board (HSB)."
    ms = [_m(text, "NTL", "ORG"), _m(text, "HSB", "ORG")]
    assert _names(drop_common_abbreviations(ms, text)) == ["NTL", "HSB"]
    text = "Shipped from the Republica Popular China (RPC) to Lima."
    assert _names(drop_common_abbreviations([_m(text, "RPC", "ORG")], text)) == ["RPC"]


def test_non_names_code_next_to_a_number_is_dropped():
    text = "Call TTY (555) 010-2233 or read 12 XYZ 400 in FY 2021."
    ms = [_m(text, "TTY", "ORG"), _m(text, "XYZ", "ORG"), _m(text, "FY", "LOCATION")]
    assert drop_common_abbreviations(ms, text) == []


def test_non_names_laws_and_listed_law_pieces_are_dropped():
    text = ("Charges under the Plant, Seed, and Fertilizer Act, the Penal Code and the Loi sur "
            "les marques, by the Harbour Police.")
    ms = [_m(text, "Plant", "ORG"), _m(text, "Seed", "LOCATION"), _m(text, "Fertilizer Act", "ORG"),
          _m(text, "Penal Code", "LOCATION"), _m(text, "Loi sur les marques", "ORG"),
          _m(text, "Harbour Police", "ORG")]
    assert _names(drop_laws(ms, text)) == ["Harbour Police"]


def test_non_names_demonyms_and_languages_are_no_organisations():
    assert [is_nationality(w) for w in ("Americans", "Greek", "Canadiennes", "Peruanos", "Quebec",
                                        "Lisbon")] == [True, True, True, True, False, False]
    text = "The Portuguese and the Swedish firms met Chileans in Oslo."
    ms = [_m(text, "Portuguese", "ORG"), _m(text, "Swedish", "LOCATION"),
          _m(text, "Chileans", "ORG"), _m(text, "Oslo", "LOCATION")]
    assert _names(drop_nationalities(ms, text)) == ["Oslo"]


def test_non_names_operation_names_are_dropped():
    text = "Operation Blue Lantern and opération Grand Nord ended; Operativo Sol too."
    ms = [_m(text, "Operation Blue Lantern", "ORG"), _m(text, "Grand Nord", "LOCATION"),
          _m(text, "Operativo Sol", "PERSON")]
    assert drop_operation_names(ms, text) == []


def test_non_names_dates_typed_as_places_are_cut():
    text = "Agents in Tirana, June 12 and on October 3rd, 2020 and le 5 mai."
    ms = [_m(text, "Tirana, June 12", "ORG"), _m(text, "October 3rd, 2020", "LOCATION"),
          _m(text, "5 mai", "LOCATION")]
    out = cut_dates(ms, text)
    assert [(m.text, m.type) for m in out] == [("Tirana", "LOCATION")]


def test_non_names_title_alone_is_dropped():
    text = "The Commissioner and the Deputy Director met Ann Lu of the Port Authority."
    ms = [_m(text, "Commissioner", "LOCATION"), _m(text, "Deputy Director", "ORG"),
          _m(text, "Port Authority", "ORG")]
    assert _names(drop_lone_titles(ms, text)) == ["Port Authority"]


def test_non_names_shorthand_noun_becomes_alias_of_the_full_name():
    text = ("The Agency for Harbour Safety opened a file. The Agency said the Union asked. "
            "Nike was named.")
    ms = [_m(text, "Agency for Harbour Safety", "ORG"), _m(text, "Agency", "ORG", 1),
          _m(text, "Union", "LOCATION"), _m(text, "Nike", "ORG")]
    out = drop_shorthand_nouns(ms, text)
    assert [(m.text, m.attrs.get("alias_of")) for m in out] == [
        ("Agency for Harbour Safety", None), ("Agency", "Agency for Harbour Safety"),
        ("Union", None), ("Nike", None)]


def test_non_names_line_of_common_words_is_page_furniture():
    text = "Related Links\nThe Harbour Police seized boxes.\nCustoms Service\n"
    ms = [_m(text, "Related Links", "ORG"), _m(text, "Harbour Police", "ORG"),
          _m(text, "Customs Service", "ORG")]
    assert _names(drop_furniture_lines(ms, text)) == ["Harbour Police", "Customs Service"]


def test_non_names_head_nouns_are_general_vocabulary():
    assert has_head_noun("Coalición Contra la Piratería del Sur") is False
    assert has_head_noun("Unidad Central de Aduanas") and has_head_noun("Harbour Task Force")


def test_non_names_pipeline_keeps_french_adjectives_after_a_head_noun():
    x = extract("La Commission européenne et la Police fédérale ont saisi des montres à Lyon.",
                language="fr")
    names = {e.name for e in x.entities if e.type == "ORG"}
    assert {"Commission européenne", "Police fédérale"} <= names


def test_non_names_pipeline_drops_spelled_out_abbreviation():
    x = extract("Officers at the port of Baltimore seized 300 watches. The manufacturer's "
                "suggested retail price (MSRP) of the watches would have been $2 million, said "
                "the Baltimore Field Office of U.S. Customs and Border Protection.", language="en")
    names = {e.name for e in x.entities if e.type in ("ORG", "LOCATION")}
    assert "MSRP" not in names and not any("Retail" in n for n in names)


def test_non_names_name_run_into_next_sentence_is_cut():
    from nlp.non_names import cut_at_sentence_end

    text = "The shop at 40 Elm Rd. An agent called."
    ms = [_m(text, "40 Elm Rd. An", "LOCATION")]
    assert _names(cut_at_sentence_end(ms, text)) == ["40 Elm Rd."]



def test_non_names_common_english_word_is_no_place():
    from nlp.non_names import drop_common_places

    text = "Sold over the Internet from Portal, N.D., to Mass. buyers and on Arrival."
    ms = [_m(text, "Internet", "LOCATION"), _m(text, "Portal", "LOCATION"),
          _m(text, "Mass", "LOCATION"), _m(text, "Arrival", "LOCATION")]
    assert _names(drop_common_places(ms, text)) == ["Portal", "Mass"]


def test_non_names_place_shapes_facilities_districts_and_counties():
    from nlp.non_names import place_shapes

    text = ("Seized at Denver International Airport and the Laredo Port of Entry, charged in the "
            "Northern District of Ohio, sold in Cook County.")
    ms = [_m(text, "Denver International Airport", "ORG"), _m(text, "Laredo Port", "LOCATION"),
          _m(text, "Ohio", "LOCATION"), _m(text, "Cook", "LOCATION")]
    out = [(m.type, m.text) for m in place_shapes(ms, text)]
    assert out == [("LOCATION", "Denver International Airport"),
                   ("LOCATION", "Laredo Port of Entry"),
                   ("LOCATION", "Northern District of Ohio"), ("LOCATION", "Cook County")]


def test_non_names_compound_tails_codes_and_language_menus():
    from nlp.non_names import cut_compound_tails, drop_codes

    text = "An Ohio-based seller of MP3 players and N95 masks (COVID-19).\nEN FR DE NL IT\n"
    ms = [_m(text, "Ohio-based", "LOCATION"), _m(text, "MP3", "ORG"), _m(text, "N95", "ORG"),
          _m(text, "COVID-19", "LOCATION"), _m(text, "FR DE", "ORG")]
    out = drop_codes(cut_compound_tails(ms, text), text)
    assert _names(out) == ["Ohio"]
    text = "the Office de lutte anti-fraude"
    assert _names(cut_compound_tails([_m(text, "Office de lutte anti-fraude", "ORG")], text)) == [
        "Office de lutte anti-fraude"]


def test_non_names_place_of_frequent_words_is_a_phrase():
    from nlp.non_names import drop_common_phrases

    text = "Its Retail Value in Member States, the Great Lakes and Philip Morris International."
    ms = [_m(text, "Retail Value", "LOCATION"), _m(text, "Member States", "LOCATION"),
          _m(text, "Great Lakes", "LOCATION"), _m(text, "Philip Morris International", "LOCATION")]
    assert _names(drop_common_phrases(ms, text)) == ["Great Lakes", "Philip Morris International"]


def test_non_names_quoted_operation_and_street_nouns():
    from nlp.non_names import drop_operation_names, place_shapes

    text = "L'opération douanière conjointe «Nordlys» a visé Nordlys. Saisie au pont Sainte-Rose."
    ms = [_m(text, "Nordlys", "LOCATION"), _m(text, "Nordlys", "PERSON", 1),
          _m(text, "Sainte-Rose", "LOCATION")]
    out = place_shapes(drop_operation_names(ms, text), text)
    assert [(m.type, m.text) for m in out] == [("LOCATION", "pont Sainte-Rose")]


def test_non_names_commonest_word_as_organisation_is_dropped():
    from nlp.non_names import drop_common_organisations

    text = ("The Report was sent. Fake Coach bags were sold on the Web; the Commission and the "
            "Office of Trade Control saw it.")
    ms = [_m(text, "Report", "ORG"), RawMention(text.index("Coach"), text.index("Coach") + 5,
                                                "Coach", "ORG", "BRAND", source="ner"),
          _m(text, "Web", "ORG"), _m(text, "Commission", "ORG"),
          _m(text, "Office of Trade Control", "ORG")]
    assert _names(drop_common_organisations(ms, text)) == [
        "Coach", "Commission", "Office of Trade Control"]

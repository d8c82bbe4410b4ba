"""One test per error class of nlp.span_cleanup, on hand-made mentions and made-up text."""

from __future__ import annotations

import pytest

from nlp import extract
from nlp.components import RawMention
from nlp.span_cleanup import (
    drop_common_words,
    extend_legal_tails,
    brands_after_cues,
    drop_field_labels,
    extend_known_places,
    join_doubled_initials,
    join_listed_complements,
    extend_org_words,
    mail_names,
    firm_names,
    join_conjoined_firm,
    drop_demonyms,
    drop_number_labels,
    is_common_word,
    list_item_people,
    split_coordinated,
    split_possessives,
    strip_edges,
    strip_titles,
)


def _m(text: str, part: str, type_: str, source: str = "ner") -> RawMention:
    start = text.index(part)
    return RawMention(start, start + len(part), part, type_, source=source)


def _texts(mentions: list[RawMention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions]


@pytest.mark.parametrize("text,span,want", [
    ("Defendants:\n--Arvo Kettunen, 51, of Tampere", "--Arvo Kettunen", "Arvo Kettunen"),
    ("• Dana Whitlock (Reno)", "• Dana Whitlock", "Dana Whitlock"),
    ("les agents de l’Agence des services frontaliers", "’Agence des services frontaliers",
     "Agence des services frontaliers"),
    ("Il est arrivé De Montréal hier.", "De Montréal", "Montréal"),
    ("the Port Authority’s inspectors", "Port Authority’s", "Port Authority"),
])
def test_span_cleanup_strip_edges_takes_prefixes_elisions_and_possessives_off(text, span, want):
    type_ = "PERSON" if "Kettunen" in span or "Whitlock" in span else (
        "LOCATION" if "Montréal" in span else "ORG")
    assert [m.text for m in strip_edges([_m(text, span, type_)], text)] == [want]


@pytest.mark.parametrize("span,want", [
    ("Deputy District Attorney Lorna Vasik", "Lorna Vasik"),
    ("Brigadier General Tomas Ferreira", "Tomas Ferreira"),
    ("CBP Port Director Ines Okafor", "Ines Okafor"),
    ("Comisario Jefe Ramiro Salcedo", "Jefe Ramiro Salcedo"),  # "Jefe" is no title word here
    ("Procureure Hélène Marchal", "Hélène Marchal"),
    ("Dean Harlow", "Dean Harlow"),  # no title: untouched
])
def test_span_cleanup_strip_titles_leaves_the_name(span, want):
    text = f"On Monday {span} said the case was closed."
    assert [m.text for m in strip_titles([_m(text, span, "PERSON")], text)] == [want]


def test_span_cleanup_split_possessives_separates_two_organisations_only():
    text = ("agents of the Department of Homeland Security’s Immigration and Customs Enforcement "
            "and the U.S. Attorney’s Office said")
    joined = _m(text, "Department of Homeland Security’s Immigration and Customs Enforcement", "ORG")
    office = _m(text, "U.S. Attorney’s Office", "ORG")
    assert _texts(split_possessives([joined, office], text)) == [
        ("Department of Homeland Security", "ORG"),
        ("Immigration and Customs Enforcement", "ORG"),
        ("U.S. Attorney’s Office", "ORG")]


@pytest.mark.parametrize("span,type_,want", [
    ("Lyon y Marsella", "LOCATION", ["Lyon", "Marsella"]),
    ("Francia e Italia", "LOCATION", ["Francia", "Italia"]),
    ("Rotterdam and Hamburg", "LOCATION", ["Rotterdam", "Hamburg"]),
    ("Port of Halvik and Dunmore", "LOCATION", ["Port of Halvik and Dunmore"]),  # unknown places
    ("Kolb, Jinhai", "PERSON", ["Kolb, Jinhai"]),  # surname first: one person
    ("Shenzhen China", "LOCATION", ["Shenzhen", "China"]),  # a place after a place, no comma
    ("Hong Kong China", "LOCATION", ["Hong Kong", "China"]),
    ("Costa Rica", "LOCATION", ["Costa Rica"]),  # a known place stays whole
])
def test_span_cleanup_split_coordinated_splits_known_places(span, type_, want):
    text = f"shipped from {span} last year"
    assert [m.text for m in split_coordinated([_m(text, span, type_)], text)] == want


def test_span_cleanup_drop_common_words_keeps_names_and_drops_common_words():
    text = ("Yesterday the court heard Mark Osei.\nHome\nAgents found Golden Crown cartons bound for "
            "Africa and Long Island. Osei told Homeland Security nothing.\nNews - Alert")
    mentions = [_m(text, "Yesterday", "PERSON"), _m(text, "Mark Osei", "PERSON"),
                _m(text, "Home", "ORG"), _m(text, "Golden Crown", "PERSON"),
                _m(text, "Africa", "LOCATION"), _m(text, "Long Island", "LOCATION"),
                RawMention(text.index("Osei told"), text.index("Osei told") + 4, "Osei", "PERSON"),
                _m(text, "Homeland Security", "ORG"), _m(text, "News - Alert", "ORG")]
    kept = [m.text for m in drop_common_words(mentions, text)]
    assert kept == ["Mark Osei", "Africa", "Long Island", "Osei", "Homeland Security"]


def test_span_cleanup_drop_demonyms_keeps_countries():
    text = "Saudi and Italian buyers met European agents in Italy."
    mentions = [_m(text, w, "LOCATION") for w in ("Saudi", "Italian", "European", "Italy")]
    assert [m.text for m in drop_demonyms(mentions, text)] == ["Italy"]


def test_span_cleanup_list_item_people_finds_unusual_names_in_a_list():
    text = "Charged were:\n-- Zhu Anqi Rong, 33, of Flushing;\n-- Outlet Store, a shop;\n"
    found = _texts(list_item_people([], text))
    assert found == [("Zhu Anqi Rong", "PERSON")]


def test_span_cleanup_is_common_word_uses_three_languages():
    assert is_common_word("Yesterday") and is_common_word("hier") and is_common_word("ayer")
    assert not is_common_word("Kettunen")


def test_span_cleanup_applies_in_the_pipeline():
    x = extract("Deputy District Attorney Lorna Vasik charged the men. Yesterday, agents "
                "seized cartons in Rotterdam and Hamburg.", language="en")
    names = {e.name for e in x.entities}
    assert "Lorna Vasik" in names and "Yesterday" not in names
    assert not any("Deputy" in n for n in names)


def test_span_cleanup_a_titled_person_is_an_official():
    x = extract("The seizure was announced by Brigadier General Tomas Ferreira and by "
                "Vera Lind, 41, who was charged.", language="en")
    roles = {e.name: set(e.roles) for e in x.entities}
    assert "official" in roles["Tomas Ferreira"]
    assert "official" not in roles.get("Vera Lind", set())


def test_span_cleanup_split_coordinated_separates_two_companies_not_a_brand():
    text = "invoices of Harlow Textiles Ltd and Mercer Freight Lines went to Dolce and Gabbana"
    both = _m(text, "Harlow Textiles Ltd and Mercer Freight Lines", "ORG")
    brand = _m(text, "Dolce and Gabbana", "ORG")
    assert [m.text for m in split_coordinated([both, brand], text)] == [
        "Harlow Textiles Ltd", "Mercer Freight Lines", "Dolce and Gabbana"]


def test_span_cleanup_join_legal_tails_rejoins_a_name_cut_at_the_comma():
    from nlp.span_cleanup import join_legal_tails

    text = "la importadora Refacciones del Bajío, S.A. de C.V. (RBA) compró"
    cut = [_m(text, "Refacciones del Bajío", "ORG"), _m(text, "S.A. de C.V.", "ORG")]
    assert _texts(join_legal_tails(cut, text)) == [("Refacciones del Bajío, S.A. de C.V.", "ORG")]


def test_span_cleanup_split_coordinated_keeps_a_name_and_its_legal_form():
    text = "la importadora Refacciones del Bajío, S.A. de C.V. compró"
    whole = _m(text, "Refacciones del Bajío, S.A. de C.V.", "ORG")
    assert [m.text for m in split_coordinated([whole], text)] == [whole.text]



@pytest.mark.parametrize("text,cut,whole", [
    ("Payment by Kaya Dış Ticaret Ltd. Şti. was late.", "Kaya Dış Ticaret Ltd",
     "Kaya Dış Ticaret Ltd. Şti."),
    ("Vendido por Mármoles Ruiz S.A. de C.V. ayer.", "Mármoles Ruiz S.A.", "Mármoles Ruiz S.A. de C.V."),
])
def test_span_cleanup_extend_legal_tails_takes_the_rest_of_the_form(text, cut, whole):
    for type_ in ("ORG", "PERSON"):
        assert [m.text for m in extend_legal_tails([_m(text, cut, type_)], text)] == [whole]


def test_span_cleanup_extend_legal_tails_leaves_the_next_sentence():
    text = "It was sold by Acme Ltd. The next day it left."
    assert [m.text for m in extend_legal_tails([_m(text, "Acme Ltd", "ORG")], text)] == ["Acme Ltd"]


def test_span_cleanup_join_conjoined_firm():
    text = "paid to Kaya Kozmetik Sanayi ve Ticaret A.Ş. on Monday"
    ms = [_m(text, "Kaya Kozmetik Sanayi", "ORG"), _m(text, "Ticaret A.Ş.", "PERSON")]
    assert [(m.text, m.type) for m in join_conjoined_firm(ms, text)] == [
        ("Kaya Kozmetik Sanayi ve Ticaret A.Ş.", "ORG")]


def test_span_cleanup_join_conjoined_firm_keeps_two_firms_apart():
    text = "Acme Trading Ltd and Bolt Ltd signed"
    ms = [_m(text, "Acme Trading Ltd", "ORG"), _m(text, "Bolt Ltd", "ORG")]
    assert len(join_conjoined_firm(ms, text)) == 2
    text = "John Smith and Bolt Ltd signed"
    ms = [_m(text, "John Smith", "PERSON"), _m(text, "Bolt Ltd", "ORG")]
    assert len(join_conjoined_firm(ms, text)) == 2


@pytest.mark.parametrize("text,pieces,firm", [
    ("el embarcador KAYA DIS TICARET LTD STI, Bursa", [("STI", "ORG")], "KAYA DIS TICARET LTD STI"),
    ("La factura comercial número 2503-044 declara como fabricante a ORTAKOY\nKOZMETIK SANAYI "
     "VE TICARET A.S., Bursa",
     [("ORTAKOY", "LOCATION"), ("KOZMETIK SANAYI VE TICARET A.S.", "ORG")],
     "ORTAKOY\nKOZMETIK SANAYI VE TICARET A.S."),
    ("Shipper of record: Vltava Parfem Export s.r.o., Brno", [], "Vltava Parfem Export s.r.o."),
    ("Le destinataire est Lumière Textiles SARL.", [("Lumière Textiles", "PERSON")],
     "Lumière Textiles SARL"),
])
def test_span_cleanup_firm_names_end_in_a_legal_form(text, pieces, firm):
    found = firm_names([_m(text, p, t) for p, t in pieces], text)
    assert [(m.text, m.type) for m in found] == [(firm, "ORG")]


def test_span_cleanup_firm_names_stop_at_a_short_line():
    text = "Regards,\nJohn Carter\nBrookfield Auto Parts LLC\nT (770) 555-0100"
    assert [m.text for m in firm_names([], text)] == ["Brookfield Auto Parts LLC"]


def test_span_cleanup_firm_names_stop_at_the_end_of_a_sentence():
    for gap in ("\n", " "):
        text = f"wired to account 6222 of DUONG Van Dung.{gap}Stone Aurora Capital Inc., a shell"
        assert [m.text for m in firm_names([], text)] == ["Stone Aurora Capital Inc."]


def test_span_cleanup_firm_names_leave_people_and_identifiers():
    text = "Mr. Li Sa met On Monday Acme Trading Ltd staff"
    assert [m.text for m in firm_names([], text)] == ["Acme Trading Ltd"]
    text = "account ACME 1234 LTD"
    rule = RawMention(8, 17, "ACME 1234", "ACCOUNT", source="rule")
    assert firm_names([rule], text) == [rule]


def test_span_cleanup_mexican_ciudadano_before_a_full_name_but_not_an_initial():
    text = "firman el C. Laura Patricia Gómez Anaya y C. Smith"
    ms = [_m(text, "C. Laura Patricia Gómez Anaya", "PERSON"), _m(text, "C. Smith", "PERSON")]
    assert [m.text for m in strip_titles(ms, text)] == ["Laura Patricia Gómez Anaya", "C. Smith"]


def test_span_cleanup_a_legal_form_only_at_the_end_covers_the_whole_firm():
    text = "Shipper: Xincheng Import & Export Limited"
    ms = [_m(text, "Xincheng Import & Export Limited", "ORG")]
    assert [m.text for m in split_coordinated(ms, text)] == ["Xincheng Import & Export Limited"]


@pytest.mark.parametrize("label", ["B/L No.", "Registration no.", "Invoice Number", "Pedimento Núm."])
def test_span_cleanup_a_field_label_ending_in_number_is_no_party(label):
    text = f"{label}: 4815162342"
    assert drop_number_labels([_m(text, label, "ORG")], text) == []


def test_span_cleanup_firm_names_keep_a_bracketed_region_inside():
    text = "El embarcador, Dayuan Trading (HK) Limited, embarcó las cajas."
    pieces = [_m(text, "Dayuan Trading", "ORG"), _m(text, "Limited", "ORG")]
    assert [(m.text, m.type) for m in firm_names(pieces, text)] == [
        ("Dayuan Trading (HK) Limited", "ORG")]


def test_span_cleanup_firm_names_end_before_a_possessive():
    text = "wired $5,000 to Harbour Lines Trading (HK) Limited's account 555-380926-949."
    assert [m.text for m in firm_names([], text)] == ["Harbour Lines Trading (HK) Limited"]
    text = "the store AJ's Candy & Tobacco, LLC sold them"
    assert [m.text for m in firm_names([], text)] == ["AJ's Candy & Tobacco, LLC"]


@pytest.mark.parametrize("text, cut, want", [
    ("wired to the account held by HARBOUR VENTURES on May 2.", "HARBOUR", "HARBOUR VENTURES"),
    ("The funds went to Lotus Payments the next day.", "Lotus", "Lotus Payments"),
])
def test_span_cleanup_extend_org_words_takes_the_organisation_word_in(text, cut, want):
    found = extend_org_words([_m(text, cut, "PERSON")], text)
    assert [(m.text, m.type) for m in found] == [(want, "ORG")]


@pytest.mark.parametrize("text, cut", [
    ("REPORT BY OLAF IN MAJOR CITIES", "OLAF"),             # a headline in capitals
    ("seized in HU LT LV and PL", "HU"),                    # legal-form letters are not words
    ("paid HARBOUR Ventures", "HARBOUR"),                   # another case is another name
    ("met John Smith Holdings staff", "John"),              # stops at the next mention
])
def test_span_cleanup_extend_org_words_leaves_other_words_out(text, cut):
    mentions = [_m(text, cut, "PERSON")]
    if "Smith" in text:
        mentions.append(_m(text, "Smith Holdings", "ORG"))
    assert [m.text for m in extend_org_words(mentions, text)] == [m.text for m in mentions]


def test_span_cleanup_firm_names_find_the_next_firm_after_a_sentence_ending_in_a_form():
    text = "Li Wei directs Meilin Trading Limited. Tian Long Trading (HK) Limited is its agent."
    assert [m.text for m in firm_names([], text)] == ["Meilin Trading Limited",
                                                      "Tian Long Trading (HK) Limited"]


def test_span_cleanup_firm_names_need_a_word_besides_letter_codes():
    text = "Other languages: EN DE ES FI HU LT LV MT PL"      # "LT" reads as a legal form
    assert firm_names([], text) == []


def test_span_cleanup_firm_names_start_after_a_comma_that_is_not_before_a_legal_form():
    text = "L'expéditeur, Quanzhou Guangjia Import & Export Co., Ltd., a chargé le conteneur."
    assert [m.text for m in firm_names([], text)] == ["Quanzhou Guangjia Import & Export Co., Ltd."]


@pytest.mark.parametrize("text, span, type_", [
    ("Booking Ref.: GML25-03-0871", "Booking Ref", "LOCATION"),     # before a colon
    ("  TAX NO 6110582247", "TAX", "ORG"),                           # in capitals on a line in capitals
    ("FREIGHT PAYABLE AT: GEMLIK", "FREIGHT PAYABLE AT", "ORG"),      # ends in a function word
    ("NOTIFY PARTY\n  SAME AS ABOVE", "NOTIFY PARTY", "PERSON"),      # a header line
])
def test_span_cleanup_drop_field_labels_drops_form_labels(text, span, type_):
    assert drop_field_labels([_m(text, span, type_)], text) == []


@pytest.mark.parametrize("text, span, type_", [
    ("Carrier: Aegean Feeder Lines S.A.", "Aegean Feeder Lines S.A.", "ORG"),
    ("SHIPPER: GOLDEN STAR TRADING LTD", "GOLDEN STAR TRADING LTD", "ORG"),
    ("AGENT: JOHN SMITH", "JOHN SMITH", "PERSON"),                   # a given name
    ("PORT OF LOADING: ANTWERP, BELGIUM", "ANTWERP", "LOCATION"),     # a place
    ("Mr. Grant Hill said the cargo was fake.", "Grant Hill", "PERSON"),
])
def test_span_cleanup_drop_field_labels_keeps_names(text, span, type_):
    mention = _m(text, span, type_)
    assert drop_field_labels([mention], text) == [mention]


def test_span_cleanup_mail_names_are_people_not_places_and_lose_their_greeting():
    text = 'From: "Baran Oksuz" <baran@example.com.tr>\n\nDear Diego,\nthe goods left.'
    found = mail_names([_m(text, "Baran Oksuz", "LOCATION"), _m(text, "Dear Diego", "LOCATION")],
                       text)
    assert [(m.text, m.type) for m in found] == [("Baran Oksuz", "PERSON"), ("Diego", "PERSON")]
    text = "Hey Carla,\nthe boxes left."
    assert [m.text for m in mail_names([_m(text, "Hey Carla", "PERSON")], text)] == ["Carla"]
    text = "Cc: Harbour Freight Lines <ops@example.com>"
    found = mail_names([_m(text, "Harbour Freight Lines", "LOCATION")], text)
    assert [(m.text, m.type) for m in found] == [("Harbour Freight Lines", "ORG")]


@pytest.mark.parametrize("text, span, type_, want", [
    ("officers seized counterfeit Velmora Handbags at the port", "Velmora Handbags", "PERSON", "ORG"),
    ("des plaquettes de contrefaçon Norvik Brakes", "Norvik Brakes", "LOCATION", "ORG"),
    ("zapatos falsificados Ardeno Sport", "Ardeno Sport", "PERSON", "ORG"),
    ("counterfeit goods sold by Maria Lopez", "Maria Lopez", "PERSON", "PERSON"),
    ("fake Maria Lopez handbags", "Maria Lopez", "PERSON", "PERSON"),      # a given name
    ("counterfeit Paris perfume", "Paris", "LOCATION", "LOCATION"),       # a known place
])
def test_span_cleanup_brands_after_cues(text, span, type_, want):
    assert [m.type for m in brands_after_cues([_m(text, span, type_)], text)] == [want]


@pytest.mark.parametrize("span, type_", [("Port Director Ines Okafor", "LOCATION"),
                                         ("Director General Ann Kerr", "ORG")])
def test_span_cleanup_strip_titles_makes_a_titled_place_or_body_the_person(span, type_):
    found = strip_titles([RawMention(0, len(span), span, type_, source="ner")], span)
    assert [(m.text, m.type) for m in found] == [(span.split()[-2] + " " + span.split()[-1],
                                                   "PERSON")]


@pytest.mark.parametrize("text, cut, want", [
    ("les conteneurs venaient des Émirats arabes unis le 3 mai", "Émirats", "Émirats arabes unis"),
    ("la mercancía llegó del Reino Unido ayer", "Reino", "Reino Unido"),
    ("seized in Paris Texas warehouses", "Paris", "Paris"),       # no known place is longer
])
def test_span_cleanup_extend_known_places_takes_the_rest_of_the_name(text, cut, want):
    assert [m.text for m in extend_known_places([_m(text, cut, "ORG")], text)] == [want]


@pytest.mark.parametrize("text, cut, want", [
    ("el Departamento de Comercio de EE. UU. dijo", "Departamento de Comercio de EE",
     "Departamento de Comercio de EE. UU."),
    ("el Departamento de Comercio de EE.UU. dijo", "Departamento de Comercio de EE",
     "Departamento de Comercio de EE.UU."),
    ("la empresa Kaya AA. Luego", "Kaya AA", "Kaya AA"),        # no doubled initials after it
])
def test_span_cleanup_join_doubled_initials(text, cut, want):
    assert [m.text for m in join_doubled_initials([_m(text, cut, "ORG")], text)] == [want]


def test_span_cleanup_join_listed_complements_takes_a_list_of_words_not_of_bodies():
    text = "agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives seized it"
    ms = [_m(text, "Bureau of Alcohol", "ORG"), _m(text, "Tobacco", "LOCATION")]
    assert [m.text for m in join_listed_complements(ms, text)] == [
        "Bureau of Alcohol, Tobacco, Firearms and Explosives"]
    text = "investigated by the Federal Bureau of Investigation, HSI and CBP"
    ms = [_m(text, "Federal Bureau of Investigation", "ORG"), _m(text, "HSI", "ORG"),
          _m(text, "CBP", "ORG")]
    assert [m.text for m in join_listed_complements(ms, text)] == [m.text for m in ms]

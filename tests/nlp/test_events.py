"""Events from prose: seizures, shipments and payments in English, French and Spanish.

The sentences are written for these tests (active and passive voice, the value before or after
the goods, 14,600 / 14 600 / 14.600), and every argument a sentence states is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from nlp import Extraction, extract


def _events(x: Extraction, type_: str) -> list[dict[str, Any]]:
    """The events of ``type_`` with entity ids replaced by entity names."""
    names = {e.id: e.name for e in x.entities}

    def name(v: Any) -> Any:
        if isinstance(v, list):
            return [name(i) for i in v]
        return names.get(v, v) if isinstance(v, str) else v

    return [{k: name(v) for k, v in e.args.items()} for e in x.events if e.type == type_]


def _one(x: Extraction, type_: str) -> dict[str, Any]:
    found = _events(x, type_)
    assert len(found) == 1, found
    return found[0]


EN_REPORT = (
    "On 3 May 2024, officers of the Canada Border Services Agency at the Port of Vancouver "
    "examined container TGHU8876548, which had arrived aboard the vessel MSC ADELINA. The "
    "shipper is listed as Hangzhou Feiyue Garments Co., Ltd. and the consignee as Maple Ridge "
    "Apparel Inc. of Surrey.\n\nInside, officers found 14,600 pairs of athletic shoes bearing "
    "counterfeit Nike and Adidas trademarks. The goods were detained on May 6, 2024. If genuine, "
    "the goods would have been worth $1,460,000.")


def test_events_english_seizure_told_over_a_report():
    x = extract(EN_REPORT, language="en")
    ev = _one(x, "SEIZURE")
    assert ev["containers"] == ["TGHU8876548"]
    assert ev["vessel"] == "MSC ADELINA"
    assert ev["agency"] == "Canada Border Services Agency"
    assert ev["port_of_discharge"] == "Port of Vancouver"
    assert ev["date"] == "2024-05-06"  # the day of the seizure, not of the examination
    assert ev["shipper"] == "Hangzhou Feiyue Garments Co., Ltd."
    assert ev["consignee"].startswith("Maple Ridge Apparel")
    assert set(ev["brands"]) == {"Nike", "Adidas"}
    assert ev["quantity"] == 14600.0
    assert ev["goods"] == ["14,600 pairs of athletic shoes"]
    assert ev["value"] == "$1,460,000"
    evidence = next(e for e in x.events if e.type == "SEIZURE").arg_evidence
    assert "TGHU8876548" in evidence["containers"].text
    assert "Nike" in evidence["brands"].text


def test_events_french_seizure_value_before_goods():
    x = extract(
        "Le 12 septembre 2023, les douaniers du port du Havre ont saisi, pour une valeur estimée "
        "à 250 000 euros, 14 600 paires de chaussures de sport portant la marque Nike dans le "
        "conteneur MSCU1234566. Le conteneur avait été expédié par la société Ningbo Haitian "
        "Trading Co., Ltd. Le destinataire est Lumière Textiles SARL.", language="fr")
    ev = _one(x, "SEIZURE")
    assert ev["date"] == "2023-09-12"
    assert ev["containers"] == ["MSCU1234566"]
    assert ev["quantity"] == 14600.0
    assert ev["goods"] == ["14 600 paires de chaussures de sport"]
    assert ev["brands"] == ["Nike"]
    assert ev["value"] == "250 000 euros"
    assert ev["shipper"] == "Ningbo Haitian Trading Co., Ltd."
    assert ev["consignee"] == "Lumière Textiles SARL"


def test_events_spanish_seizure_passive_with_roles_by_cue_words():
    x = extract(
        "El 4 de julio de 2023 fueron asegurados en el puerto de Manzanillo 14.600 pares de "
        "tenis falsificados de la marca Nike. La mercancía viajaba en el contenedor CSQU3054383, "
        "cuyo remitente es Dongguan Weilong Shoes Co., Ltd., y como consignatario figura "
        "Calzados del Bajío S.A. de C.V.", language="es")
    ev = _one(x, "SEIZURE")
    assert ev["date"] == "2023-07-04"
    assert ev["quantity"] == 14600.0
    assert ev["goods"][0].startswith("14.600 pares de tenis")
    assert ev["brands"] == ["Nike"]
    assert ev["containers"] == ["CSQU3054383"]
    assert ev["shipper"] == "Dongguan Weilong Shoes Co., Ltd."
    assert ev["consignee"] == "Calzados del Bajío S.A. de C.V."


def test_events_shipment_without_seizure():
    x = extract(
        "On 2 February 2024, Ningbo Haitian Trading Co., Ltd. shipped container MRKU5512087 "
        "aboard the vessel MAERSK KOLKATA, consigned to Lakeshore Distribution LLC; the port of "
        "loading was Ningbo.", language="en")
    assert not _events(x, "SEIZURE")
    ev = _one(x, "SHIPMENT")
    assert ev["containers"] == ["MRKU5512087"]
    assert ev["vessel"] == "MAERSK KOLKATA"
    assert ev["consignee"] == "Lakeshore Distribution LLC"
    assert ev["port_of_loading"] == "Ningbo"
    assert ev["date"] == "2024-02-02"


@pytest.mark.parametrize("text, language, payer, payee, amount, currency, date", [
    ("Keystone Imports LLC wired USD 48,500 to Ocean Pearl Trading Ltd on March 12, 2024, "
     "according to the bank records.", "en",
     "Keystone Imports LLC", "Ocean Pearl Trading Ltd", 48500.0, "USD", "2024-03-12"),
    ("According to the indictment, on June 2, 2023, Lin Wei received $9,500 from Harbor Star "
     "Logistics Inc.", "en", "Harbor Star Logistics Inc", "Lin Wei", 9500.0, "USD", "2023-06-02"),
    ("Selon l'enquête, Marchal Distribution SARL a viré 12 500 euros au profit de Brasserie "
     "Dupuis SA le 4 avril 2023.", "fr",
     "Marchal Distribution SARL", "Brasserie Dupuis SA", 12500.0, "EUR", "2023-04-04"),
    ("El 12 de marzo de 2024, Comercializadora Tlaloc S.A. de C.V. transfirió 48.500 dólares a "
     "favor de Shenzhen Brightway Co., Ltd.", "es",
     "Comercializadora Tlaloc S.A. de C.V.", "Shenzhen Brightway Co., Ltd.", 48500.0, "USD",
     "2024-03-12"),
])
def test_events_payment_payer_payee_amount_date(text, language, payer, payee, amount, currency,
                                                date):
    x = extract(text, language=language)
    ev = _one(x, "PAYMENT")
    assert (ev["payer"], ev["payee"]) == (payer, payee)
    assert (ev["amount"], ev["currency"], ev["date"]) == (amount, currency, date)


def test_events_two_amounts_of_one_sentence_keep_their_own_dates():
    x = extract(
        "Según el informe, Comercializadora Tlaloc S.A. de C.V. pagó a Shenzhen Brightway Co., "
        "Ltd. 30,000 dólares el 5 de enero de 2024 y 12,000 dólares el 9 de febrero de 2024.",
        language="es")
    found = sorted((e["amount"], e["date"], e["payee"][:18]) for e in _events(x, "PAYMENT"))
    assert found == [(12000.0, "2024-02-09", "Shenzhen Brightway"),
                     (30000.0, "2024-01-05", "Shenzhen Brightway")]


def test_events_payment_replaces_the_sentence_level_money_relation():
    x = extract("Keystone Imports LLC wired USD 48,500 to Ocean Pearl Trading Ltd on March 12, "
                "2024, according to the bank records.", language="en")
    assert not [r for r in x.relations if r.type in ("PAID", "TRANSFERRED")]


@pytest.mark.parametrize("text, language", [
    ("The spokesman assured reporters that the company had paid its taxes.", "en"),
    ("El director aseguró que la empresa no importaba mercancía falsificada.", "es"),
    ("The value of the shipment was estimated at $40,000.", "en"),
])
def test_events_none_without_a_frame(text, language):
    x = extract(text, language=language)
    assert not [e for e in x.events if e.type in ("SEIZURE", "PAYMENT")]


def test_events_survive_the_json_round_trip():
    x = extract(EN_REPORT, language="en")
    back = Extraction.from_json(x.to_json())
    assert [(e.type, e.args) for e in back.events] == [(e.type, e.args) for e in x.events]
    assert back.events[0].evidence == x.events[0].evidence


def test_events_a_total_after_listed_wires_is_not_another_payment():
    x = extract(
        "Records show that Keystone Imports LLC wired funds to Ocean Pearl Trading Ltd: "
        "USD 10,000 on 2 March 2024, USD 12,500 on 9 April 2024 and USD 8,000 on 1 May 2024 "
        "(USD 30,500 in total, or a total of USD 30,500).", language="en")
    found = sorted((e["amount"], e["date"]) for e in _events(x, "PAYMENT"))
    assert found == [(8000.0, "2024-05-01"), (10000.0, "2024-03-02"), (12500.0, "2024-04-09")]


def test_events_the_holder_of_the_receiving_account_is_no_payer():
    text = ("Nordvik Holdings a transféré 12 500 dollars le 3 mai 2024 depuis le compte 4410092 "
            "vers le compte 7730015 détenu par Halden Export Ltd.")
    x = extract(text, language="fr")
    names = {e.id: e.name for e in x.entities}
    payment = next(e for e in x.events if e.type == "PAYMENT")
    assert names[payment.args["payer"]] == "Nordvik Holdings"


def test_events_from_and_to_accounts_are_told_apart():
    text = ("El 14/09/2023 se transfirieron USD 94,322.46 de la cuenta 012724607708369451 de "
            "Cambios Norte SA de CV a la cuenta 072136481216054675 de Halden Export Ltd.")
    x = extract(text, language="es")
    names = {e.id: e.name for e in x.entities}
    payment = next(e for e in x.events if e.type == "PAYMENT")
    assert names[payment.args["payer_account"]].replace(" ", "") == "012724607708369451"
    assert names[payment.args["payee_account"]].replace(" ", "") == "072136481216054675"


def test_events_account_holders_name_payer_and_payee_line_by_line():
    text = ("El 14/09/2023 se transfirieron USD 94,322.46 de la cuenta 012724607708369451 de "
            "Cambios Norte SA de CV a la cuenta VG03CUEV4640085997987320 de Halden Export Ltd.\n"
            "Halden Export Ltd. envió 84.173 euros el 17 de septiembre de 2023 desde la cuenta "
            "VG03 CUEV 4640 0859 9798 7320 a la cuenta 307-656370-049, cuyo titular es Nordvik "
            "Holdings Inc.\n")
    found = _events(extract(text, language="es"), "PAYMENT")
    # "Inc." ending the text may keep its stop (an abbreviation) or not (the sentence's)
    assert [(e.get("payer"), e.get("payee", "").rstrip("."), e["amount"], e["currency"],
             e.get("date")) for e in found] == [
        ("Cambios Norte SA de CV", "Halden Export Ltd", 94322.46, "USD", "2023-09-14"),
        ("Halden Export Ltd", "Nordvik Holdings Inc", 84173.0, "EUR", "2023-09-17")]
    # each wire keeps its own accounts: the second line's IBAN is not the first's payer's
    assert found[1]["payer_account"].replace(" ", "") == "VG03CUEV4640085997987320"


MAKER_REPORT = (
    "On 2 June 2025 container TGHU8876548 was examined at the Port of Halifax. Shipper of "
    "record: Ostrava Parfem Export s.r.o., Brno. Consignee: Lakeshore Beauty Supply Inc.\n\n"
    "The cartons were found to contain 4,800 units of perfume bearing counterfeit Chanel "
    "trademarks, which were seized.\n\n"
    "The labels under the sleeves identify the manufacturer as \"Velka Hora Kosmetika a.s.\".")


def test_events_maker_and_parties_named_in_other_paragraphs_of_a_one_seizure_report():
    seizure = _one(extract(MAKER_REPORT, language="en"), "SEIZURE")
    assert seizure["shipper"].startswith("Ostrava Parfem Export")
    assert seizure["manufacturer"] == "Velka Hora Kosmetika a.s."


@pytest.mark.parametrize("text,language,role,name", [
    ("Le 3 mars 2025, le conteneur TGHU8876548 a été retenu. L'expéditeur mentionné est la "
     "société ALPINA DIS TICARET LTD STI, Izmir.", "fr", "shipper", "ALPINA DIS TICARET LTD STI"),
    ("El 3 de marzo de 2025 se aseguró el contenedor TGHU8876548. La factura declara como "
     "fabricante a ORTAKOY KOZMETIK SANAYI VE\nTICARET A.S., Bursa.", "es", "manufacturer",
     "ORTAKOY KOZMETIK SANAYI VE TICARET A.S."),
])
def test_events_role_cues_with_a_qualifier_and_capitalised_firm_names(text, language, role, name):
    seizure = _one(extract(text, language=language), "SEIZURE")
    assert " ".join(seizure[role].split()) == name


def test_events_this_account_is_the_account_of_the_sentence_before():
    text = ("Ostrava Parfem Export s.r.o. holds account CZ65 0800 0000 1920 0014 5399. Between "
            "January and April 2025 this account received EUR 128,000.00 from Kestrel Supply LLC "
            "(IBAN AE07 0331 2345 6789 0123 456) on 4 April 2025.")
    payment = _one(extract(text, language="en"), "PAYMENT")
    assert (payment["payer"], payment["payee"], payment["amount"]) == (
        "Kestrel Supply LLC", "Ostrava Parfem Export s.r.o.", 128000.0)
    assert payment["payee_account"].replace(" ", "") == "CZ6508000000192000145399"
    assert payment["payer_account"].replace(" ", "") == "AE070331234567890123456"


def test_events_the_same_number_named_for_another_party():
    text = ("The manager is Ms. Elif Arslan, mobile +90 533 201 44 17. The same mobile number is "
            "given as the contact number of Kestrel Supply LLC on its banking profile.")
    x = extract(text, language="en")
    names = {e.id: e.name for e in x.entities}
    phones = {(names[r.source], names[r.target]) for r in x.relations if r.type == "HAS_PHONE"}
    assert ("Kestrel Supply LLC", "+90 533 201 44 17") in phones

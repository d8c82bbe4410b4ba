"""Relations stated in fixed shapes, and roles passed from a group sentence to the named members."""

from nlp import Extraction, extract


def _links(x: Extraction) -> set[tuple[str, str, str]]:
    ids = x.by_id()
    return {(ids[r.source].name, r.type, ids[r.target].name) for r in x.relations}


def _roles(x: Extraction, name: str) -> set[str]:
    return set(next(e for e in x.entities if e.name == name).roles)


def test_official_title_of_an_agency_is_employment():
    x = extract("The arrests were announced by Laura Whitfield, Special Agent in Charge of "
                "Homeland Security Investigations in Baltimore.", language="en")
    assert ("Laura Whitfield", "EMPLOYED_BY", "Homeland Security Investigations") in _links(x)


def test_age_then_home_town_is_a_place_of_residence():
    x = extract("Marek Kowalski, 41, of Gdansk, and Tomas Novak, 36, of Brno, were charged with "
                "smuggling counterfeit perfume.", language="en")
    links = _links(x)
    assert ("Marek Kowalski", "LOCATED_IN", "Gdansk") in links
    assert ("Tomas Novak", "LOCATED_IN", "Brno") in links
    assert {("Marek Kowalski", "ASSOCIATED_WITH", "Tomas Novak"),
            ("Tomas Novak", "ASSOCIATED_WITH", "Marek Kowalski")} & links


def test_goods_moved_from_and_to_places():
    x = extract("Hamid Rahimi was sentenced for importing counterfeit airbags from Turkey and "
                "shipping them to Nigeria.", language="en")
    links = _links(x)
    assert ("Hamid Rahimi", "IMPORTED", "Turkey") in links
    assert ("Hamid Rahimi", "SHIPPED", "Nigeria") in links


def test_spanish_group_sentence_gives_roles_to_the_members_named_next():
    x = extract("Los dos cabecillas de la red fueron detenidos por blanqueo de capitales en "
                "Sevilla. Se trata de Rosa Morales, de 40 años, y Julio Pardo, de 51 años.",
                language="es")
    for name in ("Rosa Morales", "Julio Pardo"):
        assert {"leader", "money_launderer", "defendant"} <= _roles(x, name)


def test_no_roles_are_passed_without_a_group_cue():
    x = extract("Las mercancías llegaron al puerto de Valencia por blanqueo. Se trata de Rosa "
                "Morales y Julio Pardo.", language="es")
    assert "money_launderer" not in _roles(x, "Rosa Morales")


def test_relations_a_purchase_from_a_party_makes_it_the_supplier():
    x = extract("Harlow Outlet LLC bought its stock from Mercer Trading Ltd.", language="en")
    names = {e.id: e.name for e in x.entities}
    supplied = [(names[r.source], names[r.target]) for r in x.relations if r.type == "SUPPLIED"]
    assert supplied == [("Mercer Trading Ltd", "Harlow Outlet LLC")]


def test_an_account_the_money_goes_to_is_not_the_payers():
    x = extract("On 3 May 2024, USD 41,200.00 was wired by Orchard Valley Trading Ltd to "
                "account 7781204556 of a courier in Lagos.", language="en")
    assert not {link for link in _links(x) if link[1] == "HOLDS"}
    y = extract("Orchard Valley Trading Ltd, account 7781204556, paid the supplier.", language="en")
    assert ("Orchard Valley Trading Ltd", "HOLDS", "7781204556") in _links(y)


def test_a_title_does_not_hold_the_account_of_the_paragraph_under_it():
    x = extract("NORTHWIND CAPITAL LTD — ACCOUNT REVIEW\n\nThe account 7781204556 "
                "(Orchard Valley Trading Ltd) received 11 deposits.", language="en")
    held = {(a, b) for a, t, b in _links(x) if t == "HOLDS"}
    assert not {a for a, _ in held} - {"Orchard Valley Trading Ltd"}

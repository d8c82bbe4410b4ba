"""The criminal network of one case: source organization, trade chain, money chain, agencies."""

from __future__ import annotations

import datetime as dt

from seed_data import ids, places
from seed_data.builder import Builder, make_shipment, transfer
from seed_data.world import Case, Entity

__all__ = ["build_network"]

_SHELL_COUNTRIES = [("PA", "USD"), ("VG", "USD"), ("US", "USD"), ("CY", "EUR"), ("LV", "USD")]
_CURRENCY = {"CA": "CAD", "US": "USD", "MX": "MXN"}


def _add(case: Case, role: str, *ents: Entity) -> None:
    case.roles.setdefault(role, []).extend(e.id for e in ents if e.id not in case.roles.get(role, []))


def build_network(b: Builder, case: Case) -> None:
    """Fill ``case`` with its actors, shipments and money chains (relations go to the world)."""
    rng, w, cid, split = b.rng, b.w, case.id, case.split
    dest = case.country
    local = places.ORIGIN_OF[dest]
    for code in case.agencies:
        _add(case, "agency", b.agency(code, cid))
    # Brand and rights holder
    brand = b.reuse(f"brand:{case.sector}", cid, 0.3)
    if brand is None:
        core = rng.choice(places.BRAND_CORES)
        word = rng.choice(places.SECTORS[case.sector][3])
        name = f"{core} {word}"
        brand = b.remember(f"brand:{case.sector}", w.add("ORG", "BRAND", ["Brand"], name,
                                                           [name, core, core.upper(), f"{core}®"],
                                                           key=f"brand:{name}"))
        brand.roles.add("brand")
        brand.cases.add(cid)
        holder = b.company(rng.choice(["US", "CA"]), "law", ["Company"], split, cid, set(),
                           core=rng.choice(["Whitfield", "Moreau", "Okafor", "Lindqvist", "Dubois",
                                            "Castañeda", "Harrington", "Nakamura"]))
        counsel = b.person(rng.choice(["en", "ca", "fr", "es"]), split, cid, set())
        dom = b.domain(holder.props["core"] + "law", ".com", cid)
        mail = b.email((strip(counsel.name.split()[0])[:1] + strip(counsel.name.split()[-1])).lower(), dom, cid)
        w.relate(counsel.id, "EMPLOYED_BY", holder.id, cid)
        w.relate(counsel.id, "HAS_EMAIL", mail.id, cid)
        w.relate(holder.id, "ASSOCIATED_WITH", brand.id, cid, role="counsel")
        brand.props.update({"counsel": holder.id, "contact": counsel.id, "email": mail.id,
                            "recordation": f"TMK {rng.randrange(10**6, 10**7)}"})
    brand.cases.add(cid)
    _add(case, "brand", brand)
    for key in ("counsel", "contact", "email"):
        w.get(brand.props[key]).cases.add(cid)
    # Source organization
    src_country, src_city, province, pol_name, origin = rng.choice(places.SOURCES)
    controller = b.reuse("controller", cid, 0.3)
    if controller is not None:
        holding = w.get(controller.props["holding"])
        holding.cases.add(cid)
        src_country, src_city, province, pol_name, origin = controller.props["source"]
    else:
        controller = b.remember("controller", b.person(origin, split, cid, {"leader", "manufacturer"},
                                                       country=src_country))
        controller.props["source"] = (src_country, src_city, province, pol_name, origin)
        b.criminal_names.append(controller.id)
    city = b.city(src_city, src_country, province)
    if "holding" not in controller.props:
        holding = b.company(src_country, "holding", ["Manufacturer"], split, cid, {"manufacturer"}, city,
                            province)
        controller.props["holding"] = holding.id
        w.relate(controller.id, "OWNS", holding.id, cid, share=rng.choice([51, 60, 75, 100]))
        w.relate(controller.id, "DIRECTS", holding.id, cid)
    factories = [b.company(src_country, "factory", ["Manufacturer"], split, cid, {"manufacturer"}, city,
                           province) for _ in range(rng.randrange(1, 3))]
    for f in factories:
        w.relate(holding.id, "OWNS", f.id, cid, share=100)
    hub_code, hub_city, hub_port, hub_variants = rng.choice(places.HUBS)
    exp_country = rng.choice([src_country, "HK"]) if src_country == "CN" else src_country
    exporters = [b.company(exp_country, "export", ["Exporter"], split, cid, {"exporter"},
                           b.city("Hong Kong" if exp_country == "HK" else src_city, exp_country,
                                  "" if exp_country == "HK" else province),
                           "" if exp_country == "HK" else province) for _ in range(rng.randrange(1, 3))]
    nominee = b.person(origin, split, cid, {"exporter"}, country=exp_country)
    for e in exporters:
        w.relate(nominee.id, "DIRECTS", e.id, cid)
        w.relate(holding.id, "OWNS", e.id, cid, share=rng.choice([49, 90, 100]), hidden=True)
        for f in factories:
            w.relate(f.id, "SUPPLIED", e.id, cid)
    case.source_org = [controller.id, holding.id] + [f.id for f in factories] + [e.id for e in exporters]
    _add(case, "controller", controller)
    _add(case, "holding", holding)
    _add(case, "factory", *factories)
    _add(case, "exporter", *exporters)
    _add(case, "nominee", nominee)
    # Logistics
    forwarder = b.reuse("forwarder", cid, 0.35) or b.remember(
        "forwarder", b.company(hub_code, "forwarder", ["Shipper"], split, cid, {"shipper"},
                               b.city(hub_city, hub_code), ""))
    hub_city_ent = b.city(hub_city, hub_code)
    hub = b.port(hub_port, hub_variants, hub_city_ent)
    pol = b.port(f"Port of {pol_name}", [pol_name, pol_name.upper()], city)
    d_city, d_port, d_variants, d_region = rng.choice(places.DESTINATIONS[dest])
    dcity = b.city(d_city, dest, d_region)
    pod = b.port(d_port, d_variants, dcity)
    broker = b.company(dest, "broker", ["Broker"], split, cid, {"broker"}, dcity, d_region)
    broker_agent = b.person(rng.choice(local), split, cid, {"broker"}, country=dest)
    w.relate(broker_agent.id, "EMPLOYED_BY", broker.id, cid)
    # Importers of record: front companies with rotating names at one address and phone
    director = b.person(rng.choice(local), split, cid, {"importer", "defendant"}, country=dest)
    fronts: list[Entity] = []
    for i in range(rng.randrange(2, 4)):
        front = b.company(dest, "import", ["Importer", "FrontCompany"], split, cid, {"importer", "consignee"},
                          dcity if i == 0 else None, d_region)
        if i:
            first = w.get(fronts[0].props["address"])
            w.relate(front.id, "HAS_ADDRESS", first.id, cid)
            front.props["address"] = first.id
        w.relate(director.id, "DIRECTS", front.id, cid)
        fronts.append(front)
    lookalike = b.company(dest, "import", ["Importer"], split, cid, set(), dcity, d_region,
                          core=fronts[0].props["core"], legit=True)
    _add(case, "forwarder", forwarder)
    _add(case, "broker", broker)
    _add(case, "broker_agent", broker_agent)
    _add(case, "importer", *fronts)
    _add(case, "front_director", director)
    _add(case, "lookalike", lookalike)
    # Distribution
    distributor = b.company(dest, "import", ["Distributor"], split, cid, {"distributor"}, dcity, d_region)
    seller = b.person(rng.choice(local), split, cid, {"seller", "distributor"}, country=dest)
    shop = b.domain(rng.choice(["best", "top", "mega", "outlet", "deal", "cheap"]) + brand.name.split()[0]
                    + rng.choice(["store", "shop", "depot", "deals"]),
                    rng.choice([".com", ".net", ".shop", ".ca" if dest == "CA" else ".mx" if dest == "MX" else ".us"]),
                    cid)
    seller_mail = b.email(strip(seller.name.split()[0]).lower() + str(rng.randrange(10, 99)), shop, cid)
    seller_phone = b.phone(dest, cid)
    w.relate(seller.id, "HAS_EMAIL", seller_mail.id, cid)
    w.relate(seller.id, "HAS_PHONE", seller_phone.id, cid)
    w.relate(seller.id, "ASSOCIATED_WITH", shop.id, cid, role="operates")
    courier = b.person(rng.choice(local), split, cid, {"courier"}, country=dest)
    w.relate(courier.id, "EMPLOYED_BY", distributor.id, cid)
    w.relate(seller.id, "DIRECTS", distributor.id, cid)
    for front in fronts:
        w.relate(front.id, "SUPPLIED", distributor.id, cid)
    ctrl_dom = b.domain(w.get(exporters[0].id).props["core"] + rng.choice(["trade", "global", "intl"]),
                        rng.choice([".com", ".cn", ".hk", ".net"]), cid)
    nominee_mail = b.email(strip(nominee.name.split()[-1]).lower() + "." + strip(nominee.name.split()[0]).lower(),
                           ctrl_dom, cid)
    w.relate(nominee.id, "HAS_EMAIL", nominee_mail.id, cid)
    director_mail = b.email(strip(director.name.split()[0]).lower() + "." + strip(director.name.split()[-1]).lower(),
                            b.domain(rng.choice(["gmail", "outlook", "protonmail", "yahoo"]), ".com", cid), cid)
    w.relate(director.id, "HAS_EMAIL", director_mail.id, cid)
    _add(case, "distributor", distributor)
    _add(case, "seller", seller)
    _add(case, "courier", courier)
    # Money: financier, launderer, shells, MSB
    financier = b.reuse("financier", cid, 0.4) or b.remember(
        "financier", b.person(rng.choice(["zh", "ar", "tr", "es", "en", "ko"]), split, cid,
                              {"financier", "leader"}))
    financier.roles.add("financier")
    w.relate(financier.id, "FINANCED", holding.id, cid)
    launderer = b.reuse("launderer", cid, 0.35) or b.remember(
        "launderer", b.person(rng.choice(["es", "ar", "en", "zh", "br"]), split, cid, {"money_launderer"}))
    shells = []
    for sc, _cur in rng.sample(_SHELL_COUNTRIES, 2):
        shell = b.reuse(f"shell:{sc}", cid, 0.3) or b.remember(
            f"shell:{sc}", b.company(sc, "shell", ["FrontCompany", "Financier"], split, cid,
                                     {"money_launderer"},
                                     b.city({"PA": "Panama City", "VG": "Road Town", "US": "Wilmington",
                                             "CY": "Limassol", "LV": "Riga"}[sc], sc),
                                     {"US": "DE"}.get(sc, "")))
        w.relate(launderer.id, "DIRECTS", shell.id, cid)
        shells.append(shell)
    msb = b.company(dest, "msb", ["Financier"], split, cid, {"money_launderer"}, dcity, d_region)
    w.relate(launderer.id, "OWNS", msb.id, cid)
    _add(case, "financier", financier)
    _add(case, "launderer", launderer)
    _add(case, "shell", *shells)
    _add(case, "msb", msb)
    _vessel_and_shipments(b, case, fronts, exporters, factories, forwarder, broker, lookalike, brand,
                          pol, hub, pod, dcity)
    _money(b, case, distributor, msb, shells, exporters[0], controller, fronts[0], dest)
    # Investigators
    officer = b.person(rng.choice(local), split, cid, {"official"}, country=dest)
    w.relate(officer.id, "EMPLOYED_BY", b.agency(case.lead, cid).id, cid)
    _add(case, "officer", officer)
    court_name = places.court_for(dest, dcity.props.get("region", ""), rng)
    court = w.add("ORG", "COURT", ["Agency"], court_name, [court_name], key=f"court:{court_name}")
    court.cases.add(cid)
    _add(case, "court", court)
    for person in (director, seller, courier, controller, nominee):
        w.relate(b.agency(case.lead, cid).id, "INVESTIGATED", person.id, cid)
    for person in (director, seller):
        w.relate(court.id, "CHARGED", person.id, cid)
    # Same common name, different person: a legitimate employee of the look-alike company
    if b.criminal_names and rng.random() < 0.5:
        original = w.get(rng.choice(b.criminal_names))
        twin = w.add("PERSON", "", ["Person"], original.name, list(original.variants), native=original.native,
                     props={"origin": original.props["origin"], "country": dest, "legitimate": True,
                            "namesake_of": original.id})
        if original.native:
            twin.props["native_script"] = original.native
        twin.cases.add(cid)
        w.relate(twin.id, "EMPLOYED_BY", lookalike.id, cid)
        _add(case, "namesake", twin)
    case.title = f"{w.get(brand.id).name} counterfeit {case.sector} via {pod.name}"


def strip(text: str) -> str:
    from seed_data.names import ascii_slug

    return ascii_slug(text)


def _vessel_and_shipments(b: Builder, case: Case, fronts, exporters, factories, forwarder, broker,
                          lookalike, brand, pol, hub, pod, dcity) -> None:
    rng, w, cid = b.rng, b.w, case.id
    vessels = []
    for _ in range(2):
        vname = rng.choice(places.VESSELS)
        v = w.add("VESSEL", "", ["Vessel"], vname, [vname, f"M/V {vname}", vname.upper(), f"MV {vname.upper()}"],
                  key=f"vessel:{vname}")
        if "imo" not in v.identifiers:
            imo = ids.imo_number(rng)
            v.identifiers["imo"] = imo
            ient = w.add("IMO", "", ["Identifier"], f"IMO {imo}", [f"IMO {imo}", f"IMO No. {imo}", f"IMO{imo}"],
                         key=f"imo:{imo}")
            v.props["imo_entity"] = ient.id
            w.relate(v.id, "ASSOCIATED_WITH", ient.id, "", role="imo")
        v.cases.add(cid)
        vessels.append(v)
    goods = places.SECTORS[case.sector][0][0]
    hs = places.SECTORS[case.sector][1]
    start = b.date(case.year, 0, 240)
    for i in range(rng.randrange(3, 6)):
        day = start + dt.timedelta(days=21 * i + rng.randrange(0, 10))
        ship = make_shipment(b, case, exporters[i % len(exporters)], fronts[i % len(fronts)], forwarder,
                             broker, vessels[i % 2], pol, pod, goods, hs, brand, True, day)
        for f in factories[:1]:
            w.relate(f.id, "MANUFACTURED", ship.entity, cid)
        if i < 3 or rng.random() < 0.5:
            customs = b.agency({"CA": "CBSA", "US": "CBP", "MX": "ANAM"}[case.country], cid)
            seized = day + dt.timedelta(days=rng.randrange(18, 40))
            ship.seized_by, ship.seizure_date = customs.id, seized.isoformat()
            sz = w.add("SEIZURE", "", ["Seizure"], f"Seizure {case.id}-{i + 1:02d}", key=f"sz:{cid}:{i}",
                       props={"date": seized.isoformat(), "agency": customs.id, "place": pod.id,
                              "quantity": ship.quantity, "msrp_usd": ship.msrp, "shipment": ship.entity})
            sz.cases.add(cid)
            ship.seizure = sz.id
            w.relate(customs.id, "SEIZED", ship.entity, cid, date=seized.isoformat())
            w.relate(sz.id, "SEIZED", ship.entity, cid, date=seized.isoformat())
            w.relate(sz.id, "PART_OF", case.entity, cid)
    # Legitimate background trade, including the innocent look-alike importer
    legit_exporter = b.company(rng.choice(["CN", "VN", "KR", "TR"]), "export", ["Exporter"], case.split, cid,
                               set(), legit=True)
    for i in range(rng.randrange(2, 4)):
        lgoods, lhs = rng.choice(places.LEGIT_GOODS)
        importer = lookalike if i == 0 else b.company(case.country, "import", ["Importer"], case.split, cid,
                                                     set(), dcity, "", legit=True)
        day = start + dt.timedelta(days=rng.randrange(0, 100))
        make_shipment(b, case, legit_exporter, importer, forwarder if i == 0 else legit_exporter, broker,
                      vessels[i % 2], pol, pod, lgoods, lhs, None, False, day)
    case.roles["legit_exporter"] = [legit_exporter.id]
    case.roles["vessel"] = [v.id for v in vessels]
    case.roles["pol"], case.roles["hub"], case.roles["pod"] = [pol.id], [hub.id], [pod.id]


def _money(b: Builder, case: Case, distributor, msb, shells, exporter, controller, front, dest) -> None:
    rng, w, cid = b.rng, b.w, case.id
    cur = _CURRENCY[dest]
    cash = "USD" if dest == "MX" else cur
    d_acct = b.account(distributor, dest, cid, cash)
    m_acct = b.account(msb, dest, cid, cash)
    s_accts = [w.get(s.props["account"]) if "account" in s.props else None for s in shells]
    for i, s in enumerate(shells):
        if s_accts[i] is None:
            sc = s.props["country"]
            s_accts[i] = b.account(s, "PA" if sc == "PA" else sc if sc in ("VG", "CY", "LV") else "US", cid, "EUR" if sc in ("CY", "LV") else "USD")
            s.props["account"] = s_accts[i].id
        s_accts[i].cases.add(cid)
        w.relate(s.id, "HOLDS", s_accts[i].id, cid)
    e_acct = b.account(exporter, "HK" if exporter.props["country"] in ("HK", "CN") else exporter.props["country"]
                       if exporter.props["country"] in ("TR", "AE") else "SG", cid, "HKD")
    c_acct = b.account(controller, "CN", cid, "CNY")
    f_acct = b.account(front, dest, cid, cur)
    day = b.date(case.year, 60, 300)
    chain = []
    total = 0.0
    when = day
    for i in range(rng.randrange(8, 15)):
        when = when + dt.timedelta(days=rng.randrange(1, 3))
        amount = rng.uniform(9000, 9990) if rng.random() < 0.85 else rng.uniform(7000, 8999)
        total += amount
        chain.append(transfer(b, case, d_acct, m_acct, amount, cash, when,
                              ["structuring"]))
    day = when + dt.timedelta(days=7)
    rate = {"CAD": 0.73, "USD": 1.0}[cash]
    usd = total * rate * rng.uniform(0.93, 0.98)
    chain.append(transfer(b, case, m_acct, s_accts[0], usd, "USD", day, ["layering"]))
    euro = s_accts[1].props["country"] in ("CY", "LV")
    chain.append(transfer(b, case, s_accts[0], s_accts[1], usd * (0.97 * 0.92 if euro else 0.97), "EUR" if euro else "USD",
                          day + dt.timedelta(days=3), ["layering"]))
    chain.append(transfer(b, case, s_accts[1], e_acct, usd * 0.95 * 7.8, "HKD", day + dt.timedelta(days=6), ["layering"]))
    chain.append(transfer(b, case, e_acct, c_acct, usd * 0.9 * 7.2, "CNY", day + dt.timedelta(days=9), ["layering"]))
    case.chains.append(chain)
    tbml = []
    e2 = w.get(case.roles["exporter"][0])
    for ship in case.shipments:
        if ship.counterfeit and ship.importer == front.id:
            rel = transfer(b, case, f_acct, e_acct, ship.invoice_value * {"CAD": 1.37, "USD": 1, "MXN": 18.2}[cur],
                           cur, dt.date.fromisoformat(ship.date) - dt.timedelta(days=5), ["over_invoicing"])
            w.relate(front.id, "PAID", e2.id, cid, amount=rel.amount, currency=cur, date=rel.date)
            tbml.append(rel)
    if tbml:
        case.chains.append(tbml)
    case.roles["account"] = [a.id for a in (d_acct, m_acct, *s_accts, e_acct, c_acct, f_acct)]

"""Builds cases into the :class:`~seed_data.world.World`: the network, shipments and money.

Some actors (financiers, launderers, forwarders, controllers, brands) are reused across cases,
so cross-case and cross-agency links exist; innocent look-alikes are planted beside them.
"""

from __future__ import annotations

import datetime as dt
import random

from seed_data import ids, places
from seed_data.names import Names, strip_accents
from seed_data.world import Case, Entity, Shipment, Transfer, World

__all__ = ["Builder"]

_LEAD = {"CA": ["RCMP", "CBSA"], "US": ["HSI", "CBP", "FBI"], "MX": ["FGR", "ANAM", "SAT"]}
_CUSTOMS = {"CA": "CBSA", "US": "CBP", "MX": "ANAM"}
_LANG = {"CA": "en", "US": "en", "MX": "es"}
_ABBR = [("Street", "St."), ("Road", "Rd."), ("Avenue", "Ave."), ("Suite", "Ste."),
         ("Boulevard", "Blvd."), ("District", "Dist."), ("Calle", "C."), ("Avenida", "Av.")]


def _address_variants(name: str) -> list[str]:
    short = name
    for long_, abbr in _ABBR:
        short = short.replace(long_, abbr)
    return list(dict.fromkeys([name, short, name.upper(), strip_accents(short)]))


class Builder:
    """Adds cases to a world, one at a time, deterministically from ``rng``."""

    def __init__(self, world: World, names: Names, rng: random.Random) -> None:
        self.w, self.names, self.rng = world, names, rng
        self.shared: dict[str, list[str]] = {}
        self.case_numbers: set[str] = set()
        self.criminal_names: list[str] = []

    # -- places ---------------------------------------------------------------------------
    def country(self, code: str) -> Entity:
        en, fr, es = places.COUNTRIES[code]
        return self.w.add("LOCATION", "COUNTRY", ["Country"], en, [en, fr, es],
                          key=f"country:{code}", identifiers={"iso": code},
                          props={"fr": fr, "es": es})

    def city(self, name: str, code: str, region: str = "") -> Entity:
        variants = [name, strip_accents(name)] + ([f"{name}, {region}"] if region else [])
        ent = self.w.add("LOCATION", "CITY", ["City"], name, list(dict.fromkeys(variants)),
                         key=f"city:{code}:{name}", props={"country": code, "region": region})
        self.w.relate(ent.id, "LOCATED_IN", self.country(code).id, "")
        return ent

    def port(self, name: str, variants: list[str], city: Entity) -> Entity:
        ent = self.w.add("LOCATION", "PORT", ["Port"], name, [name] + variants, key=f"port:{name}",
                         props={"city": city.name})
        self.w.relate(ent.id, "LOCATED_IN", city.id, "")
        return ent

    def address(self, country: str, city: str, region: str, case: str) -> Entity:
        rng = self.rng
        if country in ("CN", "HK", "VN", "IN", "TR", "KR", "SG", "AE", "CY", "LV"):
            road = rng.choice(["Longgang", "Bantian", "Jiangbin", "Futian", "Industrial", "Harbour",
                               "Commerce", "Chaoyang", "Xinhua", "Heping", "Trade Centre"])
            name = (f"No. {rng.randrange(1, 400)} {road} Road, {rng.choice(['Unit', 'Room', 'Flat'])} "
                    f"{rng.randrange(101, 2899)}, {city}, {region + ', ' if region and region != city else ''}"
                    f"{places.COUNTRIES[country][0]}")
        elif country in ("PA", "VG"):
            name = rng.choice([f"Edificio {rng.choice(['Torre Global', 'Plaza Credicorp', 'Ocean Business'])}, "
                               f"Piso {rng.randrange(2, 40)}, Ciudad de Panamá, Panamá",
                               f"Trident Chambers, P.O. Box {rng.randrange(100, 999)}, Road Town, Tortola, "
                               "British Virgin Islands"]) if country == "PA" else (
                f"{rng.randrange(1, 90)} Main Street, P.O. Box {rng.randrange(3000, 4999)}, Road Town, "
                "Tortola, British Virgin Islands")
        else:
            locale = {"CA": "ca", "US": "en", "MX": "es"}[country]
            fake = self.names._faker(locale)
            street = fake.street_address()
            post = fake.postcode()
            name = f"{street}, {city}, {region} {post}"
        ent = self.w.add("LOCATION", "ADDRESS", ["Address"], name, _address_variants(name),
                         key=f"addr:{name}", props={"country": country, "city": city})
        ent.cases.add(case)
        return ent

    # -- parties --------------------------------------------------------------------------
    def person(self, origin: str, split: str, case: str, roles: set[str], country: str = "") -> Entity:
        info = self.names.person(origin, split)
        ent = self.w.add("PERSON", "", ["Person"], info.name, info.variants, native=info.native,
                         props={"origin": origin, "country": country})
        ent.roles |= roles
        ent.cases.add(case)
        if info.native:
            ent.props["native_script"] = info.native
        return ent

    def company(self, country: str, kind: str, labels: list[str], split: str, case: str,
                roles: set[str], city: Entity | None = None, region: str = "",
                core: str | None = None, legit: bool = False) -> Entity:
        info = self.names.company(country, kind, split, core=core)
        ent = self.w.add("ORG", "COMPANY", ["Company", *labels], info.name, info.variants,
                         props={"country": country, "legitimate": legit, "core": info.extra["core"]})
        ent.roles |= roles
        ent.cases.add(case)
        self.w.relate(ent.id, "REGISTERED_IN", self.country(country).id, case)
        if city is not None:
            addr = self.address(country, city.name, region, case)
            self.w.relate(ent.id, "HAS_ADDRESS", addr.id, case)
            ent.props["address"] = addr.id
        if kind not in ("shell", "law", "bank"):
            tel = self.phone(country, case)
            self.w.relate(ent.id, "HAS_PHONE", tel.id, case)
            ent.props["phone"] = tel.id
        return ent

    def phone(self, country: str, case: str) -> Entity:
        import phonenumbers as pn

        number = ids.phone(self.rng, country)
        parsed = pn.parse(number)
        variants = [number, pn.format_number(parsed, pn.PhoneNumberFormat.INTERNATIONAL),
                    pn.format_number(parsed, pn.PhoneNumberFormat.NATIONAL)]
        ent = self.w.add("PHONE", "", ["Phone"], number, list(dict.fromkeys(variants)),
                         key=f"tel:{number}", identifiers={"e164": number})
        ent.cases.add(case)
        return ent

    def email(self, local: str, domain: Entity, case: str) -> Entity:
        addr = f"{local}@{domain.name}"
        if not addr.isascii():
            raise ValueError(f"E-mail address {addr!r} is not ASCII.")
        ent = self.w.add("EMAIL", "", ["Email"], addr, [addr], key=f"mail:{addr}")
        ent.cases.add(case)
        return ent

    def domain(self, core: str, tld: str, case: str) -> Entity:
        from seed_data.names import ascii_slug

        name = f"{ascii_slug(core).lower()}{tld}"
        ent = self.w.add("DOMAIN", "", ["Domain"], name, [name, f"www.{name}"], key=f"dom:{name}")
        ent.cases.add(case)
        return ent

    def account(self, holder: Entity, country: str, case: str, currency: str) -> Entity:
        rng = self.rng
        bank_name, letters = rng.choice(places.BANKS[country])
        bank = self.w.add("ORG", "COMPANY", ["Company"], bank_name, [bank_name, bank_name.upper()],
                          key=f"bank:{bank_name}", props={"country": country, "legitimate": True,
                                                            "bank": True})
        if "swift" not in bank.identifiers:
            code = ids.swift(rng, letters, country)
            bank.identifiers["swift"] = code
            sw = self.w.add("SWIFT", "", ["Identifier"], code, [code], key=f"swift:{code}")
            self.w.relate(bank.id, "ASSOCIATED_WITH", sw.id, "", role="swift")
            bank.props["swift_entity"] = sw.id
        if country in ("VG", "CY", "LV", "AE", "TR"):
            number = ids.iban(rng, country)
            ent = self.w.add("IBAN", "", ["BankAccount"], number,
                             [number, " ".join(number[i:i + 4] for i in range(0, len(number), 4))],
                             key=f"acct:{number}", identifiers={"iban": number})
        else:
            number = ids.account_number(rng, country)
            ent = self.w.add("ACCOUNT", "", ["BankAccount"], number, [number, number.replace("-", "")],
                             key=f"acct:{number}", identifiers={"number": number})
        ent.props.update({"bank": bank.id, "bank_name": bank_name, "swift": bank.identifiers["swift"],
                          "currency": currency, "holder": holder.id, "country": country})
        ent.cases.add(case)
        bank.cases.add(case)
        self.w.relate(holder.id, "HOLDS", ent.id, case)
        self.w.relate(ent.id, "ASSOCIATED_WITH", bank.id, "", role="bank")
        return ent

    def reuse(self, pool: str, case: str, p: float) -> Entity | None:
        """A shared actor from ``pool`` with probability ``p`` (cross-case links)."""
        if self.shared.get(pool) and self.rng.random() < p:
            ent = self.w.get(self.rng.choice(self.shared[pool]))
            ent.cases.add(case)
            return ent
        return None

    def remember(self, pool: str, ent: Entity) -> Entity:
        self.shared.setdefault(pool, []).append(ent.id)
        return ent

    def date(self, year: int, lo: int = 0, hi: int = 364) -> dt.date:
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randrange(lo, hi))

    # -- cases ----------------------------------------------------------------------------
    def new_case(self, index: int, split: str) -> Case:
        rng = self.rng
        country = ["CA", "US", "MX"][index % 3]
        sector = list(places.SECTORS)[(index * 5 + rng.randrange(2)) % len(places.SECTORS)]
        lead = "FDA-OCI" if sector == "pharmaceuticals" and country == "US" else rng.choice(_LEAD[country])
        year = rng.choice([2022, 2023, 2024, 2024, 2025])
        while True:
            cid = f"{country}-{year}-{rng.randrange(1, 400):04d}"
            if cid not in self.case_numbers:
                break
        self.case_numbers.add(cid)
        agencies = [lead] + [a for a in [_CUSTOMS[country]] if a != lead]
        partner = rng.choice([a for a in places.AGENCIES if places.AGENCIES[a][3] != country])
        agencies.append(partner)
        if country == "MX" and "SAT" not in agencies and rng.random() < 0.6:
            agencies.append("SAT")
        language = _LANG[country]
        if country == "CA" and (index // 3) % 2 == 1:
            language = "fr"
        case = Case(cid, "", sector, country, lead, agencies, year, split, language)
        centity = self.w.add("CASE", "", ["Case"], cid, [cid], key=f"case:{cid}")
        centity.cases.add(cid)
        case.entity = centity.id
        from seed_data.network import build_network

        build_network(self, case)
        return case

    def agency(self, code: str, case: str) -> Entity:
        full, other, short, country, _ = places.AGENCIES[code]
        ent = self.w.add("ORG", "AGENCY", ["Agency"], full, list(dict.fromkeys([full, other, *short])),
                         key=f"agency:{code}", identifiers={"code": code}, props={"country": country})
        ent.roles.add("agency")
        ent.cases.add(case)
        return ent


def make_shipment(b: Builder, case: Case, exporter: Entity, importer: Entity, forwarder: Entity,
                  broker: Entity, vessel: Entity, pol: Entity, pod: Entity, goods: str, hs: str,
                  brand: Entity | None, counterfeit: bool, day: dt.date) -> Shipment:
    """A shipment entity (named by its bill of lading) with container, HS code and its relations."""
    rng, w = b.rng, b.w
    carrier = rng.choice(list(ids.CARRIERS))
    owner, prefix = ids.CARRIERS[carrier]
    bl = ids.bill_of_lading(rng, prefix)
    cont = ids.container(rng, owner if rng.random() < 0.6 else None)
    qty = rng.randrange(200, 20000)
    lo, hi = places.SECTORS[case.sector][2] if counterfeit else (5, 60)
    msrp = round(qty * rng.uniform(lo, hi), 2)
    declared = round(msrp * (rng.uniform(0.02, 0.08) if counterfeit else rng.uniform(0.3, 0.6)), 2)
    invoice = round(declared * (rng.uniform(2.5, 6) if counterfeit else 1.0), 2)
    ent = w.add("BILL_OF_LADING", "", ["Shipment"], bl, [bl, bl.lower() if rng.random() < 0.2 else bl], key=f"bl:{bl}",
                identifiers={"bill_of_lading": bl, "container": cont, "hs_code": hs},
                props={"goods": goods, "declared_value_usd": declared, "counterfeit": counterfeit,
                       "date": day.isoformat(), "carrier": carrier})
    ent.cases.add(case.id)
    cent = w.add("CONTAINER", "", ["Identifier"], cont,
                 [cont, f"{cont[:4]} {cont[4:10]} {cont[10]}", f"{cont[:4]} {cont[4:10]}-{cont[10]}"],
                 key=f"cont:{cont}", identifiers={"iso6346": cont})
    cent.cases.add(case.id)
    hent = w.add("HS_CODE", "", ["Identifier"], hs, [hs, hs.replace(".", "")], key=f"hs:{hs}")
    hent.cases.add(case.id)
    ship = Shipment(ent.id, bl, cont, cent.id, hent.id, vessel.id, pol.id, pod.id, exporter.id,
                    importer.id, forwarder.id, broker.id, goods, hs, brand.id if brand else "", qty,
                    msrp, declared, invoice, day.isoformat(), counterfeit)
    cid = case.id
    w.relate(ent.id, "ASSOCIATED_WITH", cent.id, cid, role="container")
    w.relate(ent.id, "ASSOCIATED_WITH", hent.id, cid, role="hs_code")
    w.relate(exporter.id, "EXPORTED", ent.id, cid, date=day.isoformat())
    w.relate(forwarder.id, "SHIPPED", ent.id, cid, date=day.isoformat())
    w.relate(ent.id, "CONSIGNED_TO", importer.id, cid)
    w.relate(importer.id, "IMPORTED", ent.id, cid, date=day.isoformat())
    w.relate(ent.id, "CARRIED_BY", vessel.id, cid)
    w.relate(ent.id, "LOADED_AT", pol.id, cid, date=day.isoformat())
    w.relate(ent.id, "DISCHARGED_AT", pod.id, cid)
    w.relate(broker.id, "ASSOCIATED_WITH", ent.id, cid, role="customs_broker")
    if brand is not None:
        w.relate(ent.id, "CONTAINS_BRAND", brand.id, cid)
    case.shipments.append(ship)
    return ship


def transfer(b: Builder, case: Case, src: Entity, dst: Entity, amount: float, currency: str,
             day: dt.date, flags: list[str]) -> Transfer:
    """A TRANSFERRED relation between two accounts, as a money-chain step."""
    rel = b.w.relate(src.id, "TRANSFERRED", dst.id, case.id, amount=round(amount, 2),
                     currency=currency, date=day.isoformat())
    return Transfer(rel.id, src.id, dst.id, src.props["holder"], dst.props["holder"], round(amount, 2),
                    currency, day.isoformat(), flags, f"INV-{b.rng.randrange(10**5, 10**6)}")

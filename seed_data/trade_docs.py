"""Trade and corporate documents: seizure reports, bills of lading, registry extracts,
rights-holder recordations and e-mails between conspirators."""

from __future__ import annotations

import datetime as dt

from seed_data.docspec import Ctx, DocSpec
from seed_data.narratives import _email_of, _lang_goods, _seizure_fact
from seed_data.world import Shipment

__all__ = ["seizure_report", "bill_of_lading", "registry_extract", "recordation", "email", "seller_email"]

_CUSTOMS_LANG = {"CA": "en", "US": "en", "MX": "es"}


def seizure_report(c: Ctx, s: Shipment, n: int) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    lang = "es" if case.country == "MX" else ("fr" if case.language == "fr" and rng.random() < 0.6 else "en")
    t = c.text(lang, noise=0.08)
    agency = w.get(s.seized_by).identifiers["code"]
    hdr = {"en": ("SEIZURE REPORT", "Report no.", "Port of entry", "Officer"),
           "fr": ("RAPPORT DE SAISIE", "No de rapport", "Point d'entrée", "Agent"),
           "es": ("ACTA DE RETENCIÓN", "Folio", "Aduana", "Verificador")}[lang]
    t.line(f"{hdr[0]} — {case.id}")
    t.line(f"{hdr[1]}: {agency}-{s.seizure_date[:4]}-{rng.randrange(10**5, 10**6)}")
    t.field(hdr[2], t.ref(s.pod))
    t.field(hdr[3], t.ref(c.e("officer")))
    t.line()
    _seizure_fact(c, t, s)
    c.fact(t, "shipment", exp=s.exporter, bl=s.entity, pol=s.pol, ves=s.vessel, imo=w.get(s.vessel).props["imo_entity"])
    c.fact(t, "importer", imp=s.importer, bl=s.entity, brk=s.broker)
    t.add("\n\n")
    decl = {"en": "The entry declared the goods as \"{d}\" under HS code {hs} with a value of {v}.",
            "fr": "La déclaration décrivait la marchandise comme « {d} » (code SH {hs}), valeur déclarée {v}.",
            "es": "El pedimento declaró la mercancía como \"{d}\" en la fracción {hs}, con valor de {v}."}[lang]
    t.say(decl, d=rng.choice(["accessories", "spare parts", "general merchandise", "samples", "plastic goods"]),
          hs=t.ref(s.hs_entity), v=t.money(s.declared_value, "USD", "code"))
    if rng.random() < 0.6:
        c.fact(t, "manufactured", fac=c.e("factory"), bl=s.entity)
    c.fact(t, "forwarder", fwd=s.forwarder, bl=s.entity)
    hub = {"en": "The container was transshipped at {h}.", "fr": "Le conteneur a été transbordé à {h}.",
           "es": "El contenedor fue trasbordado en {h}."}[lang]
    t.say(hub, h=t.ref(c.e("hub")))
    t.add("\n")
    rel = "LAW-ENFORCEMENT-SENSITIVE" if rng.random() < 0.7 else f"REL-TO:{agency},{case.lead}"
    return DocSpec(f"seizure_report_{n:02d}", case.id, agency, rel, lang, "seizure_report", s.seizure_date,
                   rng.choice(["txt", "txt", "docx", "pdf"]), t)


def bill_of_lading(c: Ctx, s: Shipment, n: int) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    t = c.text("en", noise=0.04)
    t.line("BILL OF LADING FOR OCEAN TRANSPORT OR MULTIMODAL TRANSPORT")
    t.field("B/L No.", t.ref(s.entity))
    t.field("Shipper", t.ref(s.exporter))
    addr = w.get(s.exporter).props.get("address")
    if addr:
        t.say("{a}", rels=(("e", "HAS_ADDRESS", "a"),), end="\n", a=t.ref(addr), e=_silent(t, s.exporter))
    t.field("Consignee", t.ref(s.importer))
    t.field("Notify party", t.ref(s.broker))
    t.field("Vessel", t.ref(s.vessel))
    t.field("IMO", t.ref(w.get(s.vessel).props["imo_entity"]))
    t.field("Port of loading", t.ref(s.pol))
    t.field("Port of discharge", t.ref(s.pod))
    t.field("Container", t.ref(s.container_entity))
    t.field("HS code", t.ref(s.hs_entity))
    t.line(f"Description of goods: {s.quantity} CTNS {'SAID TO CONTAIN ' + s.goods.upper() if not s.counterfeit else rng.choice(['GENERAL MERCHANDISE', 'ACCESSORIES', 'SPARE PARTS', 'SAMPLES'])}")
    t.line(f"Gross weight: {rng.randrange(800, 24000)} KGS")
    t.field("Shipped on board", t.date(s.date, "iso"))
    t.line("FREIGHT PREPAID")
    for src, rtype, dst in ((s.exporter, "EXPORTED", s.entity), (s.entity, "CONSIGNED_TO", s.importer),
                            (s.entity, "CARRIED_BY", s.vessel), (s.entity, "LOADED_AT", s.pol),
                            (s.entity, "DISCHARGED_AT", s.pod), (s.entity, "ASSOCIATED_WITH", s.container_entity),
                            (s.entity, "ASSOCIATED_WITH", s.hs_entity)):
        t.relate(src, rtype, dst, 0, t.pos)
    return DocSpec(f"bill_of_lading_{n:02d}", case.id, {"CA": "CBSA", "US": "CBP", "MX": "ANAM"}[case.country],
                   "LAW-ENFORCEMENT-SENSITIVE", "en", "bill_of_lading", s.date, rng.choice(["txt", "txt", "pdf"]), t)


_REGISTRY = {"CN": ("en", "State Administration for Market Regulation — enterprise credit record"),
             "HK": ("en", "Companies Registry, Hong Kong — Cyber Search Centre extract"),
             "CA": ("en", "Corporations Canada — federal corporation information"),
             "US": ("en", "Delaware Division of Corporations — entity details"),
             "MX": ("es", "Registro Público de Comercio — Sistema Integral de Gestión Registral"),
             "PA": ("es", "Registro Público de Panamá — ficha de sociedad anónima"),
             "VG": ("en", "BVI Financial Services Commission — VIRRGIN search"),
             "CY": ("en", "Department of Registrar of Companies, Cyprus"), "LV": ("en", "Latvian Register of Enterprises")}


def registry_extract(c: Ctx, company: str, n: int) -> DocSpec:
    """A registry extract: name, number, address, officers, shareholders, as the register words it."""
    case, rng, w = c.case, c.rng, c.w
    ent = w.get(company)
    country = ent.props["country"]
    lang, register = _REGISTRY.get(country, ("en", "Company register"))
    if country == "CA" and case.language == "fr":
        lang, register = "fr", "Registraire des entreprises du Québec — état de renseignements"
    t = c.text(lang)
    lab = {"en": ("Name", "Registration no.", "Status", "Registered address", "Directors", "Shareholders", "Active",
                  "Jurisdiction"),
           "fr": ("Nom", "NEQ", "Statut", "Adresse du domicile", "Administrateurs", "Actionnaires", "Immatriculée",
                  "Juridiction"),
           "es": ("Denominación", "Folio mercantil", "Situación", "Domicilio", "Administración", "Socios", "Vigente",
                  "Jurisdicción")}[lang]
    t.line(register)
    t.field(lab[0], t.ref(company, canonical=True))
    t.line(f"{lab[1]}: {rng.randrange(10**7, 10**9)}")
    t.line(f"{lab[2]}: {lab[6]}")
    country_ent = c.w.keys.get(f"country:{country}")
    if country_ent:
        t.say(f"{lab[7]}: {{k}}", rels=(("c", "REGISTERED_IN", "k"),), end="\n", k=t.ref(country_ent), c=_silent(t, company))
    if "address" in ent.props:
        t.say(f"{lab[3]}: {{a}}", rels=(("c", "HAS_ADDRESS", "a"),), end="\n", a=t.ref(ent.props["address"]),
              c=_silent(t, company))
    if "phone" in ent.props:
        t.say("Tel.: {p}", rels=(("c", "HAS_PHONE", "p"),), end="\n", p=t.ref(ent.props["phone"]), c=_silent(t, company))
    t.line(f"{lab[4]}:")
    owners = []
    for rel in w.incoming(company):
        if rel.case in (case.id, "") and rel.type in ("DIRECTS", "OWNS"):
            if rel.type == "DIRECTS":
                t.say("  - {p}", rels=(("p", "DIRECTS", "c"),), end="\n", p=t.ref(rel.source, canonical=rng.random() < 0.7),
                      c=_silent(t, company))
            else:
                owners.append(rel)
    if owners:
        t.line(f"{lab[5]}:")
        for rel in owners:
            share = rel.props.get("share", 100)
            t.say(f"  - {{p}} ({share}%)", rels=(("p", "OWNS", "c"),), end="\n", p=t.ref(rel.source), c=_silent(t, company))
    return DocSpec(f"registry_{n:02d}", case.id, case.lead, "UNCLASSIFIED", lang, "registry_extract",
                   f"{case.year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}", rng.choice(["txt", "txt", "pdf"]), t)


class _silent:
    """A slot that names the document's subject entity without writing it (relations only)."""

    def __init__(self, t, eid: str) -> None:
        self.id = eid


def recordation(c: Ctx) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    brand = w.get(c.e("brand"))
    lang = "es" if case.country == "MX" else case.language
    t = c.text(lang)
    lab = {"en": ("RIGHTS HOLDER RECORDATION", "Trademark", "Registration", "Owner's counsel", "Contact", "E-mail", "Goods"),
           "fr": ("DEMANDE D'AIDE — TITULAIRE DE DROITS", "Marque", "Enregistrement", "Conseillers", "Personne-ressource", "Courriel", "Produits"),
           "es": ("REGISTRO DE MARCA ANTE ADUANAS", "Marca", "Registro", "Representante legal", "Contacto", "Correo", "Productos")}[lang]
    t.line(lab[0])
    t.field(lab[1], t.ref(brand.id, canonical=True))
    t.line(f"{lab[2]}: {brand.props['recordation']}")
    t.say(f"{lab[3]}: {{h}}", rels=(("h", "ASSOCIATED_WITH", "b"),), end="\n", h=t.ref(brand.props["counsel"]), b=_silent(t, brand.id))
    t.say(f"{lab[4]}: {{p}}", rels=(("p", "EMPLOYED_BY", "h"),), end="\n", p=t.ref(brand.props["contact"], canonical=True),
          h=_silent(t, brand.props["counsel"]))
    t.say(f"{lab[5]}: {{m}}", rels=(("p", "HAS_EMAIL", "m"),), end="\n", m=t.ref(brand.props["email"]),
          p=_silent(t, brand.props["contact"]))
    t.line(f"{lab[6]}: {_lang_goods(case, lang)}")
    return DocSpec("recordation", case.id, {"CA": "CBSA", "US": "CBP", "MX": "ANAM"}[case.country], "UNCLASSIFIED",
                   lang, "recordation", f"{case.year - 1}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}", "txt", t)


_BODY = {
    "en": [("Next container", "Hi {to},\n\nThe next container {cont} leaves on {date}. Invoice will show {inv}, please pay the full amount to our HK account as usual.\n"),
           ("Re: payment", "Dear {to},\n\nReceived. Please remember to keep each deposit under 10k. Use {front} as consignee this time, not the old name.\n")],
    "es": [("Siguiente contenedor", "Hola {to}:\n\nEl contenedor {cont} sale el {date}. La factura dirá {inv}; favor de pagar completo a la cuenta de Hong Kong.\n"),
           ("Re: pago", "Estimado {to}:\n\nRecibido. Recuerda que cada depósito debe quedar abajo de 10 mil. Usa {front} como consignatario.\n")],
}


_ORDER = {
    "en": ("Order", "Hey {to},\n\nCustomers on {dom} keep asking for {brand}. I need another {qty} units before the weekend, same price as last time. Cash is ready, I will drop it at the exchange office in small amounts like you said.\n\nCall me: {tel}"),
    "es": ("Pedido", "Qué onda {to}:\n\nLos clientes de {dom} siguen pidiendo {brand}. Necesito otras {qty} piezas antes del fin de semana, mismo precio. El efectivo ya está, lo deposito en la casa de cambio en partes chicas como dijiste.\n\nMi cel: {tel}"),
}


def _given(person) -> str:
    """How a correspondent greets ``person``: the given name (last word for family-first names)."""
    words = person.name.split()
    return words[-1] if person.props.get("origin") in ("zh", "ko", "vi") else words[0]


def seller_email(c: Ctx) -> DocSpec:
    """The online seller orders more stock from the front companies' director."""
    case, rng, w = c.case, c.rng, c.w
    lang = "es" if case.country == "MX" else "en"
    t = c.text(lang)
    seller, director = c.e("seller"), c.e("front_director")
    day = dt.date.fromisoformat(case.chains[0][0].date) - dt.timedelta(days=rng.randrange(3, 15))
    sref, smail = t.ref(seller), t.ref(_email_of(c, seller))
    rref, rmail = t.ref(director), t.ref(_email_of(c, director))
    t.say("From: {n} <{m}>", rels=(("p", "HAS_EMAIL", "m"),), end="\n", n=sref, m=smail, p=_silent(t, seller))
    t.say("To: {n} <{m}>", rels=(("p", "HAS_EMAIL", "m"),), end="\n", n=rref, m=rmail, p=_silent(t, director))
    t.say("Date: {d}", end="\n", d=t.date(day, "iso"))
    subject, body = _ORDER[lang]
    t.line(f"Subject: {subject}")
    t.line()
    tel = c.w.targets(seller, "HAS_PHONE")[0]
    domain = c.w.targets(seller, "ASSOCIATED_WITH", "DOMAIN")[0]
    t.say(body, rels=(("s", "HAS_PHONE", "tel"), ("s", "ASSOCIATED_WITH", "dom")), end="\n",
          to=_given(w.get(director)), dom=t.ref(domain), brand=t.ref(c.e("brand")),
          qty=str(rng.randrange(2, 40) * 50), tel=t.ref(tel), s=_silent(t, seller))
    headers = {"from": (sref.surface, smail.surface), "to": (rref.surface, rmail.surface),
               "date": day.isoformat(), "subject": subject}
    return DocSpec("email_seller", case.id, case.lead, "LAW-ENFORCEMENT-SENSITIVE", lang, "email",
                   day.isoformat(), "eml", t, headers=headers)


def email(c: Ctx, n: int) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    lang = "es" if case.country == "MX" else "en"
    t = c.text(lang, native=True)
    outgoing = n % 2 == 0
    nominee, director = c.e("nominee"), c.e("front_director")
    sender, recipient = (nominee, director) if outgoing else (director, nominee)
    ships = [s for s in case.shipments if s.counterfeit]
    s = ships[n % len(ships)]
    day = dt.date.fromisoformat(s.date) - dt.timedelta(days=rng.randrange(2, 9))
    subject, body = _BODY[lang][0 if outgoing else 1]
    sref, smail = t.ref(sender), t.ref(_email_of(c, sender))
    rref, rmail = t.ref(recipient), t.ref(_email_of(c, recipient))
    t.say("From: {n} <{m}>", rels=(("p", "HAS_EMAIL", "m"),), end="\n", n=sref, m=smail, p=_silent(t, sender))
    t.say("To: {n} <{m}>", rels=(("p", "HAS_EMAIL", "m"),), end="\n", n=rref, m=rmail, p=_silent(t, recipient))
    t.say("Date: {d}", end="\n", d=t.date(day, "iso"))
    t.line(f"Subject: {subject}")
    t.line()
    first = _given(w.get(recipient))
    t.say(body.rstrip("\n"), end="\n", to=first, cont=t.ref(s.container_entity), date=t.date(day + dt.timedelta(days=3)),
          inv=t.money(s.invoice_value, "USD", "code"), front=t.ref(s.importer))
    sig = w.get(sender)
    t.say("\n{s}", end="\n", s=t.ref(sender, sig.native if sig.native and rng.random() < 0.5 else None))
    headers = {"from": (sref.surface, smail.surface), "to": (rref.surface, rmail.surface),
               "date": day.isoformat(), "subject": subject}
    return DocSpec(f"email_{n:02d}", case.id, case.lead, "LAW-ENFORCEMENT-SENSITIVE", lang, "email",
                   day.isoformat(), "eml", t, headers=headers)

"""Narrative documents in the voices of agencies: press releases, news, indictments, interview
and surveillance notes, financial intelligence summaries."""

from __future__ import annotations

import datetime as dt

from seed_data import places
from seed_data.docspec import Ctx, DocSpec
from seed_data.world import Shipment

__all__ = ["press_release", "news_article", "indictment", "interview_notes", "surveillance_notes",
           "financial_summary"]

_CITY = {"CA": {"en": "OTTAWA", "fr": "MONTRÉAL"}, "US": {"en": "WASHINGTON"}, "MX": {"es": "CIUDAD DE MÉXICO"}}
_HEAD = {
    "en": ["{n} charged in scheme to import counterfeit {goods}", "Counterfeit {goods} ring dismantled; {n} charged",
           "Federal charges filed over fake {goods} imported through front companies"],
    "fr": ["{n} personnes accusées d'importation de {goods} contrefaits", "Démantèlement d'un réseau de contrefaçon de {goods}"],
    "es": ["Vinculan a proceso a {n} personas por importación de {goods} apócrifos",
           "Desarticulan red de contrabando de {goods} falsificados"],
}
_QUOTE = {
    "en": ["\"Counterfeit {goods} put consumers at risk and fund organized crime,\" said {p} of {ag}.",
           "\"This network hid behind front companies and rotating names, but the money trail led us to its source,\" {p} of {ag} said."],
    "fr": ["« Les {goods} contrefaits mettent les consommateurs en danger », a déclaré {p} ({ag}).",
           "« Ce réseau se cachait derrière des sociétés-écrans », a souligné {p} ({ag})."],
    "es": ["\"La mercancía apócrifa pone en riesgo a los consumidores\", afirmó {p}, de la {ag}.",
           "\"Seguiremos el rastro del dinero hasta la fuente\", señaló {p}, servidor público de la {ag}."],
}


_OPENER = {
    ("HSI", "en"): "Special agents of U.S. Immigration and Customs Enforcement's {ag}, working with {ag2}, dismantled a network that imported counterfeit {goods} through {pod}.",
    ("CBP", "en"): "{ag} officers at {pod} uncovered a scheme to smuggle counterfeit {goods}, the agency said, crediting {ag2} for its assistance.",
    ("FBI", "en"): "The Justice Department and the {ag} announced charges against members of a ring that trafficked counterfeit {goods} through {pod}, with help from {ag2}.",
    ("FDA-OCI", "en"): "Special agents of the {ag}, with {ag2}, investigated shipments of counterfeit {goods} that entered through {pod}.",
    ("RCMP", "en"): "The {ag} Federal Policing program laid charges today after a joint investigation with {ag2} into counterfeit {goods} imported through {pod}.",
    ("CBSA", "en"): "The {ag} announced today that its Criminal Investigations Section, with {ag2}, has laid charges over counterfeit {goods} imported through {pod}.",
    ("RCMP", "fr"): "La {ag} a déposé des accusations aujourd'hui au terme d'une enquête menée conjointement avec {ag2} sur des {goods} contrefaits importés par le {pod}.",
    ("CBSA", "fr"): "L'{ag} annonce que sa Section des enquêtes criminelles, avec l'appui de {ag2}, a déposé des accusations concernant des {goods} contrefaits importés par le {pod}.",
    ("FGR", "es"): "La {ag} informa que, como resultado de una investigación conjunta con {ag2}, obtuvo vinculación a proceso contra integrantes de una red que introducía {goods} apócrifos por {pod}.",
    ("SAT", "es"): "El {ag}, en coordinación con {ag2}, informa que desarticuló una red que importaba {goods} falsificados por {pod}.",
    ("ANAM", "es"): "La {ag} informa que, con apoyo de {ag2}, detectó una red que ingresaba {goods} apócrifos por {pod}.",
}


def _lang_goods(case, lang: str) -> str:
    return places.SECTORS[case.sector][0][{"en": 0, "fr": 1, "es": 2}[lang]]


def _seized(c: Ctx) -> list[Shipment]:
    return [s for s in c.case.shipments if s.seized_by]


def _seizure_fact(c: Ctx, t, s: Shipment) -> None:
    c.fact(t, "seizure", ag=s.seized_by, pod=s.pod, qty=f"{s.quantity:,}" if t.lang == "en" else f"{s.quantity:,}".replace(",", " " if t.lang == "fr" else "."),
           goods=_lang_goods(c.case, t.lang), brand=s.brand, cont=t.ref(s.container_entity), bl=s.entity,
           date=t.date(s.seizure_date), msrp=t.money(s.msrp, "USD" if c.case.country != "CA" else "CAD"))


def press_release(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    lang = case.language
    t = c.text(lang)
    seized = _seized(c)
    day = dt.date.fromisoformat(max(s.seizure_date for s in seized)) + dt.timedelta(days=rng.randrange(30, 120))
    defendants = [c.e("front_director"), c.e("seller")]
    t.line(rng.choice(_HEAD[lang]).format(n=len(defendants), goods=_lang_goods(case, lang)).upper()
           if rng.random() < 0.3 else rng.choice(_HEAD[lang]).format(n=len(defendants), goods=_lang_goods(case, lang)))
    t.say("{city}, {d} —", end=" ", city=_CITY[case.country].get(lang, "OTTAWA"), d=t.date(day, "long"))
    opener = _OPENER.get((case.lead, lang))
    if opener:
        t.say(opener, ag=t.ref(c.e("agency"), canonical=True), ag2=t.ref(c.e("agency", 1)),
              goods=_lang_goods(case, lang), pod=t.ref(seized[0].pod))
    c.fact(t, "charged", p=defendants[0], court=c.e("court"))
    c.fact(t, "charged", p=defendants[1], court=c.e("court"))
    t.add("\n\n")
    for s in seized[:2]:
        _seizure_fact(c, t, s)
    t.add("\n\n")
    c.fact(t, "importer", imp=seized[0].importer, bl=seized[0].entity, brk=seized[0].broker)
    c.fact(t, "director", p=c.e("front_director"), co=c.e("importer", 0))
    c.fact(t, "director", p=c.e("front_director"), co=c.e("importer", 1))
    c.fact(t, "seller", p=c.e("seller"), dom=_domain(c))
    t.add("\n\n")
    total = sum(s.msrp for s in seized)
    msg = {"en": "In total, {n} shipments worth an estimated {v} were seized.",
           "fr": "Au total, {n} envois d'une valeur estimée à {v} ont été saisis.",
           "es": "En total se aseguraron {n} embarques con un valor estimado de {v}."}[lang]
    currency, rate = {"CA": ("CAD", 1.37), "US": ("USD", 1.0), "MX": ("MXN", 18.2)}[case.country]
    t.say(msg, n=str(len(seized)), v=t.money(round(total * rate, 2), currency, "million"))
    t.add("\n\n")
    t.say(rng.choice(_QUOTE[lang]), goods=_lang_goods(case, lang), p=t.ref(c.e("officer")), ag=t.ref(c.e("agency")))
    thanks = {"en": "The investigation was conducted with the assistance of {a}.",
              "fr": "L'enquête a été menée avec l'aide de {a}.",
              "es": "La investigación contó con el apoyo de {a}."}[lang]
    t.add("\n\n")
    t.say(thanks, a=t.ref(c.e("agency", len(case.agencies) - 1), canonical=True))
    t.add("\n\n" + {"en": "An indictment is merely an allegation; all defendants are presumed innocent until proven guilty.",
                    "fr": "Les accusations ne sont que des allégations ; les accusés sont présumés innocents.",
                    "es": "Los imputados gozan de la presunción de inocencia."}[lang] + "\n")
    return DocSpec("press_release", case.id, case.lead, "UNCLASSIFIED", lang, "press_release", day.isoformat(),
                   "txt", t)


def _domain(c: Ctx) -> str:
    return c.w.targets(c.e("seller"), "ASSOCIATED_WITH", "DOMAIN")[0]


def _email_of(c: Ctx, person: str) -> str:
    return c.w.targets(person, "HAS_EMAIL")[0]


def news_article(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    lang = "es" if case.country == "MX" else ("fr" if case.country == "CA" and rng.random() < 0.6 else "en")
    t = c.text(lang, noise=0.03)
    seized = _seized(c)
    day = dt.date.fromisoformat(seized[-1].seizure_date) + dt.timedelta(days=rng.randrange(5, 60))
    lead = {"en": "By staff reporter", "fr": "Par la rédaction", "es": "Redacción"}[lang]
    t.line(f"{lead} — {day.isoformat()}")
    t.line()
    s = seized[0]
    _seizure_fact(c, t, s)
    c.fact(t, "shipment", exp=s.exporter, bl=s.entity, pol=s.pol, ves=s.vessel, imo=c.w.get(s.vessel).props["imo_entity"])
    c.fact(t, "forwarder", fwd=s.forwarder, bl=s.entity)
    t.add("\n\n")
    c.fact(t, "director", p=c.e("front_director"), co=s.importer)
    look = c.e("lookalike")
    note = {"en": "{l}, a long-established importer with a similar name, is not accused of any wrongdoing.",
            "fr": "{l}, un importateur établi au nom semblable, n'est visé par aucune accusation.",
            "es": "{l}, una importadora con un nombre parecido, no está relacionada con los hechos."}[lang]
    t.say(note, l=t.ref(look, canonical=True))
    if case.role("namesake"):
        twin = {"en": "{p}, a manager at {l}, said the company had never dealt with the suspects.",
                "fr": "{p}, gestionnaire chez {l}, affirme que l'entreprise n'a jamais fait affaire avec les suspects.",
                "es": "{p}, gerente de {l}, afirmó que la empresa nunca tuvo trato con los señalados."}[lang]
        t.say(twin, rels=(("p", "EMPLOYED_BY", "l"),), p=t.ref(c.e("namesake"), canonical=True), l=t.ref(look))
    t.add("\n\n")
    c.fact(t, "seller", p=c.e("seller"), dom=_domain(c))
    c.fact(t, "courier", p=c.e("courier"), co=c.e("distributor"))
    t.add("\n")
    return DocSpec("news_article", case.id, case.lead, "UNCLASSIFIED", lang, "news", day.isoformat(), "txt", t)


def indictment(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    lang = "es" if case.country == "MX" else case.language
    t = c.text(lang)
    day = dt.date.fromisoformat(max(s.seizure_date for s in _seized(c))) + dt.timedelta(days=rng.randrange(20, 90))
    title = {"en": "INDICTMENT", "fr": "DÉNONCIATION", "es": "AUTO DE VINCULACIÓN A PROCESO"}[lang]
    t.say("{court}", end="\n", court=t.ref(c.e("court"), canonical=True))
    t.line(f"{title} — {case.id}")
    t.line()
    defendants = [c.e("front_director"), c.e("seller"), c.e("courier")]
    label = {"en": "Defendant", "fr": "Accusé", "es": "Imputado"}[lang]
    for i, p in enumerate(defendants, 1):
        t.say(f"{label} {i}: {{p}}", end="\n", p=t.ref(p, canonical=i == 1))
    t.line()
    t.line({"en": "THE GRAND JURY CHARGES:", "fr": "LE POURSUIVANT ALLÈGUE :", "es": "HECHOS:"}[lang])
    for s in case.shipments:
        if not s.counterfeit:
            continue
        c.fact(t, "shipment", exp=s.exporter, bl=s.entity, pol=s.pol, ves=s.vessel, imo=c.w.get(s.vessel).props["imo_entity"])
        c.fact(t, "importer", imp=s.importer, bl=s.entity, brk=s.broker, end="\n")
    for i in range(len(case.role("importer"))):
        c.fact(t, "director", p=c.e("front_director"), co=c.e("importer", i), end="\n")
    c.fact(t, "supplied", a=c.e("importer"), b=c.e("distributor"))
    c.fact(t, "seller", p=c.e("seller"), dom=_domain(c), end="\n")
    chain = case.chains[0]
    structuring = [x for x in chain if "structuring" in x.flags]
    c.fact(t, "structuring", d1=t.date(structuring[0].date), d2=t.date(structuring[-1].date), n=str(len(structuring)),
           a1=structuring[0].target_account, p1=structuring[0].target_party,
           amt=t.money(sum(x.amount for x in structuring), structuring[0].currency), end="\n")
    for p in defendants[:2]:
        c.fact(t, "charged", p=p, court=c.e("court"), end="\n")
    return DocSpec("indictment", case.id, case.lead, "UNCLASSIFIED", lang, "indictment", day.isoformat(),
                   rng.choice(["pdf", "txt"]), t)


def interview_notes(c: Ctx, subject_role: str) -> DocSpec:
    case, rng = c.case, c.rng
    lang = case.language
    t = c.text(lang, noise=0.05, native=True)
    s = case.shipments[0]
    day = dt.date.fromisoformat(s.seizure_date or s.date) + dt.timedelta(days=rng.randrange(3, 40))
    subject = c.e(subject_role)
    hdr = {"en": ("INTERVIEW NOTES", "Subject", "Interviewer", "Date"),
           "fr": ("NOTES D'ENTREVUE", "Personne interrogée", "Enquêteur", "Date"),
           "es": ("ACTA DE ENTREVISTA", "Entrevistado", "Entrevistador", "Fecha")}[lang]
    t.line(f"{hdr[0]} — {case.id}")
    t.field(hdr[1], t.ref(subject, canonical=True))
    t.field(hdr[2], t.ref(c.e("officer"), canonical=True))
    t.field(hdr[3], t.date(day, "iso"))
    t.line()
    said = {"en": ["Subject stated that", "Subject said", "When asked, the subject explained that"],
            "fr": ["La personne a déclaré que", "Selon ses dires,"],
            "es": ["El entrevistado manifestó que", "A pregunta expresa, refirió que"]}[lang]
    if subject_role == "courier":
        t.add(rng.choice(said) + " ")
        c.fact(t, "courier", p=subject, co=c.e("distributor"))
        t.add(rng.choice(said) + " ")
        c.fact(t, "supplied", a=c.e("importer", rng.randrange(3)), b=c.e("distributor"))
        c.fact(t, "director", p=c.e("seller"), co=c.e("distributor"))
        c.fact(t, "email", p=c.e("seller"), mail=_email_of(c, c.e("seller")))
    else:
        t.add(rng.choice(said) + " ")
        c.fact(t, "importer", imp=s.importer, bl=s.entity, brk=s.broker)
        c.fact(t, "director", p=c.e("front_director"), co=s.importer)
        c.fact(t, "address", co=c.e("importer", 1), addr=c.w.get(c.e("importer", 1)).props["address"])
        c.fact(t, "address", co=c.e("importer", 0), addr=c.w.get(c.e("importer", 0)).props["address"])
        c.fact(t, "email", p=c.e("nominee"), mail=_email_of(c, c.e("nominee")))
    t.add("\n\n")
    c.fact(t, "investigated", ag=c.e("agency"), p=c.e("nominee"))
    c.fact(t, "controller", p=c.e("controller"), co=c.e("holding"))
    for factory in case.role("factory"):
        c.fact(t, "owns", o=c.e("holding"), co=factory)
    for exporter in case.role("exporter"):
        c.fact(t, "director", p=c.e("nominee"), co=exporter)
    t.add("\n")
    return DocSpec(f"interview_{subject_role}", case.id, case.lead, "AGENCY-ONLY", lang, "interview_notes",
                   day.isoformat(), rng.choice(["txt", "docx"]), t)


def surveillance_notes(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    lang = case.language
    t = c.text(lang, noise=0.06)
    day = dt.date.fromisoformat(case.shipments[0].date) + dt.timedelta(days=rng.randrange(25, 50))
    t.line({"en": "SURVEILLANCE LOG", "fr": "JOURNAL DE FILATURE", "es": "BITÁCORA DE VIGILANCIA"}[lang] + f" {case.id}")
    addr = c.w.get(c.e("importer")).props["address"]
    for hour, line in zip((7, 9, 13), range(3)):
        t.say(f"{hour:02d}:{rng.randrange(60):02d} {{d}} —", end=" ", d=t.date(day, "iso"))
        if line == 0:
            c.fact(t, "address", co=c.e("importer"), addr=addr, end="\n")
        elif line == 1:
            c.fact(t, "courier", p=c.e("courier"), co=c.e("distributor"), end="\n")
        else:
            c.fact(t, "phone", co=c.e("importer", 1), tel=c.w.get(c.e("importer", 1)).props["phone"], end="\n")
    return DocSpec("surveillance_log", case.id, case.lead, "AGENCY-ONLY", lang, "surveillance_notes",
                   day.isoformat(), "txt", t)


def financial_summary(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    lang = case.language
    t = c.text(lang)
    chain = case.chains[0]
    day = dt.date.fromisoformat(chain[-1].date) + dt.timedelta(days=rng.randrange(10, 60))
    t.line({"en": "FINANCIAL INTELLIGENCE SUMMARY", "fr": "SOMMAIRE DU RENSEIGNEMENT FINANCIER",
            "es": "INFORME DE INTELIGENCIA FINANCIERA"}[lang] + f" — {case.id}")
    t.line()
    structuring = [x for x in chain if "structuring" in x.flags]
    c.fact(t, "structuring", d1=t.date(structuring[0].date), d2=t.date(structuring[-1].date), n=str(len(structuring)),
           a1=structuring[0].target_account, p1=structuring[0].target_party,
           amt=t.money(sum(x.amount for x in structuring), structuring[0].currency), end="\n")
    c.fact(t, "person_owns", o=c.e("launderer"), co=c.e("msb"), end="\n")
    for x in chain:
        if "layering" in x.flags:
            t.prefer[(x.source_account, "TRANSFERRED", x.target_account)] = x.relation
            c.fact(t, "transfer", date=t.date(x.date), amt=t.money(x.amount, x.currency), a1=x.source_account,
                   p1=x.source_party, a2=x.target_account, p2=x.target_party, end="\n")
    for shell in case.role("shell"):
        c.fact(t, "shell", p=c.e("launderer"), co=shell, end="\n")
    c.fact(t, "financed", f=c.e("financier"), co=c.e("holding"), end="\n")
    if len(case.chains) > 1:
        over = {"en": "Invoices for the counterfeit shipments were inflated (over-invoicing) to move value abroad:",
                "fr": "Les factures des envois étaient gonflées (surfacturation) pour transférer de la valeur à l'étranger :",
                "es": "Las facturas de los embarques se sobrevaluaron para transferir valor al extranjero:"}[lang]
        t.line(over)
        for x in case.chains[1]:
            t.prefer[(x.source_account, "TRANSFERRED", x.target_account)] = x.relation
            c.fact(t, "transfer", date=t.date(x.date), amt=t.money(x.amount, x.currency), a1=x.source_account,
                   p1=x.source_party, a2=x.target_account, p2=x.target_party, end="\n")
    partner = case.agencies[-1]
    return DocSpec("financial_summary", case.id, case.lead, f"REL-TO:{case.lead},{partner}", lang,
                   "financial_intelligence", day.isoformat(), "txt", t)

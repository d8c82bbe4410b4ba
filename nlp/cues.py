"""Lexical cues for roles and relations in English, French and Spanish (data, not logic).

Each cue is a regular expression matched case-insensitively within a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["clause_cues", "ROLE_CUES", "RELATION_CUES", "DEFENDANT_CUE", "GROUP_CUE", "OFFICIAL_BEFORE",
           "OFFICIAL_AFTER", "KEY_ROLES", "FROM_ACCOUNT", "TO_ACCOUNT"]

KEY_ROLES = ("importer", "exporter", "manufacturer", "financier", "money_launderer",
             "distributor", "shipper", "broker", "leader")


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


ROLE_CUES: dict[str, re.Pattern[str]] = {
    "importer": _c(r"\b(import(?:s|ed|ing|er|ers)?|smuggl\w*|brought (?:them |the goods )?into|"
                   r"importat\w+|import[ée]\w*|importait|importa\w*|introduc\w+|contrebande|"
                   r"contrabando)\b"),
    "exporter": _c(r"\b(export\w*|exporta\w*)\b"),
    "manufacturer": _c(r"\b(manufactur\w*|factor(?:y|ies)|produc(?:ed|es|ing) the|made the|"
                       r"fabric\w*|fabriqu\w*|usine|atelier|taller(?:es)?|elaboraba)\b"),
    "distributor": _c(r"\b(distribut\w*|sold|sell(?:s|ing|er|ers)?|resold|resell\w*|retail\w*|"
                      r"wholesal\w*|vend\w*|revend\w*|écoul\w*|distribu\w*|comercializ\w*|"
                      r"traffick\w*)\b"),
    "shipper": _c(r"\b(shipped|shipper|shipping company|freight forwarder|forwarder|carrier|"
                  r"transitaire|exp[ée]di\w*|transportista|embarc\w*|envi[óo]|enviaba)\b"),
    "broker": _c(r"\b(broker\w*|courtier|intermediar\w*|agente aduanal|customs agent)\b"),
    "financier": _c(r"\b(financ\w*|funded|bankroll\w*)\b"),
    "money_launderer": _c(r"\b(launder\w*|blanchi\w*|blanqueo|lavado de dinero|"
                          r"operaciones con recursos de procedencia il[íi]cita|"
                          # structuring: deposits kept under a reporting threshold
                          r"structur(?:ed|ing)|fractionn\w*|fraccionad\w*|"
                          r"(?:under|below) the (?:[\w,.$]+ ){0,3}threshold|"
                          r"inf[ée]rieur\w* au seuil|sous le seuil|"
                          r"(?:por debajo|menores?|inferiores?) (?:del|al) umbral)\b"),
    "leader": _c(r"\b(leader|ringleader|head of|mastermind|kingpin|boss|led the|headed|"
                 r"led by|run by|chef|cerveau|cabecillas?|l[íi]der(?:es)?|jefe|dirig[íi]a|"
                 r"dirigeait|"
                 r"orchestrated|organi[sz]er)\b"),
    "courier": _c(r"\b(courier|mule|passeur|mula|drove the)\b"),
    "supplier": _c(r"\b(supplier|supplied|fournisseur|fournissait|proveedor\w*|suministr\w*)\b"),
    "seller": _c(r"\b(online seller|vendor|vendeur|vendedor)\b"),
}

DEFENDANT_CUE = _c(
    r"\b(sentenced|charged|charges|indicted|indictment|pleaded guilty|pled guilty|pleads guilty|"
    r"convicted|arrested|accused|defendants?|jailed|imprisoned|faces? up to|facing|detained|"
    r"guilty|prosecuted|extradited|condamn\w+|mis en examen|interpell\w+|arr[êe]t[ée]\w*|"
    r"inculp\w+|pr[ée]venus?|écroué|detenid\w+|detuv\w+|acusad\w+|condenad\w+|arrestad\w+|"
    r"imputad\w+|procesad\w+|vinculad\w+ a proceso|capturad\w+)\b")

GROUP_CUE = _c(
    r"\b(gang|ring|network|group|organi[sz]ation|defendants|suspects|members|accomplices|"
    r"ringleaders|leaders|bande|réseau|groupe|suspects|individus|complices|red|banda|grupo|"
    r"organización|cabecillas|detenidos|miembros|integrantes|c[óo]mplices|l[íi]deres)\b")

OFFICIAL_BEFORE = _c(
    r"(attorney|judge|justice|agent|agent in charge|commissioner|director|secretary|"
    r"spokes(?:wo)?man|spokesperson|chief|inspector|detective|sergeant|sgt\.|constable|officer|"
    r"superintendent|sheriff|deputy|prosecutor|magistrate|minister|administrator|commander|"
    r"captain|lieutenant|lt\.|det\.|supt\.|insp\.|procureur(?: de la république)?|juge|"
    r"porte-parole|commissaire|ministre|juez|jueza|fiscal|portavoz|subdirector\w*|director\w*|"
    r"titular|comisari\w+|secretari\w+|agente|Sgt|Cst\.|Const\.)\W{0,3}$")
OFFICIAL_AFTER = _c(
    r"^\W{0,3}(?:\w+\W+){0,2}(of the|of|des|de la|del|de los)?\s*(?:\w+\W+){0,3}?"
    r"(attorney|judge|agent|commissioner|director|spokes\w+|chief|inspector|officer|"
    r"prosecutor|douanes|police|customs|porte-parole|portavoz|subdirector\w*|fiscal|"
    r"procureur|said|told reporters|explained|explique|a indiqué|dijo|explicó|declar\w+)")

RELATION_CUES: dict[str, re.Pattern[str]] = {
    "OWNS": _c(r"\b(owner of|owns|owned|co-owner|proprietor|propriétaire|propietari[oa]|"
               r"dueñ[oa]|his company|her company|su empresa|sa société|shareholder|actionnaire|"
               r"accionista)\b"),
    "DIRECTS": _c(r"\b(president|director|ceo|chief executive|managing|manager|manages|managed|"
                  r"runs|ran|administrador(?: único)?|gerente|directeur|gérant|dirigeant|"
                  r"director general|chairman|presidente|président)\b"),
    "EMPLOYED_BY": _c(r"\b(employee of|employed by|worked for|works for|employ[ée]e? de|"
                      r"salari[ée] de|emplead[oa] de|trabajaba para)\b"),
    "PAID": _c(r"\b(paid|pay|wired|sent|payment|versé|payé|pag[óo]|pagaba|abon[óo])\b"),
    "TRANSFERRED": _c(r"\b(transferred|transfer|virement|viré|transféré|transfiri[óo]|"
                      r"transferencia)\b"),
    "FINANCED": _c(r"\b(financed|funded|financ[ée]|financait|finançait|financi[óo]|financiaba)\b"),
    "IMPORTED": ROLE_CUES["importer"],
    "EXPORTED": ROLE_CUES["exporter"],
    "MANUFACTURED": ROLE_CUES["manufacturer"],
    "SHIPPED": ROLE_CUES["shipper"],
    "SUPPLIED": ROLE_CUES["supplier"],
    # "X bought its stock from Y": Y supplied X (the relation runs the other way)
    "PURCHASED_FROM": _c(r"\b(?:bought|purchased|acquired|sourced|obtained|ordered|"
                         r"achet[ée]\w*|acquis|commandé|compr[óa]\w*|adquiri\w*|"
                         r"obten[íi]a?\w*)\b(?:\s+[\w'’-]+){0,5}?\s+"
                         r"(?:from|auprès d[eu]|chez|de|a|con)\s*$"),
    "SEIZED": _c(r"\b(seized|seizure|intercepted|confiscated|saisi\w*|intercept[ée]\w*|"
                 r"incaut\w+|asegur[óo]|aseguraron|intervin\w+|decomis\w+|detect\w+)\b"),
    "CHARGED": _c(r"\b(charged|indicted|sentenced|convicted|prosecuted|condamn\w+|"
                  r"mis en examen|acus[óo]|conden[óo]|sentenci[óo])\b"),
    "LOCATED_IN": _c(r"\b(based in|located in|headquartered in|of|in|basée? à|installée? à|"
                     r"située? à|con sede en|ubicad[oa] en|domiciliad[oa] en|en|à)\b"),
    "HAS_ADDRESS": _c(r"\b(address|located at|at|domicili\w+|adresse|domicilio|en|sis)\b"),
    "HOLDS": _c(r"\b(account|compte|cuenta|held by|titular)\b"),
    "ASSOCIATED_WITH": _c(r"\b(along with|with|associate|wife|husband|brother|sister|partner|"
                          r"socio|associé|complice|cómplice|junto a|avec)\b"),
}


_ACCOUNT_WORD = r"(?:the\s+|la\s+|le\s+|el\s+|su\s+|sa\s+|its\s+|their\s+)?" \
    r"(?:bank\s+)?(?:account|compte|cuenta)(?:\s+(?:no\.?|number|n[°º]|núm\.?|#))?\s*:?\s*$"
# "from account", "de la cuenta": the payer's account follows; "to account", "vers le compte":
# the payee's
FROM_ACCOUNT = re.compile(r"\b(?:from|out of|debited\s+(?:from|to)|de|desde|du|depuis|d['’])\s+"
                         + _ACCOUNT_WORD, re.IGNORECASE)
TO_ACCOUNT = re.compile(r"(?:\b(?:to|into|credited\s+to|vers|sur|a|al|hacia)\s+|\bau\s+|à\s+)"
                        + _ACCOUNT_WORD, re.IGNORECASE)


@lru_cache(maxsize=1024)
def clause_cues(clause: str) -> tuple[frozenset[str], bool]:
    """The roles of :data:`ROLE_CUES` met in ``clause`` and whether :data:`DEFENDANT_CUE` is
    (the rule and the learnt components both ask this of each sentence).

    >>> clause_cues("He was arrested for importing fakes.")
    (frozenset({'importer'}), True)
    """
    return (frozenset(role for role, cue in ROLE_CUES.items() if cue.search(clause)),
            DEFENDANT_CUE.search(clause) is not None)

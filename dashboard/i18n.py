"""Every label of the dashboard in English, French and Spanish (data, checked by a test).

>>> translate("nav.network", "fr")
'Réseau'
>>> translate("search.count", "es", count=3)
'3 resultados'
"""

from __future__ import annotations

from dashboard.i18n_workflow import WORKFLOW

__all__ = ["LANGUAGES", "DEFAULT", "TRANSLATIONS", "translate"]

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "es": "Español"}
DEFAULT = "en"

TRANSLATIONS: dict[str, dict[str, str]] = {
    # application and sign-in
    "app.title": {"en": "fakefree investigation workspace",
                  "fr": "Espace d'enquête fakefree",
                  "es": "Espacio de investigación fakefree"},
    "app.language": {"en": "Language", "fr": "Langue", "es": "Idioma"},
    "app.signed_in": {"en": "Signed in as {user}", "fr": "Connecté en tant que {user}",
                      "es": "Sesión iniciada como {user}"},
    "login.title": {"en": "Sign in", "fr": "Connexion", "es": "Iniciar sesión"},
    "login.username": {"en": "User name", "fr": "Nom d'utilisateur", "es": "Nombre de usuario"},
    "login.password": {"en": "Password", "fr": "Mot de passe", "es": "Contraseña"},
    "login.submit": {"en": "Sign in", "fr": "Se connecter", "es": "Entrar"},
    "login.logout": {"en": "Sign out", "fr": "Se déconnecter", "es": "Cerrar sesión"},
    "login.failed": {"en": "Wrong user name or password, or the account is disabled.",
                     "fr": "Nom d'utilisateur ou mot de passe incorrect, ou compte désactivé.",
                     "es": "Usuario o contraseña incorrectos, o la cuenta está desactivada."},
    "login.unavailable": {"en": "Sign-in is unavailable: {reason}",
                          "fr": "Connexion impossible : {reason}",
                          "es": "No se puede iniciar sesión: {reason}"},
    "error.unexpected": {"en": "This page could not be shown; the error was logged.",
                         "fr": "Cette page n'a pas pu être affichée ; l'erreur a été "
                               "journalisée.",
                         "es": "No se pudo mostrar esta página; el error quedó registrado."},
    "error.store": {"en": "The graph store cannot be read: {reason}",
                    "fr": "Le graphe ne peut pas être lu : {reason}",
                    "es": "No se puede leer el grafo: {reason}"},
    # navigation
    "nav.overview": {"en": "Overview", "fr": "Vue d'ensemble", "es": "Resumen"},
    "nav.search": {"en": "Search and profile", "fr": "Recherche et fiche",
                   "es": "Búsqueda y ficha"},
    "nav.network": {"en": "Network", "fr": "Réseau", "es": "Red"},
    # shared words
    "common.all": {"en": "All", "fr": "Tous", "es": "Todos"},
    "common.name": {"en": "Name", "fr": "Nom", "es": "Nombre"},
    "common.label": {"en": "Label", "fr": "Catégorie", "es": "Categoría"},
    "common.labels": {"en": "Labels", "fr": "Catégories", "es": "Categorías"},
    "common.case": {"en": "Case", "fr": "Dossier", "es": "Caso"},
    "common.cases": {"en": "Cases", "fr": "Dossiers", "es": "Casos"},
    "common.agency": {"en": "Agency", "fr": "Agence", "es": "Agencia"},
    "common.agencies": {"en": "Agencies", "fr": "Agences", "es": "Agencias"},
    "common.document": {"en": "Document", "fr": "Document", "es": "Documento"},
    "common.date": {"en": "Date", "fr": "Date", "es": "Fecha"},
    "common.releasability": {"en": "Releasability", "fr": "Diffusion", "es": "Difusión"},
    "common.relationship": {"en": "Relationship", "fr": "Relation", "es": "Relación"},
    "common.month": {"en": "Month", "fr": "Mois", "es": "Mes"},
    "common.port": {"en": "Port", "fr": "Port", "es": "Puerto"},
    "common.sector": {"en": "Sector", "fr": "Secteur", "es": "Sector"},
    # overview
    "overview.title": {"en": "Overview", "fr": "Vue d'ensemble", "es": "Resumen"},
    "overview.documents": {"en": "Documents", "fr": "Documents", "es": "Documentos"},
    "overview.entities": {"en": "Entities", "fr": "Entités", "es": "Entidades"},
    "overview.relationships": {"en": "Relationships", "fr": "Relations", "es": "Relaciones"},
    "overview.empty": {"en": "No document is visible to you yet.",
                       "fr": "Aucun document ne vous est encore visible.",
                       "es": "Todavía no hay ningún documento visible para usted."},
    "overview.count": {"en": "Count", "fr": "Nombre", "es": "Cantidad"},
    "overview.by_case": {"en": "Documents by case", "fr": "Documents par dossier",
                         "es": "Documentos por caso"},
    "overview.by_agency": {"en": "Documents by agency", "fr": "Documents par agence",
                           "es": "Documentos por agencia"},
    "overview.by_label": {"en": "Entities by label", "fr": "Entités par catégorie",
                          "es": "Entidades por categoría"},
    "overview.seizures": {"en": "Seizures", "fr": "Saisies", "es": "Incautaciones"},
    "overview.shipments": {"en": "Shipments", "fr": "Expéditions", "es": "Envíos"},
    "overview.by_month": {"en": "By month", "fr": "Par mois", "es": "Por mes"},
    "overview.by_port": {"en": "By port", "fr": "Par port", "es": "Por puerto"},
    "overview.by_sector": {"en": "By sector", "fr": "Par secteur", "es": "Por sector"},
    # search and profile
    "search.title": {"en": "Search and entity profile", "fr": "Recherche et fiche d'entité",
                     "es": "Búsqueda y ficha de entidad"},
    "search.query": {"en": "Name, alias or identifier", "fr": "Nom, alias ou identifiant",
                     "es": "Nombre, alias o identificador"},
    "search.placeholder": {"en": "e.g. a company, a person, a container or an IBAN",
                           "fr": "p. ex. une société, une personne, un conteneur ou un IBAN",
                           "es": "p. ej. una empresa, una persona, un contenedor o un IBAN"},
    "search.none": {"en": "Nothing visible to you matches “{query}”.",
                    "fr": "Rien de ce que vous pouvez voir ne correspond à « {query} ».",
                    "es": "Nada visible para usted coincide con «{query}»."},
    "search.count": {"en": "{count} results", "fr": "{count} résultats",
                     "es": "{count} resultados"},
    "search.open": {"en": "Open the profile of", "fr": "Ouvrir la fiche de",
                    "es": "Abrir la ficha de"},
    "profile.aliases": {"en": "Aliases", "fr": "Alias", "es": "Alias"},
    "profile.seen": {"en": "Seen", "fr": "Vu", "es": "Visto"},
    "profile.properties": {"en": "Properties", "fr": "Propriétés", "es": "Propiedades"},
    "profile.property": {"en": "Property", "fr": "Propriété", "es": "Propiedad"},
    "profile.value": {"en": "Value", "fr": "Valeur", "es": "Valor"},
    "profile.documents": {"en": "Documents", "fr": "Documents", "es": "Documentos"},
    "profile.evidence": {"en": "Evidence", "fr": "Éléments de preuve", "es": "Pruebas"},
    "profile.mention": {"en": "Mention", "fr": "Mention", "es": "Mención"},
    "profile.claim": {"en": "Claim", "fr": "Affirmation", "es": "Afirmación"},
    "profile.sentence": {"en": "Sentence", "fr": "Phrase", "es": "Frase"},
    "profile.span": {"en": "Characters", "fr": "Caractères", "es": "Caracteres"},
    "profile.neighbours": {"en": "Neighbours", "fr": "Voisins", "es": "Vecinos"},
    "profile.missing": {"en": "This entity is not visible to you.",
                        "fr": "Cette entité ne vous est pas visible.",
                        "es": "Esta entidad no es visible para usted."},
    "profile.to_network": {"en": "Show its network", "fr": "Voir son réseau",
                           "es": "Ver su red"},
    # network
    "network.title": {"en": "Network explorer", "fr": "Explorateur de réseau",
                      "es": "Explorador de red"},
    "network.find": {"en": "Find entities to add", "fr": "Trouver des entités à ajouter",
                     "es": "Buscar entidades para añadir"},
    "network.entities": {"en": "Entities at the centre", "fr": "Entités au centre",
                         "es": "Entidades en el centro"},
    "network.filters": {"en": "Filters", "fr": "Filtres", "es": "Filtros"},
    "network.hops": {"en": "Hops", "fr": "Sauts", "es": "Saltos"},
    "network.cap": {"en": "At most this many nodes", "fr": "Nombre maximal de nœuds",
                    "es": "Número máximo de nodos"},
    "network.rel_types": {"en": "Relationship types", "fr": "Types de relation",
                          "es": "Tipos de relación"},
    "network.cases": {"en": "Cases", "fr": "Dossiers", "es": "Casos"},
    "network.hide_context": {"en": "Hide documents, cases, countries and cities",
                             "fr": "Masquer documents, dossiers, pays et villes",
                             "es": "Ocultar documentos, casos, países y ciudades"},
    "network.pick": {"en": "Search and pick at least one entity to draw its network.",
                     "fr": "Cherchez et choisissez au moins une entité pour tracer son réseau.",
                     "es": "Busque y elija al menos una entidad para dibujar su red."},
    "network.truncated": {"en": "The network is larger than {cap} nodes, so only part of it is "
                                "shown; lower the hops or add filters to see the rest.",
                          "fr": "Le réseau dépasse {cap} nœuds : seule une partie est "
                                "affichée ; "
                                "réduisez les sauts ou ajoutez des filtres pour voir le reste.",
                          "es": "La red supera los {cap} nodos y solo se muestra una parte; "
                                "reduzca los saltos o añada filtros para ver el resto."},
    "network.size": {"en": "{nodes} nodes, {edges} relationships",
                     "fr": "{nodes} nœuds, {edges} relations",
                     "es": "{nodes} nodos, {edges} relaciones"},
    "network.node": {"en": "Entity shown", "fr": "Entité affichée", "es": "Entidad mostrada"},
    "network.open_profile": {"en": "Open profile", "fr": "Ouvrir la fiche",
                             "es": "Abrir la ficha"},
    # analyses
    "nav.sources": {"en": "Source organizations", "fr": "Organisations sources",
                    "es": "Organizaciones de origen"},
    "nav.money": {"en": "Money flows", "fr": "Flux financiers", "es": "Flujos de dinero"},
    "nav.risk": {"en": "Shipments and risk", "fr": "Expéditions et risque",
                 "es": "Envíos y riesgo"},
    "nav.cross": {"en": "Cross-case links", "fr": "Liens entre dossiers",
                  "es": "Vínculos entre casos"},
    "common.entity": {"en": "Entity", "fr": "Entité", "es": "Entidad"},
    "common.score": {"en": "Score", "fr": "Score", "es": "Puntuación"},
    "common.top": {"en": "How many", "fr": "Combien", "es": "Cuántos"},
    "sources.title": {"en": "Source organizations", "fr": "Organisations sources",
                      "es": "Organizaciones de origen"},
    "sources.help": {"en": "Organizations upstream of the most seizures (factories, controllers, "
                           "financiers), ranked with the paths that explain them.",
                     "fr": "Les organisations en amont du plus grand nombre de saisies (usines, "
                           "donneurs d'ordre, financeurs), classées avec les chemins qui les "
                           "expliquent.",
                     "es": "Las organizaciones detrás del mayor número de incautaciones "
                           "(fábricas, controladores, financistas), ordenadas con los caminos que "
                           "lo explican."},
    "sources.seizures": {"en": "{count} seizures analysed", "fr": "{count} saisies analysées",
                         "es": "{count} incautaciones analizadas"},
    "sources.seizure_count": {"en": "Seizures", "fr": "Saisies", "es": "Incautaciones"},
    "sources.none": {"en": "No seizure visible to you leads to an organization.",
                     "fr": "Aucune saisie visible ne mène à une organisation.",
                     "es": "Ninguna incautación visible conduce a una organización."},
    "sources.why": {"en": "Why they rank high", "fr": "Pourquoi ce classement",
                    "es": "Por qué ocupan ese puesto"},
    "sources.path": {"en": "Path {number}", "fr": "Chemin {number}", "es": "Camino {number}"},
    "money.title": {"en": "Money flows", "fr": "Flux financiers", "es": "Flujos de dinero"},
    "money.none": {"en": "No payment or transfer visible to you has an amount.",
                   "fr": "Aucun paiement ni virement visible n'a de montant.",
                   "es": "Ningún pago o transferencia visible tiene importe."},
    "money.total": {"en": "Total ({currency})", "fr": "Total ({currency})",
                    "es": "Total ({currency})"},
    "money.transfers": {"en": "Transfers", "fr": "Virements", "es": "Transferencias"},
    "money.fx_as_of": {"en": "Exchange rates of", "fr": "Taux de change du",
                       "es": "Tipos de cambio del"},
    "money.sankey": {"en": "Who paid whom", "fr": "Qui a payé qui", "es": "Quién pagó a quién"},
    "money.corridors": {"en": "Corridors between countries", "fr": "Corridors entre pays",
                        "es": "Corredores entre países"},
    "money.from": {"en": "From", "fr": "De", "es": "Desde"},
    "money.to": {"en": "To", "fr": "Vers", "es": "Hacia"},
    "money.alerts": {"en": "Laundering patterns", "fr": "Schémas de blanchiment",
                     "es": "Patrones de blanqueo"},
    "money.no_alerts": {"en": "No laundering pattern found.",
                        "fr": "Aucun schéma de blanchiment trouvé.",
                        "es": "No se encontró ningún patrón de blanqueo."},
    "money.pattern": {"en": "Pattern", "fr": "Schéma", "es": "Patrón"},
    "money.parties": {"en": "Parties", "fr": "Parties", "es": "Partes"},
    "money.detail": {"en": "Detail", "fr": "Détail", "es": "Detalle"},
    "money.structuring": {"en": "Structuring", "fr": "Fractionnement",
                          "es": "Fraccionamiento"},
    "money.structuring_detail": {"en": "{count} transfers just under {threshold} {currency}, "
                                       "{first} to {last}",
                                 "fr": "{count} virements juste sous {threshold} {currency}, "
                                       "du {first} au {last}",
                                 "es": "{count} transferencias justo por debajo de {threshold} "
                                       "{currency}, del {first} al {last}"},
    "money.layering": {"en": "Layering", "fr": "Empilement", "es": "Estratificación"},
    "money.layering_detail": {"en": "{hops} hops in {days} days, {retained} of the money kept",
                              "fr": "{hops} sauts en {days} jours, {retained} de l'argent "
                                    "conservé",
                              "es": "{hops} saltos en {days} días, {retained} del dinero "
                                    "conservado"},
    "money.cycle": {"en": "Cycle", "fr": "Cycle", "es": "Ciclo"},
    "money.round_trip": {"en": "Round trip", "fr": "Aller-retour", "es": "Ida y vuelta"},
    "money.trade": {"en": "Trade mismatch", "fr": "Incohérence commerciale",
                    "es": "Discrepancia comercial"},
    "money.trade_detail": {"en": "paid {paid} for goods declared at {declared} (x{ratio})",
                           "fr": "{paid} payés pour des marchandises déclarées à {declared} "
                                 "(x{ratio})",
                           "es": "pagó {paid} por mercancías declaradas en {declared} "
                                 "(x{ratio})"},
    "money.sent": {"en": "Sent ({currency})", "fr": "Envoyé ({currency})",
                   "es": "Enviado ({currency})"},
    "money.received": {"en": "Received ({currency})", "fr": "Reçu ({currency})",
                       "es": "Recibido ({currency})"},
    "risk.title": {"en": "Shipments and risk", "fr": "Expéditions et risque",
                   "es": "Envíos y riesgo"},
    "risk.help": {"en": "Every shipment scored from explained indicators (parties of other "
                        "seizures, transshipment, new consignee, brand, low value), riskiest "
                        "first.",
                  "fr": "Chaque expédition notée selon des indicateurs expliqués (parties "
                        "d'autres saisies, transbordement, destinataire récent, marque, valeur "
                        "faible), la plus risquée d'abord.",
                  "es": "Cada envío puntuado con indicadores explicados (partes de otras "
                        "incautaciones, transbordo, consignatario nuevo, marca, valor bajo), el "
                        "más riesgoso primero."},
    "risk.hide_seized": {"en": "Hide seized shipments", "fr": "Masquer les expéditions saisies",
                         "es": "Ocultar los envíos incautados"},
    "risk.none": {"en": "No shipment visible to you.", "fr": "Aucune expédition visible.",
                  "es": "Ningún envío visible."},
    "risk.shipment": {"en": "Shipment", "fr": "Expédition", "es": "Envío"},
    "risk.seized": {"en": "Seized", "fr": "Saisie", "es": "Incautado"},
    "risk.reasons": {"en": "Why", "fr": "Pourquoi", "es": "Por qué"},
    "cross.title": {"en": "Cross-case links and shared identifiers",
                    "fr": "Liens entre dossiers et identifiants partagés",
                    "es": "Vínculos entre casos e identificadores compartidos"},
    "cross.shared": {"en": "Shared identifiers", "fr": "Identifiants partagés",
                     "es": "Identificadores compartidos"},
    "cross.entities": {"en": "Entities in several cases", "fr": "Entités de plusieurs dossiers",
                       "es": "Entidades en varios casos"},
    "cross.networks": {"en": "Shared networks", "fr": "Réseaux partagés",
                       "es": "Redes compartidas"},
    "cross.only_cross": {"en": "Only across cases or agencies",
                         "fr": "Seulement entre dossiers ou agences",
                         "es": "Solo entre casos o agencias"},
    "cross.none": {"en": "Nothing found in what you may see.",
                   "fr": "Rien trouvé dans ce que vous pouvez voir.",
                   "es": "Nada encontrado en lo que puede ver."},
    "cross.kind": {"en": "Kind", "fr": "Type", "es": "Tipo"},
    "cross.identifier": {"en": "Identifier", "fr": "Identifiant", "es": "Identificador"},
    "cross.cross_case": {"en": "Across cases", "fr": "Entre dossiers", "es": "Entre casos"},
    "cross.cross_agency": {"en": "Across agencies", "fr": "Entre agences",
                           "es": "Entre agencias"},
    "cross.network": {"en": "Network {number} ({size} entities)",
                      "fr": "Réseau {number} ({size} entités)",
                      "es": "Red {number} ({size} entidades)"},
    "cross.linking": {"en": "Linking entities", "fr": "Entités de liaison",
                      "es": "Entidades de enlace"},
    "cross.contacts": {"en": "Contacts", "fr": "Contacts", "es": "Contactos"},
    "cross.exchange": {"en": "{holder} could share with {recipient}",
                       "fr": "{holder} pourrait partager avec {recipient}",
                       "es": "{holder} podría compartir con {recipient}"},
}

TRANSLATIONS |= WORKFLOW


def translate(key: str, lang: str = DEFAULT, **values: object) -> str:
    """The label ``key`` in ``lang`` (English if the language is unknown), formatted."""
    entry = TRANSLATIONS[key]
    text = entry.get(lang) or entry[DEFAULT]
    return text.format(**values) if values else text

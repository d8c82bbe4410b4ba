"""Every label of the dashboard in English, French and Spanish (data, checked by a test).

>>> translate("nav.network", "fr")
'Réseau'
>>> translate("search.count", "es", count=3)
'3 resultados'
"""

from __future__ import annotations

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
                         "fr": "Cette page n'a pas pu être affichée ; l'erreur a été journalisée.",
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
    "network.hide_documents": {"en": "Hide documents", "fr": "Masquer les documents",
                               "es": "Ocultar los documentos"},
    "network.pick": {"en": "Search and pick at least one entity to draw its network.",
                     "fr": "Cherchez et choisissez au moins une entité pour tracer son réseau.",
                     "es": "Busque y elija al menos una entidad para dibujar su red."},
    "network.truncated": {"en": "The network is larger than {cap} nodes, so only part of it is "
                                "shown; lower the hops or add filters to see the rest.",
                          "fr": "Le réseau dépasse {cap} nœuds : seule une partie est affichée ; "
                                "réduisez les sauts ou ajoutez des filtres pour voir le reste.",
                          "es": "La red supera los {cap} nodos y solo se muestra una parte; "
                                "reduzca los saltos o añada filtros para ver el resto."},
    "network.size": {"en": "{nodes} nodes, {edges} relationships",
                     "fr": "{nodes} nœuds, {edges} relations",
                     "es": "{nodes} nodos, {edges} relaciones"},
    "network.node": {"en": "Entity shown", "fr": "Entité affichée", "es": "Entidad mostrada"},
    "network.open_profile": {"en": "Open profile", "fr": "Ouvrir la fiche",
                             "es": "Abrir la ficha"},
}


def translate(key: str, lang: str = DEFAULT, **values: object) -> str:
    """The label ``key`` in ``lang`` (English if the language is unknown), formatted."""
    entry = TRANSLATIONS[key]
    text = entry.get(lang) or entry[DEFAULT]
    return text.format(**values) if values else text

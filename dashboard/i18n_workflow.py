"""Labels of the workflow pages (link analysis, timeline, screening, alerts, ingest) in English,
French and Spanish; :mod:`dashboard.i18n` merges them into its table."""

from __future__ import annotations

__all__ = ["WORKFLOW"]

WORKFLOW: dict[str, dict[str, str]] = {
    "nav.links": {"en": "Link analysis", "fr": "Analyse des liens", "es": "Análisis de vínculos"},
    "nav.timeline": {"en": "Case timeline", "fr": "Chronologie du dossier",
                     "es": "Cronología del caso"},
    "nav.screening": {"en": "Watchlist screening", "fr": "Criblage de liste",
                      "es": "Cotejo de listas"},
    "nav.alerts": {"en": "Alerts", "fr": "Alertes", "es": "Alertas"},
    "nav.ingest": {"en": "Ingest", "fr": "Chargement", "es": "Carga"},
    # link analysis
    "links.title": {"en": "Link analysis", "fr": "Analyse des liens",
                    "es": "Análisis de vínculos"},
    "links.players": {"en": "Key players", "fr": "Acteurs clés", "es": "Actores clave"},
    "links.communities": {"en": "Communities", "fr": "Communautés", "es": "Comunidades"},
    "links.paths": {"en": "Paths", "fr": "Chemins", "es": "Caminos"},
    "links.players_help": {
        "en": "Parties ranked by betweenness, PageRank and degree; brokers link several "
              "communities.",
        "fr": "Parties classées par intermédiarité, PageRank et degré ; les courtiers relient "
              "plusieurs communautés.",
        "es": "Partes ordenadas por intermediación, PageRank y grado; los intermediarios unen "
              "varias comunidades."},
    "links.roles": {"en": "Roles", "fr": "Rôles", "es": "Funciones"},
    "links.betweenness": {"en": "Betweenness", "fr": "Intermédiarité", "es": "Intermediación"},
    "links.degree": {"en": "Links", "fr": "Liens", "es": "Vínculos"},
    "links.bridged": {"en": "Communities bridged", "fr": "Communautés reliées",
                      "es": "Comunidades unidas"},
    "links.broker": {"en": "Broker", "fr": "Courtier", "es": "Intermediario"},
    "links.communities_help": {
        "en": "Groups of entities more linked to each other than to the rest (Louvain).",
        "fr": "Groupes d'entités plus liées entre elles qu'au reste (Louvain).",
        "es": "Grupos de entidades más vinculadas entre sí que con el resto (Louvain)."},
    "links.modularity": {"en": "Modularity {value}", "fr": "Modularité {value}",
                         "es": "Modularidad {value}"},
    "links.size": {"en": "Size", "fr": "Taille", "es": "Tamaño"},
    "links.community": {"en": "Community", "fr": "Communauté", "es": "Comunidad"},
    "links.countries": {"en": "Countries", "fr": "Pays", "es": "Países"},
    "links.members": {"en": "Members", "fr": "Membres", "es": "Miembros"},
    "links.paths_help": {
        "en": "How two entities are connected, each step with the sentences that state it.",
        "fr": "Comment deux entités sont reliées, chaque étape avec les phrases qui l'établissent.",
        "es": "Cómo se conectan dos entidades, cada paso con las frases que lo establecen."},
    "links.from": {"en": "From", "fr": "De", "es": "Desde"},
    "links.to": {"en": "To", "fr": "Vers", "es": "Hasta"},
    "links.no_path": {"en": "No path of at most {hops} steps between them.",
                      "fr": "Aucun chemin d'au plus {hops} étapes entre elles.",
                      "es": "Ningún camino de {hops} pasos como máximo entre ellas."},
    "links.path": {"en": "Path {number} ({hops} steps)", "fr": "Chemin {number} ({hops} étapes)",
                   "es": "Camino {number} ({hops} pasos)"},
    # timeline
    "timeline.title": {"en": "Case timeline", "fr": "Chronologie du dossier",
                       "es": "Cronología del caso"},
    "timeline.none": {"en": "No dated event visible to you.",
                      "fr": "Aucun événement daté visible.",
                      "es": "Ningún evento fechado visible."},
    "timeline.kinds": {"en": "Events", "fr": "Événements", "es": "Eventos"},
    "timeline.kind": {"en": "Kind", "fr": "Type", "es": "Tipo"},
    "timeline.event": {"en": "Event", "fr": "Événement", "es": "Evento"},
    "timeline.shipment": {"en": "Shipment", "fr": "Expédition", "es": "Envío"},
    "timeline.seizure": {"en": "Seizure", "fr": "Saisie", "es": "Incautación"},
    "timeline.payment": {"en": "Payment", "fr": "Paiement", "es": "Pago"},
    "timeline.transfer": {"en": "Transfer", "fr": "Virement", "es": "Transferencia"},
    "timeline.court": {"en": "Court", "fr": "Justice", "es": "Justicia"},
    "timeline.undated": {"en": "{count} items of this case have no date and are not shown.",
                         "fr": "{count} éléments de ce dossier n'ont pas de date et ne sont pas "
                               "affichés.",
                         "es": "{count} elementos de este caso no tienen fecha y no se "
                               "muestran."},
    "timeline.export_title": {"en": "Timeline of case {case}", "fr": "Chronologie du dossier {case}",
                              "es": "Cronología del caso {case}"},
    "timeline.csv": {"en": "Download CSV", "fr": "Télécharger le CSV", "es": "Descargar CSV"},
    "timeline.svg": {"en": "Download SVG", "fr": "Télécharger le SVG", "es": "Descargar SVG"},
    "timeline.marking": {"en": "Exports are marked {marking}.",
                         "fr": "Les exports portent la mention {marking}.",
                         "es": "Las exportaciones llevan la marca {marking}."},
    # screening and alerts
    "screening.title": {"en": "Watchlist screening", "fr": "Criblage de liste de surveillance",
                        "es": "Cotejo de listas de vigilancia"},
    "screening.help": {
        "en": "A CSV with a name column and optionally type, country, aliases, phone, email, "
              "iban, account, container, address. Every candidate at or above the threshold "
              "joins the alerts queue once.",
        "fr": "Un CSV avec une colonne name et, au choix, type, country, aliases, phone, email, "
              "iban, account, container, address. Chaque candidat au-dessus du seuil entre une "
              "fois dans la file d'alertes.",
        "es": "Un CSV con una columna name y, opcionalmente, type, country, aliases, phone, "
              "email, iban, account, container, address. Cada candidato por encima del umbral "
              "entra una vez en la cola de alertas."},
    "screening.file": {"en": "Watchlist (CSV)", "fr": "Liste (CSV)", "es": "Lista (CSV)"},
    "screening.threshold": {"en": "Threshold", "fr": "Seuil", "es": "Umbral"},
    "screening.limit": {"en": "Candidates per entry", "fr": "Candidats par entrée",
                        "es": "Candidatos por entrada"},
    "screening.submit": {"en": "Screen", "fr": "Cribler", "es": "Cotejar"},
    "screening.no_file": {"en": "Choose a CSV watchlist first.",
                          "fr": "Choisissez d'abord une liste CSV.",
                          "es": "Elija primero una lista CSV."},
    "screening.not_utf8": {"en": "{name} is not UTF-8 text.",
                           "fr": "{name} n'est pas du texte UTF-8.",
                           "es": "{name} no es texto UTF-8."},
    "screening.queued": {
        "en": "{hits} of {entries} entries matched; {new} new alerts, {known} already queued.",
        "fr": "{hits} entrées sur {entries} correspondent ; {new} nouvelles alertes, {known} "
              "déjà en file.",
        "es": "{hits} de {entries} entradas coinciden; {new} alertas nuevas, {known} ya en "
              "cola."},
    "screening.entry": {"en": "Watchlist entry", "fr": "Entrée de la liste",
                        "es": "Entrada de la lista"},
    "screening.no_match": {"en": "(no match)", "fr": "(aucune correspondance)",
                           "es": "(sin coincidencia)"},
    "screening.to_alerts": {"en": "Open the alerts queue", "fr": "Ouvrir la file d'alertes",
                            "es": "Abrir la cola de alertas"},
    "alerts.title": {"en": "Alerts queue", "fr": "File d'alertes", "es": "Cola de alertas"},
    "alerts.status": {"en": "Status", "fr": "Statut", "es": "Estado"},
    "alerts.open": {"en": "Open", "fr": "Ouverte", "es": "Abierta"},
    "alerts.dismissed": {"en": "Dismissed", "fr": "Écartée", "es": "Descartada"},
    "alerts.escalated": {"en": "Escalated", "fr": "Transmise", "es": "Escalada"},
    "alerts.none": {"en": "No alert with this status.", "fr": "Aucune alerte de ce statut.",
                    "es": "Ninguna alerta con este estado."},
    "alerts.list": {"en": "Watchlist", "fr": "Liste", "es": "Lista"},
    "alerts.triaged_by": {"en": "Triaged by", "fr": "Traitée par", "es": "Revisada por"},
    "alerts.triaged_at": {"en": "Triaged on", "fr": "Traitée le", "es": "Revisada el"},
    "alerts.note": {"en": "Note", "fr": "Note", "es": "Nota"},
    "alerts.triage": {"en": "Triage", "fr": "Traitement", "es": "Revisión"},
    "alerts.alert": {"en": "Alert", "fr": "Alerte", "es": "Alerta"},
    "alerts.new_status": {"en": "New status", "fr": "Nouveau statut", "es": "Nuevo estado"},
    "alerts.save": {"en": "Save", "fr": "Enregistrer", "es": "Guardar"},
    # ingest
    "ingest.title": {"en": "Ingest case files", "fr": "Charger des pièces",
                     "es": "Cargar expedientes"},
    "ingest.denied": {"en": "Only ETL operators and administrators may load case files.",
                      "fr": "Seuls les opérateurs ETL et les administrateurs peuvent charger des "
                            "pièces.",
                      "es": "Solo los operadores ETL y los administradores pueden cargar "
                            "expedientes."},
    "ingest.help": {
        "en": "Files (txt, pdf, docx, html, eml, csv, xlsx, json, zip) are loaded like "
              "`fakefree ingest`: already loaded files are skipped, unreadable ones quarantined "
              "with a reason.",
        "fr": "Les fichiers (txt, pdf, docx, html, eml, csv, xlsx, json, zip) sont chargés comme "
              "par `fakefree ingest` : les fichiers déjà chargés sont ignorés, les illisibles "
              "mis en quarantaine avec un motif.",
        "es": "Los archivos (txt, pdf, docx, html, eml, csv, xlsx, json, zip) se cargan como con "
              "`fakefree ingest`: los ya cargados se omiten, los ilegibles van a cuarentena con "
              "un motivo."},
    "ingest.files": {"en": "Case files", "fr": "Pièces", "es": "Archivos"},
    "ingest.submit": {"en": "Load", "fr": "Charger", "es": "Cargar"},
    "ingest.progress": {"en": "{done} of {total} files", "fr": "{done} fichiers sur {total}",
                        "es": "{done} de {total} archivos"},
    "ingest.loaded": {"en": "loaded", "fr": "chargé", "es": "cargado"},
    "ingest.duplicate": {"en": "already loaded", "fr": "déjà chargé", "es": "ya cargado"},
    "ingest.quarantined": {"en": "quarantined", "fr": "en quarantaine", "es": "en cuarentena"},
    "ingest.no_files": {"en": "Choose at least one file.",
                        "fr": "Choisissez au moins un fichier.",
                        "es": "Elija al menos un archivo."},
    "ingest.need_case": {"en": "Give the case id and the agency of the files.",
                         "fr": "Indiquez le dossier et l'agence des fichiers.",
                         "es": "Indique el caso y la agencia de los archivos."},
    "ingest.outcomes": {"en": "What happened to each file", "fr": "Résultat par fichier",
                        "es": "Resultado por archivo"},
    "ingest.outcome": {"en": "Outcome", "fr": "Résultat", "es": "Resultado"},
    "ingest.reason": {"en": "Reason", "fr": "Motif", "es": "Motivo"},
    "ingest.quarantine": {"en": "Quarantined files", "fr": "Fichiers en quarantaine",
                          "es": "Archivos en cuarentena"},
    "ingest.no_quarantine": {"en": "No file is in quarantine.",
                             "fr": "Aucun fichier en quarantaine.",
                             "es": "Ningún archivo en cuarentena."},
    # shipment routes (on the shipments and risk page)
    "risk.routes": {"en": "Routes", "fr": "Itinéraires", "es": "Rutas"},
    "risk.ranked": {"en": "Riskiest first", "fr": "Les plus risquées d'abord",
                    "es": "Los más riesgosos primero"},
    "risk.route": {"en": "Route", "fr": "Itinéraire", "es": "Ruta"},
    "risk.risky_route": {"en": "Risky route", "fr": "Itinéraire à risque", "es": "Ruta de riesgo"},
    "risk.origin": {"en": "Loaded at", "fr": "Chargé à", "es": "Cargado en"},
    "risk.transshipment": {"en": "Transshipped at", "fr": "Transbordé à",
                           "es": "Transbordado en"},
    "risk.destination": {"en": "Discharged at", "fr": "Déchargé à", "es": "Descargado en"},
    "risk.map_help": {"en": "Red: shipments scoring {score} or more; diamonds: transshipment "
                            "hubs. Drawn offline from Natural Earth outlines.",
                      "fr": "En rouge : expéditions notées {score} ou plus ; losanges : plaques "
                            "de transbordement. Carte hors ligne (Natural Earth).",
                      "es": "En rojo: envíos con puntuación de {score} o más; rombos: centros "
                            "de transbordo. Mapa sin conexión (Natural Earth)."},
}

"""The Neo4j backend: the store, its Cypher, the readable model, the bulk importer and the
local server launcher (``server.py`` and the Java sources in ``server/``)."""

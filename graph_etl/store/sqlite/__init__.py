"""The embedded backend: one SQLite file (:mod:`graph_etl.store.sqlite.store`)."""

"""On the ingested demo corpus, no identifier becomes a person or a company."""

from __future__ import annotations

import pytest

from graph_etl.store import Viewer
from nlp.identifiers import is_identifier_shaped
from queries.graph import labels_of, name_of


@pytest.mark.slow
def test_demo_identifiers_no_identifier_typed_as_party(demo_store):
    graph = demo_store.subgraph(Viewer.system())
    parties = [n for n in graph if {"Person", "Company"} & set(labels_of(graph, n))]
    assert len(parties) > 200
    coded = sorted(name_of(graph, n) for n in parties if is_identifier_shaped(name_of(graph, n)))
    assert coded == []

"""The entity profile: who or what it is, where it comes from, and every sentence behind it.

(Not named ``profile``: Streamlit puts this folder on ``sys.path``, where that name would hide
the standard library module that spaCy imports.)
"""

from __future__ import annotations

import networkx as nx
import streamlit as st

from dashboard import tables
from dashboard.markup import md
from dashboard.session import t
from graph_etl.store import NodeView

__all__ = ["render"]


def _line(label: str, values: list[str]) -> None:
    st.markdown(f"**{label}:** {', '.join(md(v) for v in values) if values else '—'}")


def _shown(graph: nx.MultiDiGraph, value: object) -> str:
    """A property value; one naming a neighbour by id shows that neighbour's name."""
    if isinstance(value, str) and value in graph:
        return graph.nodes[value]["name"]
    return str(value)


def render(view: NodeView, graph: nx.MultiDiGraph, doc_names: dict[str, str]) -> None:
    """Show ``view`` with its neighbourhood ``graph`` (one hop) and document names."""
    st.header(md(view.name))
    _line(t("common.labels"), view.labels)
    _line(t("profile.aliases"), view.aliases)
    _line(t("common.cases"), view.cases)
    _line(t("common.agencies"), view.agencies)
    if view.first_seen or view.last_seen:
        _line(t("profile.seen"), [f"{view.first_seen or '?'} → {view.last_seen or '?'}"])
    if view.props:
        st.subheader(t("profile.properties"))
        st.dataframe([{"property": k, "value": _shown(graph, v)}
                      for k, v in sorted(view.props.items())],
                     hide_index=True, column_config={"property": t("profile.property"),
                                                     "value": t("profile.value")})
    st.subheader(t("profile.documents"))
    st.markdown("\n".join(f"- {md(doc_names.get(d, d))} (`{md(d[:12])}`)" for d in view.documents)
                or "—")
    st.subheader(t("profile.evidence"))
    evidence = tables.evidence_rows(view, graph, doc_names)
    for row in evidence:
        if row["kind"] == "MENTION":
            row["kind"] = t("profile.mention")
    st.dataframe(evidence, hide_index=True,
                 column_config={"kind": t("profile.claim"), "text": t("profile.sentence"),
                                "document": t("common.document"), "span": t("profile.span")})
    st.subheader(t("profile.neighbours"))
    rows = tables.neighbour_rows(graph, view.id)
    st.dataframe(rows, hide_index=True,
                 column_order=["direction", "type", "name", "label", "cases"],
                 column_config={"direction": "", "type": t("common.relationship"),
                                "name": t("common.name"), "label": t("common.label"),
                                "cases": t("common.cases")})

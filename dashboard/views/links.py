"""Link analysis: key players, communities, and the paths that join two entities with evidence."""

import streamlit as st

from dashboard import analyses, session, widgets
from dashboard.session import t
from fakefree.schema import primary_label

uri, who = session.store_uri(), session.viewer()
st.title(t("links.title"))
players_tab, communities_tab, paths_tab = st.tabs(
    [t("links.players"), t("links.communities"), t("links.paths")])

with players_tab:
    st.caption(t("links.players_help"))
    case_col, top_col = st.columns([2, 1])
    with case_col:
        case = widgets.case_filter("links_case")
    top = top_col.slider(t("common.top"), 3, 50, 10, key="links_top")
    result = analyses.key_players(uri, who, case, top)
    if not result.players:
        st.info(t("cross.none"))
    else:
        st.dataframe([{"rank": p.rank, "name": p.entity.name,
                       "roles": ", ".join(p.roles) or p.entity.label, "score": p.score,
                       "betweenness": p.betweenness, "pagerank": p.pagerank, "degree": p.degree,
                       "bridged": p.communities_bridged, "broker": p.broker,
                       "cases": ", ".join(p.entity.cases)} for p in result.players],
                     hide_index=True,
                     column_config={"rank": "#", "name": t("common.name"),
                                    "roles": t("links.roles"), "score": t("common.score"),
                                    "betweenness": t("links.betweenness"),
                                    "pagerank": "PageRank", "degree": t("links.degree"),
                                    "bridged": t("links.bridged"), "broker": t("links.broker"),
                                    "cases": t("common.cases")})
        widgets.open_buttons({p.entity.id: p.entity.name for p in result.players}, "players")

with communities_tab:
    st.caption(t("links.communities_help"))
    with st.columns([2, 1])[0]:
        community_case = widgets.case_filter("communities_case")
    found = analyses.communities(uri, who, community_case)
    if not found.communities:
        st.info(t("cross.none"))
    else:
        st.caption(t("links.modularity", value=f"{found.modularity:.2f}"))
        st.dataframe([{"id": c.id, "size": c.size, "label": c.label,
                       "roles": ", ".join(f"{k} {v}" for k, v in c.roles.items()),
                       "countries": ", ".join(c.countries), "cases": ", ".join(c.cases),
                       "members": ", ".join(m.name for m in c.members[:8])}
                      for c in found.communities], hide_index=True,
                     column_config={"id": "#", "size": t("links.size"),
                                    "label": t("links.community"), "roles": t("links.roles"),
                                    "countries": t("links.countries"),
                                    "cases": t("common.cases"), "members": t("links.members")})


def _entity_picker(column, key: str) -> str | None:
    """Search an entity by name, alias or identifier and pick one of the hits."""
    query = column.text_input(t(f"links.{key}"), key=f"paths_{key}_query",
                              placeholder=t("search.placeholder"))
    if not query.strip():
        return None
    hits = {h.id: f"{h.name} [{primary_label(h.labels)}]"
            for h in session.search(uri, who, query.strip(), None, 20)}
    if not hits:
        column.info(t("search.none", query=query.strip()))
        return None
    return column.selectbox(t("common.entity"), list(hits), format_func=hits.get,
                            key=f"paths_{key}_pick")


with paths_tab:
    st.caption(t("links.paths_help"))
    from_col, to_col, hops_col = st.columns([2, 2, 1])
    source, target = _entity_picker(from_col, "from"), _entity_picker(to_col, "to")
    max_hops = hops_col.slider(t("network.hops"), 1, 6, 4, key="paths_hops")
    if source and target:
        paths = analyses.paths(uri, who, source, target, max_hops)
        names, doc_names = analyses.names(uri, who), session.document_names(uri, who)
        if not paths.paths:
            st.info(t("links.no_path", hops=max_hops))
        for number, path in enumerate(paths.paths, 1):
            with st.expander(t("links.path", number=number, hops=path.length), expanded=number == 1):
                lines = []
                for step in path.steps:
                    for hop in step.relationships:
                        quotes = "".join(f"\n    - “{e['text']}” — "
                                         f"{doc_names.get(e['document_id'], e['document_id'][:12])}"
                                         for e in hop.evidence[:3])
                        lines.append(f"- {names.get(hop.source, hop.source)} **{hop.type}** "
                                     f"{names.get(hop.target, hop.target)}{quotes}")
                st.markdown("\n".join(lines))

"""Search by name, alias or identifier, then open an entity's profile."""

import streamlit as st

from dashboard import auth, entity_profile, session, tables
from dashboard.session import t
from fakefree.schema import schema

uri, who = session.store_uri(), session.viewer()
st.title(t("search.title"))

query_col, label_col = st.columns([3, 1])
query = query_col.text_input(t("search.query"), key="search_query",
                             placeholder=t("search.placeholder"))
labels = [""] + sorted(schema().labels)
label = label_col.selectbox(t("common.label"), labels, key="search_label",
                            format_func=lambda x: x or t("common.all"))

if query.strip():
    hits = session.search(uri, who, query.strip(), label or None)
    auth.record("search", query.strip(), hits=len(hits), label=label or "")
    if not hits:
        st.info(t("search.none", query=query.strip()))
    else:
        st.caption(t("search.count", count=len(hits)))
        st.dataframe(tables.hit_rows(hits), hide_index=True,
                     column_config={"name": t("common.name"), "labels": t("common.labels"),
                                    "aliases": t("profile.aliases"), "cases": t("common.cases"),
                                    "agencies": t("common.agencies")})
        names = {h.id: f"{h.name} [{', '.join(h.labels)}]" for h in hits}
        picked = st.selectbox(t("search.open"), list(names), format_func=names.get,
                              key="search_pick")
        if picked:
            st.session_state["profile_id"] = picked

node_id = st.session_state.get("profile_id")
if node_id:
    view = session.entity(uri, who, node_id)
    auth.record("view", node_id)
    if view is None:
        st.error(t("profile.missing"))
    else:
        st.divider()
        if st.button(t("profile.to_network"), key="profile_to_network", icon=":material/hub:"):
            st.session_state["network_seeds"] = [node_id]
            st.switch_page("views/network.py")
        entity_profile.render(view, session.neighbourhood(uri, who, node_id, 1),
                       session.document_names(uri, who))

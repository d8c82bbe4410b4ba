"""Network explorer: the graph around one or more entities, filtered by hops, types and cases."""

import streamlit as st
import streamlit.components.v1 as components

from dashboard import auth, network_view, session
from dashboard.session import t
from exports import formats
from exports.selection import from_graph
from fakefree.schema import primary_label

uri, who = session.store_uri(), session.viewer()
st.title(t("network.title"))
data = session.stats(uri, who)

seeds: list[str] = st.session_state.get("network_seeds", [])
names = {}
for node_id in seeds:
    view = session.entity(uri, who, node_id)
    if view is not None:
        names[node_id] = view.name
query = st.text_input(t("network.find"), key="network_query", placeholder=t("search.placeholder"))
if query.strip():
    for hit in session.search(uri, who, query.strip(), None, 20):
        names.setdefault(hit.id, f"{hit.name} [{primary_label(hit.labels)}]")
selected = st.multiselect(t("network.entities"), list(names), format_func=names.get,
                          default=[s for s in seeds if s in names])
st.session_state["network_seeds"] = selected

with st.expander(t("network.filters")):
    c1, c2, c3 = st.columns(3)
    hops = c1.slider(t("network.hops"), 1, 3, 2, key="network_hops")
    cap = c1.number_input(t("network.cap"), 10, 1000, 150, step=10, key="network_cap")
    rel_types = c2.multiselect(t("network.rel_types"), sorted(data["types"]),
                               key="network_types", placeholder=t("common.all"))
    hide_context = c2.checkbox(t("network.hide_context"), True, key="network_hide_context")
    cases = c3.multiselect(t("network.cases"), sorted(data["cases"]), key="network_cases",
                           placeholder=t("common.all"))

if not selected:
    st.info(t("network.pick"))
    st.stop()

per_seed = max(int(cap) // len(selected), 2)
walk = network_view.expansion_types(rel_types, list(data["types"]), hide_context)
graph = session.around(uri, who, selected, hops=hops, rel_types=walk, limit=per_seed)
graph = network_view.restrict(graph, cases=cases, keep=set(selected),
                              hide_labels=network_view.HIDDEN_LABELS if hide_context else ())
if graph.graph.get("truncated"):
    st.warning(t("network.truncated", cap=int(cap)))
st.caption(t("network.size", nodes=graph.number_of_nodes(), edges=graph.number_of_edges()))

shown = sorted({d["label"] for _, d in graph.nodes(data=True)})
st.markdown(network_view.legend_html(shown), unsafe_allow_html=True)
page = network_view.to_html(graph, focus=set(selected))
if hasattr(st, "iframe"):  # Streamlit >= 1.50 replaces components.html with st.iframe
    st.iframe(page, height=660)
else:
    components.html(page, height=660)

nodes = sorted(graph.nodes, key=lambda n: graph.nodes[n]["name"].casefold())
pick_col, go_col = st.columns([3, 1])
picked = pick_col.selectbox(t("network.node"), nodes, key="network_pick",
                            index=nodes.index(selected[0]) if selected[0] in nodes else 0,
                            format_func=lambda n: f"{graph.nodes[n]['name']} "
                                                  f"[{graph.nodes[n]['label']}]")
go_col.write("")
if go_col.button(t("network.open_profile"), key="network_open"):
    st.session_state["profile_id"] = picked
    st.switch_page("views/search.py")

with st.expander(t("network.export")):
    fmt_col, go_col = st.columns([3, 1])
    fmt = fmt_col.selectbox(t("network.export_format"), list(formats.FORMATS), key="network_fmt",
                            format_func=lambda f: f"{f}: {formats.FORMATS[f].description}")
    go_col.write("")
    if go_col.button(t("network.export_prepare"), key="network_export"):
        title = t("network.title") + ": " + ", ".join(graph.nodes[n]["name"] for n in selected
                                                      if n in graph)
        export = from_graph(session.store(), who, graph.copy(), focus=selected, title=title,
                            case=", ".join(cases))
        spec = formats.get_format(fmt)
        name = f"network-{export.meta.date}{spec.extension}"
        st.session_state["network_file"] = (name, formats.renderer(fmt)(export), spec.media_type,
                                            export.meta.marking, len(export.documents))
        auth.audit("export", name, format=fmt, entities=sorted(graph.nodes),
                   documents=sorted(export.documents), marking=export.meta.marking)
    prepared = st.session_state.get("network_file")
    if prepared:
        name, data_bytes, media, marking, cited = prepared
        st.caption(t("network.export_marking", marking=marking, documents=cited))
        st.download_button(t("network.export_download", name=name), data_bytes, file_name=name,
                           mime=media, key="network_download")

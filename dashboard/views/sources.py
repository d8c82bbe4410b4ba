"""Source organizations: who stands upstream of the most seizures, and the paths that show it."""

import streamlit as st

from dashboard import analyses, session, widgets
from dashboard.markup import md
from dashboard.session import t

uri, who = session.store_uri(), session.viewer()
st.title(t("sources.title"))
st.caption(t("sources.help"))
case_col, top_col = st.columns([2, 1])
with case_col:
    case = widgets.case_filter("sources_case")
top = top_col.slider(t("common.top"), 3, 50, 10, key="sources_top")

result = analyses.source_orgs(uri, who, case, top)
st.caption(t("sources.seizures", count=result.seizures))
if not result.ranks:
    st.info(t("sources.none"))
    st.stop()

st.dataframe([{"rank": r.rank, "name": r.entity.name, "label": r.entity.label,
               "score": r.score, "seizures": len(r.seizures), "cases": ", ".join(r.cases),
               "agencies": ", ".join(r.agencies)} for r in result.ranks],
             hide_index=True,
             column_config={"rank": "#", "name": t("common.name"), "label": t("common.label"),
                            "score": t("common.score"), "seizures": t("sources.seizure_count"),
                            "cases": t("common.cases"), "agencies": t("common.agencies")})
widgets.open_buttons({r.entity.id: r.entity.name for r in result.ranks}, "sources")

names = analyses.names(uri, who)
doc_names = session.document_names(uri, who)
st.subheader(t("sources.why"))
for r in result.ranks[:5]:
    with st.expander(f"{r.rank}. {md(r.entity.name)} — {t('common.score')} {r.score}"):
        for number, path in enumerate(r.paths, 1):
            st.markdown(f"**{t('sources.path', number=number)}**")
            lines = []
            for hop in path:
                ev = hop.evidence[0] if hop.evidence else None
                quote = (f" — “{md(ev['text'])}” ({md(doc_names.get(ev['document_id'], ''))})"
                         if ev else "")
                lines.append(f"- {md(names.get(hop.source, hop.source))} **{md(hop.type)}** "
                             f"{md(names.get(hop.target, hop.target))}{quote}")
            st.markdown("\n".join(lines))

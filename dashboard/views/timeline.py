"""Case timeline: shipments, seizures, payments and court events of one case in date order."""

import plotly.express as px
import streamlit as st

from dashboard import analyses, session
from dashboard.session import t
from dashboard.style import CSS_FAMILIES
from exports.selection import marking_of
from exports.timeline import KIND_COLOURS, to_csv, to_svg
from queries.timeline import KINDS

uri, who = session.store_uri(), session.viewer()
st.title(t("timeline.title"))
cases = sorted(session.stats(uri, who)["cases"])
if not cases:
    st.info(t("timeline.none"))
    st.stop()
case_col, kind_col = st.columns([1, 2])
case = case_col.selectbox(t("common.case"), cases, key="timeline_case")
kinds = kind_col.multiselect(t("timeline.kinds"), KINDS, key="timeline_kinds",
                             format_func=lambda k: t(f"timeline.{k}"),
                             placeholder=t("common.all"))

result = analyses.timeline(uri, who, case)
events = [e for e in result.events if not kinds or e.kind in kinds]
if result.undated:
    st.caption(t("timeline.undated", count=result.undated))
if not events:
    st.info(t("timeline.none"))
    st.stop()

doc_names = session.document_names(uri, who)
fig = px.scatter(x=[e.date for e in events], y=[t(f"timeline.{e.kind}") for e in events],
                 color=[e.kind for e in events], color_discrete_map=KIND_COLOURS,
                 hover_name=[e.title for e in events],
                 hover_data={"detail": [e.detail for e in events]},
                 labels={"x": t("common.date"), "y": "", "color": ""})
fig.update_traces(marker={"size": 12, "line": {"width": 1, "color": "#333333"}})
fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 10, "b": 10}, showlegend=False,
                  xaxis={"type": "date"}, font_family=CSS_FAMILIES)
st.plotly_chart(fig, key="timeline_chart")

st.dataframe([{"date": e.date, "kind": t(f"timeline.{e.kind}"), "title": e.title,
               "detail": e.detail,
               "documents": ", ".join(doc_names.get(d, d[:12]) for d in e.documents),
               "evidence": e.evidence[0]["text"] if e.evidence else ""} for e in events],
             hide_index=True,
             column_config={"date": t("common.date"), "kind": t("timeline.kind"),
                            "title": t("timeline.event"), "detail": t("money.detail"),
                            "documents": t("profile.documents"),
                            "evidence": t("profile.sentence")})

cited = {d for e in events for d in e.documents}
marking = marking_of(d for d in session.documents(uri, who) if d.id in cited)
title = t("timeline.export_title", case=case)
csv_col, svg_col, _ = st.columns([1, 1, 3])
csv_col.download_button(t("timeline.csv"), to_csv(events), file_name=f"timeline-{case}.csv",
                        mime="text/csv", key="timeline_csv")
svg_col.download_button(t("timeline.svg"), to_svg(events, title, marking),
                        file_name=f"timeline-{case}.svg", mime="image/svg+xml",
                        key="timeline_svg")
st.caption(t("timeline.marking", marking=marking))

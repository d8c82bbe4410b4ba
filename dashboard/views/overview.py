"""Overview: what the viewer may see by case, agency and label; documents; trade charts."""

import streamlit as st

from dashboard import charts, session, tables
from dashboard.session import t
from fakefree.schema import schema

uri, who = session.store_uri(), session.viewer()
st.title(t("overview.title"))
data = session.stats(uri, who)

col1, col2, col3 = st.columns(3)
col1.metric(t("overview.documents"), data["documents"])
col2.metric(t("overview.entities"), data["nodes"])
col3.metric(t("overview.relationships"), data["relationships"])

if not data["documents"]:
    st.info(t("overview.empty"))
    st.stop()

count = t("overview.count")
by_case, by_agency = st.columns(2)
with by_case:
    st.subheader(t("overview.by_case"))
    st.plotly_chart(charts.counts_bar(data["cases"], t("common.case"), count), key="chart_cases")
with by_agency:
    st.subheader(t("overview.by_agency"))
    st.plotly_chart(charts.counts_bar(data["agencies"], t("common.agency"), count),
                    key="chart_agencies")
st.subheader(t("overview.by_label"))
st.plotly_chart(charts.counts_bar(data["labels"], t("common.label"), count), key="chart_labels")

trade = [label for label in sorted(schema().labels_of_kind("trade")) if data["labels"].get(label)]
if trade:
    graph = session.graph(uri, who, labels=(*trade, "Port", "City"))
    for label in trade:
        rows = tables.trade_rows(graph, label)
        fields = [f for f in tables.CHART_FIELDS if any(r.get(f) for r in rows)]
        if not fields:
            continue
        st.subheader(t(f"overview.{label.lower()}s"))
        for field, column in zip(fields, st.columns(len(fields))):
            with column:
                st.caption(t(f"overview.by_{field}"))
                st.plotly_chart(charts.histogram(rows, field, t(f"common.{field}"), count),
                                key=f"chart_{label}_{field}")

st.subheader(t("overview.documents"))
st.dataframe(tables.document_rows(session.documents(uri, who)), hide_index=True,
             column_config={"name": t("common.name"), "agency": t("common.agency"),
                            "releasability": t("common.releasability"),
                            "cases": t("common.cases"), "date": t("common.date"),
                            "sha256": "SHA-256"})

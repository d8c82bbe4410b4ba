"""Shipments and risk: every shipment scored by explained indicators, riskiest first."""

import streamlit as st

from dashboard import analyses, route_map, session, widgets
from dashboard.session import t

RISKY = 0.5  # shipments scoring this or more are drawn in red on the map

uri, who = session.store_uri(), session.viewer()
st.title(t("risk.title"))
st.caption(t("risk.help"))
case_col, seized_col = st.columns([2, 1], vertical_alignment="bottom")
with case_col:
    case = widgets.case_filter("risk_case")
hide_seized = seized_col.checkbox(t("risk.hide_seized"), False, key="risk_hide_seized")

result = analyses.shipment_risk(uri, who, case)
shipments = [s for s in result.shipments if not (hide_seized and s.seized)]
if not shipments:
    st.info(t("risk.none"))
    st.stop()

shown = {s.shipment.id for s in shipments}
routes = [r for r in analyses.routes(uri, who, case).routes if r.shipment.id in shown]
map_col, table_col = st.columns([1, 1])
with map_col:
    st.subheader(t("risk.routes"))
    labels = {key: t(f"risk.{key}") for key in
              ("route", "risky_route", "origin", "transshipment", "destination")}
    risky = {s.shipment.id for s in shipments if s.score >= RISKY}
    st.plotly_chart(route_map.route_figure(routes, labels, risky), key="risk_map",
                    config={"displaylogo": False})
    st.caption(t("risk.map_help", score=RISKY))
with table_col:
    st.subheader(t("risk.ranked"))
    st.dataframe([{"shipment": s.shipment.name, "score": s.score, "seized": s.seized,
                   "cases": ", ".join(s.shipment.cases),
                   "reasons": "; ".join(r.detail for r in s.reasons)} for s in shipments],
                 hide_index=True,
                 column_config={
                     "shipment": t("risk.shipment"),
                     "score": st.column_config.ProgressColumn(t("common.score"), min_value=0.0,
                                                              max_value=1.0, format="%.2f"),
                     "seized": t("risk.seized"), "cases": t("common.cases"),
                     "reasons": t("risk.reasons")})
widgets.open_buttons({s.shipment.id: s.shipment.name for s in shipments}, "risk")

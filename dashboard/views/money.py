"""Money flows: who paid whom (Sankey), corridors between countries, and laundering patterns."""

import streamlit as st

from dashboard import analyses, charts, session, widgets
from dashboard.session import t

uri, who = session.store_uri(), session.viewer()
st.title(t("money.title"))
case = widgets.case_filter("money_case")
result = analyses.money_flows(uri, who, case)
names = analyses.names(uri, who)

if not result.transfers:
    st.info(t("money.none"))
    st.stop()

total, count, rates = st.columns(3)
total.metric(t("money.total", currency=result.base_currency), f"{result.total_base:,.0f}")
count.metric(t("money.transfers"), len(result.transfers))
rates.metric(t("money.fx_as_of"), result.fx_as_of)
for note in result.notes:
    st.caption(note)

st.subheader(t("money.sankey"))
st.plotly_chart(charts.sankey([(n.id, n.name, n.label) for n in result.sankey_nodes],
                              [(k.source, k.target, k.value) for k in result.sankey_links],
                              result.base_currency), key="money_sankey")

if result.corridors:
    st.subheader(t("money.corridors"))
    st.dataframe([{"from": c.source_country, "to": c.target_country,
                   "total": round(c.total_base), "transfers": c.transfers}
                  for c in result.corridors], hide_index=True,
                 column_config={"from": t("money.from"), "to": t("money.to"),
                                "total": t("money.total", currency=result.base_currency),
                                "transfers": t("money.transfers")})


def party_chain(ids: list[str]) -> str:
    return " → ".join(names.get(i, i) for i in ids)


st.subheader(t("money.alerts"))
alerts = (
    [{"kind": t("money.structuring"),
      "parties": names.get(a.party, a.party),
      "detail": t("money.structuring_detail", count=a.count, threshold=f"{a.threshold:,.0f}",
                  currency=a.currency, first=a.first or "?", last=a.last or "?")}
     for a in result.structuring]
    + [{"kind": t("money.layering"), "parties": party_chain(a.parties),
        "detail": t("money.layering_detail", hops=a.hops, days=a.days if a.days is not None
                    else "?", retained=f"{a.retained:.0%}")} for a in result.layering]
    + [{"kind": t("money.round_trip") if a.round_trip else t("money.cycle"),
        "parties": party_chain(a.parties),
        "detail": f"{a.total_base:,.0f} {result.base_currency}"} for a in result.cycles]
    + [{"kind": t("money.trade"), "parties": party_chain([a.importer, a.exporter]),
        "detail": t("money.trade_detail", paid=f"{a.paid_base:,.0f}",
                    declared=f"{a.declared_base:,.0f}", ratio=f"{a.ratio:.1f}")}
       for a in result.trade])
if alerts:
    st.dataframe(alerts, hide_index=True,
                 column_config={"kind": t("money.pattern"), "parties": t("money.parties"),
                                "detail": t("money.detail")})
else:
    st.info(t("money.no_alerts"))

st.subheader(t("money.parties"))
st.dataframe([{"name": p.entity.name, "label": p.entity.label, "sent": round(p.sent_base),
               "received": round(p.received_base), "transfers": p.transfers}
              for p in result.parties],
             hide_index=True,
             column_config={"name": t("common.name"), "label": t("common.label"),
                            "sent": t("money.sent", currency=result.base_currency),
                            "received": t("money.received", currency=result.base_currency),
                            "transfers": t("money.transfers")})
widgets.open_buttons({p.entity.id: p.entity.name for p in result.parties}, "money")

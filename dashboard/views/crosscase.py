"""Cross-case links and shared identifiers: what several cases or agencies each hold a piece of."""

import streamlit as st

from dashboard import analyses, session, widgets
from dashboard.markup import md
from dashboard.session import t

uri, who = session.store_uri(), session.viewer()
st.title(t("cross.title"))

shared_tab, entities_tab, networks_tab = st.tabs(
    [t("cross.shared"), t("cross.entities"), t("cross.networks")])

with shared_tab:
    only_cross = st.checkbox(t("cross.only_cross"), False, key="cross_only")
    shared = analyses.shared_identifiers(uri, who, only_cross).shared
    if not shared:
        st.info(t("cross.none"))
    else:
        st.dataframe([{"kind": s.kind, "identifier": s.identifier.name,
                       "parties": ", ".join(p.name for p in s.parties),
                       "cases": ", ".join(s.cases), "agencies": ", ".join(s.agencies),
                       "cross_case": s.cross_case, "cross_agency": s.cross_agency}
                      for s in shared], hide_index=True,
                     column_config={"kind": t("cross.kind"), "identifier": t("cross.identifier"),
                                    "parties": t("money.parties"), "cases": t("common.cases"),
                                    "agencies": t("common.agencies"),
                                    "cross_case": t("cross.cross_case"),
                                    "cross_agency": t("cross.cross_agency")})
        widgets.open_buttons({p.id: p.name for s in shared for p in s.parties}, "shared")

result = analyses.cross_case(uri, who)
with entities_tab:
    if not result.entities:
        st.info(t("cross.none"))
    else:
        st.dataframe([{"name": e.entity.name, "label": e.entity.label,
                       "cases": ", ".join(e.cases), "agencies": ", ".join(e.agencies)}
                      for e in result.entities], hide_index=True,
                     column_config={"name": t("common.name"), "label": t("common.label"),
                                    "cases": t("common.cases"),
                                    "agencies": t("common.agencies")})
        widgets.open_buttons({e.entity.id: e.entity.name for e in result.entities}, "cross")

with networks_tab:
    if not result.networks:
        st.info(t("cross.none"))
    for number, net in enumerate(result.networks, 1):
        st.subheader(t("cross.network", number=number, size=net.size))
        st.markdown(f"**{t('common.cases')}:** {', '.join(map(md, net.cases))} — "
                    f"**{t('common.agencies')}:** {', '.join(map(md, net.agencies))}")
        st.markdown(f"**{t('cross.linking')}:** "
                    f"{', '.join(md(e.name) for e in net.linking_entities) or '—'}")
        st.dataframe([{"agency": p.agency, "cases": ", ".join(p.cases), "entities": p.entities,
                       "contacts": ", ".join(p.contacts)} for p in net.pieces], hide_index=True,
                     column_config={"agency": t("common.agency"), "cases": t("common.cases"),
                                    "entities": t("overview.entities"),
                                    "contacts": t("cross.contacts")})
        for ex in net.exchanges:
            exchange = t("cross.exchange", holder=md(ex.holder), recipient=md(ex.recipient))
            st.markdown(f"- {exchange}: {', '.join(md(e.name) for e in ex.entities)}")

"""The alerts queue: watchlist hits to dismiss or escalate, with who, when and why."""

import streamlit as st

from dashboard import alerts_queue, auth
from dashboard.session import t
from security.alerts import STATUSES

st.title(t("alerts.title"))
queue = alerts_queue.queue()
status = st.selectbox(t("alerts.status"), ["", *STATUSES], index=1, key="alerts_status",
                      format_func=lambda s: t(f"alerts.{s}") if s else t("common.all"))
alerts = queue.list(status or None)
if not alerts:
    st.info(t("alerts.none"))
    st.stop()

st.dataframe([{"id": a.id, "status": t(f"alerts.{a.status}"), "score": a.score,
               "watch": a.watch_name, "entity": a.entity_name, "reasons": "; ".join(a.reasons),
               "list": a.watchlist, "triaged_by": a.triaged_by or "",
               "triaged_at": a.triaged_at or "", "note": a.note} for a in alerts],
             hide_index=True,
             column_config={"id": "ID", "status": t("alerts.status"), "score": t("common.score"),
                            "watch": t("screening.entry"), "entity": t("common.entity"),
                            "reasons": t("risk.reasons"), "list": t("alerts.list"),
                            "triaged_by": t("alerts.triaged_by"),
                            "triaged_at": t("alerts.triaged_at"), "note": t("alerts.note")})

st.subheader(t("alerts.triage"))
by_id = {a.id: a for a in alerts}
with st.form("alerts_form"):
    picked = st.selectbox(t("alerts.alert"), list(by_id), key="alerts_pick",
                          format_func=lambda i: f"{by_id[i].watch_name} ~ {by_id[i].entity_name}"
                                                f" ({by_id[i].score})")
    new_status = st.radio(t("alerts.new_status"), STATUSES, horizontal=True, index=1,
                          key="alerts_new_status", format_func=lambda s: t(f"alerts.{s}"))
    note = st.text_area(t("alerts.note"), key="alerts_note", max_chars=2000)
    saved = st.form_submit_button(t("alerts.save"))
if saved:
    done = queue.triage(picked, new_status, who=st.session_state["username"], note=note)
    auth.audit("alert_triage", done.id, status=done.status, note=done.note,
               entity=done.entity_id)
    st.rerun()
if st.button(t("network.open_profile"), key="alerts_profile"):
    st.session_state["profile_id"] = by_id[picked].entity_id
    st.switch_page("views/search.py")

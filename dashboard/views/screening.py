"""Watchlist screening: upload a CSV of names and identifiers, see ranked candidates, queue hits."""

import streamlit as st

from dashboard import alerts_queue, auth, session
from dashboard.session import t
from fakefree.errors import InputError
from queries.screening import parse_watchlist, screen

uri, who = session.store_uri(), session.viewer()
st.title(t("screening.title"))
st.caption(t("screening.help"))

with st.form("screening_form"):
    upload = st.file_uploader(t("screening.file"), type=["csv"], key="screening_file")
    threshold_col, limit_col = st.columns(2)
    threshold = threshold_col.slider(t("screening.threshold"), 50, 100, 85, key="screening_threshold")
    limit = limit_col.slider(t("screening.limit"), 1, 20, 5, key="screening_limit")
    submitted = st.form_submit_button(t("screening.submit"), icon=":material/person_search:")

if submitted:
    if upload is None:
        st.error(t("screening.no_file"))
        st.stop()
    try:
        text = upload.getvalue().decode("utf-8")
        entries = parse_watchlist(text, source=upload.name)
    except UnicodeDecodeError:
        st.error(t("screening.not_utf8", name=upload.name))
        st.stop()
    except InputError as exc:
        st.error(str(exc))
        st.stop()
    result = screen(session.graph(uri, who), entries, threshold=float(threshold), limit=limit)
    new, known = alerts_queue.queue().add(result, watchlist=upload.name,
                                          who=st.session_state["username"])
    auth.audit("screen", upload.name, entries=len(entries), new_alerts=new)
    st.session_state["screening_result"] = (upload.name, result, new, known)

if "screening_result" not in st.session_state:
    st.stop()
name, result, new, known = st.session_state["screening_result"]
st.success(t("screening.queued", new=new, known=known, hits=result.hits,
             entries=len(result.entries)))
rows = []
for screened in result.entries:
    label = screened.entry.name or ", ".join(screened.entry.identifiers.values())
    rows += [{"row": screened.entry.row, "watch": label, "name": c.entity.name,
              "label": c.entity.label, "score": c.score, "reasons": "; ".join(c.reasons),
              "cases": ", ".join(c.entity.cases)} for c in screened.candidates]
    if not screened.candidates:
        rows.append({"row": screened.entry.row, "watch": label, "name": t("screening.no_match"),
                     "label": "", "score": None, "reasons": "", "cases": ""})
st.dataframe(rows, hide_index=True,
             column_config={"row": "#", "watch": t("screening.entry"), "name": t("common.name"),
                            "label": t("common.label"),
                            "score": st.column_config.NumberColumn(t("common.score"),
                                                                   format="%.1f"),
                            "reasons": t("risk.reasons"), "cases": t("common.cases")})
if st.button(t("screening.to_alerts"), key="screening_to_alerts"):
    st.switch_page("views/alerts.py")

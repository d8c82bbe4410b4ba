"""Ingest: ETL operators upload case files and load them with the pipeline of ``fakefree ingest``.

Uploaded names are reduced to bare file names and written to a private temporary folder, under
a folder named after the case, so the ledger records ``CASE/file`` as the CLI does with a
manifest.
"""

import re
import tempfile
from pathlib import Path

import streamlit as st

from dashboard import auth, session, uploads
from dashboard.session import t
from fakefree.errors import InputError
from graph_etl.pipeline import FileOutcome, IngestOptions, discover, ingest
from fakefree.model import AGENCY_ONLY, LES, UNCLASSIFIED, check_releasability
from graph_etl.workspace import open_ledger

st.title(t("ingest.title"))
if not auth.account().can("ingest"):
    st.error(t("ingest.denied"))
    st.stop()
st.caption(t("ingest.help"))
uri = session.store_uri()

with st.form("ingest_form", clear_on_submit=False):
    files = st.file_uploader(t("ingest.files"), accept_multiple_files=True, key="ingest_files")
    case_col, agency_col, rel_col = st.columns(3)
    case = case_col.text_input(t("common.case"), key="ingest_case", placeholder="CA-2024-0001")
    agencies = list(auth.account().agencies)
    agency = agency_col.text_input(t("common.agency"), agencies[0] if agencies else "",
                                   key="ingest_agency")
    releasability = rel_col.selectbox(t("common.releasability"), (LES, UNCLASSIFIED, AGENCY_ONLY),
                                      key="ingest_releasability")
    submitted = st.form_submit_button(t("ingest.submit"), icon=":material/upload:")


def run_ingest(uploaded: list, case: str, agency: str, releasability: str) -> list[dict]:
    """Write the uploads to a private folder and load them; one row per file."""
    import nlp

    # manifest_levels=0: no manifest.csv above the private upload folder applies to uploads.
    options = IngestOptions.from_settings(case=case, agency=agency, releasability=releasability,
                                          manifest_levels=0)
    bar = st.progress(0.0, text=t("ingest.progress", done=0, total=len(uploaded)))
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="fakefree-upload-") as tmp:
        folder = Path(tmp) / re.sub(r"[^\w.-]+", "_", case).lstrip(".")
        folder.mkdir()
        uploads.write_uploads(((f.name, f.getvalue()) for f in uploaded), folder)
        total = len(discover([Path(tmp)], options))

        def on_file(outcome: FileOutcome) -> None:
            rows.append({"file": outcome.path, "outcome": t(f"ingest.{outcome.outcome}"),
                         "reason": outcome.reason, "documents": outcome.documents,
                         "sha256": outcome.sha256})
            bar.progress(len(rows) / max(total, 1),
                         text=t("ingest.progress", done=len(rows), total=total))

        with open_ledger(uri) as ledger:
            summary = ingest([Path(tmp)], session.store(), ledger, options, nlp.EXTRACTOR_VERSION,
                             on_file)
    data = summary.to_dict()
    auth.audit("ingest", ", ".join(r["file"] for r in rows), source_files=len(rows),
               loaded=data["loaded"], duplicates=data["duplicates"],
               quarantined=data["quarantined"],
               documents=[f.sha256 for f in summary.files if f.outcome == "loaded"])
    st.cache_data.clear()  # the other pages now read the new documents
    return rows


if submitted:
    if not files:
        st.error(t("ingest.no_files"))
    elif not case.strip() or not agency.strip():
        st.error(t("ingest.need_case"))
    else:
        try:
            check_releasability(releasability, "the upload")
            st.session_state["ingest_rows"] = run_ingest(files, case.strip(), agency.strip(),
                                                         releasability)
        except InputError as exc:
            st.error(str(exc))

rows = st.session_state.get("ingest_rows")
if rows:
    st.subheader(t("ingest.outcomes"))
    st.dataframe(rows, hide_index=True,
                 column_config={"file": t("common.document"), "outcome": t("ingest.outcome"),
                                "reason": t("ingest.reason"),
                                "documents": t("overview.documents"), "sha256": "SHA-256"})

st.subheader(t("ingest.quarantine"))
with open_ledger(uri) as ledger:
    quarantined = ledger.entries("quarantined")
if not quarantined:
    st.info(t("ingest.no_quarantine"))
else:
    st.dataframe([{"file": e.path, "case": e.case_id, "agency": e.agency, "reason": e.reason,
                   "at": e.at} for e in quarantined], hide_index=True,
                 column_config={"file": t("common.document"), "case": t("common.case"),
                                "agency": t("common.agency"), "reason": t("ingest.reason"),
                                "at": t("common.date")})

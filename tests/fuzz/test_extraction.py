"""Fuzz the extraction and the claims step on hostile text.

Properties: ``nlp.extract`` returns an Extraction whose offsets lie inside the text and whose
evidence is the text at those offsets; the claims built from it load into a real embedded store.
Huge tokens, control characters, mixed scripts and mutated real sentences included.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import nlp
from fakefree.errors import InputError
from graph_etl.claims import extraction_batch
from graph_etl.resolve import Resolver
from graph_etl.store import DocumentRecord, Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore

from ..graph_etl.readers.builders import EN, ES, FR
from .helpers import fuzz_settings, no_hang, one_sentence

SENTENCES = [EN, FR, ES,
             "Wei Zhang wired $250,000 to Shenzhen Hengda Trading Co., Ltd. on 2024-03-01.",
             "Container MSCU1234565 left Ningbo for Manzanillo; IBAN DE89370400440532013000.",
             "陈伟 (Chen Wei) sold 4,000 fake Rolex watches via shop@example.cn, +86 755 1234 5678."]
SCRIPTS = st.characters(codec="utf-8", exclude_categories=("Cs",))
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1f) | st.sampled_from(
    ["\u200b", "\u202e", "\ufeff", "\u00ad", "\u2028", "\x7f", "\ufffd"])


@st.composite
def hostile_text(draw) -> str:
    """Real sentences cut and spliced with random, control and other-script characters."""
    parts = draw(st.lists(st.one_of(
        st.sampled_from(SENTENCES),
        st.text(SCRIPTS, max_size=200),
        st.text(CONTROL, min_size=1, max_size=20),
        st.builds(lambda c, n: c * n, st.sampled_from(["A", "9", "é", "字", "$", ".", "-", " "]),
                  st.integers(1_000, 60_000)),  # a huge token
    ), min_size=1, max_size=6))
    text = "".join(parts)
    if text and draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] if draw(st.booleans()) else text[at:]
    return text


def check_extraction(text: str) -> dict:
    with no_hang(120):
        extraction = nlp.extract(text)
    assert isinstance(extraction, nlp.Extraction)
    for entity in extraction.entities:
        assert entity.name.strip(), entity
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
    for relation in extraction.relations:
        assert text[relation.evidence.start:relation.evidence.end] == relation.evidence.text
    assert all(one_sentence(m) for m in extraction.messages), extraction.messages
    return extraction.to_dict()


@fuzz_settings(ci_examples=40)
@given(text=hostile_text())
def test_fuzz_extraction_of_hostile_text(text):
    check_extraction(text)


@fuzz_settings(ci_examples=15)
@given(text=hostile_text())
def test_fuzz_claims_of_hostile_text_load_into_the_store(text):
    data = check_extraction(text)
    document = DocumentRecord("doc-1", "fuzz.txt", "CBSA", "UNCLASSIFIED", ["CA-FUZZ"], {})
    with tempfile.TemporaryDirectory() as folder:
        ledger = Ledger(Path(folder) / "ledger.db")
        store = SQLiteStore(Path(folder) / "graph.db")
        try:
            with no_hang(120):
                batch = extraction_batch(data, document, Resolver(ledger))
                store.upsert(batch)
        except InputError as exc:
            assert one_sentence(str(exc)), str(exc)
            return
        finally:
            ledger.close()
        visible = store.subgraph(Viewer.system())
        assert {c.id for c in batch.nodes} <= set(visible)
        store.close()

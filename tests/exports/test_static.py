"""SVG and PNG diagrams: marked, legend, readable layout, same bytes twice, releasable only."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from defusedxml import ElementTree
from PIL import Image

from exports import static
from exports.diagram import MAX_NODES, drawing, left_out_note
from exports.layout import label_text, overlaps
from exports.selection import ExportGraph, ExportMeta
from graph_etl.store import NodeView, RelView
from tests.exports.conftest import IMG, SCRIPT, SECRET

SVG = "{http://www.w3.org/2000/svg}"


def _svg_text(data: bytes) -> str:
    root = ElementTree.fromstring(data)
    return "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_static_svg_states_title_marking_legend_and_names(rcmp_export):
    text = _svg_text(static.render_svg(rcmp_export))
    for expected in ("Han Tong network — exhibit A", "AGENCY-ONLY (RCMP)", "CA-2024-0001",
                     "2024-06-30", "analyst-rcmp", "Financier", "Shipment", "Person",
                     "FINANCED (1)", "CARRIED_BY (1)", label_text(SECRET), "张伟",
                     label_text('Maple "Leaf" Trading Inc.'), label_text(IMG),
                     label_text(SCRIPT)):
        assert expected in text, expected
    assert text.count("AGENCY-ONLY (RCMP)") == 2  # top and bottom banners


def test_static_png_decodes_and_is_drawn(rcmp_export):
    image = Image.open(io.BytesIO(static.render_png(rcmp_export))).convert("L")
    assert image.width > 1000 and image.height > 800
    dark = sum(1 for value in image.get_flattened_data() if value < 200)
    assert dark / (image.width * image.height) > 0.03


@pytest.mark.parametrize("render", [static.render_svg, static.render_png, static.render_pdf])
def test_static_same_export_same_bytes(rcmp_export, render):
    assert render(rcmp_export) == render(rcmp_export)


def test_static_viewer_of_another_agency_gets_no_secret(cbsa_export):
    text = _svg_text(static.render_svg(cbsa_export))
    assert label_text(SECRET) not in text and "FINANCED" not in text
    assert "AGENCY-ONLY" not in text and "LAW-ENFORCEMENT-SENSITIVE" in text


def test_static_focus_and_every_relationship_numbered(rcmp_export):
    d = drawing(rcmp_export)
    assert sorted(d.numbers.values()) == list(range(1, rcmp_export.graph.number_of_edges() + 1))
    assert not overlaps(d.boxes)


def _star(size: int) -> ExportGraph:
    graph = nx.MultiDiGraph(focus=["hub"])
    names = {"hub": "Hub Holdings International Trading Limited"}
    names |= {f"n{i:03}": f"Spoke company number {i} S.A. de C.V." for i in range(size)}
    for node_id, name in names.items():
        graph.add_node(node_id, view=NodeView(node_id, ["Company"], name), label="Company",
                       labels=["Company"], name=name)
    for i in range(size):
        target = f"n{i:03}" if i % 3 else "hub"
        source = "hub" if i % 3 else f"n{(i + 1) % size:03}"
        rel = RelView(f"r{i}", source, target, "ASSOCIATED_WITH")
        graph.add_edge(source, target, key=rel.id, view=rel, type=rel.type)
    meta = ExportMeta("Star", "2024-01-01", "v", ("CBSA",), "UNCLASSIFIED")
    return ExportGraph(graph, meta)


def test_static_layout_of_a_large_graph_is_capped_without_overlaps():
    export = _star(90)
    d = drawing(export)
    assert d.graph.number_of_nodes() == MAX_NODES and "hub" in d.graph
    assert d.left_out[0] == 91 - MAX_NODES
    assert f"{91 - MAX_NODES} entities" in left_out_note(d)
    assert not overlaps(d.boxes), "node labels overlap"
    assert left_out_note(d) in _svg_text(static.render_svg(export)).replace("\n", " ")


HASHES = """
import hashlib, sys
from pathlib import Path
from exports import interactive, static
from exports.selection import select
from fakefree.model import Viewer
from graph_etl.store.sqlite.store import SQLiteStore
from tests.exports.conftest import DATE, batches
store = SQLiteStore(Path(sys.argv[1]))
for batch in batches():
    store.upsert(batch)
export = select(store, Viewer.of("RCMP"), ["co-hantong"], hops=3, date=DATE)
for render in (static.render_svg, static.render_png, static.render_pdf, interactive.render):
    print(hashlib.sha256(render(export)).hexdigest())
"""


@pytest.mark.slow
def test_static_same_bytes_in_another_process_with_another_hash_seed(tmp_path):
    root = Path(__file__).resolve().parents[2]
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", HASHES, str(tmp_path / f"{seed}.db")],
                              cwd=root, env=env, capture_output=True, text=True, check=True)
        runs.append(done.stdout.split())
    assert len(runs[0]) == 4 and runs[0] == runs[1]

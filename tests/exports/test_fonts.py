"""The shipped fonts: exports draw every script of the seed world with no system font at all."""

from __future__ import annotations

import io
import re
import sys
import warnings
from pathlib import Path

import pdfplumber
import pytest
from defusedxml import ElementTree
from fontTools.ttLib import TTFont
from matplotlib import font_manager

from exports import static, style
from exports.layout import label_text

from tests.exports.conftest import SENTENCES

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
# text of the scripts names come in: Chinese (simplified and traditional), Japanese, Korean,
# Vietnamese, Turkish, Cyrillic, Greek
SAMPLES = ["张伟 王秀英 东莞市鸿运贸易有限公司", "臺灣國際物流股份有限公司", "株式会社トウキョウ貿易",
           "김민준 한국무역", "Nguyễn Thị Đặng Phương", "Şişli Tekstil İthalat", "Иван Петров",
           "Κωνσταντίνος"]


@pytest.fixture
def no_system_fonts(monkeypatch):
    """matplotlib as on a machine whose only fonts are those matplotlib itself ships."""
    builtin = Path(font_manager.__file__).parent / "mpl-data" / "fonts"
    found = font_manager.findSystemFonts

    def only_matplotlib(fontpaths=None, fontext="ttf"):
        paths = [fontpaths] if isinstance(fontpaths, str) else list(fontpaths or [])
        return found(paths, fontext) if paths and all(str(p).startswith(str(builtin))
                                                      for p in paths) else []

    monkeypatch.setattr(font_manager, "findSystemFonts", only_matplotlib)
    bare = font_manager.FontManager()
    assert all(str(builtin) in entry.fname for entry in bare.ttflist)
    import matplotlib.backends.backend_agg  # noqa: F401  (it keeps its own name for the manager)

    system = font_manager.fontManager
    for module in [m for name, m in sys.modules.items() if name.startswith("matplotlib")]:
        for attr, value in list(vars(module).items()):
            if value is system:
                monkeypatch.setattr(module, attr, bare)
    monkeypatch.setattr(font_manager, "findfont", bare.findfont)
    style.font_paths.cache_clear()
    yield bare
    style.font_paths.cache_clear()


def _no_missing_glyphs(render, export) -> bytes:
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")
        return render(export)


def test_fonts_pdf_text_layer_quotes_every_sentence_without_system_fonts(no_system_fonts,
                                                                          rcmp_export):
    data = _no_missing_glyphs(static.render_pdf, rcmp_export)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        fonts = {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
    for sentence in SENTENCES.values():
        assert " ".join(sentence.split()) in text, sentence
    assert "张伟" in text
    assert any("Fakefree" in name or "CJK" in name for name in fonts), fonts


def test_fonts_svg_names_every_entity_without_system_fonts(no_system_fonts, rcmp_export):
    data = _no_missing_glyphs(static.render_svg, rcmp_export)
    root = ElementTree.fromstring(data)
    text = "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for _, node in rcmp_export.graph.nodes(data=True):
        assert label_text(node["view"].name) in text, node["view"].name
    assert "张伟" in text
    assert "Fakefree CJK" in data.decode("utf-8")  # the face a viewer should use for CJK


def test_fonts_png_draws_cjk_without_system_fonts(no_system_fonts, rcmp_export):
    assert _no_missing_glyphs(static.render_png, rcmp_export).startswith(b"\x89PNG")


def test_fonts_png_bold_labels_log_no_font_weight_warning(no_system_fonts, rcmp_export, caplog):
    # The CJK face has one weight; bold labels (the focus node) fall back to it without a warning.
    with caplog.at_level("WARNING", logger="matplotlib.font_manager"):
        static.render_png(rcmp_export)
    assert not [r for r in caplog.records if "Failed to find font weight" in r.getMessage()]


def test_fonts_cjk_font_covers_the_seed_world_and_stays_small():
    cmap = TTFont(style.CJK_FONT).getBestCmap()
    dejavu = TTFont(style.font_paths()[0]).getBestCmap()
    names = (ROOT / "seed_data" / "names.py").read_text(encoding="utf-8")
    han = set(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", names))
    assert len(han) > 50
    missing = sorted(c for c in han if ord(c) not in cmap)
    assert not missing, missing
    for sample in SAMPLES:
        absent = [c for c in sample if not c.isspace() and ord(c) not in cmap
                  and ord(c) not in dejavu]
        assert not absent, (sample, absent)
    assert style.CJK_FONT.stat().st_size < 5_000_000
    assert "Open Font License" in (style.CJK_FONT.parent / "LICENSE").read_text()

"""Colours of node labels and the fonts of drawn exports, shared by the dashboard and exports."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

__all__ = ["LABEL_COLOURS", "DEFAULT", "colour", "text_colour", "marking_colour", "font_paths",
           "font_families", "CJK_FONT", "CSS_FAMILIES"]

LABEL_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Company": "#4e79a7",
    "Importer": "#59a14f",
    "Exporter": "#76b7b2",
    "Manufacturer": "#b07aa1",
    "Financier": "#edc948",
    "Distributor": "#9c755f",
    "Broker": "#86bcb6",
    "Shipper": "#499894",
    "FrontCompany": "#ff9da7",
    "Agency": "#1f3b73",
    "Brand": "#f28e2b",
    "Address": "#bab0ac",
    "Country": "#8cd17d",
    "City": "#a0cbe8",
    "Port": "#2f8fbf",
    "BankAccount": "#d4a017",
    "Shipment": "#bcbd22",
    "Seizure": "#c0392b",
    "Vessel": "#17607d",
    "Phone": "#79706e",
    "Email": "#d37295",
    "Domain": "#fabfd2",
    "Case": "#34495e",
    "Document": "#d7d7d7",
    "Money": "#f1ce63",
    "Identifier": "#a5a5a5",
    "Event": "#ff7f0e",
}
DEFAULT = "#999999"

FONTS = Path(__file__).with_name("fonts")
#: The font of Chinese, Japanese and Korean text, shipped with fakefree (see fonts/README.md)
CJK_FONT = FONTS / "FakefreeCJK-Regular.ttf"
#: CSS font families of the dashboard's charts: the same faces, then the browser's own
CSS_FAMILIES = '"DejaVu Sans", "Fakefree CJK", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'


def colour(label: str) -> str:
    return LABEL_COLOURS.get(label, DEFAULT)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#rrggbb``).

    >>> text_colour("#1f3b73"), text_colour("#edc948")
    ('#ffffff', '#000000')
    """
    r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


@cache
def font_paths() -> tuple[Path, Path, Path]:
    """DejaVu Sans regular and bold (matplotlib's own copy) and the shipped CJK font.

    None is a system font: every machine draws an export with the same faces.
    """
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return ttf / "DejaVuSans.ttf", ttf / "DejaVuSans-Bold.ttf", CJK_FONT


def marking_colour(marking: str) -> str:
    """The banner colour of a releasability marking: green, amber or red as it gets stricter.

    >>> marking_colour("UNCLASSIFIED"), marking_colour("AGENCY-ONLY (RCMP)")
    ('#1b6e3a', '#a4161a')
    """
    if marking.startswith("UNCLASSIFIED"):
        return "#1b6e3a"
    if marking.startswith("LAW-ENFORCEMENT"):
        return "#9a5b00"
    return "#a4161a"


def font_families() -> list[str]:
    """The families matplotlib draws with: DejaVu Sans, then the CJK font for missing glyphs.

    >>> font_families()
    ['DejaVu Sans', 'Fakefree CJK']
    """
    cjk = font_paths()[2]
    manager = font_manager.fontManager
    if not any(entry.fname == str(cjk) for entry in manager.ttflist):
        manager.addfont(str(cjk))
        # The CJK face has one weight: list it as bold too, so bold labels use it for CJK glyphs
        # without matplotlib warning "Failed to find font weight bold" on every drawing.
        regular = next(entry for entry in manager.ttflist if entry.fname == str(cjk))
        manager.ttflist.append(dataclasses.replace(regular, weight=700))
    return ["DejaVu Sans", font_manager.FontProperties(fname=cjk).get_name()]

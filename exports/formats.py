"""The export formats: name -> render function, file extension, media type.

Renderers are named as ``"module:function"`` and imported when a format is used, so a format whose
module is not installed fails with one sentence and the others still work.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from exports.selection import ExportGraph
from fakefree.errors import InputError

__all__ = ["Format", "FORMATS", "get_format", "renderer"]


@dataclass(frozen=True)
class Format:
    name: str
    target: str
    extension: str
    media_type: str
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "exports.interactive:render", ".html", "text/html",
           "interactive diagram for a browser"),
    Format("svg", "exports.static:render_svg", ".svg", "image/svg+xml", "court diagram (SVG)"),
    Format("png", "exports.static:render_png", ".png", "image/png", "court diagram (PNG)"),
    Format("pdf", "exports.static:render_pdf", ".pdf", "application/pdf", "court diagram (PDF)"),
    Format("graphml", "exports.graphml:render", ".graphml", "application/graphml+xml",
           "GraphML for Gephi, yEd, Cytoscape"),
    Format("gexf", "exports.gexf:render", ".gexf", "application/gexf+xml", "GEXF for Gephi"),
    Format("anb-csv", "exports.anb:render", ".zip", "application/zip",
           "i2 Analyst's Notebook CSV files and import specifications"),
    Format("ftm", "exports.ftm:render", ".ftm.json", "application/x-ndjson",
           "FollowTheMoney entities (JSON lines) for Aleph"),
    Format("csv", "exports.tables:render", ".zip", "application/zip",
           "CSV node and edge lists"),
)}


def get_format(name: str) -> Format:
    """The format called ``name``; an unknown name is an :class:`InputError`."""
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"Unknown export format {name!r}; use one of "
                         f"{', '.join(FORMATS)}.") from None


def renderer(name: str) -> Callable[[ExportGraph], bytes]:
    """The render function of a format, imported now."""
    fmt = get_format(name)
    module_name, _, function = fmt.target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise InputError(f"Export format {name} is not available in this installation "
                         f"(module {module_name} is missing).") from None
    return getattr(module, function)

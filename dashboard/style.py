"""Colours of node labels and the chart fonts, shared by the network view, its legend, the
charts and the exports."""

from exports.style import CJK_FONT, CSS_FAMILIES, DEFAULT, LABEL_COLOURS, colour

__all__ = ["LABEL_COLOURS", "DEFAULT", "colour", "CSS_FAMILIES", "CJK_FONT", "FONT_FACE"]

#: the shipped CJK font for the browser (served by dashboard.server), so charts draw it too
FONT_FACE = (f'<style>@font-face {{font-family: "Fakefree CJK"; font-display: swap; '
             f'src: url("/_fakefree/fonts/{CJK_FONT.name}") format("truetype");}}</style>')

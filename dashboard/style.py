"""Colours of node labels, shared by the network view, its legend and the exports."""

from exports.style import DEFAULT, LABEL_COLOURS, colour

__all__ = ["LABEL_COLOURS", "DEFAULT", "colour"]

"""Exports of the graph: court diagrams, analyst-tool formats and exchange packages.

:func:`exports.selection.select` picks what a viewer may export around some entities; each
format module turns that :class:`exports.selection.ExportGraph` into bytes.
"""

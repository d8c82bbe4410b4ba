"""Link analysis over the graph a store returns: pure functions ``f(G, *, options) -> Result``.

Every result is a plain dataclass with ``to_dict()`` for JSON; the CLI, the dashboard and the
exports share them. See ``queries/README.md`` for worked examples.
"""

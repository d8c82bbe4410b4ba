"""The ``fakefree`` command: the Typer app (:mod:`cli.app`), one module per command group
(:mod:`cli.commands`) and the entry point (:mod:`cli.main`); ``python -m cli`` runs it."""

"""Entry point of the ``fakefree`` command."""

from __future__ import annotations

import logging
import sys

from cli import app as cli_app
from cli.commands import (  # noqa: F401  (importing a module registers its commands)
    alert_commands,
    analyze_commands,
    audit_commands,
    bench_commands,
    bench_users_commands,
    correction_commands,
    dashboard_commands,
    eval_commands,
    export_commands,
    ingest_commands,
    mapping_commands,
    neo4j_commands,
    nlp_commands,
    seed_commands,
    store_commands,
    user_commands,
)

__all__ = ["main"]


def main() -> None:
    debug, argv = cli_app.main_argv()
    sys.argv = [sys.argv[0], *argv]
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    sys.exit(cli_app.run(debug))


if __name__ == "__main__":
    main()

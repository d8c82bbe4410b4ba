"""What CLI commands write to the audit log, as the operating-system user who ran them."""

from __future__ import annotations

from typing import Any

from fakefree import settings
from cli.commands.user_commands import cli_actor
from security.signin import open_security


def record(action: str, target: str = "", **details: Any) -> None:
    """Append one entry to the audit log of ``FAKEFREE_SECURITY_DB``."""
    _, audit = open_security(settings)
    try:
        audit.append(cli_actor(), action, target, **details)
    finally:
        audit.close()

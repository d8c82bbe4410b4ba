"""The pages of the workspace in menu order; a page is listed once its capability is merged."""

from __future__ import annotations

from pathlib import Path

from security.accounts import Account

__all__ = ["VIEWS", "PAGES", "REQUIRES", "allowed"]

VIEWS = Path(__file__).with_name("views")

# (script in views/, title key in i18n, icon)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("overview.py", "nav.overview", ":material/dashboard:"),
    ("search.py", "nav.search", ":material/search:"),
    ("network.py", "nav.network", ":material/hub:"),
    ("sources.py", "nav.sources", ":material/factory:"),
    ("money.py", "nav.money", ":material/payments:"),
    ("risk.py", "nav.risk", ":material/local_shipping:"),
    ("crosscase.py", "nav.cross", ":material/join:"),
    ("links.py", "nav.links", ":material/share:"),
    ("timeline.py", "nav.timeline", ":material/timeline:"),
    ("screening.py", "nav.screening", ":material/person_search:"),
    ("alerts.py", "nav.alerts", ":material/notifications:"),
    ("ingest.py", "nav.ingest", ":material/upload_file:"),
)

# The permission (security.accounts.PERMISSIONS) a page needs; others need "view".
REQUIRES: dict[str, str] = {"ingest.py": "ingest"}


def allowed(account: Account, script: str) -> bool:
    """Whether ``account`` may open the page ``script`` (it is not listed otherwise)."""
    return account.can(REQUIRES.get(script, "view"))

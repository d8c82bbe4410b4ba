"""The pages of the workspace in menu order; a page is listed once its capability is merged."""

from __future__ import annotations

from pathlib import Path

__all__ = ["VIEWS", "PAGES"]

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
)

"""Concurrent dashboard users while an ingest writes to the same store (``fakefree bench users``).

Each user is a Streamlit ``AppTest`` session of the real app (the real pages, the real store and
security database) run in its own process (AppTest keeps one Streamlit runtime per process, so
sessions cannot share a process): it signs in through the login form, then repeats the
typical round of an analyst (overview, a search that opens a profile, the network explorer,
cross-case links). Meanwhile the calling thread ingests documents into the same store. This
drives the app in-process, not the HTTP/websocket server; everything behind the pages is real.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from bench.memory import peak_rss_mb

__all__ = ["UserLoad", "run_users"]

APP = str(Path(__file__).resolve().parent / "app.py")
QUERIES = ("zhang", "trading", "garcia", "logistics", "tech", "shenzhen", "import", "maria")
ROUND = ("overview.py", "search.py", "network.py", "crosscase.py")


@dataclass
class UserLoad:
    """What the users saw: every page load's latency, the errors, and the peak memory of the
    ingesting process (``peak_rss_mb``) and of each user process."""

    users: int
    rounds: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ingest: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    user_rss_mb: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(lat[min(len(lat) - 1, int(p * len(lat)))], 3) if lat else 0.0

        return {"users": self.users, "rounds": self.rounds, "page_loads": len(lat),
                "errors": len(self.errors), "first_errors": self.errors[:5],
                "p50_s": pct(0.50), "p90_s": pct(0.90), "p99_s": pct(0.99),
                "max_s": round(lat[-1], 3) if lat else 0.0,
                "mean_s": round(statistics.fmean(lat), 3) if lat else 0.0,
                "seconds": round(self.seconds, 1),
                "peak_rss_mb": round(self.peak_rss_mb, 1),
                "user_peak_rss_mb": round(max(self.user_rss_mb, default=0.0), 1),
                "users_rss_sum_mb": round(sum(self.user_rss_mb), 1),
                "ingest": self.ingest}


def _timed(at: AppTest, out: dict[str, list], what: str) -> None:
    started = time.perf_counter()
    try:
        at.run()
        if at.exception:
            out["errors"].append(f"{what}: {at.exception[0].value}")
    except Exception as exc:  # noqa: BLE001  (every failure of a page is a counted error)
        out["errors"].append(f"{what}: {type(exc).__name__}: {exc}")
    out["latencies"].append(time.perf_counter() - started)


def _user(number: int, username: str, password: str, rounds: int) -> dict[str, Any]:
    """One user's session (runs in a worker process); its latencies, errors and peak RSS."""
    out: dict[str, Any] = {"latencies": [], "errors": []}
    at = AppTest.from_file(APP, default_timeout=300)
    _timed(at, out, f"{username} login page")
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button[0].click()
    _timed(at, out, f"{username} sign in")
    if "account" not in at.session_state:
        out["errors"].append(f"{username} could not sign in")
        rounds = 0
    for round_number in range(rounds):
        for page in ROUND:
            at.switch_page(f"views/{page}")
            _timed(at, out, f"{username} {page}")
            if page == "search.py":
                query = QUERIES[(number + round_number) % len(QUERIES)]
                at.text_input(key="search_query").input(query)
                _timed(at, out, f"{username} search {query!r}")
    out["rss_mb"] = peak_rss_mb()
    return out


def run_users(accounts: list[tuple[str, str]], rounds: int, ingest: Any = None) -> UserLoad:
    """Run one process per ``(username, password)`` for ``rounds`` rounds while ``ingest()``
    (if given) runs in this process; ``FAKEFREE_STORE`` and ``FAKEFREE_SECURITY_DB`` must name
    the store and the accounts (the workers inherit them)."""
    load = UserLoad(users=len(accounts), rounds=rounds)
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(accounts)) as pool:
        pending = [pool.apply_async(_user, (i, name, password, rounds))
                   for i, (name, password) in enumerate(accounts)]
        if ingest is not None:
            try:
                load.ingest = ingest()
            except Exception as exc:  # noqa: BLE001
                load.errors.append(f"ingest: {type(exc).__name__}: {exc}")
        users_rss = []
        for job in pending:
            try:
                out = job.get()
            except Exception as exc:  # noqa: BLE001
                load.errors.append(f"user process: {type(exc).__name__}: {exc}")
                continue
            load.latencies += out["latencies"]
            load.errors += out["errors"]
            users_rss.append(out["rss_mb"])
    load.seconds = time.perf_counter() - started
    load.peak_rss_mb = peak_rss_mb()
    load.user_rss_mb = users_rss
    return load

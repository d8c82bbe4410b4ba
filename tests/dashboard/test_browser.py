"""The real app in a real headless Chromium: sign in, search, draw a network, switch language.

Needs Debian's ``/usr/bin/chromium`` (CI installs it with apt); no browser is ever downloaded.
Screenshots go to ``artifacts/screenshots/`` (the best are copied by hand to ``docs/screenshots/``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from cli.commands.dashboard_commands import streamlit_command
from graph_etl.store.sqlite.store import SQLiteStore
from tests.dashboard.conftest import PASSWORD, USER
from tests.dashboard.network import batches
from tests.queries.network import build_network

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the dashboard at {url} did not start within {timeout} s")


@contextmanager
def dashboard_server(tmp_path: Path, port: int, env: dict[str, str],
                     extra_args: Iterable[str] = ()) -> Iterator[str]:
    """``streamlit run`` of the dashboard on 127.0.0.1:``port``, healthy; stopped afterwards."""
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen([*streamlit_command(port, "127.0.0.1"), *extra_args], cwd=ROOT,
                            env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def server(tmp_path, security_db):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium).")
    store_path = tmp_path / "graph.db"
    store = SQLiteStore(store_path)
    for batch in batches() + [build_network().batch]:
        store.upsert(batch)
    store.close()
    with dashboard_server(tmp_path, _free_port(), {"FAKEFREE_STORE": str(store_path)}) as url:
        yield url


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1500})
        yield tab
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / "last.png"))  # where the test stopped, pass or fail
        browser.close()


def _shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_timeout(800)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def _pick(tab, widget_label: str, option: str) -> None:
    tab.get_by_role("combobox", name=widget_label).click()
    tab.get_by_role("option", name=option, exact=True).click()


def test_browser_sign_in_search_network_language(server, page):
    page.goto(server)
    page.get_by_role("textbox", name="User name").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Overview").wait_for(timeout=90_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "7"
    _shot(page, "overview")

    page.get_by_role("link", name="Search and profile").click()
    page.get_by_role("textbox", name="Name, alias or identifier").fill("han tong")
    page.get_by_role("textbox", name="Name, alias or identifier").press("Enter")
    page.get_by_role("heading", name="Han Tong Technology Co., Ltd.").wait_for(timeout=90_000)
    _shot(page, "profile")

    page.get_by_role("button", name="Show its network").click()
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=90_000)
    frame = page.frame_locator("iframe").first
    canvas = frame.locator("canvas")
    canvas.wait_for(timeout=90_000)
    page.wait_for_timeout(3000)  # let the physics settle before measuring and shooting
    painted = canvas.evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i+3] > 0 &&
                  (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240)) n++; } return n; }""")
    assert painted > 500, "the network canvas is blank"
    _shot(page, "network")

    page.get_by_role("link", name="Source organizations").click()
    page.get_by_role("heading", name="Why they rank high").wait_for(timeout=90_000)
    # open the first explanation (the ranked table above has the same name in grid cells)
    page.locator('[data-testid="stExpander"] summary').filter(
        has_text="Golden Dragon Holdings Ltd").first.click()
    _shot(page, "sources")

    page.get_by_role("link", name="Money flows").click()
    page.locator(".js-plotly-plot .sankey").first.wait_for(timeout=90_000)
    _shot(page, "money")

    page.get_by_role("link", name="Network").click()
    page.get_by_role("heading", name="Network explorer").wait_for(timeout=90_000)
    _pick(page, "Language", "Français")
    page.get_by_role("heading", name="Explorateur de réseau").wait_for(timeout=90_000)
    page.get_by_role("link", name="Recherche et fiche").wait_for(timeout=10_000)
    _shot(page, "network-fr")


def _local_only(tab) -> list[str]:
    """Record every request the page (and its frames) makes that leaves 127.0.0.1."""
    remote: list[str] = []

    def check(request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.split(":", 1)[0] not in ("data", "blob", "about") and host != "127.0.0.1":
            remote.append(request.url)

    tab.on("request", check)
    return remote


def _sign_in(tab, url: str, user: str, password: str) -> None:
    tab.goto(url)
    tab.get_by_role("textbox", name="User name").fill(user)
    tab.get_by_role("textbox", name="Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    tab.get_by_role("heading", name="Overview").wait_for(timeout=90_000)


def test_browser_workflow_pages_work_offline(server, page, tmp_path):
    remote = _local_only(page)
    _sign_in(page, server, "admin", "an admin pass phrase")

    page.get_by_role("link", name="Shipments and risk").click()
    page.get_by_role("heading", name="Routes").wait_for(timeout=90_000)
    page.locator(".js-plotly-plot .scatterlayer").first.wait_for(timeout=90_000)
    assert page.get_by_text("Yantian").first.is_visible()
    _shot(page, "routes")

    page.get_by_role("link", name="Link analysis").click()
    page.get_by_role("heading", name="Link analysis").wait_for(timeout=90_000)
    page.get_by_role("tab", name="Paths").click()
    page.get_by_role("textbox", name="From").fill("Maple Imports")
    page.get_by_role("textbox", name="From").press("Enter")
    page.get_by_role("textbox", name="To").fill("Golden Dragon")
    page.get_by_role("textbox", name="To").press("Enter")
    page.get_by_text("Path 1").first.wait_for(timeout=90_000)
    _shot(page, "paths")

    page.get_by_role("link", name="Case timeline").click()
    page.get_by_role("heading", name="Case timeline").wait_for(timeout=90_000)
    _pick(page, "Case", "CASE-A")
    page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)
    page.get_by_role("button", name="Download SVG").wait_for(timeout=90_000)
    _shot(page, "timeline")

    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("name,country\nGolden Dragon Holdings Limited,HK\n", "utf-8")
    page.get_by_role("link", name="Watchlist screening").click()
    page.get_by_role("heading", name="Watchlist screening").wait_for(timeout=90_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(watchlist))
    page.get_by_text("watchlist.csv").wait_for(timeout=30_000)
    page.get_by_role("button", name="Screen").click()
    page.get_by_text("1 new alerts").wait_for(timeout=90_000)
    _shot(page, "screening")

    page.get_by_role("link", name="Alerts").click()
    page.get_by_role("heading", name="Alerts queue").wait_for(timeout=90_000)
    page.get_by_role("heading", name="Triage").wait_for(timeout=90_000)
    _shot(page, "alerts")

    note = tmp_path / "seizure-note.txt"
    note.write_text("On 3 March 2024 CBSA officers at the Port of Vancouver seized 400 counterfeit "
                    "sneakers shipped by Han Tong Technology Co., Ltd.", "utf-8")
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4 not a pdf at all")
    page.get_by_role("link", name="Ingest").click()
    page.get_by_role("heading", name="Ingest case files").wait_for(timeout=90_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(note), str(broken)])
    page.get_by_text("scan.pdf").wait_for(timeout=30_000)  # uploaded before the form is sent
    page.get_by_role("textbox", name="Case").fill("CA-2024-0099")
    page.get_by_role("button", name="Load", exact=True).click()
    page.get_by_role("heading", name="What happened to each file").wait_for(timeout=180_000)
    page.get_by_role("heading", name="Quarantined files").wait_for(timeout=10_000)
    _shot(page, "ingest")

    assert remote == [], f"the dashboard made requests off the machine: {remote[:5]}"

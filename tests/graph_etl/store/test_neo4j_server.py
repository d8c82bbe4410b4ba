"""The local Neo4j server (start, stop, status) and how the Neo4j store reports bad connections."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from fakefree.errors import StoreUnavailable
from graph_etl.store import Batch, DocumentRecord, NodeClaim, Viewer
from graph_etl.store.neo4j import server as neo4j_server
from graph_etl.store.neo4j.store import Neo4jStore, credentials
from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.neo4j


def fakefree(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cli.main import main; main()", *args],
                          capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture
def store():
    backend = neo4j_fixture.neo4j_test_store()
    if backend.uri != neo4j_server.ServerConfig.from_settings().uri:
        pytest.skip("The server tests need the local server, not FAKEFREE_TEST_NEO4J_URI.")
    yield backend
    backend.close()


def test_neo4j_server_status_says_running_with_uri_and_pid(store):
    result = fakefree("neo4j", "status", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["running"] is True and info["bolt_answers"] is True
    assert info["uri"] == store.uri
    assert Path(f"/proc/{info['pid']}/cmdline").read_bytes().find(b"Launcher") > 0


def test_neo4j_server_start_when_running_changes_nothing(store):
    before = neo4j_server.status()
    after = neo4j_server.start()
    assert after["pid"] == before["pid"] and "startup_s" not in after


def test_neo4j_server_password_file_is_private(store):
    if os.environ.get("NEO4J_PASSWORD"):
        pytest.skip("NEO4J_PASSWORD is set, so no password file is used.")
    path = neo4j_server.password_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials() == ("neo4j", path.read_text("utf-8").strip())


@pytest.mark.slow
def test_neo4j_server_restart_keeps_data(store):
    doc = DocumentRecord("keep-me", "kept.txt", "CBSA", "UNCLASSIFIED")
    store.upsert(Batch([doc], [NodeClaim("p-kept", "keep-me", ["Person"], "Kept Person")]))
    store.close()
    stopped = fakefree("neo4j", "stop", "--json")
    assert stopped.returncode == 0, stopped.stderr
    assert json.loads(stopped.stdout)["killed"] is False
    status = json.loads(fakefree("neo4j", "status", "--json").stdout)
    assert status["running"] is False
    with pytest.raises(StoreUnavailable, match="Cannot reach Neo4j at bolt://"):
        Neo4jStore(store.uri, user="neo4j", password=credentials()[1])
    started = fakefree("neo4j", "start", "--json")
    assert started.returncode == 0, started.stderr
    assert json.loads(started.stdout)["startup_s"] > 0
    again = Neo4jStore(store.uri, user="neo4j", password=credentials()[1])
    assert again.get("p-kept", Viewer.system()).name == "Kept Person"
    again.close()


def test_neo4j_routing_scheme_of_clusters_and_aura_works_against_the_local_server(store):
    """neo4j:// (routing: clusters, neo4j+s:// for Aura) reaches the same graph as bolt://."""
    routed = Neo4jStore(store.uri.replace("bolt://", "neo4j://"), user="neo4j",
                        password=credentials()[1])
    doc = DocumentRecord("routed", "routed.txt", "HSI", "UNCLASSIFIED")
    routed.upsert(Batch([doc], [NodeClaim("p-routed", "routed", ["Person"], "Routed Person")]))
    assert routed.uri.startswith("neo4j://127.0.0.1:")
    assert store.get("p-routed", Viewer.system()) == routed.get("p-routed", Viewer.system())
    assert [v.id for v in routed.search("routed person", Viewer.of("HSI"))] == ["p-routed"]
    routed.close()


def test_neo4j_store_unreachable_uri_is_one_clear_sentence():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore(f"bolt://127.0.0.1:{port}", user="neo4j", password="s3cret-not-shown")
    message = str(caught.value)
    assert message.startswith(f"Cannot reach Neo4j at bolt://127.0.0.1:{port}:")
    assert "s3cret-not-shown" not in message and "\n" not in message


def test_neo4j_store_wrong_password_is_refused_clearly(store):
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore(store.uri, user="neo4j", password="wrong-password-123")
    assert str(caught.value) == f"Neo4j at {store.uri} refused the credentials of user 'neo4j'."


def test_neo4j_store_cli_names_the_uri_when_unreachable():
    result = fakefree("stats", "--store", "bolt://127.0.0.1:1")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: Cannot reach Neo4j at bolt://127.0.0.1:1")


def test_neo4j_credentials_refuse_a_password_file_others_may_read(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKEFREE_HOME", str(tmp_path))
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    path = tmp_path / "neo4j" / "password"
    path.parent.mkdir()
    path.write_text("hunter2hunter2\n")
    path.chmod(0o644)
    with pytest.raises(StoreUnavailable, match=r"readable by group or others \(mode 644\)"):
        credentials()
    path.chmod(0o600)
    assert credentials() == ("neo4j", "hunter2hunter2")


def test_neo4j_server_refuses_a_port_taken_by_another_process(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        cfg = replace(neo4j_server.ServerConfig.from_settings(), home=tmp_path,
                      bolt=f"127.0.0.1:{port}")
        with pytest.raises(StoreUnavailable, match="another process already listens"):
            neo4j_server.start(cfg)
    assert neo4j_server.status(cfg)["running"] is False


def test_neo4j_server_missing_java_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    cfg = replace(neo4j_server.ServerConfig.from_settings(), home=tmp_path / "home")
    with pytest.raises(StoreUnavailable, match="`java` is not on PATH; install a Java 17 runtime"):
        neo4j_server.build(cfg)


def _http(url: str, body: dict | None = None, auth: tuple[str, str] | None = None):
    import base64
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json",
                                              "Accept": "application/json"})
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, None


def test_neo4j_server_http_api_answers_on_loopback_with_auth_only(store):
    cfg = neo4j_server.ServerConfig.from_settings()
    assert neo4j_server.status(cfg)["http"] == cfg.http_url
    assert cfg.http.startswith("127.0.0.1:")
    status, discovery = _http(cfg.http_url + "/")
    assert status == 200 and discovery["neo4j_version"] == cfg.version
    store.upsert(Batch([DocumentRecord("doc-http", "http.txt", "CBSA", "UNCLASSIFIED")],
                       [NodeClaim("p-http", "doc-http", ["Person"], "Ana Http")]))
    query = {"statement": "MATCH (n:Person {id: $id}) RETURN n.name AS name",
             "parameters": {"id": "p-http"}}
    endpoint = f"{cfg.http_url}/db/neo4j/query/v2"
    assert _http(endpoint, query)[0] == 401
    assert _http(endpoint, query, ("neo4j", "wrong-password"))[0] == 401
    status, answer = _http(endpoint, query, credentials())
    assert status in (200, 202) and answer["data"]["values"] == [["Ana Http"]]
    port = int(cfg.http.rpartition(":")[2])
    listening = [line.split()[1] for name in ("tcp", "tcp6")
                 for line in Path(f"/proc/net/{name}").read_text().splitlines()[1:]
                 if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port]
    # on 127.0.0.1 only (plain or IPv4-mapped in tcp6), no other interface
    assert listening and all(a.split(":")[0][-8:] == "0100007F" and
                             a.split(":")[0][:-8] in ("", "0000000000000000FFFF0000")
                             for a in listening), listening

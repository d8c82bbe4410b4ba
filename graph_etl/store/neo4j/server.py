"""A local Neo4j 5.26 Community server for development and CI, built from Maven Central.

The first :func:`start` copies the server jars with Maven into ``FAKEFREE_HOME/neo4j/build/VERSION``
and compiles the small launcher next to this module (``server/Launcher.java``); later starts
reuse that cache and need no Maven. The server runs as a plain ``java`` process in the background
(pid file, logs under ``FAKEFREE_HOME/neo4j/logs``), listens for Bolt and HTTP (the HTTP API,
for Neo4j's HTTP clients) on 127.0.0.1 only, has auth on, and keeps its data under
``FAKEFREE_HOME/neo4j/data`` between runs.

>>> cfg = ServerConfig(home=FilePath("/tmp/ff"), version="5.26.19", bolt="127.0.0.1:7687",
...                    heap="1g", pagecache="512m")
>>> cfg.uri, cfg.http_url
('bolt://127.0.0.1:7687', 'http://127.0.0.1:7474')
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

from fakefree import settings
from fakefree.errors import StoreUnavailable

__all__ = ["ServerConfig", "start", "stop", "status", "build", "java", "password", "password_file"]

log = logging.getLogger(__name__)

SOURCES = FilePath(__file__).with_suffix("")  # graph_etl/store/neo4j/server/
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
)


@dataclass(frozen=True)
class ServerConfig:
    """Where the local server lives and how it runs (from the settings by default)."""

    home: FilePath
    version: str
    bolt: str
    heap: str
    pagecache: str
    http: str = "127.0.0.1:7474"

    @classmethod
    def from_settings(cls) -> "ServerConfig":
        return cls(home=settings.home() / "neo4j", version=settings.get("FAKEFREE_NEO4J_VERSION"),
                   bolt=settings.get("FAKEFREE_NEO4J_BOLT"),
                   heap=settings.get("FAKEFREE_NEO4J_HEAP"),
                   pagecache=settings.get("FAKEFREE_NEO4J_PAGECACHE"),
                   http=settings.get("FAKEFREE_NEO4J_HTTP"))

    @property
    def uri(self) -> str:
        return f"bolt://{self.bolt}"

    @property
    def http_url(self) -> str:
        return f"http://{self.http}"

    @property
    def build_dir(self) -> FilePath:
        return self.home / "build" / self.version

    @property
    def pid_file(self) -> FilePath:
        return self.home / "neo4j.pid"

    @property
    def log_dir(self) -> FilePath:
        return self.home / "logs"

    @property
    def conf_file(self) -> FilePath:
        return self.home / "conf" / "neo4j.conf"

    def host_port(self) -> tuple[str, int]:
        host, _, port = self.bolt.rpartition(":")
        return host or "127.0.0.1", int(port)


def password_file(cfg: ServerConfig | None = None) -> FilePath:
    """The file holding the generated password of user ``neo4j``."""
    return (cfg or ServerConfig.from_settings()).home / "password"


def password(cfg: ServerConfig | None = None) -> str:
    """``NEO4J_PASSWORD`` if set, else the generated password (created once, mode 0600)."""
    from_env = settings.get("NEO4J_PASSWORD")
    if from_env:
        return from_env
    path = password_file(cfg)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = secrets.token_urlsafe(24)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process generated it first
            return path.read_text("utf-8").strip()
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secret + "\n")
        log.info("generated the Neo4j password into %s", path)
        return secret
    from graph_etl.store.neo4j.connect import read_password_file

    return read_password_file(path)


# -- building --------------------------------------------------------------------------------

def _require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise StoreUnavailable(
            f"Cannot run the local Neo4j server: `{tool}` is not on PATH; install {package} "
            "(e.g. `apt-get install openjdk-17-jdk-headless maven`).")
    return found


def _launcher_digest() -> str:
    return hashlib.sha256((SOURCES / "Launcher.java").read_bytes()).hexdigest()[:16]


def java() -> str:
    """The ``java`` executable (one sentence naming what to install when it is missing)."""
    return _require("java", "a Java 17 runtime")


def build(cfg: ServerConfig) -> FilePath:
    """Build the server classpath (Maven, once per version) and the launcher; return its folder."""
    java()
    lib = cfg.build_dir / "lib"
    classes = cfg.build_dir / "classes"
    jars_done = cfg.build_dir / "lib.done"
    if not jars_done.exists():
        mvn = _require("mvn", "Apache Maven")
        log.warning("building the Neo4j %s classpath with Maven into %s (first start only)",
                    cfg.version, lib)
        cfg.build_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(SOURCES / "pom.xml", cfg.build_dir / "pom.xml")
        result = subprocess.run(
            [mvn, "-q", "-B", "-f", str(cfg.build_dir / "pom.xml"),
             "dependency:copy-dependencies", f"-Dneo4j.version={cfg.version}",
             f"-DoutputDirectory={lib}", "-DincludeScope=runtime"],
            capture_output=True, text=True, check=False)
        if result.returncode != 0:
            tail = " ".join((result.stdout + result.stderr).split()[-40:])
            raise StoreUnavailable(
                f"Maven could not fetch Neo4j {cfg.version} into {lib}: {tail}")
        jars_done.write_text(cfg.version + "\n", "utf-8")
    digest = _launcher_digest()
    compiled = cfg.build_dir / "classes.done"
    if not compiled.exists() or compiled.read_text("utf-8").strip() != digest:
        javac = _require("javac", "a Java 17 JDK")
        classes.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [javac, "-nowarn", "-d", str(classes), "-cp", f"{lib}/*",
             str(SOURCES / "Launcher.java")], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise StoreUnavailable(
                f"Cannot compile the Neo4j launcher into {classes}: {result.stderr.strip()}")
        compiled.write_text(digest + "\n", "utf-8")
    return cfg.build_dir


def _write_conf(cfg: ServerConfig) -> None:
    cfg.conf_file.parent.mkdir(parents=True, exist_ok=True)
    lines = {
        "dbms.security.auth_enabled": "true",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": cfg.bolt,
        "server.bolt.tls_level": "DISABLED",
        "server.http.enabled": "true",
        "server.http.listen_address": cfg.http,
        "server.http.advertised_address": cfg.http,
        "server.https.enabled": "false",
        "server.memory.pagecache.size": cfg.pagecache,
        "server.directories.data": str(cfg.home / "data"),
        "server.directories.logs": str(cfg.log_dir),
        "server.directories.plugins": str(cfg.home / "plugins"),
        "db.tx_log.rotation.retention_policy": "256M size",
    }
    cfg.conf_file.write_text("".join(f"{k}={v}\n" for k, v in lines.items()), "utf-8")


# -- running ---------------------------------------------------------------------------------

def _read_pid(cfg: ServerConfig) -> int | None:
    try:
        pid = int(cfg.pid_file.read_text("utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        cmdline = FilePath(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if b"Launcher" in cmdline and str(cfg.home).encode() in cmdline else None


def _port_open(cfg: ServerConfig) -> bool:
    try:
        with socket.create_connection(cfg.host_port(), timeout=1.0):
            return True
    except OSError:
        return False


def _verify(cfg: ServerConfig) -> None:
    from graph_etl.store.neo4j.connect import verify

    verify(cfg.uri, "neo4j", password(cfg))


def status(cfg: ServerConfig | None = None) -> dict[str, Any]:
    """Whether the local server runs, its pid, URI, folders and version."""
    cfg = cfg or ServerConfig.from_settings()
    pid = _read_pid(cfg)
    return {"running": pid is not None, "pid": pid, "uri": cfg.uri,
            "bolt_answers": pid is not None and _port_open(cfg), "version": cfg.version,
            "http": cfg.http_url,
            "home": str(cfg.home), "built": (cfg.build_dir / "lib.done").exists(),
            "logs": str(cfg.log_dir)}


def start(cfg: ServerConfig | None = None, *, timeout_s: float = 600.0) -> dict[str, Any]:
    """Start the server (building it first if needed) and wait until Bolt accepts our login.

    Does nothing but check the login when it already runs.
    """
    cfg = cfg or ServerConfig.from_settings()
    if _read_pid(cfg) is not None:
        _wait_ready(cfg, None, timeout_s)
        return status(cfg)
    if _port_open(cfg):
        raise StoreUnavailable(
            f"Cannot start the local Neo4j server on {cfg.uri}: another process already listens "
            "there; stop it or set FAKEFREE_NEO4J_BOLT to another address.")
    build_dir = build(cfg)
    password(cfg)  # generate it before the first start, when it becomes the initial password
    _write_conf(cfg)
    cfg.log_dir.mkdir(parents=True, exist_ok=True)
    (cfg.home / "plugins").mkdir(exist_ok=True)
    command = [java(), f"-Xms{cfg.heap}", f"-Xmx{cfg.heap}", *JVM_FLAGS,
               "-cp", f"{build_dir / 'lib'}/*:{build_dir / 'classes'}", "Launcher",
               str(cfg.home), str(cfg.conf_file), str(password_file(cfg))]
    began = time.monotonic()
    with open(cfg.log_dir / "launcher.log", "ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   cwd=cfg.home)
    cfg.pid_file.write_text(f"{process.pid}\n", "utf-8")
    log.info("started Neo4j %s (pid %d), waiting for %s", cfg.version, process.pid, cfg.uri)
    try:
        _wait_ready(cfg, process, timeout_s)
    except BaseException:
        stop(cfg)
        raise
    result = status(cfg)
    result["startup_s"] = round(time.monotonic() - began, 1)
    return result


def _wait_ready(cfg: ServerConfig, process: subprocess.Popen | None, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StoreUnavailable(
                f"The local Neo4j server for {cfg.uri} exited with code {process.returncode} "
                f"during startup; see {cfg.log_dir / 'launcher.log'} and "
                f"{cfg.log_dir / 'debug.log'}.")
        if _port_open(cfg):
            try:
                _verify(cfg)
                return
            except StoreUnavailable as exc:
                last = exc
                if "credentials" in str(exc):
                    raise
        time.sleep(1.0)
    raise StoreUnavailable(
        f"The local Neo4j server did not answer on {cfg.uri} within {timeout_s:.0f} s"
        f"{f' ({last})' if last else ''}; see {cfg.log_dir / 'debug.log'}.")


def stop(cfg: ServerConfig | None = None, *, timeout_s: float = 120.0) -> dict[str, Any]:
    """Stop the server cleanly (SIGTERM), killing it if it has not stopped after ``timeout_s``."""
    cfg = cfg or ServerConfig.from_settings()
    pid = _read_pid(cfg)
    stopped = {"stopped": False, "killed": False, "pid": pid, "uri": cfg.uri}
    if pid is None:
        cfg.pid_file.unlink(missing_ok=True)
        return stopped
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.5)
    if _alive(pid):
        log.warning("Neo4j (pid %d) did not stop within %.0f s; killing it", pid, timeout_s)
        os.kill(pid, signal.SIGKILL)
        stopped["killed"] = True
        while _alive(pid):
            time.sleep(0.2)
    cfg.pid_file.unlink(missing_ok=True)
    stopped["stopped"] = True
    return stopped


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie child of this process counts as gone once reaped
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        stat = FilePath(f"/proc/{pid}/stat")
        try:
            return stat.read_text().split(")")[-1].split()[0] != "Z"
        except OSError:
            return False

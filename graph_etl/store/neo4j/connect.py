"""Connecting to Neo4j: credentials, the driver, one-sentence errors that never show a password."""

from __future__ import annotations

import stat
from pathlib import Path as FilePath

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    Neo4jError,
    ServiceUnavailable,
)

from fakefree import settings
from fakefree.errors import StoreUnavailable

__all__ = ["credentials", "read_password_file", "connect", "verify", "unavailable"]


def read_password_file(path: FilePath) -> str:
    """The password in ``path``; refuses a file that group or others may read."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise StoreUnavailable(
            f"The Neo4j password file {path} is readable by group or others (mode "
            f"{stat.S_IMODE(mode):o}); run `chmod 600 {path}` first.")
    return path.read_text("utf-8").strip()


def credentials() -> tuple[str, str]:
    """``(user, password)``: the ``NEO4J_USERNAME``/``NEO4J_PASSWORD`` settings, else the
    password file of the local server (``FAKEFREE_HOME/neo4j/password``)."""
    user = settings.get("NEO4J_USERNAME")
    password = settings.get("NEO4J_PASSWORD")
    if password:
        return user, password
    path = settings.home() / "neo4j" / "password"
    if not path.exists():
        raise StoreUnavailable(
            f"No Neo4j password: set NEO4J_PASSWORD, or run `fakefree neo4j start` to create "
            f"{path}.")
    return user, read_password_file(path)


def unavailable(uri: str, user: str, exc: Exception) -> StoreUnavailable:
    if isinstance(exc, AuthError):
        return StoreUnavailable(f"Neo4j at {uri} refused the credentials of user {user!r}.")
    if isinstance(exc, ClientError) and "database" in (exc.code or "").lower():
        return StoreUnavailable(f"Neo4j at {uri} has no usable database: {exc.message}.")
    cause = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    cause = " ".join(str(cause).split())
    return StoreUnavailable(f"Cannot reach Neo4j at {uri}: {cause.rstrip('.:')}.")


def connect(uri: str, user: str, password: str) -> neo4j.Driver:
    """A driver for ``uri`` whose login has been checked; :class:`StoreUnavailable` if not."""
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10.0,
                                      connection_acquisition_timeout=30.0,
                                      max_transaction_retry_time=0.0,
                                      # the server sends no notifications ("property key does
                                      # not exist" on an empty database...): none reach stderr
                                      notifications_min_severity="OFF")
    except (ConfigurationError, ValueError) as exc:
        raise unavailable(uri, user, exc) from exc
    try:
        driver.verify_connectivity()
    except (Neo4jError, ServiceUnavailable, AuthError, OSError) as exc:
        driver.close()
        raise unavailable(uri, user, exc) from exc
    return driver


def verify(uri: str, user: str, password: str) -> None:
    """Check that Neo4j at ``uri`` accepts this login; :class:`StoreUnavailable` if not."""
    connect(uri, user, password).close()

"""Every setting fakefree reads from the environment, declared as data in one place.

Components receive these values as arguments; only the CLI and the dashboard call :func:`load`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Setting", "SETTINGS", "get", "home"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("FAKEFREE_STORE", "./fakefree.db",
            "Graph store: a file path (embedded SQLite) or a neo4j://, bolt://, neo4j+s:// URI."),
    Setting("FAKEFREE_HOME", "./.fakefree",
            "Folder for local state: the Neo4j server, its generated password, logs."),
    Setting("FAKEFREE_SECURITY_DB", "<FAKEFREE_HOME>/security.db",
            "SQLite file (0600, in a 0700 folder) of the local accounts and the audit log."),
    Setting("FAKEFREE_ARGON2_TIME_COST", "3",
            "argon2id passes per password hash; changed parameters rehash at the next login."),
    Setting("FAKEFREE_ARGON2_MEMORY_KIB", "65536",
            "argon2id memory per password hash, in KiB (OWASP minimum 19456)."),
    Setting("FAKEFREE_ARGON2_PARALLELISM", "4", "argon2id lanes per password hash."),
    Setting("FAKEFREE_OIDC_PROVIDER", "",
            "Name of an [auth.NAME] OpenID Connect provider in .streamlit/secrets.toml; if set, "
            "the dashboard offers sign-in with it. Empty: local accounts only."),
    Setting("FAKEFREE_OIDC_ONLY", "false",
            "true: the dashboard hides the local password form (needs FAKEFREE_OIDC_PROVIDER)."),
    Setting("FAKEFREE_SESSION_IDLE_MINUTES", "60",
            "A dashboard session unused this many minutes ends (sign in again); a session lasts "
            "12 hours at most."),
    Setting("NEO4J_USERNAME", "neo4j", "User name for a Neo4j store."),
    Setting("NEO4J_PASSWORD", "",
            "Password for a Neo4j store; if empty, read from FAKEFREE_HOME/neo4j/password."),
    Setting("NEO4J_DATABASE", "neo4j", "Database name inside the Neo4j server."),
    Setting("FAKEFREE_NEO4J_VERSION", "5.26.19",
            "Neo4j Community version the local server is built from (Maven Central)."),
    Setting("FAKEFREE_NEO4J_BOLT", "127.0.0.1:7687", "Listen address of the local Neo4j server."),
    Setting("FAKEFREE_NEO4J_HTTP", "127.0.0.1:7474",
            "HTTP API address of the local Neo4j server (keep it on 127.0.0.1; auth is on)."),
    Setting("FAKEFREE_NEO4J_HEAP", "1g", "Java heap of the local Neo4j server."),
    Setting("FAKEFREE_NEO4J_PAGECACHE", "512m", "Page cache of the local Neo4j server."),
    Setting("FAKEFREE_NEO4J_RETRY_ATTEMPTS", "6",
            "Tries of each Neo4j statement when the server is unreachable or busy."),
    Setting("FAKEFREE_NEO4J_RETRY_DELAY", "0.5",
            "Seconds before the second try of a Neo4j statement; doubled before each next one."),
    Setting("FAKEFREE_NEO4J_RETRY_MAX_SECONDS", "60",
            "No new try of a Neo4j statement after this many seconds; then a clear error."),
    Setting("FAKEFREE_MAX_FILE_MB", "200",
            "Largest case file read, in MB; also the most an archive or e-mail may expand to."),
    Setting("FAKEFREE_INGEST_BATCH_FILES", "50",
            "Files an ingest writes to the store and records in its ledger together (one "
            "transaction each); 1 writes and records each file on its own."),
    Setting("FAKEFREE_INGEST_BATCH_SECONDS", "2",
            "Longest an ingest gathers files for one such write, in seconds."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """Return the value of the setting ``name`` from the environment, or its default."""
    setting = _BY_NAME[name]
    return os.environ.get(name, setting.default)


def home() -> Path:
    """The local state folder (created on first use)."""
    path = Path(get("FAKEFREE_HOME")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path

"""The audit log: append-only triggers, hash chain, tamper detection."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import timedelta

import pytest

from security.audit import GENESIS, AuditLog, canonical, entry_hash
from fakefree.errors import InputError

from .helpers import Clock


@pytest.fixture
def audit(db_path) -> AuditLog:
    log = AuditLog(db_path, clock=Clock())
    log.append("ana", "login", source="dashboard")
    log.append("ana", "search", "han tong", hits=3)
    log.append("etl", "ingest", "case-17", documents=12, agency="CBSA")
    log.append("ana", "merge", "e1+e2", reasons=["same IBAN"], score=0.97)
    log.append("pat", "export", "e1", format="pdf", hops=2)
    return log


def raw(path) -> sqlite3.Connection:
    """A connection that bypasses fakefree, as someone with access to the file would."""
    return sqlite3.connect(path, isolation_level=None)


def drop_triggers(path) -> None:
    with raw(path) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")


def test_audit_chain_verifies(audit):
    entries = audit.entries()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    assert entries[3].details == {"reasons": ["same IBAN"], "score": 0.97}
    first = entries[0]
    assert first.hash == entry_hash(
        canonical(1, first.ts, "ana", "login", "", {"source": "dashboard"}), GENESIS)
    result = audit.verify()
    assert (result.ok, result.count, result.first_bad_seq, result.head) == (
        True, 5, None, entries[-1].hash)
    assert audit.verify(expected_head=entries[2].hash).ok


def test_audit_entries_filters(audit):
    assert [e.action for e in audit.entries(actor="ana")] == ["login", "search", "merge"]
    assert [e.target for e in audit.entries(action="export")] == ["e1"]
    assert [e.seq for e in audit.entries(limit=2)] == [4, 5]
    assert audit.entries(since="2026-11-26") == []
    first_ts = audit.entries()[0].ts
    assert len(audit.entries(since=first_ts)) == 5


def test_audit_entries_since_a_time(db_path):
    clock = Clock()
    log = AuditLog(db_path, clock=clock)
    log.append("ana", "login")
    clock.advance(hours=2)
    log.append("ana", "export", "e9")
    later = clock.now - timedelta(hours=1)
    assert [e.action for e in log.entries(since=later)] == ["export"]
    assert [e.action for e in log.entries(since=later.replace(tzinfo=None))] == ["export"]


def test_audit_triggers_block_update_and_delete(audit, db_path):
    with raw(db_path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE seq = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    assert audit.verify().ok and len(audit.entries()) == 5


def test_audit_detects_edited_entry(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:
        conn.execute("UPDATE audit_log SET details = ? WHERE seq = 3",
                     (json.dumps({"agency": "CBSA", "documents": 1}),))
    result = audit.verify()
    assert (result.ok, result.first_bad_seq, result.count) == (False, 3, 2)
    assert "edited" in result.reason


def test_audit_detects_edited_actor(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:
        conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5")
    assert audit.verify().first_bad_seq == 5


def test_audit_detects_deleted_entry(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    result = audit.verify()
    assert (result.ok, result.first_bad_seq) == (False, 3)
    assert "deleted" in result.reason


def test_audit_detects_deleted_first_entry(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 1")
    assert audit.verify().first_bad_seq == 2


def test_audit_detects_deleted_last_entries(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    result = audit.verify()
    assert (result.ok, result.first_bad_seq, result.count) == (False, 4, 3)
    assert "removed from the end" in result.reason


def test_audit_detects_reordered_entries(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:  # swap entries 2 and 4, keeping every stored hash
        conn.execute("UPDATE audit_log SET seq = -2 WHERE seq = 2")
        conn.execute("UPDATE audit_log SET seq = 2 WHERE seq = 4")
        conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = -2")
    result = audit.verify()
    assert (result.ok, result.first_bad_seq) == (False, 2)


def test_audit_detects_renumbered_entries(audit, db_path):
    drop_triggers(db_path)
    with raw(db_path) as conn:  # delete entry 3 and close the gap
        conn.execute("DELETE FROM audit_log WHERE seq = 3")
        conn.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > 3")
    assert audit.verify().first_bad_seq == 3


def test_audit_rewritten_chain_caught_by_expected_head(audit, db_path):
    noted_head = audit.verify().head
    drop_triggers(db_path)
    with raw(db_path) as conn:  # a forger who recomputes every hash after the edit
        rows = conn.execute("SELECT seq, ts, actor, action, target, details FROM audit_log "
                            "ORDER BY seq").fetchall()
        prev = GENESIS
        for seq, ts, actor, action, target, details in rows:
            if seq == 3:
                actor = "innocent"
            digest = entry_hash(canonical(seq, ts, actor, action, target, json.loads(details)),
                                prev)
            conn.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                         (actor, prev, digest, seq))
            prev = digest
    result = audit.verify(expected_head=noted_head)
    assert not result.ok and "expected head" in result.reason


def test_audit_missing_triggers_reported(audit, db_path):
    drop_triggers(db_path)
    result = audit.verify()
    assert (result.ok, result.count, result.first_bad_seq) == (False, 5, None)
    assert "triggers were removed" in result.reason


def test_audit_refuses_unknown_action_and_secrets(audit):
    with pytest.raises(InputError, match="Unknown audit action 'hack'"):
        audit.append("ana", "hack")
    with pytest.raises(InputError, match="must not carry secrets; drop new_password"):
        audit.append("root", "user_passwd", "ana", new_password="hunter2hunter2")
    with pytest.raises(InputError, match="needs an actor"):
        audit.append("", "login")
    assert audit.verify().count == 5


def test_audit_keeps_non_json_details_as_text(audit):
    entry = audit.append("pat", "export", "e1", path=audit.path)
    assert entry.details == {"path": str(audit.path)}
    assert audit.verify().ok


def test_audit_concurrent_appends_keep_one_chain(audit, db_path):
    def writer(name: str) -> None:
        log = AuditLog(db_path)
        for number in range(10):
            log.append(name, "view", f"e{number}")

    threads = [threading.Thread(target=writer, args=(f"user{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = audit.verify()
    assert result.ok and result.count == 45

"""Server-side dashboard sessions: one-time codes, idle timeout, maximum age, sign-out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from security.sessions import HANDOFF_TTL, MAX_AGE, SessionEnded, SessionStore, idle_timeout
from fakefree.errors import AccessDenied, InputError


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def sessions(tmp_path, clock):
    return SessionStore(tmp_path / "security.db", idle=timedelta(minutes=30), clock=clock)


def test_sessions_code_is_spent_once_and_expires(sessions, clock):
    code = sessions.handoff("ana", "dashboard")
    token = sessions.start(code)
    assert sessions.check(token).username == "ana"
    with pytest.raises(AccessDenied):
        sessions.start(code)
    late = sessions.handoff("ana", "dashboard")
    clock.now += HANDOFF_TTL + timedelta(seconds=1)
    with pytest.raises(AccessDenied):
        sessions.start(late)


def test_sessions_idle_timeout_and_use_keeps_alive(sessions, clock):
    token = sessions.start(sessions.handoff("ana", "dashboard"))
    for _ in range(4):
        clock.now += timedelta(minutes=20)
        sessions.check(token)  # used within the idle timeout: still alive
    clock.now += timedelta(minutes=31)
    with pytest.raises(SessionEnded, match="idle") as caught:
        sessions.check(token)
    assert caught.value.username == "ana"


def test_sessions_max_age_and_signout_and_forged(sessions, clock):
    token = sessions.start(sessions.handoff("ana", "dashboard"))
    other = sessions.start(sessions.handoff("ana", "dashboard"))
    steps = int(MAX_AGE / timedelta(minutes=25)) + 1
    for _ in range(steps - 1):
        clock.now += timedelta(minutes=25)
        sessions.check(token)
    clock.now += timedelta(minutes=25)
    with pytest.raises(SessionEnded, match="too old"):
        sessions.check(token)
    with pytest.raises(SessionEnded, match="unknown"):
        sessions.check("forged")
    assert sessions.revoke_user("ana", "account disabled") == 1  # `other`
    with pytest.raises(SessionEnded, match="account disabled"):
        sessions.check(other)
    fresh = sessions.start(sessions.handoff("ana", "dashboard"))
    sessions.revoke(fresh)
    with pytest.raises(SessionEnded, match="signed out"):
        sessions.check(fresh)


def test_sessions_idle_setting_must_be_positive():
    assert idle_timeout("1.5") == timedelta(seconds=90)
    for bad in ("0", "-3", "soon"):
        with pytest.raises(InputError):
            idle_timeout(bad)

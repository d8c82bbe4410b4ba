"""What the security tests share: passwords, cheap argon2 parameters, a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher

ADMIN_PASSWORD = "admin password 2026!"
ANALYST_PASSWORD = "analyst password 2026"

#: argon2id with the smallest parameters: the same code path, a thousand times faster
FAST_ENV = {"FAKEFREE_ARGON2_TIME_COST": "1", "FAKEFREE_ARGON2_MEMORY_KIB": "8",
            "FAKEFREE_ARGON2_PARALLELISM": "1"}


def fast_hasher(time_cost: int = 1) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=8, parallelism=1)


class Clock:
    """The current time as the test says it is."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)

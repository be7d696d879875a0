"""When an account is locked after too many wrong passwords."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.accounts.rules import lock_end

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_lock_holds_until_its_end_and_not_after() -> None:
    until = NOW + timedelta(minutes=15)
    assert lock_end(until, NOW) == until
    assert lock_end(until, until - timedelta(seconds=1)) == until
    assert lock_end(until, until) is None
    assert lock_end(until, until + timedelta(minutes=1)) is None


def test_an_account_never_locked_is_not_locked() -> None:
    assert lock_end(None, NOW) is None

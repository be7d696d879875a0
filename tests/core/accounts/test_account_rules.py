"""When an account is locked after too many wrong passwords."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.accounts.rules import LEAD_WAIT_CAP, lead_wait, lock_end

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_lock_holds_until_its_end_and_not_after() -> None:
    until = NOW + timedelta(minutes=15)
    assert lock_end(until, NOW) == until
    assert lock_end(until, until - timedelta(seconds=1)) == until
    assert lock_end(until, until) is None
    assert lock_end(until, until + timedelta(minutes=1)) is None


def test_an_account_never_locked_is_not_locked() -> None:
    assert lock_end(None, NOW) is None


def test_a_lead_waits_longer_with_each_failure_past_the_threshold_up_to_a_minute() -> None:
    assert lead_wait(4, threshold=5) is None
    waits = [lead_wait(n, threshold=5) for n in range(5, 11)]
    assert waits == [timedelta(seconds=s) for s in (10, 20, 40, 60, 60, 60)]
    assert lead_wait(10_000, threshold=5) == LEAD_WAIT_CAP == timedelta(seconds=60)

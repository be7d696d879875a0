"""Wrong passwords from several PCs at once, on SQLite and PostgreSQL: each is counted, and the lock
one of them sets refuses the others (tests/interleave_support.py interleaves them by hand). Found with eight
processes guessing at once: every failure wrote n=1 and the account never locked (29 passwords
checked on PostgreSQL where the rule allows 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branchguard.context import AppContext
from branchguard.core.accounts.service import AuthService
from branchguard.core.audit.service import AuditFilter
from branchguard.core.branch.service import DEFAULT_LOCKOUT_THRESHOLD
from branchguard.core.kernel.errors import AccountLocked, AuthenticationError
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import UserRow
from tests.interleave_support import race


@pytest.fixture
def auth(ctx: AppContext, demo) -> AuthService:
    return AuthService(ctx.sessions)


def _read_staff(s) -> UserRow:
    """What a login reads first: the account, its count and its lock."""
    return s.scalar(select(UserRow).where(UserRow.username == "staff"))


def _guess(auth: AuthService, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError):
            auth.login("staff", "wrong-guess-2026")


def _stored(ctx: AppContext) -> UserRow:
    with ctx.sessions() as s:
        user = _read_staff(s)
        s.expunge(user)
        return user


def test_wrong_passwords_from_two_pcs_at_once_both_count(ctx, auth, monkeypatch) -> None:
    race(monkeypatch, auth, _read_staff, lambda: _guess(auth, 2))
    _guess(auth)
    assert _stored(ctx).failed_attempts == 3


def test_a_password_checked_while_another_pc_locked_the_account_is_refused_by_that_lock(
    ctx, auth, lead: Actor, monkeypatch
) -> None:
    _guess(auth, DEFAULT_LOCKOUT_THRESHOLD - 1)
    lock_set: list[object] = []

    def pc_b() -> None:  # its guess, the last one allowed, locks the account
        _guess(auth)
        lock_set.append(_stored(ctx).locked_until)

    race(monkeypatch, auth, _read_staff, pc_b)
    with pytest.raises(AccountLocked):
        auth.login("staff", "another-guess-2026")  # checked before it knew of the lock
    after = _stored(ctx)
    assert lock_set[0] is not None
    assert after.locked_until == lock_set[0] and after.failed_attempts == 0  # not counted, not extended
    locks = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.locked"))
    assert len(locks) == 1
    failed = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.login_failed"))
    assert len(failed) == DEFAULT_LOCKOUT_THRESHOLD + 1  # the late guess is in the trail all the same

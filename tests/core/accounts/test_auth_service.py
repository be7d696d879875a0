"""Accounts and login: validation that writes nothing, lockout, unlock, the last safety lead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from branchguard.context import AppContext
from branchguard.core.accounts.service import AuthService
from branchguard.core.kernel.errors import AccountLocked, AuthenticationError, ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.base import utcnow
from branchguard.db.models.foundation import UserRow

STAFF_PASSWORD = "staff-demo-2026"


class Clock:
    """A settable clock for AuthService: lock expiry without waiting."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(ctx: AppContext, clock: Clock) -> AuthService:
    return AuthService(ctx.sessions, clock=clock)


def test_first_lead_only_once(ctx: AppContext) -> None:
    auth = ctx.services.auth
    assert not auth.has_users()
    first = auth.create_first_lead("chief", "chief-pass-2026", "王负责")
    assert first.role is Role.LEAD
    assert auth.has_users()
    with pytest.raises(ValidationError) as refused:
        auth.create_first_lead("second", "second-pass-2026")
    assert refused.value.field == "field.username"
    assert auth.user_by_name("second") is None
    assert auth.login("chief", "chief-pass-2026").role is Role.LEAD


@pytest.mark.parametrize(
    ("username", "role", "password", "field"),
    [
        ("", "staff", "long-enough-1", "field.username"),
        ("bad name!", "staff", "long-enough-1", "field.username"),
        ("newbie", "staff", "short", "field.password"),
        ("staff", "staff", "long-enough-1", "field.username"),  # taken by the demo data
        ("newbie", "boss", "long-enough-1", "field.role"),
    ],
    ids=["empty-name", "bad-name", "short-password", "duplicate", "unknown-role"],
)
def test_add_user_rejects_bad_input_and_writes_nothing(
    ctx: AppContext,
    lead: Actor,
    snapshot: Callable[[], object],
    username: str,
    role: str,
    password: str,
    field: str,
) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        ctx.services.auth.add_user(lead, username, role, password)
    assert refused.value.field == field
    assert refused.value.reason
    assert snapshot() == before  # no account, no audit event


def test_added_user_can_log_in_with_their_role(ctx: AppContext, lead: Actor) -> None:
    info = ctx.services.auth.add_user(lead, "  Teller.Two ", "staff", "teller-pass-2026", "张二")
    assert info.username == "teller.two"
    assert info.display_name == "张二"
    actor = ctx.services.auth.login("TELLER.TWO", "teller-pass-2026")
    assert actor == Actor(user_id=info.id, username="teller.two", role=Role.STAFF)


def test_wrong_password_and_unknown_user_are_refused_alike(auth: AuthService, demo: object) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        auth.login("staff", "not-the-password")
    assert not isinstance(wrong.value, AccountLocked)
    with pytest.raises(AuthenticationError) as unknown:
        auth.login("nobody", STAFF_PASSWORD)
    assert unknown.value.message == wrong.value.message == t("auth.bad_credentials")


def test_fifth_wrong_password_locks_until_the_lock_time_passes(
    auth: AuthService, clock: Clock, demo: object
) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError) as failed:
            auth.login("staff", "wrong-password")
        assert not isinstance(failed.value, AccountLocked)
    with pytest.raises(AccountLocked) as locked:
        auth.login("staff", "wrong-password")
    assert locked.value.until == clock.now + timedelta(minutes=15)  # the demo branch's setting

    with pytest.raises(AccountLocked):
        auth.login("staff", STAFF_PASSWORD)  # even the right password, while locked
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked):
        auth.login("staff", STAFF_PASSWORD)
    clock.advance(seconds=2)
    assert auth.login("staff", STAFF_PASSWORD).username == "staff"


def test_lockout_threshold_and_minutes_come_from_branch_settings(
    ctx: AppContext, auth: AuthService, clock: Clock, lead: Actor
) -> None:
    branch = ctx.services.branch.get()
    assert branch is not None
    ctx.services.branch.update(lead, name=branch.name, lockout_threshold=2, lockout_minutes=3)
    with pytest.raises(AuthenticationError) as first:
        auth.login("staff", "wrong-password")
    assert not isinstance(first.value, AccountLocked)
    with pytest.raises(AccountLocked) as locked:
        auth.login("staff", "wrong-password")
    assert locked.value.until == clock.now + timedelta(minutes=3)
    clock.advance(minutes=3, seconds=1)
    assert auth.login("staff", STAFF_PASSWORD).username == "staff"


def test_successful_login_resets_the_failure_count(ctx: AppContext, auth: AuthService, lead: Actor) -> None:
    branch = ctx.services.branch.get()
    assert branch is not None
    ctx.services.branch.update(lead, name=branch.name, lockout_threshold=3, lockout_minutes=5)
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            auth.login("staff", "wrong-password")
    auth.login("staff", STAFF_PASSWORD)
    for _ in range(2):
        with pytest.raises(AuthenticationError) as failed:
            auth.login("staff", "wrong-password")
        assert not isinstance(failed.value, AccountLocked)


def test_lead_unlocks_a_locked_account(ctx: AppContext, auth: AuthService, lead: Actor) -> None:
    branch = ctx.services.branch.get()
    assert branch is not None
    ctx.services.branch.update(lead, name=branch.name, lockout_threshold=1, lockout_minutes=60)
    with pytest.raises(AccountLocked):
        auth.login("staff", "wrong-password")
    staff = ctx.services.auth.user_by_name("staff")
    assert staff is not None
    assert staff.locked_until is not None
    unlocked = ctx.services.auth.unlock(lead, staff.id)
    assert unlocked.locked_until is None
    assert auth.login("staff", STAFF_PASSWORD).username == "staff"


def test_disabled_account_cannot_log_in(ctx: AppContext, lead: Actor) -> None:
    staff = ctx.services.auth.user_by_name("staff")
    assert staff is not None
    ctx.services.auth.set_active(lead, staff.id, False)
    with pytest.raises(AuthenticationError, match="staff"):
        ctx.services.auth.login("staff", STAFF_PASSWORD)
    ctx.services.auth.set_active(lead, staff.id, True)
    assert ctx.services.auth.login("staff", STAFF_PASSWORD).role is Role.STAFF


def test_last_lead_cannot_be_demoted_or_disabled(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    auth = ctx.services.auth
    assert lead.user_id is not None
    before = snapshot()
    with pytest.raises(ValidationError) as demoted:
        auth.set_role(lead, lead.user_id, Role.STAFF)
    assert demoted.value.reason == t("validation.last_lead")
    assert demoted.value.is_about("field.role")
    with pytest.raises(ValidationError) as disabled:
        auth.set_active(lead, lead.user_id, False)
    # said of what was asked: disabling, under Active (it once said "Role: … removed or demoted")
    assert disabled.value.is_about("field.active")
    assert disabled.value.reason == t("validation.last_lead_disabled")
    assert snapshot() == before

    # with a second safety lead, the first may step down
    auth.add_user(lead, "deputy", Role.LEAD, "deputy-pass-2026")
    assert auth.set_role(lead, lead.user_id, Role.STAFF).role is Role.STAFF


def test_stored_hashes_use_argon2id_at_production_cost() -> None:
    """The suite hashes cheaply (conftest); the application itself must not."""
    import subprocess
    import sys

    code = (
        "from branchguard.core.accounts import service as auth; h = auth._hasher;"
        "print(h.time_cost, h.memory_cost, h.parallelism, h.hash('x' * 8).split('$')[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    time_cost, memory_cost, parallelism, variant = out.split()
    assert variant == "argon2id"
    assert int(time_cost) >= 2
    assert int(memory_cost) >= 19 * 1024  # OWASP's floor for argon2id: 19 MiB
    assert int(parallelism) >= 1


LEAD_PASSWORD = "lead-demo-2026"


def test_a_stranger_cannot_lock_the_lead_out_only_slow_them_down(
    ctx: AppContext, auth: AuthService, clock: Clock, demo: object
) -> None:
    """The lockout rule (core/accounts/rules.py): a lead is never locked; past the threshold each
    wrong password makes the next try wait 10 s, 20 s, 40 s, at most 60 s."""
    for _ in range(4):
        with pytest.raises(AuthenticationError) as failed:
            auth.login("lead", "stranger-guess")
        assert not isinstance(failed.value, AccountLocked)
    for wait in (10, 20, 40, 60, 60):
        with pytest.raises(AccountLocked) as slowed:
            auth.login("lead", "stranger-guess")
        assert slowed.value.until == clock.now + timedelta(seconds=wait)
        assert f"{wait} s" in slowed.value.text("en")
        # during the wait nothing is checked: a guess neither counts nor makes the wait longer
        with pytest.raises(AccountLocked):
            auth.login("lead", "stranger-guess")
        clock.advance(seconds=wait)
    lead = ctx.services.auth.user_by_name("lead")
    assert lead is not None and lead.locked_until is not None and lead.locked_until <= clock.now
    # however many guesses the stranger made, the lead gets in once the last minute passed
    assert auth.login("lead", LEAD_PASSWORD).username == "lead"
    with pytest.raises(AuthenticationError) as fresh:  # and the count starts again
        auth.login("lead", "stranger-guess")
    assert not isinstance(fresh.value, AccountLocked)


def test_a_leads_wrong_passwords_are_audited_with_the_wait(
    ctx: AppContext, auth: AuthService, lead: Actor
) -> None:
    from branchguard.core.audit.service import AuditFilter
    from branchguard.core.audit.text import summary_text
    from branchguard.core.kernel.i18n import set_language

    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("lead", "stranger-guess")
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="user."))
    try:
        set_language("en")
        failed = [summary_text(e) for e in events if e.action == "user.login_failed"]
    finally:
        set_language("zh_CN")
    assert len(failed) == 5
    assert "lead: wrong password (5/5), next try after 10 s" in failed
    assert not [e for e in events if e.action == "user.locked"]


def test_a_user_changes_their_own_password_giving_the_current_one(
    ctx: AppContext, auth: AuthService, demo: object, snapshot: Callable[[], object]
) -> None:
    """Staff and auditors had no way to change their own password in the window; someone at a PC
    left unlocked must not take the account over with it either."""
    staff = auth.login("staff", STAFF_PASSWORD)
    before = snapshot()
    with pytest.raises(ValidationError) as short:
        auth.change_own_password(staff, STAFF_PASSWORD, "short")
    assert short.value.is_about("field.password") and snapshot() == before
    with pytest.raises(ValidationError) as wrong:  # refused, and counted as a wrong login is
        auth.change_own_password(staff, "not-my-password", "my-new-pass-2026")
    assert wrong.value.is_about("field.current_password")
    with ctx.sessions() as session:
        assert session.scalar(select(UserRow.failed_attempts).where(UserRow.username == "staff")) == 1
    with pytest.raises(ValidationError) as blank:
        auth.change_own_password(staff, STAFF_PASSWORD, " " * 8)  # eight spaces were taken
    assert blank.value.is_about("field.password")
    auth.change_own_password(staff, STAFF_PASSWORD, "my-new-pass-2026")
    assert auth.login("staff", "my-new-pass-2026").username == "staff"
    with pytest.raises(AuthenticationError):
        auth.login("staff", STAFF_PASSWORD)


def test_guessing_the_current_password_counts_toward_the_lockout(auth: AuthService, demo: object) -> None:
    """The dialog let anyone at an unlocked PC guess without limit, and nothing was recorded."""
    staff = auth.login("staff", STAFF_PASSWORD)
    refusals = []
    for _ in range(6):
        with pytest.raises(ValidationError) as guess:
            auth.change_own_password(staff, "a-wrong-guess", "my-new-pass-2026")
        refusals.append(guess.value.reason)
    assert any("locked" in r.lower() or "锁定" in r for r in refusals), refusals
    with pytest.raises(AccountLocked):
        auth.login("staff", STAFF_PASSWORD)  # locked for the login too

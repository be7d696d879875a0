"""Every failed login leaves a record, worded in the reader's language; an empty password is no guess.

The trail once recorded only wrong passwords: a name no account has and a disabled account's login
left nothing, its lock summaries were English with the lock's end in UTC (a Beijing auditor read
it as ending eight hours early), and an empty password counted toward the lockout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from branchguard.context import AppContext
from branchguard.core.accounts.service import AuthService
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import summary_text
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel.errors import AccountLocked, AuthenticationError
from branchguard.core.kernel.i18n import set_language, t
from branchguard.core.kernel.types import Actor
from tests.core.accounts.test_auth_service import Clock

STAFF_PASSWORD = "staff-demo-2026"
AUDITOR_PASSWORD = "auditor-demo-2026"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(ctx: AppContext, clock: Clock) -> AuthService:
    return AuthService(ctx.sessions, clock=clock)


def worded(event: AuditRecord, lang: str) -> str:
    try:
        set_language(lang)
        return summary_text(event)
    finally:
        set_language("zh_CN")


def failures(ctx: AppContext, lead: Actor) -> list[AuditRecord]:
    """The failed logins in the trail, oldest first."""
    return ctx.services.audit.list(lead, AuditFilter(action_prefix="user.login_failed"))[::-1]


def test_a_name_no_account_has_is_audited_masked(ctx: AppContext, auth: AuthService, lead: Actor) -> None:
    with pytest.raises(AuthenticationError) as refused:
        auth.login("Nobody", "x")
    assert refused.value.message == t("auth.bad_credentials")  # said as for a wrong password
    with pytest.raises(AuthenticationError):
        auth.login("n" * 5000, "x")  # a name tried must not fill the trail
    first, long = failures(ctx, lead)
    assert (first.actor, first.entity, first.entity_id) == ("system", "user", "")
    # masked: it may be a password typed in the name field (test_login_audit_masked.py)
    assert worded(first, "en") == "'n…' (6 characters): no such account"
    assert worded(first, "zh_CN") == "“n…”（6 个字符）：无此账户"
    assert worded(long, "en") == "'n…' (5000 characters): no such account"
    assert ctx.services.audit.list(lead, AuditFilter(text="nobody")) == []


def test_a_disabled_account_logging_in_is_audited_whatever_the_password(
    ctx: AppContext, auth: AuthService, lead: Actor
) -> None:
    auditor = ctx.services.auth.user_by_name("auditor")
    assert auditor is not None
    ctx.services.auth.set_active(lead, auditor.id, False)
    with pytest.raises(AuthenticationError) as right:
        auth.login("auditor", AUDITOR_PASSWORD)
    assert right.value.message == t("auth.inactive", username="auditor")
    with pytest.raises(AuthenticationError) as wrong:
        auth.login("auditor", "a-wrong-guess")
    # "disabled" only to whoever knows the password: a guesser hears what any wrong password hears
    assert wrong.value.message == t("auth.bad_credentials")
    disabled, guessed = failures(ctx, lead)
    assert (disabled.actor, disabled.entity_id) == ("system", str(auditor.id))
    assert worded(disabled, "en") == "auditor: the account is disabled (the password was right)"
    assert worded(disabled, "zh_CN") == "auditor：账户已停用（密码正确）"
    assert worded(guessed, "en") == "auditor: wrong password (1/5)"


def test_nothing_is_written_on_read_only_data(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    auditor = ctx.services.auth.user_by_name("auditor")
    assert auditor is not None
    ctx.services.auth.set_active(lead, auditor.id, False)
    read_only = AuthService(ctx.sessions, read_only=True)
    before = snapshot()
    for name, password in (("nobody", "x"), ("auditor", AUDITOR_PASSWORD), ("staff", "wrong-one")):
        with pytest.raises(AuthenticationError):
            read_only.login(name, password)
    assert snapshot() == before


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_an_empty_password_is_refused_without_counting_or_auditing(
    ctx: AppContext, clock: Clock, demo: object, snapshot: Callable[[], object], read_only: bool
) -> None:
    auth = AuthService(ctx.sessions, clock=clock, read_only=read_only)
    before = snapshot()
    with pytest.raises(AuthenticationError) as empty:
        auth.login("staff", "")
    assert empty.value.text("en") == "Enter the password"
    assert empty.value.text("zh_CN") == "请输入密码"
    with pytest.raises(AuthenticationError) as nameless:
        auth.login("  ", STAFF_PASSWORD)
    assert nameless.value.text("en") == "Enter the user name"
    assert snapshot() == before  # no count, no audit event


def test_an_empty_password_does_not_bring_the_lock_closer(auth: AuthService, demo: object) -> None:
    """The reviewer's case: staff was locked after an empty try and four wrong ones."""
    with pytest.raises(AuthenticationError):
        auth.login("staff", "")
    for _ in range(4):
        with pytest.raises(AuthenticationError) as wrong:
            auth.login("staff", "wrong-password")
        assert not isinstance(wrong.value, AccountLocked)
    assert auth.login("staff", STAFF_PASSWORD).username == "staff"


def test_an_empty_current_password_is_no_guess_either(
    ctx: AppContext, auth: AuthService, staff: Actor, snapshot: Callable[[], object]
) -> None:
    from branchguard.core.kernel.errors import ValidationError

    before = snapshot()
    with pytest.raises(ValidationError) as empty:
        auth.change_own_password(staff, "", "my-new-pass-2026")
    assert empty.value.is_about("field.current_password")
    assert snapshot() == before


@pytest.mark.usefixtures("shanghai_time")
def test_a_lock_reads_in_the_readers_language_and_local_time(
    ctx: AppContext, auth: AuthService, clock: Clock, lead: Actor
) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("staff", "wrong-password")
    until = clock.now + timedelta(minutes=15)  # the demo branch's setting
    beijing = until.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S")
    (lock,) = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.locked"))
    chinese = worded(lock, "zh_CN")
    assert chinese == f"staff 已锁定，至 {beijing} 解锁"
    assert "+00:00" not in chinese and "until" not in chinese
    assert worded(lock, "en") == f"staff locked until {beijing}"
    counted = [worded(e, "zh_CN") for e in failures(ctx, lead)]
    assert counted == [f"staff：密码错误（{n}/5）" for n in range(1, 6)]


@pytest.mark.usefixtures("shanghai_time")
def test_tries_while_locked_are_audited_unchecked_and_not_counted(
    ctx: AppContext, auth: AuthService, clock: Clock, lead: Actor
) -> None:
    """The trail said nothing of tries made while the account was locked, the right password's
    among them: a guesser could go on unseen once the lock was on."""
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("staff", "wrong-password")
    beijing = (clock.now + timedelta(minutes=15)).astimezone(ZoneInfo("Asia/Shanghai"))
    for password in ("another-guess", STAFF_PASSWORD):
        with pytest.raises(AccountLocked):
            auth.login("staff", password)
    tried = [worded(e, "en") for e in failures(ctx, lead)[5:]]
    stamp = beijing.strftime("%Y-%m-%d %H:%M:%S")
    said = f"staff: a try while the account waits until {stamp}, refused unchecked: not counted"
    assert tried == [said] * 2
    clock.now += timedelta(minutes=16)  # the lock over: the count starts again from nothing
    with pytest.raises(AuthenticationError) as wrong:
        auth.login("staff", "wrong-password")
    assert not isinstance(wrong.value, AccountLocked)
    assert worded(failures(ctx, lead)[-1], "en") == "staff: wrong password (1/5)"


def test_a_leads_wait_reads_in_both_languages(ctx: AppContext, auth: AuthService, lead: Actor) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("lead", "stranger-guess")
    last = failures(ctx, lead)[-1]
    assert worded(last, "en") == "lead: wrong password (5/5), next try after 10 s"
    assert worded(last, "zh_CN") == "lead：密码错误（5/5），10 秒后方可再试"


def test_a_summary_written_in_english_by_an_older_version_reads_as_before() -> None:
    at = datetime(2026, 12, 6, 11, 14, 45, tzinfo=ZoneInfo("UTC"))
    old = [
        ("user.locked", "staff until 2026-12-06T11:29:45.289603+00:00"),
        ("user.login_failed", "lead (5/5), next try after 10 s"),
        ("user.login_failed", "staff (3/5)"),
    ]
    for action, summary in old:
        event = AuditRecord(1, at, "system", action, "user", "2", summary, {}, {})
        assert worded(event, "zh_CN") == worded(event, "en") == summary

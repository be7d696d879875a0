"""A user name no account has is kept in the audit trail only masked: its first character and its
length. Such a name is as often a password typed in the name field, and the auditor reads the
trail: `BRANCHGUARD_USER=lead-demo-2026` once left "'lead-demo-2026': no such account" there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branchguard.context import AppContext
from branchguard.core.accounts.service import AuthService
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.service import record as audit_record
from branchguard.core.kernel.errors import AuthenticationError
from branchguard.core.kernel.i18n import saying
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import AuditEventRow
from tests.core.accounts.test_login_audit import failures, worded

PASSWORD = "lead-demo-2026"  # the demo lead's password, typed where the name goes


def test_a_password_typed_as_the_name_is_not_kept_in_the_trail(ctx: AppContext, lead: Actor) -> None:
    auth = AuthService(ctx.sessions)
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            auth.login(PASSWORD, "x")
    first, again = failures(ctx, lead)
    assert worded(first, "en") == worded(again, "en") == "'l…' (14 characters): no such account"
    assert worded(first, "zh_CN") == "“l…”（14 个字符）：无此账户"
    with ctx.engine.connect() as conn:  # nowhere in any stored row, in any column
        stored = [str(tuple(row)) for row in conn.execute(select(AuditEventRow.__table__))]
    assert not [row for row in stored if PASSWORD in row or "demo-2026" in row]
    assert ctx.services.audit.list(lead, AuditFilter(text="demo")) == []


def test_names_tried_are_told_apart_by_first_character_and_length(ctx: AppContext, lead: Actor) -> None:
    auth = AuthService(ctx.sessions)
    for name in ("Admin", "\x1b[31mroot", "n" * 5000):
        with pytest.raises(AuthenticationError):
            auth.login(name, "x")
    assert [worded(e, "en") for e in failures(ctx, lead)] == [
        "'a…' (5 characters): no such account",
        "'?…' (9 characters): no such account",  # an escape is no character to show
        "'n…' (5000 characters): no such account",
    ]


def test_a_row_recorded_before_keeps_its_wording(ctx: AppContext, lead: Actor) -> None:
    """The trail is append-only evidence: a row of an older version still reads as it was written."""
    with ctx.sessions.begin() as s:
        said = saying("user.audit.no_such_user", username="nobody")
        audit_record(s, Actor.system(), "user.login_failed", "user", "", summary=said)
    assert [worded(e, "en") for e in failures(ctx, lead)] == ["'nobody': no such account"]

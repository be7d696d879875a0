"""A login stands only while its account does: a window opened by someone a lead then disables or
gives another role writes nothing more (core/accounts/standing.py). The actor a service receives
carries the role it logged in with; every write asks the database again, inside its transaction:
audited changes by the account's id, incident log entries by the writer's name, on both paths of the
log (the log box's connection and a service's session)."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.core.accounts.standing import AccountChanged
from branchguard.core.audit.service import AuditFilter
from branchguard.core.hazards.types import HazardInput, HazardSeverity
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor, Role


def _hazard(ctx: Any, actor: Actor) -> Any:
    data = HazardInput(
        description="灯箱松动", severity=HazardSeverity.GENERAL, location="自助区", owner="李安全"
    )
    return ctx.services.hazards.create(actor, data)


def _log_length(ctx: Any, lead: Actor, incident_id: int) -> int:
    return len(ctx.services.incidents.entries_page(lead, incident_id))


def test_a_disabled_accounts_open_login_writes_nothing_more(ctx: Any, lead: Actor, staff: Actor) -> None:
    incident = ctx.services.incidents.start(lead, "FIRE")
    ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "before")  # the login stands
    ctx.services.auth.set_active(lead, staff.user_id, False)
    before, hazards_before = _log_length(ctx, lead, incident.id), len(ctx.services.hazards.list(lead))

    with pytest.raises(AccountChanged) as refused:
        ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "after")  # the log box's path
    assert "staff" in refused.value.text("en") and "disabled" in refused.value.text("en")
    with pytest.raises(AccountChanged):
        ctx.services.incidents.mark_step(staff, incident.id, 1)  # a service's session
    with pytest.raises(AccountChanged):
        _hazard(ctx, staff)  # an audited change
    assert _log_length(ctx, lead, incident.id) == before
    assert len(ctx.services.hazards.list(lead)) == hazards_before

    ctx.services.auth.set_active(lead, staff.user_id, True)  # enabled again: the same login writes
    ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "again")
    assert _log_length(ctx, lead, incident.id) == before + 1


def test_a_login_whose_role_changed_writes_nothing_in_its_old_role(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    incident = ctx.services.incidents.start(lead, "FIRE")
    ctx.services.auth.set_role(lead, staff.user_id, Role.AUDITOR)
    hazards_before = len(ctx.services.hazards.list(lead))

    with pytest.raises(AccountChanged) as refused:
        ctx.services.incidents.log(staff, incident.id, EntryKind.NOTE, "as staff still")
    assert "auditor" in refused.value.text("en").lower()
    with pytest.raises(AccountChanged):
        _hazard(ctx, staff)
    assert len(ctx.services.hazards.list(lead)) == hazards_before
    assert isinstance(refused.value, PermissionDenied)  # the window and the CLI say it as a refusal

    promoted = Actor(staff.user_id, staff.username, Role.AUDITOR)  # logged in again: its new role
    with pytest.raises(PermissionDenied) as by_role:
        ctx.services.incidents.log(promoted, incident.id, EntryKind.NOTE, "as auditor")
    assert not isinstance(by_role.value, AccountChanged)  # the role table's answer, as for anyone


def test_a_lead_may_change_their_own_role_while_another_lead_remains(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    ctx.services.auth.set_role(lead, staff.user_id, Role.LEAD)
    ctx.services.auth.set_role(lead, lead.user_id, Role.STAFF)  # checked as the account stood before
    assert ctx.services.auth.user_by_name("lead").role == Role.STAFF


def test_a_refusal_of_a_stale_login_is_still_recorded(ctx: Any, lead: Actor, staff: Actor) -> None:
    ctx.services.auth.set_active(lead, staff.user_id, False)
    try:
        _hazard(ctx, staff)
    except AccountChanged as refused:
        ctx.services.auth.record_refusal(refused, staff, "hazard add")
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.refused"))
    assert [e.actor for e in events] == ["staff"]


def test_the_system_and_a_database_without_accounts_are_no_accounts(ctx: Any, lead: Actor) -> None:
    incident = ctx.services.incidents.start(Actor.system(), "FIRE")
    ctx.services.incidents.log(Actor.system(), incident.id, EntryKind.NOTE, "the scheduler's")
    assert _log_length(ctx, lead, incident.id) >= 2


def _second_lead(ctx: Any, lead: Actor) -> Actor:
    info = ctx.services.auth.add_user(lead, "lead2", Role.LEAD, "second-lead-2026!", "副行长")
    return Actor(info.id, info.username, Role.LEAD)


def test_a_lead_demoted_to_staff_no_longer_attaches_or_corrects_anothers_entry(
    ctx: Any, lead: Actor, tmp_path: Any
) -> None:
    """Log-only writes with a right of their own: the log asks only whether the new role may write
    to a log at all, which staff may."""
    second = _second_lead(ctx, lead)
    incident = ctx.services.incidents.start(lead, "FIRE")
    entry = ctx.services.incidents.log(lead, incident.id, EntryKind.NOTE, "the lead's")
    ctx.services.auth.set_role(lead, second.user_id, Role.STAFF)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    before = _log_length(ctx, lead, incident.id)
    with pytest.raises(AccountChanged):
        ctx.services.incidents.attach(second, incident.id, photo)
    with pytest.raises(AccountChanged):
        ctx.services.incidents.log(second, incident.id, EntryKind.NOTE, "rewritten", corrects=entry.seq)
    assert _log_length(ctx, lead, incident.id) == before


def test_writes_that_leave_the_database_are_refused_before_anything_is_written(
    ctx: Any, lead: Actor, tmp_path: Any
) -> None:
    """A backup archive, a restore asked for, the public key, a library, an anchor: each was written,
    then its audit record refused it ("nothing was saved"), or it wrote no record at all."""
    second = _second_lead(ctx, lead)
    archive = ctx.services.backup.create(lead, ctx.config.db_url, tmp_path / "good.zip").path
    manifest = ctx.services.backup.check(lead, archive)
    ctx.services.auth.set_active(lead, second.user_id, False)
    out = tmp_path / "out"
    attempts = {
        "backup": lambda: ctx.services.backup.create(second, ctx.config.db_url, out / "b.zip"),
        "automatic backup": lambda: ctx.services.backup.create_in_folder(
            second, ctx.config.db_url, out, 7, 12
        ),
        "restore asked": lambda: ctx.services.backup.request_restore(
            second, ctx.config.db_url, archive, manifest
        ),
        "key": lambda: ctx.services.exchange.export_key(second, out / "key.pem"),
        "library": lambda: ctx.services.library.export(second, out / "library.zip"),
        "anchor": lambda: ctx.services.anchors.stamp(second, "", "", "a report"),
    }
    for what, attempt in attempts.items():
        with pytest.raises(AccountChanged):
            attempt()
        assert not out.exists() or not list(out.iterdir()), what
    assert ctx.services.backup.pending_restore() is None

    ctx.services.backup.request_restore(lead, ctx.config.db_url, archive, manifest)
    with pytest.raises(AccountChanged):
        ctx.services.backup.cancel_restore(second)
    assert ctx.services.backup.pending_restore() is not None


def test_nobody_may_take_the_name_the_app_signs_its_own_entries_with(ctx: Any, lead: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.services.auth.add_user(lead, "System", Role.STAFF, "a-long-password-2026", "")
    assert "signs its own entries" in refused.value.text("en")

"""Early-warning log and the four-colour warning level: recorded, lifted as a later event, starting
the natural-disaster plan; the level on weather incidents only, changed through the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from branchguard.core.early_warnings.rules import parse_received
from branchguard.core.early_warnings.types import (
    WarningEventKind,
    WarningInput,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.core.incidents.text import entry_text
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import PermissionDenied, ValidationError


def a_warning(level: WarningLevel = WarningLevel.RED, minutes_ago: int = 10) -> WarningInput:
    return WarningInput(
        received_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
        source=WarningSource.METEOROLOGICAL,
        level=level,
        kind=WarningKind.RAINSTORM,
        text="市气象台发布暴雨红色预警信号",
    )


def audit_actions(ctx: Any) -> list[str]:
    with ctx.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM audit_events ORDER BY id")).scalars())


def test_staff_records_a_warning_which_is_audited_ledgered_and_listed(
    ctx: Any, staff: Any, lead: Any
) -> None:
    w = ctx.services.warnings.add(staff, a_warning())
    assert (w.level, w.source, w.kind, w.recorded_by) == (WarningLevel.RED, WarningSource.METEOROLOGICAL,
                                                          WarningKind.RAINSTORM, "staff")  # fmt: skip
    assert w.active and w.incident_id is None and w.events == ()
    assert audit_actions(ctx)[-1] == "warning.record"
    assert [x.id for x in ctx.services.warnings.list(staff, active_only=True)] == [w.id]
    assert ctx.services.warnings.severe_in_force(lead) == 1
    report = ctx.services.ledger.verify(lead)
    assert report.ok, [p.message.text("en") for p in report.problems]
    with ctx.engine.connect() as conn:
        ledgered = conn.execute(
            text("SELECT count(*) FROM ledger_entries WHERE entity = 'early_warning' AND entity_id = :i"),
            {"i": str(w.id)},
        ).scalar()
    assert ledgered == 1


def test_lifting_is_a_later_event_and_the_warning_itself_is_never_changed(
    ctx: Any, staff: Any, lead: Any
) -> None:
    svc = ctx.services.warnings
    kept = svc.add(staff, a_warning(WarningLevel.ORANGE))
    yellow = svc.add(staff, a_warning(WarningLevel.YELLOW))
    lifted = svc.lift(staff, kept.id, "气象台解除")
    assert not lifted.active and lifted.ended is not None
    assert (lifted.ended.kind, lifted.ended.note, lifted.ended.actor) == (
        WarningEventKind.LIFTED,
        "气象台解除",
        "staff",
    )
    assert (lifted.received_at, lifted.text, lifted.level) == (kept.received_at, kept.text, kept.level)
    assert [x.id for x in svc.list(lead, active_only=True)] == [yellow.id]
    assert {x.id for x in svc.list(lead)} == {kept.id, yellow.id}
    assert svc.severe_in_force(lead) == 0  # the orange one is lifted, the yellow one is not severe
    with pytest.raises(ValidationError) as err:
        svc.lift(staff, kept.id, cancelled=True)
    assert err.value.field == "field.warning"
    assert svc.lift(lead, yellow.id, cancelled=True).ended.kind == WarningEventKind.CANCELLED  # type: ignore[union-attr]
    assert ctx.services.ledger.verify(lead).ok


def test_bad_input_names_its_field_and_writes_nothing(ctx: Any, staff: Any, auditor: Any) -> None:
    svc = ctx.services.warnings
    before = audit_actions(ctx)
    cases = [
        (WarningInput(a_warning().received_at, WarningSource.POLICE, WarningLevel.RED, WarningKind.FLOOD,
                      " "), "field.warning_text"),
        (WarningInput(datetime.now(UTC) + timedelta(hours=2), WarningSource.POLICE, WarningLevel.RED,
                      WarningKind.FLOOD, "x"), "field.warning_received"),
        (WarningInput(a_warning().received_at, WarningSource.POLICE, "purple", WarningKind.FLOOD, "x"),  # type: ignore[arg-type]
         "field.warning_level"),
    ]  # fmt: skip
    for data, field in cases:
        with pytest.raises(ValidationError) as err:
            svc.add(staff, data)
        assert err.value.field == field
    with pytest.raises(PermissionDenied):
        svc.add(auditor, a_warning())
    with pytest.raises(ValidationError) as err:
        parse_received("yesterday")
    assert err.value.field == "field.warning_received"
    assert parse_received("2026-12-01 08:30").tzinfo is not None
    assert audit_actions(ctx) == before and svc.list(staff) == []


def test_start_opens_the_nat_plan_at_the_warnings_colour_quoting_it(ctx: Any, staff: Any, lead: Any) -> None:
    svc = ctx.services.warnings
    w = svc.add(staff, a_warning(WarningLevel.ORANGE), start=True)
    assert w.incident_id is not None and w.active
    detail = ctx.services.incidents.get(lead, w.incident_id)
    assert detail.summary.playbook_code == "NAT" and detail.summary.warning_level == WarningLevel.ORANGE
    start, quote = detail.entries[0], detail.entries[1]
    assert start.kind == EntryKind.START and start.data["warning"] == "orange"
    assert quote.kind == EntryKind.OBSERVATION and "市气象台发布暴雨红色预警信号" in quote.text
    assert detail.steps[0].key == "prepare"  # the plan's preparation on a warning comes first
    with pytest.raises(ValidationError) as err:
        svc.start_preparation(lead, w.id)
    assert err.value.field == "field.warning"
    later = svc.add(staff, a_warning(WarningLevel.BLUE))
    summary = svc.start_preparation(staff, later.id, despite_open=True)  # a second, separate event
    assert summary.warning_level == WarningLevel.BLUE and svc.get(lead, later.id).incident_id == summary.id
    assert ctx.services.ledger.verify(lead).ok


def test_the_warning_level_belongs_to_weather_incidents_and_changes_through_the_log(
    ctx: Any, staff: Any, lead: Any, auditor: Any
) -> None:
    inc, svc = ctx.services.incidents, ctx.services.warnings
    with pytest.raises(ValidationError) as err:
        inc.start(lead, "FIRE", warning=WarningLevel.RED)
    assert err.value.field == "field.warning_level"
    fire = inc.start(lead, "FIRE")
    assert fire.warning_level is None
    with pytest.raises(ValidationError):
        svc.change_incident_level(lead, fire.id, WarningLevel.RED)
    nat = inc.start(staff, "NAT", warning=WarningLevel.YELLOW)
    assert nat.warning_level == WarningLevel.YELLOW
    entry = svc.change_incident_level(staff, nat.id, WarningLevel.RED, "升级为红色预警")
    assert entry.kind == EntryKind.WARNING_CHANGE and entry.data == {"from": "yellow", "to": "red"}
    assert "Red warning" in entry_text(entry) or "红色预警" in entry_text(entry)
    assert inc.get(lead, nat.id).summary.warning_level == WarningLevel.RED
    with pytest.raises(ValidationError):
        svc.change_incident_level(staff, nat.id, WarningLevel.RED)
    with pytest.raises(PermissionDenied):
        svc.change_incident_level(auditor, nat.id, WarningLevel.BLUE)
    assert audit_actions(ctx)[-1] == "incident.warning"
    assert inc.verify(lead).ok and ctx.services.ledger.verify(lead).ok


def test_the_dashboard_counts_severe_warnings_in_force_over_the_lists_statement(
    ctx: Any, staff: Any, lead: Any
) -> None:
    from branchguard.core.early_warnings.types import WarningFilter

    svc = ctx.services.warnings
    red = svc.add(staff, a_warning(WarningLevel.RED))
    svc.add(staff, a_warning(WarningLevel.ORANGE))
    svc.add(staff, a_warning(WarningLevel.YELLOW))
    svc.lift(staff, red.id)
    figure = ctx.services.dashboard.dashboard(lead).figure("warnings_severe")
    assert figure.value == 1 == len(svc.list(lead, figure.target.filter))
    assert figure.target.page == "warnings" and figure.target.filter == WarningFilter(True, True)


def test_the_quote_of_a_warning_reads_in_the_readers_language(ctx: Any, staff: Any, lead: Any) -> None:
    from branchguard.core.early_warnings.rules import quote
    from branchguard.core.incidents.text import entry_text
    from branchguard.core.kernel.i18n import set_language

    warning = ctx.services.warnings.add(staff, a_warning(WarningLevel.RED), start=True)
    entries = ctx.services.incidents.get(lead, warning.incident_id).entries
    said = next(e for e in entries if e.kind == EntryKind.OBSERVATION)
    try:
        set_language("en")
        english = entry_text(said)
        set_language("zh_CN")
        chinese = entry_text(said)
    finally:
        set_language("zh_CN")
    assert english == quote(warning, "en") and chinese == quote(warning, "zh_CN") and english != chinese
    assert "市气象台发布暴雨红色预警信号" in english  # the warning's own words are quoted as received


def test_a_warning_level_changed_from_two_pcs_at_once_changes_once(
    ctx: Any, staff: Any, lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other PC's same change, made between this call's read and its write, meets the usual
    refusal (the incident is locked and read fresh, db/locks.py): no second 'yellow → red'."""
    from branchguard.core.incidents import log as incident_log
    from tests.interleave_support import rival_before

    svc = ctx.services.warnings
    nat = ctx.services.incidents.start(staff, "NAT", warning=WarningLevel.YELLOW)
    rival = lambda: svc.change_incident_level(lead, nat.id, WarningLevel.RED, "other PC")  # noqa: E731
    with rival_before(ctx, monkeypatch, incident_log, "append", ("incidents", nat.id), rival) as outcome:
        svc.change_incident_level(staff, nat.id, WarningLevel.RED, "升级")
    (refused,) = outcome
    assert isinstance(refused, ValidationError) and refused.reason_message.key == "incident.same_warning"
    entries = ctx.services.incidents.get(lead, nat.id).entries
    changes = [e for e in entries if e.kind == EntryKind.WARNING_CHANGE]
    assert [e.data for e in changes] == [{"from": "yellow", "to": "red"}]

"""A warning that joins the natural-disaster plan's open incident (`apply_to_open`: NAT open, a
warning comes; one emergency, one log): the incident's log quotes it as the start's entry does, its
level is raised only to a higher one (a milder warning never lowers it), and the warning's own
history records that it joined that incident (APPLIED), all in one transaction, audited and
ledgered; it then shows that incident and starts none of its own."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from branchguard.core.early_warnings.service import RecordedPlanOpen
from branchguard.core.early_warnings.types import WarningEventKind, WarningLevel
from branchguard.core.incidents.types import SAID, EntryKind
from branchguard.core.kernel.errors import ValidationError
from tests.core.early_warnings.test_early_warnings import a_warning, audit_actions


def _ledgered_events(ctx: Any) -> int:
    with ctx.engine.connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM ledger_entries WHERE entity = 'early_warning_event'")
        ).scalar()
    return int(found or 0)


def _entries_after(ctx: Any, lead: Any, incident_id: int, seen: int) -> list[Any]:
    return list(ctx.services.incidents.get(lead, incident_id).entries)[seen:]


def test_a_higher_warning_joins_the_open_incident_quoted_and_raises_it(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = svc.add(staff, a_warning(WarningLevel.YELLOW), start=True).incident_id
    with pytest.raises(RecordedPlanOpen) as err:
        svc.add(staff, a_warning(WarningLevel.ORANGE), start=True)
    orange = err.value.warning
    before, ledgered = audit_actions(ctx), _ledgered_events(ctx)
    seen = len(ctx.services.incidents.get(lead, nat).entries)

    summary = svc.apply_to_open(lead, orange.id, nat)

    assert summary.id == nat and summary.warning_level == WarningLevel.ORANGE
    quoted, change = _entries_after(ctx, lead, nat, seen)
    assert quoted.kind == EntryKind.OBSERVATION and quoted.data[SAID]["key"] == "warning.quote"
    assert change.kind == EntryKind.WARNING_CHANGE and change.data == {"from": "yellow", "to": "orange"}
    applied = svc.get(lead, orange.id)
    assert applied.incident_id == nat and applied.active  # joined, still in force
    (event,) = applied.events
    assert (event.kind, event.incident_id, event.actor) == (WarningEventKind.APPLIED, nat, "lead")
    assert event.kind.label != event.kind.value  # labelled in the catalogue
    assert audit_actions(ctx) == [*before, "incident.warning", "warning.record"]
    assert _ledgered_events(ctx) == ledgered + 1
    with pytest.raises(ValidationError) as again:
        svc.start_preparation(lead, orange.id, despite_open=True)
    assert again.value.reason_message.key == "warning.applied_already"
    assert again.value.reason_message.params["incident"] == nat
    assert ctx.services.ledger.verify(lead).ok


def test_a_milder_warning_joins_without_lowering_the_incident(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.ORANGE).id
    blue = svc.add(staff, a_warning(WarningLevel.BLUE))
    before = audit_actions(ctx)
    seen = len(ctx.services.incidents.get(lead, nat).entries)

    summary = svc.apply_to_open(staff, blue.id, nat)

    assert summary.warning_level == WarningLevel.ORANGE  # never lowered by a milder warning
    (quoted,) = _entries_after(ctx, lead, nat, seen)  # logged there, no level change
    assert quoted.kind == EntryKind.OBSERVATION and "暴雨红色预警信号" in quoted.text
    assert svc.get(lead, blue.id).incident_id == nat
    assert audit_actions(ctx) == [*before, "warning.record"]
    assert ctx.services.ledger.verify(lead).ok


def test_a_warning_at_the_level_another_pc_set_first_is_linked_and_logged(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW).id
    orange = svc.add(staff, a_warning(WarningLevel.ORANGE))
    svc.change_incident_level(lead, nat, WarningLevel.ORANGE, "other PC")  # the second PC, first
    seen = len(ctx.services.incidents.get(lead, nat).entries)

    assert svc.apply_to_open(staff, orange.id, nat).warning_level == WarningLevel.ORANGE

    assert [e.kind for e in _entries_after(ctx, lead, nat, seen)] == [EntryKind.OBSERVATION]
    assert svc.get(lead, orange.id).events[0].kind == WarningEventKind.APPLIED


def test_a_warning_joins_one_incident_once_and_only_a_weather_one(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW).id
    fire = ctx.services.incidents.start(lead, "FIRE").id
    orange = svc.add(staff, a_warning(WarningLevel.ORANGE))
    before = audit_actions(ctx)
    with pytest.raises(ValidationError) as err:
        svc.apply_to_open(lead, orange.id, fire)
    assert err.value.reason_message.key == "incident.warning_not_weather"
    assert audit_actions(ctx) == before and svc.get(lead, orange.id).events == ()

    drill = ctx.services.incidents.start(lead, "NAT", drill=True, warning=WarningLevel.BLUE).id
    before = audit_actions(ctx)
    with pytest.raises(ValidationError) as err:  # a real warning is no drill's: it could not start NAT
        svc.apply_to_open(lead, orange.id, drill)
    assert err.value.reason_message.key == "warning.apply_to_drill"
    assert audit_actions(ctx) == before and svc.get(lead, orange.id).events == ()

    svc.apply_to_open(lead, orange.id, nat)
    with pytest.raises(ValidationError) as err:  # in that incident already: not applied twice
        svc.apply_to_open(lead, orange.id, nat)
    assert err.value.reason_message.key == "warning.applied_already"
    assert len(svc.get(lead, orange.id).events) == 1

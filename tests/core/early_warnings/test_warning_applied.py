"""A warning whose level is applied to the natural-disaster plan's open incident (NAT at yellow, an
orange typhoon warning comes; the level is raised there instead of a second incident started):
the warning's own history records that it joined that incident (APPLIED), in the level change's
transaction, audited and ledgered; it then shows that incident and starts none of its own."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from branchguard.core.early_warnings.service import RecordedPlanOpen
from branchguard.core.early_warnings.types import WarningEventKind, WarningLevel
from branchguard.core.kernel.errors import ValidationError
from tests.core.early_warnings.test_early_warnings import a_warning, audit_actions


def _ledgered_events(ctx: Any) -> int:
    with ctx.engine.connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM ledger_entries WHERE entity = 'early_warning_event'")
        ).scalar()
    return int(found or 0)


def test_applying_a_warning_to_the_open_incident_records_it_joined_there(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = svc.add(staff, a_warning(WarningLevel.YELLOW), start=True).incident_id
    with pytest.raises(RecordedPlanOpen) as err:
        svc.add(staff, a_warning(WarningLevel.ORANGE), start=True)
    orange = err.value.warning
    before, ledgered = audit_actions(ctx), _ledgered_events(ctx)

    svc.change_incident_level(lead, nat, WarningLevel.ORANGE, "台风橙色", warning_id=orange.id)

    applied = svc.get(lead, orange.id)
    assert applied.incident_id == nat and applied.active  # joined, still in force
    (event,) = applied.events
    assert (event.kind, event.incident_id, event.actor) == (WarningEventKind.APPLIED, nat, "lead")
    assert event.kind.label != event.kind.value  # labelled in the catalogue
    assert audit_actions(ctx) == [*before, "incident.warning", "warning.record"]
    assert _ledgered_events(ctx) == ledgered + 1
    assert ctx.services.warnings.list(lead, active_only=True)[0].id == orange.id
    with pytest.raises(ValidationError) as again:
        svc.start_preparation(lead, orange.id, despite_open=True)
    assert again.value.reason_message.key == "warning.applied_already"
    assert again.value.reason_message.params["incident"] == nat
    assert ctx.services.ledger.verify(lead).ok


def test_a_warning_is_applied_only_at_its_own_level_and_only_once(ctx, staff, lead) -> None:
    svc = ctx.services.warnings
    nat = ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW).id
    orange = svc.add(staff, a_warning(WarningLevel.ORANGE))
    before = audit_actions(ctx)
    with pytest.raises(ValidationError) as err:  # red is not what the orange warning says
        svc.change_incident_level(lead, nat, WarningLevel.RED, warning_id=orange.id)
    assert err.value.reason_message.key == "warning.level_not_its"
    assert audit_actions(ctx) == before and svc.get(lead, orange.id).events == ()
    assert ctx.services.incidents.get(lead, nat).summary.warning_level == WarningLevel.YELLOW

    svc.change_incident_level(lead, nat, WarningLevel.ORANGE, warning_id=orange.id)
    svc.change_incident_level(lead, nat, WarningLevel.YELLOW)
    with pytest.raises(ValidationError) as err:  # in that incident already: not applied twice
        svc.change_incident_level(lead, nat, WarningLevel.ORANGE, warning_id=orange.id)
    assert err.value.reason_message.key == "warning.applied_already"
    assert len(svc.get(lead, orange.id).events) == 1

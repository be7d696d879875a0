"""The start-up probe answers "is any incident open?" exactly as the incident service does."""

from __future__ import annotations

from branchguard.core.incidents import probe as incident_probe
from branchguard.core.incidents.types import CloseInput, IncidentStatus
from branchguard.core.kernel.types import Level


def test_probe_uses_the_open_status_value() -> None:
    assert IncidentStatus.OPEN.value == incident_probe.OPEN


def test_probe_follows_start_and_close(ctx, lead, auditor) -> None:
    probe, incidents = ctx.services.incident_probe, ctx.services.incidents
    assert probe.any_open(auditor) is False and probe.any_open_before_login() is False
    started = incidents.start(lead, None, Level.III, title="营业厅停电")
    assert probe.any_open(auditor) is True and probe.any_open_before_login() is True
    assert [i.id for i in incidents.open_incidents(auditor)] == [started.id]
    incidents.close(lead, started.id, CloseInput(outcome="恢复供电"))
    assert probe.any_open(auditor) is False and probe.any_open_before_login() is False
    assert incidents.open_incidents(auditor) == []

"""This PC's clock off the database server's, as the start measures it (core/audit/server_clock.py):
the test's cluster runs on this machine, on the same clock, so the PC's is shifted instead (its
`utcnow`, the one clock the measure reads), never slept for; and the audit events it leaves."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.audit import server_clock
from branchguard.db.models.foundation import AuditEventRow

BEHIND = timedelta(minutes=-7)  # the back-office PC of the brief: 7 minutes behind


def shift_pc_clock(monkeypatch: pytest.MonkeyPatch, shift: timedelta) -> None:
    """This PC's clock, as the measure reads it, `shift` off the real one (the server's)."""
    real = server_clock.utcnow
    monkeypatch.setattr(server_clock, "utcnow", lambda: real() + shift)


def clock_events(ctx: Any) -> list[AuditEventRow]:
    """The audit events that say this PC's clock was off the server's, oldest first."""
    with ctx.sessions() as s:
        query = select(AuditEventRow).where(AuditEventRow.action == "user.pc_clock_off")
        return list(s.scalars(query.order_by(AuditEventRow.id)))

"""Another PC's change of the same record saved first (a broken unique or foreign-key constraint) is
a fault worded by the one classification the command line and the window share, on SQLite and
PostgreSQL: the window once showed a crash box "unexpected error (IntegrityError)" for it, where
the command line alone had its own special case."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from branchguard.core.faults.rules import classify
from branchguard.core.faults.types import Fault, FaultKind
from branchguard.core.kernel.i18n import t
from branchguard.db.models.playbooks import PlaybookRow


def _second_plan_of_one_code(ctx) -> IntegrityError:
    """The database's own refusal: a plan code that another PC has just taken."""
    with pytest.raises(IntegrityError) as refused, ctx.sessions.begin() as s:
        s.add(PlaybookRow(code="FIRE", builtin=False))
    return refused.value


def test_a_broken_constraint_is_the_conflict_fault(ctx) -> None:
    exc = _second_plan_of_one_code(ctx)
    assert classify(exc) is FaultKind.CONFLICT
    fault = ctx.explain(exc)
    assert isinstance(fault, Fault) and fault.kind is FaultKind.CONFLICT
    assert fault.message == t("fault.conflict") and "IntegrityError" not in fault.message

"""The branch settings: a save from a form that showed an older record is refused, not written over
a change made elsewhere (another PC set the login lockout policy)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from branchguard.context import AppContext
from branchguard.core.branch.types import BranchInfo
from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import Actor


def _save_address(ctx: AppContext, lead: Actor, shown: BranchInfo, opened: BranchInfo | None) -> BranchInfo:
    """The form's save: every field as `shown`, the address changed."""
    return ctx.services.branch.update(
        lead,
        name=shown.name,
        code=shown.code,
        address="城东区建设路 90 号",
        lockout_threshold=shown.lockout_threshold,
        lockout_minutes=shown.lockout_minutes,
        opened=opened,
    )


def _address_and_lockout(info: BranchInfo) -> tuple[str, int, int]:
    return info.address, info.lockout_threshold, info.lockout_minutes


def _other_pc_sets_the_lockout(ctx: AppContext, lead: Actor, shown: BranchInfo) -> None:
    ctx.services.branch.update(
        lead, name=shown.name, code=shown.code, address=shown.address, lockout_threshold=3, lockout_minutes=60
    )


def test_a_form_opened_before_another_change_is_refused_and_writes_nothing(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    shown = ctx.services.branch.get()
    assert shown is not None and (shown.lockout_threshold, shown.lockout_minutes) != (3, 60)
    _other_pc_sets_the_lockout(ctx, lead, shown)
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:
        _save_address(ctx, lead, shown, opened=shown)
    assert snapshot() == before  # nor an audit event
    assert refused.value.text("en").startswith("Branch was changed by someone else")
    now = ctx.services.branch.get()
    assert now is not None and _address_and_lockout(now) == (shown.address, 3, 60)


def test_a_form_that_shows_the_record_as_stored_saves(ctx: AppContext, lead: Actor) -> None:
    shown = ctx.services.branch.get()
    assert shown is not None
    saved = _save_address(ctx, lead, shown, opened=shown)
    assert saved == replace(shown, address="城东区建设路 90 号") == ctx.services.branch.get()


def test_without_a_form_the_values_given_are_saved(ctx: AppContext, lead: Actor) -> None:
    """The command line and the first-run set-up name every value themselves: no comparison."""
    shown = ctx.services.branch.get()
    assert shown is not None
    _other_pc_sets_the_lockout(ctx, lead, shown)
    saved = _save_address(ctx, lead, shown, opened=None)
    assert (saved.address, saved.lockout_threshold) == ("城东区建设路 90 号", shown.lockout_threshold)

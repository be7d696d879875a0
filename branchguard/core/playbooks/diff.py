"""Differences between two versions of a plan: changed fields, and steps added, removed, changed."""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields

from branchguard.core.playbooks.types import PlanContent, Step


class Change(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True)
class FieldChange:
    name: str  # PlanContent field name, e.g. "title" or "levels"
    old: object
    new: object


@dataclass(frozen=True)
class StepChange:
    change: Change
    old_number: int | None  # 1-based position in the old version
    new_number: int | None
    old: Step | None
    new: Step | None
    fields: tuple[str, ...] = ()  # which Step fields differ, for CHANGED
    moved: bool = False


@dataclass(frozen=True)
class VersionDiff:
    fields: tuple[FieldChange, ...]
    steps: tuple[StepChange, ...]

    @property
    def is_empty(self) -> bool:
        return not self.fields and all(s.change == Change.SAME and not s.moved for s in self.steps)

    def count(self, change: Change) -> int:
        return sum(1 for s in self.steps if s.change == change)


_STEP_FIELDS = tuple(f.name for f in fields(Step) if f.name != "key")
_PLAN_FIELDS = tuple(f.name for f in fields(PlanContent) if f.name not in ("code", "steps"))


def diff_versions(old: PlanContent, new: PlanContent) -> VersionDiff:
    """Steps are matched by their key, which survives edits and reordering."""
    field_changes = tuple(
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in _PLAN_FIELDS
        if getattr(old, name) != getattr(new, name)
    )
    old_by_key = {s.key: (i + 1, s) for i, s in enumerate(old.steps)}
    new_keys = {s.key for s in new.steps}
    # Relative order of the steps both versions share, to tell a real move from a shift.
    shared_old_order = [s.key for s in old.steps if s.key in new_keys]
    shared_new_order = [s.key for s in new.steps if s.key in old_by_key]
    changes: list[StepChange] = []
    removed = [(n, s) for n, s in old_by_key.values() if s.key not in new_keys]
    for i, step in enumerate(new.steps):
        if step.key not in old_by_key:
            changes.append(StepChange(Change.ADDED, None, i + 1, None, step))
            continue
        old_number, old_step = old_by_key[step.key]
        differing = tuple(name for name in _STEP_FIELDS if getattr(old_step, name) != getattr(step, name))
        moved = shared_old_order.index(step.key) != shared_new_order.index(step.key)
        kind = Change.CHANGED if differing else Change.SAME
        changes.append(StepChange(kind, old_number, i + 1, old_step, step, differing, moved))
    for number, step in removed:
        # Show a removed step just after the step that preceded it in the old version.
        at = next(
            (j + 1 for j, c in enumerate(changes) if c.old_number is not None and c.old_number == number - 1),
            0 if number == 1 else len(changes),
        )
        changes.insert(at, StepChange(Change.REMOVED, number, None, step, None))
    return VersionDiff(field_changes, tuple(changes))

"""Titles the program made for a record's schedules, given the record's new name when a new version
of it is put in force (a checklist's name, a plan's title): see titles.renamed for which titles."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select
from sqlalchemy.orm import Session

from branchguard.core.audit.service import record
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.schedules.titles import renamed
from branchguard.db.base import utcnow
from branchguard.db.models.schedules import ScheduleRow

SCHEDULE_TITLE = 200  # schedules.title, String(200), as ScheduleService checks a typed one


def rename_made_titles(
    s: Session,
    actor: Actor,
    schedules: Select[tuple[ScheduleRow]],
    key: str,
    field: str,
    names: Iterable[Text2],
    new: Text2,
) -> int:
    """The `schedules` whose title is the message `key` made with one of `names` (the record's
    versions' names) other than `new` in its `field` are titled after `new`, in the language each
    was written in, each change audited; a title the lead typed is theirs and stays. How many were
    renamed: the caller tells the schedules' listeners after its commit."""
    old = set(names) - {new}
    if not old:
        return 0
    count = 0
    for sched in s.scalars(schedules.order_by(ScheduleRow.id)):
        title = renamed(sched.title, key, field, old, new)
        if title is None:
            continue
        title = title[:SCHEDULE_TITLE]  # a 200-character name does not fit behind "检查："
        before, after = {"title": sched.title}, {"title": title}
        record(s, actor, "schedule.update", "schedule", sched.id, before=before, after=after)
        sched.title, sched.updated_at = title, utcnow()
        count += 1
    return count

"""The team check as an incident starts: one log entry, right after the start, naming who holds each
of the plan's roles and every role whose holder is unassigned, absent, or lacks a needed training
(or holds only an expired certificate). Hash-chained like every entry; the console, follow mode and
the report read the holders from it, so they show the team as it stood, not as it is today."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import store as incident_store
from branchguard.core.incidents.types import EntryKind, LogEntry
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.team import store as team_store
from branchguard.core.team.library import kind_name
from branchguard.db.models.incidents import IncidentRow


def append(s: Session, row: IncidentRow, actor: Actor) -> LogEntry | None:
    """The check's entry for an incident from a plan, when the branch keeps a roster."""
    steps, _version = incident_store.plan_steps(s, row.playbook_version_id)
    roles = {step.role: step.role_name or team_store.role_name(step.role) for step in steps if step.role}
    if not roles:
        return None
    data = team_store.start_check(s, roles, row.started_at.astimezone().date())
    if data is None:
        return None
    body = check_text(data, "zh_CN")
    return incident_log.append(s, row.id, actor.username, EntryKind.TEAM, body, data=data, at=row.started_at)


def gap_text(gap: Mapping[str, Any], lang: str | None = None) -> str:
    role = Text2(str(gap.get("zh", "")), str(gap.get("en", ""))).translated(lang) or str(gap.get("role", ""))
    kind = kind_name(str(gap.get("kind", ""))).translated(lang)
    return t(
        f"team.gap.{gap.get('gap', 'unassigned')}", lang, role=role, person=gap.get("person", ""), kind=kind
    )


def check_text(data: Mapping[str, Any], lang: str | None = None) -> str:
    """The entry's words, built from its data in the language shown."""
    gaps: Sequence[Mapping[str, Any]] = data.get("gaps") or ()
    if not gaps:
        return t("team.check.ok", lang, n=len(data.get("roles") or ()))
    return t("team.check.gaps", lang, gaps=t("team.gap_sep", lang).join(gap_text(g, lang) for g in gaps))

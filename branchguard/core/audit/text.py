"""How an audit event reads, the same in the window and on the command line: its action, record
kind and fields by their catalogue names, enum codes by their labels, and a summary the trail
wrote itself ("severity: major → general") worded again in the reader's language.

A summary a service wrote on purpose (a playbook's "v3") is not a before → after line and shows as
stored; so does a value this version does not know. One it wrote as a message (`saying`) is worded
in the reader's language, an instant among its parameters (a lock's end) in this PC's local time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime

from branchguard.core.audit.service import describe_change
from branchguard.core.audit.types import AuditRecord
from branchguard.core.complaints.types import ComplaintChannel, ComplaintKind, ComplaintStatus
from branchguard.core.drills.types import DrillMode, DrillScope, DrillStatus
from branchguard.core.early_warnings.types import WarningEventKind
from branchguard.core.hazards.types import HazardSeverity, HazardSource, HazardStatus, RemediationKind
from branchguard.core.incidents.types import IncidentStatus
from branchguard.core.inspections.types import Cadence, InspectionStatus, ItemResult, SignatureRole
from branchguard.core.kernel.i18n import has_message, t, worded
from branchguard.core.kernel.types import LabelledEnum, Level, PlaybookStatus, Role
from branchguard.core.ledger.recording import SYSTEM
from branchguard.core.people.types import BranchRole, ContactKind
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.core.schedules.types import ScheduleKind, WorkingDayPolicy

# Stored values that are enum codes, by field name wherever they appear ...
ENUM_FIELDS: dict[str, type[LabelledEnum]] = {
    "branch_role": BranchRole,
    "role": Role,
    "level": Level,
    "severity": HazardSeverity,
    "tier": PlanTier,
    "category": IncidentCategory,
    "scope": DrillScope,
    "mode": DrillMode,
    "cadence": Cadence,
    "working_days": WorkingDayPolicy,
    "channel": ComplaintChannel,
    "source": HazardSource,
    "result": ItemResult,
    "remediation": RemediationKind,
}
# ... and those whose meaning depends on the record: (entity, field).
ENTITY_ENUM_FIELDS: dict[tuple[str, str], type[LabelledEnum]] = {
    ("hazard", "status"): HazardStatus,
    ("hazard", "kind"): RemediationKind,  # a remediation step's (hazard.step)
    ("complaint", "status"): ComplaintStatus,
    ("complaint", "kind"): ComplaintKind,
    ("drill_plan", "status"): DrillStatus,
    ("incident", "status"): IncidentStatus,
    ("inspection", "status"): InspectionStatus,
    ("inspection", "role"): SignatureRole,  # who signed (inspection.sign)
    ("inspection", "from"): ItemResult,  # an amendment's result before and after
    ("inspection", "to"): ItemResult,
    ("early_warning", "event"): WarningEventKind,
    ("playbook", "status"): PlaybookStatus,
    ("inspection_template", "status"): PlaybookStatus,
    ("schedule", "kind"): ScheduleKind,
    ("contact", "kind"): ContactKind,
}


def catalogue_text(key: str, fallback: str) -> str:
    """The catalogue's text for `key` when there is one, else `fallback` as stored."""
    return t(key) if has_message(key) else fallback


def actor_text(login: str) -> str:
    """Who did it: the login, or BranchGuard's own words for what it did itself ("system")."""
    return t("audit.actor.system") if login == SYSTEM else login


def action_text(action: str) -> str:
    return catalogue_text(f"action.{action}", action)


def entity_text(entity: str) -> str:
    return catalogue_text(f"entity.{entity}", entity)


def field_text(name: str, entity: str = "") -> str:
    """The field's name, the record kind's own where it has one (a complaint's `category` is its
    投诉类别, not an incident's 事件类别)."""
    if entity and has_message(f"field.{entity}_{name}"):
        return t(f"field.{entity}_{name}")
    return catalogue_text(f"field.{name}", name)


# An instant as the trail stores it: str() or isoformat() of an aware datetime.
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)")


def value_text(name: str, value: object, entity: str = "") -> str:
    """A stored value as the reader says it: yes/no, a list item by item, an enum code by its label,
    an instant in this PC's local time to the minute ("2026-12-04T23:59:59+00:00" read as stored),
    else as stored."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("audit.yes") if value else t("audit.no")
    if isinstance(value, list):  # items one by one ("[2, 5]", "[]" were shown as stored)
        return t("audit.item_sep").join(value_text(name, item, entity) for item in value)
    if isinstance(value, str) and _INSTANT.fullmatch(value):
        return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
    kind = ENTITY_ENUM_FIELDS.get((entity, name)) or ENUM_FIELDS.get(name)
    if kind is not None and isinstance(value, str):
        try:
            return kind(value).label
        except ValueError:
            return value  # a code this version no longer knows: shown as stored
    return str(value)


def summary_text(record: AuditRecord) -> str:
    """The event's summary in the reader's language when the trail wrote it from the change
    (`describe_change`) or a service wrote it as a message key (`saying`); any other as stored."""
    if record.summary.startswith("{"):
        try:
            said = worded(_local_instants(json.loads(record.summary)))
        except ValueError:
            said = None
        return record.summary if said is None else said
    if not record.summary or record.summary != describe_change(record.before, record.after):
        return record.summary
    return change_text(record.before, record.after, record.entity)


def _local_instants(said: object) -> object:
    """What `saying` stored with each parameter that is an instant (stored as UTC, isoformat) put in
    this PC's local time to the second: an auditor in Beijing reads a lock's end as the clock on the
    wall said it, not eight hours early."""
    if not isinstance(said, Mapping) or not isinstance(params := said.get("params"), Mapping):
        return said
    local = {
        name: datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, str) and _INSTANT.fullmatch(value)
        else value
        for name, value in params.items()
    }
    return {**said, "params": local}


def change_text(before: Mapping[str, object], after: Mapping[str, object], entity: str = "") -> str:
    """What `describe_change` says, worded: fields by name, values by label."""
    if before and after:
        return t("audit.sep").join(
            t(
                "audit.change",
                field=field_text(k, entity),
                before=value_text(k, before.get(k), entity),
                after=value_text(k, after.get(k), entity),
            )
            for k in after
            if before.get(k) != after.get(k)
        )
    values = after or before
    return t("audit.list_sep").join(
        t("audit.value", field=field_text(k, entity), value=value_text(k, v, entity))
        for k, v in values.items()
        if v not in ("", None, [])
    )

"""The audit trail reads in the reader's language: every action and kind of record the code
records has a label, fields and enum values are worded, and a summary the trail wrote itself is
worded again (the Chinese audit page showed `schedule.add` and `major → general`)."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from branchguard.context import open_context
from branchguard.core.audit.service import AuditFilter, describe_change
from branchguard.core.audit.text import action_text, entity_text, field_text, summary_text, value_text
from branchguard.core.audit.types import AuditRecord
from branchguard.core.early_warnings.types import WarningEventKind
from branchguard.core.hazards.types import RemediationKind
from branchguard.core.inspections.types import ItemResult, SignatureRole
from branchguard.core.kernel.i18n import has_message, set_language
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.db.models.foundation import AuditEventRow
from tests import source_trees

PACKAGE = Path(__file__).resolve().parents[3] / "branchguard"
# Actions and kinds recorded through a variable: their values, by where they are written.
DYNAMIC_ACTIONS = {"schedule.done", "schedule.skipped", "drill.criteria", "drill.rule"}
DYNAMIC_ENTITIES = {"drill_criteria_set", "drill_compliance_rule"}


def _recorded() -> tuple[set[str], set[str]]:
    actions, entities = set(DYNAMIC_ACTIONS), set(DYNAMIC_ENTITIES)
    for path in source_trees.module_paths():
        if "migrations" in path.parts or "demo" in path.parts:
            continue
        for node in ast.walk(source_trees.tree(path)):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "record"
            ):
                args = node.args
                if len(args) >= 4 and isinstance(args[2], ast.Constant) and isinstance(args[3], ast.Constant):
                    actions.add(args[2].value)
                    entities.add(args[3].value)
    return actions, entities


def test_every_recorded_action_and_kind_of_record_and_every_role_action_has_a_label() -> None:
    actions, entities = _recorded()
    assert len(actions) > 40 and len(entities) > 20  # the scan sees the trail's calls
    actions |= set(ROLE_TABLE)
    assert sorted(a for a in actions if not has_message(f"action.{a}")) == []
    assert sorted(e for e in entities if not has_message(f"entity.{e}")) == []


def _event(
    action: str, entity: str, before: dict[str, object], after: dict[str, object], summary: str = ""
) -> AuditRecord:
    return AuditRecord(
        1, datetime(2026, 12, 5, tzinfo=UTC), "lead", action, entity, "7",
        summary or describe_change(before, after), before, after,
    )  # fmt: skip


def test_a_downgrade_reads_in_chinese_and_in_english() -> None:
    event = _event("hazard.update", "hazard", {"severity": "major"}, {"severity": "general"})
    assert event.summary == "severity: major → general"  # as stored, in no language
    try:
        set_language("zh_CN")
        assert action_text("schedule.add") == "新增计划" and entity_text("hazard") == "隐患"
        chinese = summary_text(event)
        assert "major" not in chinese and "重大" in chinese and "一般" in chinese
        set_language("en")
        english = summary_text(event)
        assert english.startswith("Severity") and "Major" in english and "General" in english
        assert value_text("announced", True) == "Yes"
        # a hazard's remediation step by its kind's name (类别：interim_control was shown)
        assert value_text("kind", "interim_control", "hazard") == RemediationKind.INTERIM_CONTROL.label
    finally:
        set_language("zh_CN")


def test_a_summary_given_on_purpose_or_an_unknown_code_shows_as_stored() -> None:
    given = _event("playbook.approve", "playbook", {}, {"status": "approved"}, summary="v3")
    assert summary_text(given) == "v3"
    unknown = _event("hazard.update", "hazard", {"severity": "major"}, {"severity": "catastrophic"})
    assert "catastrophic" in summary_text(unknown)


def test_a_summary_written_as_a_message_reads_in_the_readers_language(ctx, lead) -> None:
    user = ctx.services.auth.user_by_name("staff")
    ctx.services.auth.set_password(lead, user.id, "a-new-password-2026")
    event = ctx.services.audit.list(lead, AuditFilter(action_prefix="user.update"))[0]
    try:
        set_language("en")
        assert summary_text(event) == "password changed"
        set_language("zh_CN")
        assert summary_text(event) == "密码已更改"
    finally:
        set_language("zh_CN")
    broken = _event("user.update", "user", {}, {}, summary='{"key": "no.such.key"}')
    assert summary_text(broken) == '{"key": "no.such.key"}'  # a key this version lacks: as stored


def test_every_field_the_demo_branch_writes_to_the_trail_has_a_name(records_data_dir: Path) -> None:
    """The demo's records (complaints, drills, schedules, hazards, inspections…) through their own
    services: each field their events name is worded ("status", "channel", "start_at" once showed
    as stored in the Chinese trail)."""
    ctx = open_context(records_data_dir)
    try:
        with ctx.sessions() as s:
            events = s.execute(select(AuditEventRow.entity, AuditEventRow.before, AuditEventRow.after)).all()
    finally:
        ctx.close()
    named = {(entity, k) for entity, before, after in events for k in {**(before or {}), **(after or {})}}
    assert len(named) > 40
    assert sorted(f"{e}.{k}" for e, k in named if field_text(k, e) == k) == []


def test_an_instant_reads_in_local_time_and_a_value_line_as_the_language_writes_it() -> None:
    due = datetime(2026, 12, 4, 15, 59, 59, tzinfo=UTC)
    local = due.astimezone().strftime("%Y-%m-%d %H:%M")
    assert value_text("due_at", due.isoformat()) == local == value_text("due_at", str(due))
    assert value_text("code", "2026-12-04") == "2026-12-04"  # a day, or a naive time, as stored
    event = _event("complaint.register", "complaint", {}, {"channel": "counter", "due_at": str(due)})
    try:
        set_language("zh_CN")
        assert summary_text(event) == f"投诉渠道：柜面，到期时间：{local}"
        set_language("en")
        assert summary_text(event) == f"Channel: Counter, Due: {local}"
    finally:
        set_language("zh_CN")


def _fields_written() -> set[tuple[str, str]]:
    """(kind of record, field) of every before/after a `record` call writes as a dict literal."""
    named = set()
    for path in source_trees.module_paths():
        if "migrations" in path.parts or "demo" in path.parts:
            continue
        for node in ast.walk(source_trees.tree(path)):
            func = getattr(node, "func", None)
            if not isinstance(node, ast.Call) or getattr(func, "id", getattr(func, "attr", "")) != "record":
                continue
            if len(node.args) < 4 or not isinstance(entity := node.args[3], ast.Constant):
                continue
            for keyword in node.keywords:
                if keyword.arg in ("before", "after") and isinstance(keyword.value, ast.Dict):
                    keys = [k.value for k in keyword.value.keys if isinstance(k, ast.Constant)]
                    named |= {(entity.value, key) for key in keys}
    return named


def test_every_field_the_code_writes_to_the_trail_has_a_name() -> None:
    """Backups, restores, head-office packages and libraries are not in the demo: the Chinese
    trail showed "path：…，附件数：4，bytes：1807194，schema_revision：0026，pruned：[]"."""
    from branchguard.core.exchange.rules import KINDS

    named = _fields_written()
    assert len(named) > 50  # the scan sees the trail's calls
    named |= {("package", kind) for kind in (*KINDS, "ledger", "manifest", "unmasked")}  # **counts
    named |= {("library", kind) for kind in ("playbooks", "templates", "rules", "years")}  # **summary
    assert sorted(f"{e}.{k}" for e, k in named if field_text(k, e) == k) == []
    try:
        set_language("zh_CN")
        assert field_text("files", "backup") == "文件数"  # the archive's files, not attachments
        assert field_text("years", "library") != field_text("years")  # working-day years, not history
        # codes of these records by their labels ("角色：reviewer" was shown)
        assert value_text("role", "reviewer", "inspection") == SignatureRole.REVIEWER.label
        assert value_text("to", "fail", "inspection") == ItemResult.FAIL.label
        assert value_text("event", "lifted", "early_warning") == WarningEventKind.LIFTED.label
        # a list item by item, an empty one left out ("不合格项：[2, 5]", "删除的较早备份：[]")
        assert value_text("failed", [2, 5], "inspection") == "2、5"
        backup = _event("backup.create", "backup", {}, {"path": "/usb/b.zip", "files": 4, "pruned": []})
        assert summary_text(backup) == "备份文件：/usb/b.zip，文件数：4"
    finally:
        set_language("zh_CN")

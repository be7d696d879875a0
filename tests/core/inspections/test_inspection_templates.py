"""Checklist templates: the fifteen built-in bilingual templates, versioning like playbooks, the rules a
template must satisfy, and inspection schedules per template."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections import library as inspection_data
from branchguard.core.inspections.types import (
    Cadence,
    ItemCategory,
    TemplateContent,
    TemplateItem,
    TemplateParam,
    TemplateStatus,
)
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Text2
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind

# code -> (cadence, number of items): every row of DOMAIN.md's template table, every item.
BUILTIN = {
    "FIRE_DAILY": (Cadence.TWO_HOURLY, 7),
    "FIRE_MONTHLY": (Cadence.MONTHLY, 9),
    "ALARM": (Cadence.WEEKLY, 6),
    "CCTV": (Cadence.DAILY, 5),
    "SELF_SERVICE": (Cadence.DAILY, 6),
    "VAULT": (Cadence.DAILY, 5),
    "EXITS": (Cadence.WEEKLY, 4),
    "FIRST_AID": (Cadence.MONTHLY, 3),
    "POWER": (Cadence.MONTHLY, 3),
    # issue 18, item 14: the routines and checks the deck and the plans assume
    "OPENING": (Cadence.DAILY, 7),
    "CLOSING": (Cadence.DAILY, 8),
    "CIT": (Cadence.DAILY, 6),
    "PRE_HOLIDAY": (Cadence.BEFORE_HOLIDAYS, 8),
    "EQUIPMENT": (Cadence.MONTHLY, 8),
    "FIRE_SYSTEMS": (Cadence.YEARLY, 8),
}


def test_the_builtin_file_holds_fifteen_complete_bilingual_templates() -> None:
    templates = {tpl.code: tpl for tpl in inspection_data.load_builtin()}
    assert {code: (tpl.cadence, len(tpl.items)) for code, tpl in templates.items()} == BUILTIN
    for tpl in templates.values():
        assert tpl.name.zh and tpl.name.en and tpl.source
        for item in tpl.items:
            assert item.text.zh and item.text.en, (tpl.code, item.key)
            assert item.criterion.zh and item.criterion.en, (tpl.code, item.key)
    majors = {
        (code, i.key) for code, tpl in templates.items() for i in tpl.items if i.severity_on_fail == "major"
    }
    # a skimmer, a panic button not reaching the centre, dual control not observed: major
    assert {("SELF_SERVICE", "card_slot"), ("ALARM", "panic_buttons"), ("VAULT", "dual_control")} <= majors
    assert ("FIRST_AID", "contents") not in majors
    atm = templates["SELF_SERVICE"]
    assert "110" in atm.description.zh and "police" in atm.description.en
    tampering = {i.key: i.photo_required_on_fail for i in atm.items}
    assert (
        tampering["card_slot"] and tampering["keypad"] and tampering["pinhole_camera"]
    )  # evidence for police


def test_the_cctv_retention_threshold_is_a_setting_the_texts_use() -> None:
    cctv = next(t for t in inspection_data.load_builtin() if t.code == "CCTV")
    assert cctv.param("retention_days") == 30
    retention = next(i for i in cctv.items if i.key == "retention")
    assert cctv.render(retention.text) == Text2(
        "可调阅 30 天前的录像", "Footage from 30 days ago can be retrieved"
    )
    longer = replace(cctv, params=(replace(cctv.params[0], value=90),))
    assert "90" in longer.render(retention.criterion).en


def test_the_builtin_templates_load_into_a_new_database_once(ctx, lead) -> None:
    svc = ctx.services.inspections
    infos = svc.templates(lead)
    assert [i.code for i in infos] == list(BUILTIN)
    assert all(i.builtin and i.status == TemplateStatus.APPROVED and i.version == 1 for i in infos)
    assert inspection_data.seed_builtin(ctx.sessions) == 0  # a later start writes nothing
    assert len(svc.templates(lead)) == len(BUILTIN) >= 14


def test_the_file_scan_names_every_builtin_template() -> None:
    assert inspection_data.builtin_codes() == {tpl.code for tpl in inspection_data.load_builtin()}
    assert inspection_data.builtin_codes() == set(BUILTIN)


def test_a_database_with_every_builtin_code_is_not_parsed_again(ctx, lead, monkeypatch) -> None:
    ctx.services.inspections.templates(lead)  # seeded: every code is there

    def parse(_path: Path | None = None) -> list[TemplateContent]:
        raise AssertionError("the built-in file was parsed")

    monkeypatch.setattr(inspection_data, "load_builtin", parse)
    assert inspection_data.seed_builtin(ctx.sessions) == 0


def test_a_database_seeded_before_gains_the_new_checklists_and_keeps_its_edits(ctx, lead, tmp_path) -> None:
    import yaml

    svc = ctx.services.inspections
    svc.templates(lead)
    cctv = svc.template(lead, "CCTV")
    svc.save_draft(lead, replace(cctv.content, params=(replace(cctv.content.params[0], value=90),)))
    svc.approve(lead, "CCTV")
    raw = yaml.safe_load(inspection_data.templates_file().read_text(encoding="utf-8"))
    newer = [dict(raw["templates"][0], code="LATER")]  # a checklist added by a later release
    later = tmp_path / "templates.yaml"
    later.write_text(yaml.safe_dump({"templates": raw["templates"] + newer}, allow_unicode=True), "utf-8")
    assert inspection_data.seed_builtin(ctx.sessions, later) == 1
    assert [i.code for i in svc.templates(lead)][-1] == "LATER"
    assert svc.template(lead, "CCTV").content.param("retention_days") == 90  # the edit is kept


def test_the_routines_check_what_the_issue_asks(ctx, lead) -> None:
    templates = {tpl.code: tpl for tpl in inspection_data.load_builtin()}
    keys = {code: {i.key for i in tpl.items} for code, tpl in templates.items()}
    assert {"guard_on_post", "surroundings"} <= keys["OPENING"]
    assert {"vault_locked", "alarm_set"} <= keys["CLOSING"]
    assert {"protective_kit", "cordon", "sandbags"} <= keys["EQUIPMENT"]
    assert "art. 27" in templates["FIRE_SYSTEMS"].source
    assert "art. 25" in templates["FIRE_DAILY"].source and "2" in templates["FIRE_DAILY"].name.zh


def test_the_fire_patrol_is_scheduled_every_two_hours_while_open(ctx, lead) -> None:
    svc = ctx.services.inspections
    start = datetime(2026, 3, 2, 8, 0)  # a Monday
    sched = svc.schedule(lead, "FIRE_DAILY", Cadence.TWO_HOURLY, "张伟", start, "Asia/Shanghai")
    assert sched.lead_minutes == 15  # not a day ahead of each round
    from zoneinfo import ZoneInfo

    from branchguard.core.schedules import rules

    spec = rules.RuleSpec(sched.rule, sched.start_at, sched.timezone, sched.working_days)
    tz = ZoneInfo("Asia/Shanghai")
    day = [s.due_at.astimezone(tz) for s in rules.slots_between(
        spec, datetime(2026, 3, 2, tzinfo=tz), datetime(2026, 3, 3, tzinfo=tz)
    )]
    assert [(d.hour, d.minute) for d in day] == [(9, 0), (11, 0), (13, 0), (15, 0)]


def test_the_pre_holiday_check_falls_on_the_last_working_day_before_each_holiday(ctx, lead) -> None:
    from zoneinfo import ZoneInfo

    from branchguard.core.schedules import rules
    from branchguard.core.schedules.types import WorkingDayPolicy

    svc = ctx.services.inspections
    start = datetime(2025, 9, 1, 9, 0)
    sched = svc.schedule(lead, "PRE_HOLIDAY", Cadence.BEFORE_HOLIDAYS, "张伟", start, "Asia/Shanghai")
    assert sched.working_days == WorkingDayPolicy.BEFORE_HOLIDAY
    spec = rules.RuleSpec(sched.rule, sched.start_at, sched.timezone, sched.working_days)
    tz = ZoneInfo("Asia/Shanghai")
    days = [s.due_at.astimezone(tz).date().isoformat() for s in rules.slots_between(
        spec, datetime(2025, 9, 1, tzinfo=tz), datetime(2026, 1, 31, tzinfo=tz)
    )]
    # National Day and Mid-Autumn 2025 (1-8 Oct, after the make-up Sunday 28 Sep),
    # New Year 2026 (1-3 Jan).
    assert days == ["2025-09-30", "2025-12-31"]


def test_editing_makes_a_draft_and_approving_retires_the_old_version(ctx, lead, staff) -> None:
    svc = ctx.services.inspections
    v1 = svc.template(lead, "CCTV")
    edited = replace(v1.content, params=(replace(v1.content.params[0], value=90),))
    draft = svc.save_draft(lead, edited, note="总行要求保存 90 天")
    assert draft.info.number == 2 and draft.info.status == TemplateStatus.DRAFT
    again = svc.save_draft(lead, replace(edited, name=Text2("视频监控检查（新）", "CCTV (new)")))
    assert again.info.number == 2 and again.info.version_id == draft.info.version_id  # one draft
    assert svc.template(lead, "CCTV").content.param("retention_days") == 30  # approved unchanged
    assert svc.templates(lead)[3].has_draft
    with pytest.raises(PermissionDenied):
        svc.approve(staff, "CCTV")
    approved = svc.approve(lead, "CCTV")
    assert approved.info.status == TemplateStatus.APPROVED and approved.info.approved_by == "lead"
    history = svc.template_history(lead, "CCTV")
    assert [(v.info.number, v.info.status) for v in history] == [
        (2, TemplateStatus.APPROVED),
        (1, TemplateStatus.RETIRED),
    ]
    assert history[1].content == v1.content  # the old version never changed
    assert svc.template(lead, "CCTV", version=1).content.param("retention_days") == 30
    with pytest.raises(ValidationError, match="CCTV"):
        svc.approve(lead, "CCTV")  # no draft left


def test_a_new_template_and_discarding_its_draft(ctx, lead) -> None:
    svc = ctx.services.inspections
    content = TemplateContent(
        code="lobby",
        name=Text2("大堂巡查", "Lobby round"),
        cadence=Cadence.WEEKLY,
        items=(
            TemplateItem(
                "seats", Text2("等候区座椅完好", "Waiting seats sound"), ItemCategory.OTHER, Text2()
            ),
        ),
    )
    v = svc.save_draft(lead, content)
    assert v.content.code == "LOBBY" and not v.info.builtin
    with pytest.raises(ValidationError, match="LOBBY"):
        ctx.services.inspections.start(lead, "LOBBY")  # not approved yet
    svc.discard_draft(lead, "LOBBY")
    with pytest.raises(NotFound):
        svc.template(lead, "LOBBY")


def test_the_list_counts_the_items_of_each_templates_current_version(ctx, lead) -> None:
    """Approved, else the draft: a shorter draft of an approved template is not what the list
    counts; a new template's only draft is."""
    svc = ctx.services.inspections
    cctv = svc.template(lead, "CCTV").content
    assert len(cctv.items) > 1
    svc.save_draft(lead, replace(cctv, items=cctv.items[:1]))
    svc.save_draft(lead, replace(cctv, code="SHORT", items=cctv.items[:2]))
    listed = {info.code: info.item_count for info in svc.templates(lead)}
    assert listed["CCTV"] == len(cctv.items) and listed["SHORT"] == 2
    for info in svc.templates(lead):
        version = svc.template(lead, info.code, draft=info.status == TemplateStatus.DRAFT)
        assert info.item_count == len(version.content.items), info.code


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: replace(c, items=()), "检查项目"),
        (lambda c: replace(c, code="1 bad"), "编号"),
        (lambda c: replace(c, name=Text2()), "模板名称"),
        (lambda c: replace(c, items=(c.items[0], c.items[0])), "第 2 项"),
        (lambda c: replace(c, items=(replace(c.items[0], text=Text2("查 {days} 天", "")),)), "第 1 项"),
        (lambda c: replace(c, params=(TemplateParam("days", Text2("天数", "Days"), 0),)), "days"),
        (lambda c: replace(c, cadence="hourly"), "检查频次"),
        (lambda c: replace(c, items=(replace(c.items[0], severity_on_fail="fatal"),)), "隐患等级"),
    ],
)
def test_template_rules_name_the_field(ctx, lead, change, field: str) -> None:
    content = ctx.services.inspections.template(lead, "FIRST_AID").content
    with pytest.raises(ValidationError) as err:
        ctx.services.inspections.save_draft(lead, change(content))
    assert field in err.value.message


def test_schedules_per_template_come_from_the_engine(ctx, lead, staff) -> None:
    svc = ctx.services.inspections
    start = (datetime.now() + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    daily = svc.schedule(lead, "FIRE_DAILY", Cadence.DAILY, "李安全", start)
    quarterly = svc.schedule(lead, "POWER", Cadence.QUARTERLY, "王电工", start)
    assert daily.kind == ScheduleKind.INSPECTION and daily.owner == "李安全" and "DAILY" in daily.rule
    assert "INTERVAL=3" in quarterly.rule and quarterly.title.endswith("备用电源（UPS/发电机）检查")
    assert [s.id for s in svc.schedules(lead, "POWER")] == [quarterly.id]
    assert {s.id for s in svc.schedules(staff)} == {daily.id, quarterly.id}
    with pytest.raises(PermissionDenied):
        svc.schedule(staff, "POWER", Cadence.MONTHLY, "王电工", start)
    with pytest.raises(ValidationError, match="负责人"):
        svc.schedule(lead, "POWER", Cadence.MONTHLY, " ", start)
    with pytest.raises(NotFound):
        svc.template_for_schedule(lead, 9999)


def test_template_codes_reads_what_template_for_schedule_reads_each(ctx, lead, staff) -> None:
    svc = ctx.services.inspections
    start = (datetime.now() + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    svc.schedule(lead, "FIRE_DAILY", Cadence.DAILY, "李安全", start)
    svc.schedule(lead, "POWER", Cadence.QUARTERLY, "王电工", start)
    svc.schedule(lead, "POWER", Cadence.MONTHLY, "王电工", start)
    schedules = svc.schedules(staff)
    codes = svc.template_codes(staff, schedules)
    assert codes == {sc.id: svc.template_for_schedule(lead, sc.id) for sc in schedules}
    assert sorted(codes.values()) == ["FIRE_DAILY", "POWER", "POWER"]
    drill = ctx.services.schedules.add(lead, ScheduleInput("演练", start))  # no template behind it
    with pytest.raises(NotFound):
        svc.template_codes(lead, [*schedules, drill])


def test_an_edited_builtin_file_does_not_touch_a_branch_that_has_templates(ctx, lead, tmp_path: Path) -> None:
    ctx.services.inspections.templates(lead)
    other = tmp_path / "t.yaml"
    other.write_text("templates: []\n", encoding="utf-8")
    assert inspection_data.seed_builtin(ctx.sessions, other) == 0
    assert HazardSeverity.MAJOR in {
        i.severity_on_fail for i in ctx.services.inspections.template(lead, "VAULT").content.items
    }

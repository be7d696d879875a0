"""Playbook library service: drafts, approval, versions, diff, search, import; on both databases."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete, event

from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor, Level, PlaybookStatus, Text2
from branchguard.core.playbooks.diff import Change
from branchguard.core.playbooks.format import parse
from branchguard.core.playbooks.service import PlaybookFilter, PlaybookService
from branchguard.core.playbooks.types import ImportItem, IncidentCategory, Step
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow, StepRow
from tests.core.playbooks.playbook_samples import VALID_FILE, sample_plan


@pytest.fixture
def books(ctx) -> PlaybookService:
    """The service over an empty library: the built-in starter plans are removed first."""
    with ctx.engine.begin() as conn:
        conn.execute(delete(PlaybookRow))
    return ctx.services.playbooks


def test_a_new_database_holds_the_starter_library(ctx, lead) -> None:
    summaries = ctx.services.playbooks.list_playbooks(lead)
    assert len(summaries) == 30 and all(s.builtin for s in summaries)
    assert all(s.status == PlaybookStatus.APPROVED for s in summaries)
    assert ctx.services.playbooks.load_starter_library() == 0  # a second start adds nothing


def test_create_then_approve_then_edit_makes_a_new_draft(books, lead) -> None:
    created = books.create(lead, sample_plan())
    assert (created.info.number, created.info.status) == (1, PlaybookStatus.DRAFT)
    approved = books.approve(lead, "FIRE")
    assert approved.info.status == PlaybookStatus.APPROVED and approved.info.approved_by == "lead"

    edited = replace(sample_plan(), title=Text2("火灾疏散方案（修订）", "Fire and evacuation (rev.)"))
    draft = books.save_draft(lead, "FIRE", edited)
    assert (draft.info.number, draft.info.status) == (2, PlaybookStatus.DRAFT)
    # the approved version is untouched, and staff keep seeing it until the draft is approved
    assert books.get(lead, "FIRE").content.title.zh == "火灾与疏散现场处置方案"
    assert books.get(lead, "FIRE", prefer_draft=True).info.number == 2

    # saving again edits the same draft instead of piling up versions
    again = books.save_draft(lead, "FIRE", replace(edited, cautions=Text2("不要返回取物", "")))
    assert again.info.number == 2

    books.approve(lead, "FIRE")
    history = books.history(lead, "FIRE")
    assert [(v.info.number, v.info.status) for v in history] == [
        (2, PlaybookStatus.APPROVED),
        (1, PlaybookStatus.RETIRED),
    ]
    assert history[1].content.title.zh == "火灾与疏散现场处置方案"  # old versions stay readable


def test_diff_shows_added_removed_changed_and_moved_steps(books, lead) -> None:
    books.create(lead, sample_plan(steps=4))
    books.approve(lead, "FIRE")
    old = books.get(lead, "FIRE").content
    s1, s2, s3, _s4 = old.steps
    new_step = Step("s9", Text2("新增：清点人数", "New: headcount"), "lobby_manager", 8)
    changed = replace(s3, text=Text2("第3步 已修改", "Step 3 changed"), target_minutes=5)
    books.save_draft(
        lead, "FIRE", replace(old, steps=(s2, s1, changed, new_step), levels=(Level.I, Level.II))
    )
    diff = books.diff(lead, "FIRE", 1, 2)
    assert [f.name for f in diff.fields] == ["levels"]
    kinds = {(c.old.key if c.old else c.new.key): c for c in diff.steps}  # type: ignore[union-attr]
    assert kinds["s9"].change == Change.ADDED and kinds["s9"].new_number == 4
    assert kinds["s4"].change == Change.REMOVED and kinds["s4"].old_number == 4
    assert kinds["s3"].change == Change.CHANGED and set(kinds["s3"].fields) == {"text", "target_minutes"}
    assert kinds["s1"].moved or kinds["s2"].moved
    assert kinds["s1"].change == Change.SAME
    assert not books.diff(lead, "FIRE", 1, 1).fields


@pytest.mark.parametrize(
    ("change", "path_end"),
    [
        ({"code": "fire plan!"}, ("code",)),
        ({"title": Text2("", "")}, ("title",)),
        ({"levels": ()}, ("levels",)),
        ({"steps": ()}, ("steps",)),
    ],
)
def test_invalid_plans_are_refused_and_nothing_is_written(books, lead, snapshot, change, path_end) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as err:
        books.create(lead, replace(sample_plan(), **change))
    assert err.value.path[: len(path_end)] == path_end and err.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("step_change", "expect"),
    [
        ({"role": "boss"}, "role"),
        ({"checkpoint": True, "deadline_minutes": None}, "checkpoint"),
        ({"deadline_minutes": 10, "checkpoint": False}, "checkpoint"),
        ({"goto": "nowhere", "condition": Text2("若有人受伤", "")}, "goto"),
        ({"goto": "s2", "condition": Text2()}, "condition"),
        ({"target_minutes": -1}, "target_minutes"),
        ({"text": Text2("", "")}, "text"),
    ],
)
def test_step_rules_name_the_step(books, lead, step_change, expect) -> None:
    plan = sample_plan()
    bad = replace(plan.steps[0], **step_change)
    with pytest.raises(ValidationError) as err:
        books.create(lead, replace(plan, steps=(bad, *plan.steps[1:])))
    assert err.value.path[:2] == ("steps", 0) and expect in err.value.path
    assert err.value.field.startswith("field.step") and err.value.field_params == {"n": 1}
    assert "1" in err.value.field_label()  # "Step 1: …" / "第 1 步…"


def test_duplicate_code_refused(books, lead) -> None:
    books.create(lead, sample_plan())
    with pytest.raises(ValidationError, match="FIRE"):
        books.create(lead, sample_plan())


def test_staff_and_auditor_read_but_cannot_change(books, lead, staff, auditor, snapshot) -> None:
    books.create(lead, sample_plan())
    before = snapshot()
    for actor in (staff, auditor):
        assert books.get(actor, "FIRE").content.code == "FIRE"
        with pytest.raises(PermissionDenied):
            books.create(actor, sample_plan("NEW"))
        with pytest.raises(PermissionDenied):
            books.save_draft(actor, "FIRE", sample_plan())
        with pytest.raises(PermissionDenied):
            books.approve(actor, "FIRE")
        with pytest.raises(PermissionDenied):
            books.apply_import(actor, [ImportItem(sample_plan("X"), PlaybookStatus.APPROVED)])
    assert snapshot() == before


def test_search_and_filters(books, lead) -> None:
    books.create(lead, sample_plan("FIRE"))
    rob = replace(
        sample_plan("ROB"),
        title=Text2("抢劫客户财产", "Robbery"),
        category=IncidentCategory.ROBBERY,
        levels=(Level.III,),
        steps=(Step("a", Text2("立即按下紧急报警按钮", "Press the panic button"), "branch_head", 1),),
    )
    books.create(lead, rob)
    books.approve(lead, "ROB")
    codes = lambda **kw: [s.code for s in books.list_playbooks(lead, PlaybookFilter(**kw))]  # noqa: E731
    assert codes() == ["FIRE", "ROB"]
    assert codes(search="报警按钮") == ["ROB"]  # step text, Chinese
    assert codes(search="panic") == ["ROB"]  # step text, English
    assert codes(search="evacuation") == ["FIRE"]  # title
    assert codes(category=IncidentCategory.ROBBERY) == ["ROB"]
    assert codes(level=Level.II) == ["FIRE"]
    assert codes(status=PlaybookStatus.DRAFT) == ["FIRE"]
    assert codes(status=PlaybookStatus.APPROVED) == ["ROB"]


def test_discard_draft(books, lead) -> None:
    books.create(lead, sample_plan())
    books.approve(lead, "FIRE")
    books.save_draft(lead, "FIRE", replace(sample_plan(), cautions=Text2("x", "x")))
    books.discard_draft(lead, "FIRE")
    assert [v.info.number for v in books.history(lead, "FIRE")] == [1]
    books.create(lead, sample_plan("NEW"))
    books.discard_draft(lead, "NEW")  # never approved: the plan goes with its only draft
    with pytest.raises(NotFound):
        books.get(lead, "NEW")


def test_import_preview_then_apply_then_unchanged(books, lead) -> None:
    parsed = parse(VALID_FILE.encode(), "library.yaml")
    preview = books.preview_import(lead, parsed.items)
    assert preview.added == ("FIRE", "ROB") and not preview.updated
    books.apply_import(lead, parsed.items, source="library.yaml")
    assert [s.code for s in books.list_playbooks(lead)] == ["FIRE", "ROB"]
    assert all(s.status == PlaybookStatus.APPROVED for s in books.list_playbooks(lead))
    again = books.preview_import(lead, parsed.items)
    assert again.unchanged == ("FIRE", "ROB") and not again.added and not again.updated


def test_import_update_keeps_the_local_draft(books, lead) -> None:
    parsed = parse(VALID_FILE.encode(), "library.yaml")
    books.apply_import(lead, parsed.items)
    local = replace(books.get(lead, "FIRE").content, cautions=Text2("本地修改", "local edit"))
    books.save_draft(lead, "FIRE", local)
    newer = parse(VALID_FILE.replace("发出警报并拨打119", "立即发出警报并拨打119").encode(), "v2.yaml")
    plan = books.apply_import(lead, newer.items, source="v2.yaml")
    assert plan.updated == ("FIRE",) and plan.unchanged == ("ROB",)
    history = books.history(lead, "FIRE")
    assert [(v.info.number, v.info.status) for v in history] == [
        (3, PlaybookStatus.DRAFT),
        (2, PlaybookStatus.APPROVED),
        (1, PlaybookStatus.RETIRED),
    ]
    assert history[0].content.cautions.zh == "本地修改"
    assert history[1].content.steps[0].text.zh == "立即发出警报并拨打119"


def test_import_is_one_transaction(books, lead, snapshot, monkeypatch) -> None:
    parsed = parse(VALID_FILE.encode(), "library.yaml")
    before = snapshot()
    calls = []

    def explode(done: int, total: int) -> None:
        calls.append(done)
        if done == 2:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        books.apply_import(lead, parsed.items, progress=explode)
    assert calls == [1, 2]
    assert snapshot() == before


def test_an_attachment_is_kept_by_new_drafts_and_shown_in_the_diff(books, lead, tmp_path) -> None:
    floor_plan = tmp_path / "疏散平面图.pdf"
    floor_plan.write_bytes(b"%PDF floor plan")
    ref = books.add_attachment(lead, floor_plan)
    books.create(lead, replace(sample_plan(), attachments=(ref,)))
    books.approve(lead, "FIRE")

    kept = books.save_draft(lead, "FIRE", replace(books.get(lead, "FIRE").content, cautions=Text2("x", "")))
    assert kept.content.attachments == (ref,)
    notice = books.add_attachment(lead, _file(tmp_path / "notice.png", b"\x89PNG notice"))
    books.save_draft(lead, "FIRE", replace(kept.content, attachments=(ref, notice)))

    diff = books.diff(lead, "FIRE", 1, 2)
    changed = {f.name: f for f in diff.fields}
    assert changed["attachments"].old == (ref,) and changed["attachments"].new == (ref, notice)
    assert books.attachment_bytes(lead, ref.sha256) == b"%PDF floor plan"


def test_attachments_follow_the_rules(books, lead, staff, tmp_path) -> None:
    ref = books.add_attachment(lead, _file(tmp_path / "plan.pdf", b"plan"))
    with pytest.raises(ValidationError) as twice:
        books.create(lead, replace(sample_plan(), attachments=(ref, replace(ref, name="again.pdf"))))
    assert twice.value.path == ("attachments", 1, "sha256")
    with pytest.raises(ValidationError) as long_name:
        books.create(lead, replace(sample_plan(), attachments=(replace(ref, name="x" * 201),)))
    assert long_name.value.path == ("attachments", 0, "name")
    unknown = replace(ref, sha256="0" * 64)
    with pytest.raises(ValidationError) as missing:
        books.create(lead, replace(sample_plan(), attachments=(unknown,)))
    assert missing.value.path == ("attachments", 0)
    with pytest.raises(PermissionDenied):
        books.add_attachment(staff, tmp_path / "plan.pdf")
    assert books.list_playbooks(lead) == []


def _file(path, data: bytes):
    path.write_bytes(data)
    return path


def test_export_then_import_into_an_empty_database_loses_nothing(books, lead, tmp_path) -> None:
    from branchguard.context import open_context

    books.apply_import(lead, parse(VALID_FILE.encode(), "a.yaml").items)
    wiring = books.add_attachment(lead, _file(tmp_path / "alarm wiring.png", bytes(range(256)) * 40))
    fire = books.get(lead, "FIRE").content
    books.save_draft(lead, "FIRE", replace(fire, attachments=(wiring,)))
    books.approve(lead, "FIRE")
    books.save_draft(
        lead, "ROB", replace(books.get(lead, "ROB").content, cautions=Text2("生命第一", "Life first"))
    )
    exported = [books.get(lead, s.code) for s in books.list_playbooks(lead)]
    data = books.export_file(lead)
    other = open_context(tmp_path / "other")
    try:
        with other.engine.begin() as conn:
            conn.execute(delete(PlaybookRow))
        other_books = other.services.playbooks
        from branchguard.core.kernel.types import Actor

        other_books.apply_parsed(Actor.system(), parse(data, "export.yaml"))
        again = [other_books.get(Actor.system(), s.code) for s in other_books.list_playbooks(Actor.system())]
        copied = other_books.attachment_bytes(Actor.system(), wiring.sha256)
    finally:
        other.close()
    assert [v.content for v in again] == [v.content for v in exported]
    assert exported[0].content.attachments == (wiring,)
    assert copied == bytes(range(256)) * 40


def test_a_failure_after_an_import_s_commit_leaves_the_files_it_named_in_the_store(
    books, lead, tmp_path, monkeypatch
) -> None:
    """What follows the commit (telling the calendar of renamed drill schedules) failing, or an
    interrupt there, took back the attachments the committed plans name: verify then found them
    missing."""
    from branchguard.context import open_context

    books.apply_import(lead, parse(VALID_FILE.encode(), "a.yaml").items)
    wiring = books.add_attachment(lead, _file(tmp_path / "wiring.png", bytes(range(256)) * 40))
    books.save_draft(lead, "FIRE", replace(books.get(lead, "FIRE").content, attachments=(wiring,)))
    books.approve(lead, "FIRE")
    data = books.export_file(lead)
    other = open_context(tmp_path / "other")
    try:
        with other.engine.begin() as conn:
            conn.execute(delete(PlaybookRow))
        other_books = other.services.playbooks

        def told(_count: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(other_books, "_schedules_renamed", told)
        system = Actor.system()
        with pytest.raises(KeyboardInterrupt):
            other_books.apply_parsed(system, parse(data, "export.yaml"))
        assert other_books.get(system, "FIRE").content.attachments == (wiring,)  # committed
        assert other_books.attachment_bytes(system, wiring.sha256) == bytes(range(256)) * 40
    finally:
        other.close()


def test_the_list_shows_each_plans_version_as_its_history_says_reading_columns_only(books, lead) -> None:
    """Each row is the approved version, else the draft; `has_draft`, the step count and the
    last change come from the plan's versions. The list reads plain columns: not one version or
    step row is loaded as an object (every version and step of every plan was, 50-80 ms a list
    at ten years)."""
    books.create(lead, sample_plan("FIRE", steps=3))
    books.approve(lead, "FIRE")
    books.save_draft(lead, "FIRE", replace(sample_plan("FIRE", steps=5), title=Text2("新题", "New title")))
    books.create(lead, sample_plan("NEW", steps=2))  # never approved: its draft is shown
    books.create(lead, sample_plan("OLD", steps=4))
    books.approve(lead, "OLD")
    books.save_draft(lead, "OLD", sample_plan("OLD", steps=1))
    books.approve(lead, "OLD")  # version 1 retired, version 2 approved
    loaded: list[object] = []
    record = lambda target, _context: loaded.append(target)  # noqa: E731
    for model in (PlaybookRow, PlaybookVersionRow, StepRow):
        event.listen(model, "load", record)
    try:
        listed = {s.code: s for s in books.list_playbooks(lead)}
        searched = [s.code for s in books.list_playbooks(lead, PlaybookFilter(search="新题"))]
    finally:
        for model in (PlaybookRow, PlaybookVersionRow, StepRow):
            event.remove(model, "load", record)
    assert loaded == []
    assert searched == ["FIRE"]
    for code in ("FIRE", "NEW", "OLD"):
        history = books.history(lead, code)
        by_status = {v.info.status: v for v in history}
        shown = by_status.get(PlaybookStatus.APPROVED) or by_status[PlaybookStatus.DRAFT]
        summary = listed[code]
        assert (summary.version, summary.status, summary.title) == (
            shown.info.number,
            shown.info.status,
            shown.content.title,
        )
        assert (summary.tier, summary.category, summary.levels) == (
            shown.content.tier,
            shown.content.category,
            shown.content.levels,
        )
        assert summary.step_count == len(shown.content.steps)
        assert summary.has_draft == any(v.info.status == PlaybookStatus.DRAFT for v in history)
        assert summary.updated_at == max(v.info.created_at for v in history)
    rows = [listed[code] for code in ("FIRE", "NEW", "OLD")]
    assert [(s.version, s.has_draft, s.step_count) for s in rows] == [
        (1, True, 3),
        (1, True, 2),
        (2, False, 1),
    ]


def test_reading_a_version_reads_its_own_steps_only(books, lead) -> None:
    """A plan's preview reads the version shown, not the steps of every version it ever had."""
    books.create(lead, sample_plan("FIRE", steps=3))
    books.approve(lead, "FIRE")
    books.save_draft(lead, "FIRE", sample_plan("FIRE", steps=5))
    loaded: list[StepRow] = []
    record = lambda target, _context: loaded.append(target)  # noqa: E731
    event.listen(StepRow, "load", record)
    try:
        approved = books.get(lead, "FIRE")
        assert len(loaded) == len(approved.content.steps) == 3
        loaded.clear()
        draft = books.get(lead, "FIRE", prefer_draft=True)
        assert len(loaded) == len(draft.content.steps) == 5
    finally:
        event.remove(StepRow, "load", record)
    assert [s.key for s in draft.content.steps] == [s.key for s in sample_plan("FIRE", steps=5).steps]

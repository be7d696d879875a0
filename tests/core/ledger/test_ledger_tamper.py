"""The tamper suite: each change an auditor with raw SQL (or a file manager) could make to the
evidence makes `verify` fail and name what changed. And a normal day of use verifies clean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from branchguard.core.incidents.types import CloseInput, EntryKind, FollowUpInput
from branchguard.core.kernel.types import Level
from branchguard.core.ledger import rules
from branchguard.core.ledger.service import hash_at, head, record_head
from branchguard.core.people.types import BranchRole, PersonInput
from tests.core.inspections.inspection_helpers import run_inspection
from tests.ledger_forgery import Entry, forge


def a_day(ctx: Any, lead: Any, tmp_path: Path) -> dict[str, int]:
    """An incident with notes, a photo and a close with losses and a follow-up action; an
    inspection with a failed item (so a hazard)."""
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    for n in range(3):
        inc.log(lead, iid, EntryKind.NOTE, f"记录 {n}")
    photo = tmp_path / "门口.jpg"
    photo.write_bytes(b"\xff\xd8\xff a photo")
    sha = inc.attach(lead, iid, photo).data["sha256"]
    inc.close(
        lead,
        iid,
        CloseInput("嫌疑人被抓获", losses_cents=1_234_500, actions=(FollowUpInput("加装监控", "王五"),)),
    )
    inspection = run_inspection(ctx, lead, fail=[2])
    (hazard,) = ctx.services.hazards.list(lead)
    return {"incident": iid, "inspection": inspection.info.id, "hazard": hazard.id, "sha": sha}  # type: ignore[dict-item]


def verify(ctx: Any, lead: Any) -> list[str]:
    report = ctx.services.ledger.verify(lead)
    return [p.message.text("en") for p in report.problems]


def sql(ctx: Any, statement: str, **params: Any) -> None:
    with ctx.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_a_normal_day_verifies_clean_and_every_record_is_ledgered(ctx, lead, tmp_path: Path) -> None:
    made = a_day(ctx, lead, tmp_path)
    report = ctx.services.ledger.verify(lead)
    assert report.ok, [p.message.text("en") for p in report.problems]
    assert report.records > 0 and report.log_entries >= 6 and report.attachments >= 2
    proved = "chain consistent; not checked against an outside anchor (verify --anchor FILE does)"
    assert report.proved.text("en") == proved
    assert report.proved.text("zh_CN") == "链一致；未对照外部锚点核验（verify --anchor 文件 可核验）"
    with ctx.engine.connect() as conn:
        top = head(conn)
        mine = record_head(conn, "incident", str(made["incident"]))
        assert top.seq == report.entries and hash_at(conn, top.seq) == top.hash
        assert 0 < mine.seq <= top.seq and hash_at(conn, mine.seq) == mine.hash
        assert record_head(conn, "incident", "999999") == type(top)(0, rules.GENESIS)
        assert hash_at(conn, top.seq + 1) is None


def test_a_cut_log_tail_is_found_even_with_the_incident_row_rewritten(ctx, lead, tmp_path: Path) -> None:
    iid = a_day(ctx, lead, tmp_path)["incident"]
    with ctx.engine.begin() as conn:
        last = conn.execute(
            text("SELECT max(seq) FROM incident_log WHERE incident_id = :i"), {"i": iid}
        ).scalar()
        prev = conn.execute(
            text("SELECT hash FROM incident_log WHERE incident_id = :i AND seq = :s"),
            {"i": iid, "s": last - 1},
        ).scalar()
        conn.execute(
            text("DELETE FROM incident_log WHERE incident_id = :i AND seq = :s"), {"i": iid, "s": last}
        )
        conn.execute(
            text("UPDATE incidents SET last_seq = :s, chain_head = :h WHERE id = :i"),
            {"s": last - 1, "h": prev, "i": iid},
        )
    assert ctx.services.incidents.verify(lead).ok  # the log's own chain alone cannot tell
    assert verify(ctx, lead) == [
        f"incident {iid}: log entries {last}–{last} deleted outside the app",
        f"incident {iid}: the incident row says its log ends at entry {last - 1}, the ledger at entry {last}",
    ]


def test_headline_columns_changed_are_named_with_both_values(ctx, lead, tmp_path: Path) -> None:
    iid = a_day(ctx, lead, tmp_path)["incident"]
    level = ctx.services.incidents.get(lead, iid).summary.level
    assert level != Level.III
    sql(ctx, "UPDATE incidents SET losses_cents = 1, level = 'III', drill = :t WHERE id = :i", t=True, i=iid)
    problems = verify(ctx, lead)
    assert f"incident {iid}: losses_cents is 1, ledger says 1234500" in problems
    assert f"incident {iid}: level is III, ledger says {level.value}" in problems
    assert f"incident {iid}: drill is true, ledger says false" in problems
    assert len(problems) == 3


def test_deleted_follow_up_actions_and_a_deleted_incident_are_named(ctx, lead, tmp_path: Path) -> None:
    iid = a_day(ctx, lead, tmp_path)["incident"]
    with ctx.engine.connect() as conn:
        (action,) = conn.execute(
            text("SELECT id FROM incident_actions WHERE incident_id = :i"), {"i": iid}
        ).scalars()
    sql(ctx, "DELETE FROM incident_actions WHERE incident_id = :i", i=iid)
    assert verify(ctx, lead) == [f"follow-up action {action} deleted outside the app"]
    sql(ctx, "DELETE FROM incident_log WHERE incident_id = :i", i=iid)
    sql(ctx, "DELETE FROM incidents WHERE id = :i", i=iid)
    problems = verify(ctx, lead)
    assert f"incident {iid} deleted outside the app" in problems
    assert any(p.startswith(f"incident {iid}: log entries 1–") for p in problems)


def test_audit_rows_changed_or_deleted_are_named(ctx, lead, tmp_path: Path) -> None:
    a_day(ctx, lead, tmp_path)
    with ctx.engine.connect() as conn:
        first, second = conn.execute(text("SELECT id FROM audit_events ORDER BY id DESC LIMIT 2")).scalars()
    sql(ctx, "UPDATE audit_events SET actor = 'mallory' WHERE id = :i", i=first)
    sql(ctx, "DELETE FROM audit_events WHERE id = :i", i=second)
    problems = verify(ctx, lead)
    assert f"audit event {first}: actor is mallory, ledger says lead" in problems
    assert f"audit event {second} deleted outside the app" in problems
    assert len(problems) == 2


def test_the_last_audit_row_deleted_and_its_number_given_again_is_named(ctx, lead, tmp_path: Path) -> None:
    """Deleting the newest row lets the database hand its number to the next one; the ledger saw
    that number created before, so the new row does not hide the deletion."""
    a_day(ctx, lead, tmp_path)
    with ctx.engine.connect() as conn:
        last = conn.execute(text("SELECT max(id) FROM audit_events")).scalar_one()
    sql(ctx, "DELETE FROM audit_events WHERE id = :i", i=last)
    ctx.services.people.add_person(lead, PersonInput(name="赵六", branch_role=BranchRole.TELLER))
    with ctx.engine.connect() as conn:
        reused = conn.execute(text("SELECT max(id) FROM audit_events")).scalar_one()
    problems = verify(ctx, lead)
    if ctx.engine.dialect.name == "sqlite":  # PostgreSQL's sequence never gives a number again
        assert reused == last
        assert any(p.startswith(f"audit event {last} deleted outside the app; its number") for p in problems)
    else:
        assert f"audit event {last} deleted outside the app" in problems


def test_a_submitted_answer_changed_and_its_hazard_deleted_are_named(ctx, lead, tmp_path: Path) -> None:
    made = a_day(ctx, lead, tmp_path)
    with ctx.engine.connect() as conn:
        answer = conn.execute(
            text("SELECT id FROM inspection_answers WHERE inspection_id = :i AND number = 2"),
            {"i": made["inspection"]},
        ).scalar()
    sql(ctx, "UPDATE inspection_answers SET result = 'pass' WHERE id = :i", i=answer)
    assert verify(ctx, lead) == [f"inspection answer {answer}: result is pass, ledger says fail"]
    sql(ctx, "DELETE FROM hazard_events WHERE hazard_id = :h", h=made["hazard"])
    sql(ctx, "DELETE FROM hazards WHERE id = :h", h=made["hazard"])
    problems = verify(ctx, lead)
    assert f"hazard {made['hazard']} deleted outside the app" in problems
    assert any(
        p.startswith("hazard history entry ") and p.endswith("deleted outside the app") for p in problems
    )


def test_an_attachment_changed_on_disk_is_named(ctx, lead, tmp_path: Path) -> None:
    made = a_day(ctx, lead, tmp_path)
    sha = str(made["sha"])
    path = ctx.services.files.path_of(sha)
    path.chmod(0o600)
    path.write_bytes(b"another picture")
    assert verify(ctx, lead) == [f"incident {made['incident']}: attachment {sha[:12]}… changed on disk"]
    path.unlink()
    assert verify(ctx, lead) == [
        f"incident {made['incident']}: attachment {sha[:12]}… is missing from the data folder"
    ]


def test_a_row_added_outside_the_app_is_named(ctx, lead, tmp_path: Path) -> None:
    a_day(ctx, lead, tmp_path)
    sql(
        ctx,
        "INSERT INTO audit_events (id, at, actor, action, entity, entity_id, summary) "
        "VALUES (999999, :at, 'lead', 'user.create', 'user', 'x', '')",
        at="2026-01-01 00:00:00.000000",
    )
    assert verify(ctx, lead) == ["audit event 999999 is not in the ledger (added outside the app)"]


def test_a_recomputed_chain_passes_verify_but_moves_hash_at(ctx, lead, tmp_path: Path) -> None:
    """Someone with the app's own hash functions rewrites a record, its ledgered state and every
    hash after it: verify (inside the database) cannot tell. Only a head kept outside catches it:
    the hash at the anchored position is not what the anchor holds."""
    iid = a_day(ctx, lead, tmp_path)["incident"]
    with ctx.engine.connect() as conn:
        anchored = head(conn)
    sql(ctx, "UPDATE incidents SET losses_cents = 1 WHERE id = :i", i=iid)

    def lower_losses(entry: Entry) -> None:
        if (
            entry.entity == "incident"
            and entry.entity_id == str(iid)
            and entry.action in ("create", "change")
        ):
            entry.state["losses_cents"] = 1

    with ctx.engine.begin() as conn:
        forge(conn, edit=lower_losses)
    assert verify(ctx, lead) == []  # consistent inside the database: what verify proves, and all
    with ctx.engine.connect() as conn:
        assert hash_at(conn, anchored.seq) != anchored.hash  # what an anchor compares


def _ledgered_without(entity: str, key: str) -> Any:
    """A forge edit: every ledgered state of `entity` as a version without `key` hashed it."""

    def edit(entry: Entry) -> None:
        if entry.entity == entity and entry.state is not None:
            entry.state.pop(key, None)

    return edit


def test_a_column_added_later_keeps_old_states_and_a_key_dropped_is_named(ctx, lead, tmp_path: Path) -> None:
    """An action ledgered before `complaint_id` existed (its state without the key) still matches;
    a state without another key, whose value is empty now, differs in no field shown and is
    named rather than passed over."""
    a_day(ctx, lead, tmp_path)
    with ctx.engine.begin() as conn:
        forge(conn, edit=_ledgered_without("incident_action", "complaint_id"))
    assert verify(ctx, lead) == []
    with ctx.engine.begin() as conn:
        forge(conn, edit=_ledgered_without("incident_action", "done_at"))
    (problem,) = verify(ctx, lead)
    assert problem.startswith("follow-up action") and "lacks" in problem


def test_a_hazard_ledgered_before_drill_id_existed_still_verifies(ctx, lead, tmp_path: Path) -> None:
    """Hazards ledgered before revision 0025 (their states without `drill_id`) still match: the
    column is a later one, left out while empty; a hazard's other key dropped is still named."""
    a_day(ctx, lead, tmp_path)
    with ctx.engine.begin() as conn:
        forge(conn, edit=_ledgered_without("hazard", "drill_id"))
    assert verify(ctx, lead) == []
    with ctx.engine.begin() as conn:
        forge(conn, edit=_ledgered_without("hazard", "closed_at"))
    (problem,) = verify(ctx, lead)
    assert "lacks" in problem


def test_a_document_about_many_records_proves_the_chain_and_the_records_it_prints(
    ctx, lead, tmp_path: Path
) -> None:
    """A hazard register's proof checks the hazards, not every record of ten years (that is
    `verify`'s): an audit row changed outside the app does not touch it, a hazard changed does."""
    from branchguard.reports.anchoring import HAZARD_RECORDS

    day = a_day(ctx, lead, tmp_path)

    def proof(kinds: tuple[str, ...] | None) -> str:
        return ctx.services.anchors.stamp(lead, "", "", "report hazards", kinds).proof.key

    assert proof(HAZARD_RECORDS) == proof(None) == "anchor.proof.no_anchor"
    with ctx.engine.connect() as conn:
        last_audit = conn.execute(text("SELECT max(id) FROM audit_events")).scalar()
    sql(ctx, "UPDATE audit_events SET actor = 'mallory' WHERE id = :i", i=last_audit)
    assert proof(HAZARD_RECORDS) == "anchor.proof.no_anchor"
    assert proof(None) == "anchor.proof.chain_broken"  # every record: the audit row is one
    sql(ctx, "UPDATE hazards SET location = '金库' WHERE id = :i", i=day["hazard"])
    assert proof(HAZARD_RECORDS) == "anchor.proof.chain_broken"


def test_times_moved_by_a_second_are_named(ctx, lead, tmp_path: Path) -> None:
    """A time column of a record and the time of a log entry, moved a second (on SQLite written
    back in another text form, which verify reads through the column's type)."""
    made = a_day(ctx, lead, tmp_path)
    if ctx.engine.dialect.name == "sqlite":
        later = "strftime('%Y-%m-%d %H:%M:%f', {}, '+1 seconds')"
    else:
        later = "{} + interval '1 second'"
    sql(ctx, f"UPDATE hazards SET opened_at = {later.format('opened_at')} WHERE id = :i", i=made["hazard"])
    sql(
        ctx,
        f"UPDATE incident_log SET at = {later.format('at')} WHERE incident_id = :i AND seq = 2",
        i=made["incident"],
    )
    problems = verify(ctx, lead)
    assert [p for p in problems if p.startswith(f"hazard {made['hazard']}: opened_at is ")], problems
    assert [p for p in problems if p.startswith(f"incident {made['incident']}") and "entry 2" in p], problems
    assert len(problems) == 2, problems


def test_a_record_s_own_attachment_changed_on_disk_is_named(ctx, lead, tmp_path: Path) -> None:
    """An attachment a record names inside one of its JSON columns (a remediation step's evidence
    photo), not the incident log's: re-hashed from the file and named when it differs."""
    from branchguard.core.hazards.types import RemediationKind

    made = a_day(ctx, lead, tmp_path)
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8\xff fixed")
    step = ctx.services.hazards.add_step(lead, made["hazard"], RemediationKind.PLAN, "整改方案", [photo])
    (ref,) = step.evidence
    assert ctx.services.ledger.verify(lead).ok
    path = ctx.services.files.path_of(ref.sha256)
    path.chmod(0o600)
    path.write_bytes(b"another picture")
    assert verify(ctx, lead) == [
        f"hazard remediation step {step.id}: attachment {ref.sha256[:12]}… changed on disk"
    ]

"""Log lines the program writes are worded in the reader's language, from the key and values each
new entry keeps in its hashed data; entries written before (text only) show as stored."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.text import entry_text
from branchguard.core.incidents.types import SAID, EntryKind
from branchguard.core.kernel.i18n import both, saying, set_language, t, worded

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    try:
        yield
    finally:
        set_language("zh_CN")


def test_worded_reads_a_key_and_values_or_both_languages_and_refuses_the_unknown() -> None:
    said = saying("incident.undo_text", n=3)
    assert worded(said, "en") == t("incident.undo_text", "en", n=3)
    assert worded(said, "zh_CN") == t("incident.undo_text", "zh_CN", n=3)
    assert worded(both("火警", "Fire"), "en") == "Fire" and worded(both("火警", ""), "en") == "火警"
    nested = saying("incident.text.step_done", n=1, text=both("报警", "Raise the alarm"))
    assert worded(nested, "en") == "Step 1 done: Raise the alarm"
    assert worded({"key": "no.such.key", "params": {}}) is None  # a newer version's key: as stored
    assert worded(None) is None and worded("plain") is None


def test_entries_written_in_chinese_read_in_english_and_still_verify(ctx, lead, chinese) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    mark = inc.mark_step(lead, iid, 1)
    inc.record_headcount(lead, iid, 12, 14)
    inc.undo_mark(lead, iid, mark.seq)
    inc.set_report_fields(lead, iid, {"cause": "电线短路"})
    made = [e for e in inc.get(lead, iid).entries if SAID in e.data]
    kinds = {e.kind for e in made}
    assert {EntryKind.START, EntryKind.STEP_DONE, EntryKind.HEADCOUNT, EntryKind.CORRECTION} <= kinds
    assert all(CJK.search(e.text) for e in made)  # stored in the language of the moment

    set_language("en")
    entries = [e for e in inc.get(lead, iid).entries if SAID in e.data]
    shown = {e.seq: entry_text(e) for e in entries}
    assert shown[mark.seq].startswith("Step 1 done: ")
    assert t("incident.headcount_text", "en", present=12, expected=14) in shown.values()
    assert any(t("incident.undo_text", "en", n=1) in line for line in shown.values())
    assert {e.kind for e in entries} == kinds
    for entry in entries:
        assert not CJK.search(shown[entry.seq]), (entry.kind, shown[entry.seq])
    assert inc.verify(lead).ok


def test_an_entry_without_words_kept_shows_as_stored_and_the_kept_words_are_hashed(
    ctx, lead, chinese
) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    with ctx.engine.begin() as conn:  # as an entry written before the key was kept
        old = incident_log.append(conn, iid, "lead", EntryKind.HEADCOUNT, "集合点清点：12 / 14 人")
    headcount = inc.record_headcount(lead, iid, 3)
    set_language("en")
    entries = {e.seq: e for e in inc.get(lead, iid).entries}
    assert entry_text(entries[old.seq]) == "集合点清点：12 / 14 人"
    assert not CJK.search(entry_text(entries[headcount.seq]))
    assert inc.verify(lead).ok
    # the key and values are part of the entry's hashed content: changing them is tampering
    forged = dict(entries[headcount.seq].data)
    forged[SAID] = saying("incident.headcount_text", present=30, expected="-")
    with ctx.engine.begin() as conn:
        conn.execute(
            incident_log._LOG.update()
            .where(incident_log._LOG.c.incident_id == iid, incident_log._LOG.c.seq == headcount.seq)
            .values(data=forged)
        )
    report = inc.verify(lead)
    assert not report.ok and [(p.incident_id, p.seq) for p in report.problems] == [(iid, headcount.seq)]


def test_an_incident_started_in_chinese_is_titled_in_english(ctx, lead, chinese) -> None:
    inc = ctx.services.incidents
    fire = inc.start(lead, "FIRE")
    ad_hoc = inc.start(lead, None)
    typed = inc.start(lead, None, title="门口可疑人员")
    assert CJK.search(fire.title) and CJK.search(ad_hoc.title)
    set_language("en")
    listed = {s.id: s.title for s in inc.list_incidents(lead)}
    assert not CJK.search(listed[fire.id]) and listed[fire.id] == inc.get(lead, fire.id).summary.title
    assert listed[ad_hoc.id] == t("incident.ad_hoc_title", "en")
    assert listed[typed.id] == "门口可疑人员"


def test_a_drill_run_started_in_chinese_is_titled_in_english(ctx, lead, chinese) -> None:
    from datetime import datetime, timedelta

    from branchguard.core.drills.types import DrillPlanInput

    when = (datetime.now() + timedelta(hours=1)).replace(microsecond=0)
    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", when))
    run = ctx.services.drills.run(lead, plan.id)
    assert run.incident_id is not None
    set_language("en")
    title = ctx.services.incidents.get(lead, run.incident_id).summary.title
    assert title.startswith("Drill: ") and not CJK.search(title)

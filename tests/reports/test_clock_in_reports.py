"""On paper, a PC clock set back during an incident is said where the times run backwards: the
report's timeline marks each such entry in both languages, its duration is negative and says the
clock changed (never "0 s"); the handover says an incident started later than the snapshot."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Level
from branchguard.reports.handover import build_handover_pdf
from branchguard.reports.incident_report import build_incident_report
from tests.core.incidents.test_clock_back import clock_set_back_during
from tests.pc_clock import set_pc_clock

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf


@pytest.mark.parametrize(
    ("lang", "went_back", "duration", "zero"),
    [
        ("en", "Time earlier than entry {n}", "Duration-2h0min(endsbeforeitstarts", "Duration0s"),
        ("zh_CN", "时间早于第{n}条", "历时-2小时0分（结束早于开始", "历时0秒"),
    ],
)
def test_the_report_marks_each_entry_earlier_than_one_before_it(
    demo: Demo,
    monkeypatch: pytest.MonkeyPatch,
    pdf: type[Pdf],
    tmp_path: Path,
    lang: str,
    went_back: str,
    duration: str,
    zero: str,
) -> None:
    iid = clock_set_back_during(demo.ctx, demo.actor, set_pc_clock(monkeypatch))
    set_language(lang)
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, iid, out)
    text = pdf.squashed(pdf.text(out))
    assert text.count(pdf.squashed(went_back.format(n=2))) == 2  # entries 3 and 4
    assert text.count(pdf.squashed(went_back.format(n=5))) == 1  # the close
    assert duration in text and zero not in text


def test_the_handover_says_a_start_later_than_the_snapshot(
    demo: Demo, monkeypatch: pytest.MonkeyPatch, pdf: type[Pdf], tmp_path: Path
) -> None:
    pc_clock = set_pc_clock(monkeypatch)
    inc = demo.ctx.services.incidents
    inc.start(demo.actor, None, Level.III, title="Clock test B")  # the clock ten hours ahead
    snapshot = inc.handover(demo.actor)
    snapshot = replace(snapshot, taken_at=pc_clock.at - timedelta(hours=10))  # then corrected
    set_language("en")
    out = build_handover_pdf(snapshot, demo.ctx.services.branch.get(), tmp_path / "handover.pdf")
    text = pdf.squashed(pdf.text(out))
    assert "startedlaterthanthissnapshot:wasthePCclockchanged?" in text
    assert "justnow" not in text

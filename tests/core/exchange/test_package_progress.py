"""A package's progress: the records fill the bar's first fifth and the PDF reports the rest, one
step each. It reached 80 % after the records (0.2 s) and then sat there while the reports were
built (11 s for a month of the one-year history)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branchguard.core.exchange.service import PROGRESS_STEPS, RECORDS_SHARE


def test_the_bar_rises_with_each_report_and_ends_full(ctx, lead, tmp_path: Path) -> None:
    ctx.services.incidents.start(lead, "FIRE")  # an incident of the period: its report goes in too
    seen: list[tuple[int | str, int]] = []  # (done, total) of each call, ("report", n) as one is built
    built: list[str] = []

    def documents(kind: str, ref: int | str, pdf: Path) -> None:
        built.append(f"{kind}-{ref}")
        seen.append(("report", len(built)))
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    ctx.services.exchange.export(
        lead, f"{date.today():%Y-%m}", tmp_path / "p.zip", documents=documents,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    steps = [s for s in seen if s[0] != "report"]
    assert {total for _done, total in steps} == {PROGRESS_STEPS}
    assert [done for done, _total in steps] == sorted(done for done, _total in steps)  # never back
    assert steps[-1] == (PROGRESS_STEPS, PROGRESS_STEPS)
    at_reports = [seen[i - 1][0] for i, s in enumerate(seen) if s[0] == "report"]
    assert len(built) >= 2 and at_reports[0] == RECORDS_SHARE  # the records done: a fifth
    assert at_reports[1:] == sorted(set(at_reports[1:])) and at_reports[-1] < PROGRESS_STEPS  # a step each

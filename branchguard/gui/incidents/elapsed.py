"""The elapsed clock of an incident, as the console's header and the live-incident banner show it.

A start later than now (the PC's clock was set back after the incident started) gave a clock that
sat at 0:00:00, for hours, saying nothing: the times are kept as the clock gave them (nothing is
clamped, core/kernel/clock_check.py says why), so the clock says "clock?" instead, and its tooltip
says what the command line says (`cli.incident.started_later`), or for an incident closed before
it started, the negative duration as core words it (`elapsed_text`). A start later by no more than
clock_check.SLACK (two PCs a minute apart) is not said: it reads 0:00:00 until the clocks agree.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from branchguard.core.incidents.text import elapsed_text, local_stamp
from branchguard.core.incidents.types import IncidentSummary
from branchguard.core.kernel import clock_check
from branchguard.core.kernel.i18n import t
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.times import elapsed_clock


def clock_behind_text(summary: IncidentSummary, now: datetime, who: str) -> str | None:
    """Why the incident's elapsed time cannot be shown (its start is later than its end, or than
    `now` while it is open), in core's words; None when it can. `who` names the starter."""
    end = summary.closed_at or now
    if not clock_check.behind(summary.started_at, end):
        return None
    if summary.closed_at is not None:
        return elapsed_text(end - summary.started_at)
    return t("cli.incident.started_later", at=local_stamp(summary.started_at), who=who, now=local_stamp(now))


def show_elapsed(label: QLabel, summary: IncidentSummary, now: datetime, who: str, usual_tip: str) -> None:
    """`label` shows the elapsed clock (0:12:05) with `usual_tip`, or "clock?" with the reason."""
    why = clock_behind_text(summary, now, who)
    if why is None:
        label.setText(elapsed_clock(summary.started_at, summary.closed_at or now))
        label.setToolTip(usual_tip)
        return
    label.setText(QCoreApplication.translate("IncidentElapsed", "clock?"))
    label.setToolTip(tip(why))

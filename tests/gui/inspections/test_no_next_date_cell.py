"""A checklist whose schedule runs "before each public holiday" past the holiday tables' last year
has no next date: the overview's Next due says so and its tooltip says why and what to do, where a
blank read as "nothing due" and the pre-holiday check silently never came."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import set_language
from branchguard.core.schedules.types import ScheduleInput, WorkingDayPolicy
from branchguard.gui.inspections.models import TemplateListModel
from branchguard.gui.inspections.overview import template_row

LAST = working_days.covered_years()[1]
# 20:00 on 31 December in China: the check before New Year's Day is past, the holidays ahead lie
# beyond the tables
NOW = datetime(LAST, 12, 31, 12, tzinfo=UTC)


@pytest.mark.usefixtures("no_installed_years")
def test_next_due_says_why_a_pre_holiday_checklist_has_no_date(gui_ctx: AppContext) -> None:
    set_language("en")
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    data = ScheduleInput(
        title="Pre-holiday check",
        start=datetime(LAST, 1, 5, 9),
        owner="lead",
        rule="before_holidays",
        working_days=WorkingDayPolicy.BEFORE_HOLIDAY,
        timezone="Asia/Shanghai",
    )
    made = gui_ctx.services.schedules.add(lead, data).id
    schedule = gui_ctx.services.schedules.get(lead, made, NOW)
    template = gui_ctx.services.inspections.templates(lead)[0]
    model = TemplateListModel()
    model.set_rows([template_row(template, (schedule,), NOW)])
    cell = model.index(0, TemplateListModel.COL_NEXT)
    assert schedule.next_due is None and cell.data() == "none: see the tooltip"
    assert f"the holiday tables end with {LAST}" in cell.data(Qt.ItemDataRole.ToolTipRole)
    earlier = gui_ctx.services.schedules.get(lead, made, datetime(LAST, 3, 1, tzinfo=UTC))
    model.set_rows([template_row(template, (earlier,), datetime(LAST, 3, 1, tzinfo=UTC))])
    assert model.index(0, TemplateListModel.COL_NEXT).data() not in ("", "none: see the tooltip")
    set_language("zh_CN")

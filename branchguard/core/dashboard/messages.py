"""English and Chinese text of the dashboard: key -> (en, zh_CN)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.dashboard.view": ("see the branch at a glance", "查看网点概览"),
    "action.page.dashboard.view": ("open the Dashboard page", "打开“概览”页面"),
    # tiles
    "dashboard.tile.incidents": ("Running now", "正在进行"),
    "dashboard.tile.hazards_open": ("Hazards open", "未验收隐患"),
    "dashboard.tile.hazards_overdue": ("Hazards overdue", "逾期隐患"),
    "dashboard.tile.compliance": ("Required drills", "规定演练"),
    "dashboard.tile.complaints": ("Complaints", "客户投诉"),
    "dashboard.tile.checkpoints": ("Reports to head office", "上报时限"),
    "dashboard.tile.inspections": ("Inspections", "安全检查"),
    "dashboard.tile.actions": ("Corrective actions", "整改措施"),
    "dashboard.tile.reminders": ("Coming up", "近期待办"),
    "dashboard.tile.warnings": ("Early warnings", "预警"),
    # figures (the names of `branchguard dashboard --json`)
    "dashboard.figure.incidents_open": ("incidents open", "未结束的突发事件"),
    "dashboard.figure.drills_running": ("drills running", "进行中的演练"),
    "dashboard.figure.hazards_open": ("open (not yet verified)", "未验收（整改中或待验收）"),
    "dashboard.figure.hazards_open_general": ("general", "一般隐患"),
    "dashboard.figure.hazards_open_major": ("major", "重大隐患"),
    "dashboard.figure.hazards_oldest_age_days": ("oldest, days open", "最久已开（天）"),
    "dashboard.figure.hazards_overdue": ("past the due date", "超过整改期限"),
    "dashboard.figure.hazards_overdue_general": ("general", "一般隐患"),
    "dashboard.figure.hazards_overdue_major": ("major", "重大隐患"),
    "dashboard.figure.compliance_overdue": ("rules overdue", "逾期未演练的规定"),
    "dashboard.figure.compliance_due_soon": ("due within 30 days", "30 天内到期"),
    "dashboard.figure.checkpoints_overdue": (
        "incidents with a report to head office overdue",
        "上报超时的突发事件",
    ),
    "dashboard.figure.inspections_overdue": ("inspections overdue", "逾期未检"),
    "dashboard.figure.inspections_due_today": ("due later today", "今日待检"),
    "dashboard.figure.actions_overdue": ("actions past their due date", "逾期未完成的措施"),
    "dashboard.figure.reminders_next_7_days": ("due in the next 7 days", "7 天内到期的事项"),
    "dashboard.figure.complaints_open": ("open", "办理中"),
    "dashboard.figure.warnings_severe": ("orange and red warnings in force", "生效中的橙色、红色预警"),
    "dashboard.figure.complaints_overdue": ("past the statutory due date", "超过法定时限"),
    # the command line's headings
    "dashboard.cli.figure": ("Figure", "指标"),
    "dashboard.cli.value": ("Value", "数值"),
    "dashboard.cli.opens": ("Opens", "打开"),
    "dashboard.cli.month": ("Month", "月份"),
    "dashboard.cli.incidents": ("Incidents", "突发事件"),
    "dashboard.cli.drills": ("Drills", "演练"),
    "dashboard.cli.hazards_opened": ("Hazards opened", "新增隐患"),
    "dashboard.cli.hazards_resolved": ("verified or closed", "已验收或销号"),
    "dashboard.cli.hazards_open": ("open at month end", "月末未验收"),
    "dashboard.cli.inspections": ("Inspections done / due", "检查 完成/应检"),
    "dashboard.cli.drill_score": ("Drill score", "演练得分"),
}

"""English and Chinese text for schedules, reminders and working days, merged into the message catalogue."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # fields
    "field.schedule": ("Schedule", "计划"),
    "field.schedule_kind": ("Schedule type", "计划类型"),
    "field.owner": ("Owner", "负责人"),
    "field.rule": ("Recurrence", "重复规则"),
    "field.start": ("Start", "开始时间"),
    "field.repeat_until": ("Repeat until", "重复截止日期"),
    "field.timezone": ("Time zone", "时区"),
    "field.lead_minutes": ("Reminder lead time (minutes)", "提前提醒（分钟）"),
    "field.working_days": ("Working days", "工作日规则"),
    "field.occurrence": ("Occurrence", "计划事项"),
    "field.snooze_until": ("Snooze until", "稍后提醒时间"),
    "field.date_range": ("Date range", "日期范围"),
    # kinds, policies, statuses
    "schedule_kind.drill": ("Drill", "演练"),
    "schedule_kind.inspection": ("Inspection", "检查"),
    "schedule_kind.hazard": ("Hazard due date", "隐患整改期限"),
    "schedule_kind.action": ("Corrective action", "整改措施"),
    "schedule_kind.complaint": ("Complaint due date", "投诉处理时限"),
    "schedule_kind.training": ("Certificate expiry", "证书到期"),
    "schedule_kind.custom": ("Other", "其他"),
    "working_days.none": ("Keep the date", "不调整日期"),
    "working_days.next": ("Move to the next working day", "顺延至下一个工作日"),
    "working_days.previous": ("Move to the previous working day", "提前至上一个工作日"),
    "working_days.skip": ("Skip days off", "非工作日跳过"),
    "working_days.before_holiday": (
        "Only the last working day before a public holiday",
        "仅节假日前最后一个工作日",
    ),
    "occurrence_status.open": ("Open", "待办"),
    "occurrence_status.done": ("Done", "已完成"),
    "occurrence_status.skipped": ("Skipped", "已跳过"),
    "reminder_kind.ahead": ("Coming up", "即将到期"),
    "reminder_kind.overdue": ("Overdue", "已逾期"),
    # recurrence names
    "rule.once": ("Once", "一次性"),
    "rule.daily": ("Daily", "每天"),
    "rule.weekly": ("Weekly", "每周"),
    "rule.monthly": ("Monthly", "每月"),
    "rule.quarterly": ("Quarterly", "每季度"),
    "rule.semiannual": ("Every 6 months", "每半年"),
    "rule.yearly": ("Yearly", "每年"),
    "rule.two_hourly": (
        "Every 2 hours while open (9:00, 11:00, 13:00, 15:00)",
        "营业期间每2小时（9:00、11:00、13:00、15:00）",
    ),
    "rule.before_holidays": ("Before each public holiday", "每个法定节假日前"),
    "rule.every_daily": ("Every {n} days", "每 {n} 天"),
    "rule.every_weekly": ("Every {n} weeks", "每 {n} 周"),
    "rule.every_monthly": ("Every {n} months", "每 {n} 个月"),
    "rule.every_yearly": ("Every {n} years", "每 {n} 年"),
    "rule.count": (", {n} times", "，共 {n} 次"),
    "rule.until": (", until {date}", "，至 {date}"),
    # actions (permission messages)
    "action.schedule.manage": ("manage schedules", "管理计划"),
    "action.schedule.read": ("view schedules", "查看计划"),
    "action.schedule.complete": ("complete scheduled items", "完成计划事项"),
    "action.schedule.remind": ("snooze or dismiss reminders", "处理提醒"),
    "action.schedule.remind_any": ("snooze or dismiss other people's reminders", "处理他人的提醒"),
    "action.schedule.reminders_all": ("see everyone's reminders", "查看所有人的提醒"),
    # actions named only in the audit trail
    "action.schedule.add": ("add a schedule", "新增计划"),
    "action.schedule.update": ("edit a schedule", "修改计划"),
    "action.schedule.active": ("pause or resume a schedule", "暂停或恢复计划"),
    "action.schedule.remove": ("remove a schedule", "删除计划"),
    "action.schedule.reschedule": ("move one occurrence", "调整单次计划时间"),
    "action.schedule.done": ("mark a scheduled item done", "完成计划事项"),
    "action.schedule.skipped": ("mark a scheduled item skipped", "跳过计划事项"),
    "action.schedule.snooze": ("snooze a reminder", "稍后提醒"),
    "action.schedule.dismiss": ("dismiss a reminder", "关闭提醒"),
    # errors
    "schedule.not_found": ("No schedule #{id}", "没有编号为 {id} 的计划"),
    # named in "… was changed by someone else" (error.changed_elsewhere)
    "schedule.record": ("The schedule {title}", "计划“{title}”"),
    "schedule.no_occurrence": ("No scheduled item #{id}", "没有编号为 {id} 的计划事项"),
    "schedule.no_reminder": ("No reminder #{id}", "没有编号为 {id} 的提醒"),
    "schedule.not_your_reminder": (
        "The reminder '{title}' is {owner}'s: only they or the safety lead snooze or dismiss it",
        "提醒“{title}”属于{owner}：只有本人或安全负责人可以稍后提醒或关闭",
    ),
    "schedule.bad_timezone": ("unknown time zone '{name}'", "未知时区“{name}”"),
    "schedule.bad_rule": (
        "'{rule}' is not a valid recurrence rule ({reason})",
        "“{rule}”不是有效的重复规则（{reason}）",
    ),
    "schedule.bad_frequency": (
        "repeats {freq}; use one of {allowed}, or a preset: "
        "daily, weekly, monthly, quarterly, semiannual, yearly",
        "重复频率 {freq} 不可用；请使用 {allowed}，"
        "或预设：daily、weekly、monthly、quarterly、semiannual、yearly",
    ),
    "schedule.bad_until": ("end date '{value}' is not YYYYMMDD", "结束日期“{value}”应为 YYYYMMDD 格式"),
    "schedule.until_and_count": (
        "give an end date or a number of times, not both",
        "结束日期和次数只能二选一",
    ),
    "schedule.repeated_part": ("a part is given twice", "有重复的规则项"),
    "schedule.end_without_rule": (
        "an end date or count needs a recurrence",
        "只有重复计划才能设置结束日期或次数",
    ),
    "schedule.rule_empty": ("the rule yields no date from the start on", "该规则从开始时间起不产生任何日期"),
    "schedule.bad_interval": (
        "INTERVAL must be a whole number from 1 to {high}",
        "INTERVAL 须为 1 至 {high} 的整数",
    ),
    "schedule.skip_only_days_off": (
        "every date of this rule falls on a weekend or public holiday, so skipping days off would"
        " drop them all; choose the next or previous working day, or another rule",
        "该规则的日期都落在周末或法定节假日，跳过非工作日将使其全部取消；请改为顺延、提前或更换规则",
    ),
    "schedule.skip_needs_rule": (
        "a one-off date cannot skip days off; move it to a working day instead",
        "一次性计划不能跳过非工作日，请改为顺延或提前",
    ),
    "schedule.has_history": (
        "'{title}' has completed items; pause it instead of deleting it",
        "“{title}”已有完成记录，请停用而不是删除",
    ),
    "schedule.occurrence_closed": ("this item is already {status}", "该事项已是“{status}”状态"),
    "schedule.move_into_past": (
        "an open item cannot be moved to a day that is over: move it to today or later",
        "未完成的事项不能移到已过去的日期：请移到今天或以后",
    ),
    "schedule.snooze_past": ("snooze until a time in the future", "稍后提醒时间必须晚于现在"),
    "schedule.bad_range": ("the end must be after the start", "结束时间必须晚于开始时间"),
    "schedule.reschedule_too_far": (
        "an item can move at most {days} days from its planned date",
        "事项最多只能相对原计划日期调整 {days} 天",
    ),
    "field.due_at": ("Due", "到期时间"),
    "schedule.moved_by_drill": (
        "this is the date of drill #{id}: move the drill itself (drag it in the calendar, or `drill move`)",
        "这是演练 #{id} 的日期：请移动演练本身（在日历中拖动，或使用 `drill move`）",
    ),
    "schedule.not_an_occurrence": (
        "the schedule has no open item at that time any more; refresh the calendar",
        "该计划在此时间已没有待办事项，请刷新日历",
    ),
    "schedule.paused_no_move": (
        "'{title}' is paused: it owes nothing until it is resumed, so none of its items can move",
        "“{title}”已停用：恢复之前不再安排事项，其事项不能移动",
    ),
    # what ends an item that a record owns: never "done" by hand
    "schedule.ends_with_hazard": (
        "this item ends with its hazard: remediate it, and have it verified or closed on the Hazards page",
        "此事项随隐患结束：请整改该隐患，并在“隐患”页面验证或关闭",
    ),
    "schedule.ends_with_complaint": (
        "this item ends with its complaint: record the reply (the Complaints page, or `complaint step`)"
        " or the customer's withdrawal (`complaint withdraw`)",
        "此事项随投诉结束：请登记答复（“投诉”页面，或 `complaint step`），或登记客户撤诉（`complaint withdraw`）",
    ),
    "schedule.ends_with_training": (
        "this item ends with the certificate: record the renewed training (`training add`); one that"
        " will not be renewed (its holder left the branch) is skipped with its reason"
        " (`schedule done ID --skip REASON`)",
        "此事项随证书结束：请登记续训取得的新证书（`training add`）；不再续训的（如持证人已离开本网点），"
        "请注明原因后跳过（`schedule done 编号 --skip 原因`）",
    ),
    # the same in the window's words: it shows no item's ID and runs no command
    "schedule.ends_with_complaint.window": (
        "this item ends with its complaint: record the reply, or the customer's withdrawal, on the"
        " Complaints page",
        "此事项随投诉结束：请在“客户投诉”页面登记答复，或登记客户撤诉",
    ),
    "schedule.ends_with_action.window": (
        "this item ends with its corrective action: mark the action done on the Drills page, Corrective"
        " actions tab",
        "此事项随整改措施结束：请在“应急演练”页面的“整改措施”标签页将该整改措施标记为完成",
    ),
    "schedule.ends_with_training.window": (
        "this item ends with the certificate: record the renewed training (People & contacts, Team & training"
        " tab); one that will not be renewed (its holder left the branch) is skipped with its reason (Skip…)",
        "此事项随证书结束：请在“人员与联系人”页面的“应急队伍与培训”标签页登记续训取得的新证书；"
        "不再续训的（如持证人已离开本网点），请注明原因后跳过（“跳过…”）",
    ),
    "schedule.done_by_drill.window": (
        "a drill is done by running it on the Drills page; one that could not be held is skipped"
        " with its reason (Skip…)",
        "演练须在“应急演练”页面实际开展才算完成；确实无法开展的，请注明原因后跳过（“跳过…”）",
    ),
    "schedule.done_by_inspection.window": (
        "an inspection is done by submitting it on the Inspections page; one that could not be held"
        " is skipped with its reason (Skip…)",
        "检查须在“安全检查”页面提交检查记录才算完成；确实无法进行的，请注明原因后跳过（“跳过…”）",
    ),
    "schedule.ends_with_action": (
        "this item ends with its corrective action: mark the action done (`action done`)",
        "此事项随整改措施结束：请将该整改措施标记为完成（`action done`）",
    ),
    "schedule.ends_with_drill": (
        "this is a planned drill's date: run the drill, move it or cancel it on the Drills page"
        " (`drill run`, `drill move`)",
        "这是已计划演练的日期：请在“演练”页面开展、移动或取消该演练（`drill run`、`drill move`）",
    ),
    "schedule.ends_with_drill.window": (
        "this is a planned drill's date: run the drill, move it or cancel it on the Drills page",
        "这是已计划演练的日期：请在“应急演练”页面开展、移动或取消该演练",
    ),
    "schedule.done_by_drill": (
        "a drill is done by running it (the Drills page, or `drill run`); one that could not be held"
        " is skipped with its reason (`schedule done ID --skip REASON`)",
        "演练须实际开展才算完成（“演练”页面，或 `drill run`）；确实无法开展的，请注明原因后跳过"
        "（`schedule done 编号 --skip 原因`）",
    ),
    "schedule.done_by_inspection": (
        "an inspection is done by submitting it (the Inspections page, or `inspection start` and"
        " `inspection submit`); one that could not be held is skipped with its reason"
        " (`schedule done ID --skip REASON`)",
        "检查须提交检查记录才算完成（“检查”页面，或 `inspection start` 与 `inspection submit`）；"
        "确实无法进行的，请注明原因后跳过（`schedule done 编号 --skip 原因`）",
    ),
    "drill.action_done_note": ("the corrective action was marked done", "整改措施已完成"),
    "action.drill.action_done": ("mark corrective actions done", "确认整改完成"),
    "schedule.action_title": ("Corrective action: {text}", "整改：{text}"),
    "working_days.uncovered": (
        "Holiday data covers {covered}; dates in {years} avoid only weekends and the fixed-date holidays "
        "(New Year's Day, 1-2 May, 1-3 October). Import the head-office library once head office has "
        "added the State Council's holiday schedule for those years.",
        "节假日数据覆盖 {covered} 年；{years} 年的日期仅避开周末和固定日期的节日（元旦、5月1—2日、10月1—3日）。"
        "总行加入国务院当年放假安排后，请导入总行资料库。",
    ),
    "working_days.tables_end": (
        "No next date: the holiday tables end with {last}, so the working day before a public holiday "
        "in {next} is not known. Head office adds {next}'s table (`ho working-days FILE`, then `ho export "
        "library`); import that library here (`library import FILE`) and the date appears.",
        "无下次日期：节假日表只覆盖到 {last} 年，无法确定 {next} 年节假日前的工作日。"
        "请总行加入 {next} 年的工作日表（`ho working-days 文件`，再 `ho export library`），"
        "在本机导入该资料库（`library import 文件`）后即显示日期。",
    ),
    # command line
    "cli.schedule.id": ("ID", "编号"),
    "cli.schedule.next_due": ("Next due", "下次到期"),
    "cli.schedule.no_next_date": ("none: see below", "无：见下文"),
    "cli.schedule.open": ("Open / overdue", "待办 / 逾期"),
    "cli.schedule.paused": ("paused", "已停用"),
    "cli.schedule.items": ("Open items", "待办事项"),
    "cli.schedule.due": ("Due", "到期时间"),
    "cli.schedule.status": ("Status", "状态"),
    "cli.schedule.added": ("Schedule #{id} added; next due {due}", "已添加计划 #{id}；下次到期 {due}"),
    "cli.schedule.none_due": ("-", "-"),
    "cli.schedule.added_overdue": (
        "Schedule #{id} added; due since {due}: overdue",
        "已添加计划 #{id}；自 {due} 起到期：已逾期",
    ),
    "cli.schedule.added_passed": (
        "Schedule #{id} added; next due {due} (repeating from {start}; dates before now are not counted)",
        "已添加计划 #{id}；下次到期 {due}（自 {start} 起重复；当前时间之前的日期不计入）",
    ),
    "cli.schedule.bad_start": (
        "'{value}' is not a date and time (YYYY-MM-DD HH:MM)",
        "“{value}”不是有效的日期时间（YYYY-MM-DD HH:MM）",
    ),
    "cli.schedule.no_such_day": (
        "'{value}': there is no such day in the calendar",
        "“{value}”：日历上没有这一天",
    ),
    "cli.schedule.bad_date": (
        "'{value}' is not a date (YYYY-MM-DD)",
        "“{value}”不是有效的日期（YYYY-MM-DD）",
    ),
    "cli.schedule.marked": ("Item #{id}: {status}", "事项 #{id}：{status}"),
    "cli.schedule.set_active": ("Schedule #{id}: {state}", "计划 #{id}：{state}"),
    "cli.schedule.active": ("active", "已启用"),
    "schedule.ics_empty": (
        "nothing falls due from {start} to {end}: a calendar file must hold at least one event, so "
        "none was written",
        "{start} 至 {end} 之间没有日程；日历文件至少须含一个日程，因此未写入文件",
    ),
    "cli.calendar.exported": ("{count} event(s) written to {path}", "已导出 {count} 个日程到 {path}"),
    "cli.calendar.exported_cancelled": (
        "{count} event(s) written to {path}, {cancelled} of them cancelled (a calendar importing the "
        "file takes them off)",
        "已导出 {count} 个日程到 {path}，其中 {cancelled} 个已取消（导入该文件的日历会将其移除）",
    ),
    "cli.calendar.bad_suffix": ("{path}: the file name must end in .ics", "{path}：文件名须以 .ics 结尾"),
    # iCalendar export
    "ics.calendar_name": ("BranchGuard schedule", "BranchGuard 计划日历"),
    "ics.owner": ("Owner: {owner}", "负责人：{owner}"),
    "ics.kind": ("Type: {kind}", "类型：{kind}"),
    "ics.status": ("Status: {status}", "状态：{status}"),
    "ics.notes": ("Notes: {notes}", "备注：{notes}"),
    "ics.note": ("This occurrence: {note}", "本次说明：{note}"),
    "ics.withdrawn": (
        "No longer scheduled: moved to another date, paused or removed.",
        "已不在计划中：已改期、暂停或删除。",
    ),
    "due_window.overdue": ("Overdue", "已逾期"),
    "due_window.today": ("Due later today", "今日到期"),
    "due_window.next_7_days": ("Due in the next 7 days", "7 天内到期"),
}

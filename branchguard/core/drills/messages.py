"""English and Chinese text for drills, their evaluation, report and compliance, merged into the catalogue."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # kinds and statuses
    "drill_scope.comprehensive": ("Comprehensive", "综合演练"),
    "drill_scope.single_topic": ("Single-topic", "单项演练"),
    "drill_mode.live": ("Live", "实战演练"),
    "drill_mode.tabletop": ("Tabletop", "桌面推演"),
    "drill_status.planned": ("Planned", "已计划"),
    "drill_status.running": ("Run", "已实施"),
    "drill_status.evaluated": ("Evaluated", "已评估"),
    "drill_status.cancelled": ("Cancelled", "已取消"),
    "compliance_status.on_time": ("On time", "按期"),
    "compliance_status.due_soon": ("Due soon", "即将到期"),
    "compliance_status.overdue": ("Overdue", "已逾期"),
    # fields
    "field.drill": ("Drill", "演练"),
    "field.drill_scope": ("Drill type", "演练类型"),
    "field.drill_mode": ("Drill form", "演练形式"),
    "field.criteria_set": ("Scoring criteria", "评分标准"),
    "field.compliance_rule": ("Compliance rule", "合规要求"),
    "field.interval_months": ("Interval (months)", "间隔（月）"),
    "field.notice_working_days": ("Notice (working days before)", "提前告知（工作日）"),
    "field.scores": ("Scores", "评分"),
    "field.problems": ("Problems found", "发现的问题"),
    "field.lessons": ("Lessons learned", "经验教训"),
    "field.expected_headcount": ("Expected headcount", "应到人数"),
    "field.due_soon_days": ("Due soon within (days)", "临期提醒天数"),
    # permissions
    "action.drill.plan": ("plan drills", "计划演练"),
    "action.drill.cancel": ("cancel drills", "取消演练"),
    "action.drill.move": ("move a drill to another date", "调整演练日期"),
    "action.drill.read": ("view drills", "查看演练"),
    "action.drill.run": ("run drills", "实施演练"),
    "action.drill.evaluate": ("evaluate drills", "评估演练"),
    "action.drill.record_held": ("record drills held earlier", "补录演练"),
    "action.drill.configure": ("edit drill criteria and compliance rules", "编辑演练评分标准与合规要求"),
    "action.drill.criteria": ("edit drill criteria", "编辑演练评分标准"),
    "action.drill.rule": ("edit drill compliance rules", "编辑演练合规要求"),
    # service messages
    "drill.default_title": ("Drill: {plan}", "演练：{plan}"),
    "drill.not_found": ("There is no drill #{id}", "演练 #{id} 不存在"),
    "drill.not_planned": (
        "Drill #{id} is {status}, not planned",
        "演练 #{id} 的状态为“{status}”，不是“已计划”",
    ),
    "drill.still_running": (
        "drill #{id} is still running: end it (close its incident) before evaluating it",
        "演练 #{id} 仍在进行中：请先结束演练（关闭其事件）再评估",
    ),
    "drill.move_past": (
        "a drill can only be moved to a time still ahead",
        "演练只能改到尚未到来的时间",
    ),
    "drill.series_move": (
        "drill #{id} is a series: move one of its dates in the calendar, or change its schedule",
        "演练 #{id} 是周期演练：请在日历中调整其中一次，或修改其计划规则",
    ),
    "drill.not_running": (
        "Drill #{id} is {status}: only a drill that was run and not yet evaluated can be evaluated",
        "演练 #{id} 的状态为“{status}”：只能评估已实施且尚未评估的演练",
    ),
    "drill.not_run": ("Drill #{id} has not been run yet", "演练 #{id} 尚未实施"),
    "drill.held_future": (
        "a drill recorded afterwards must have been held already: this time is still ahead",
        "补录的演练应已举行：所填时间尚未到来",
    ),
    "drill.held_no_actions": (
        "a drill recorded afterwards takes no corrective actions here: it has no live log to follow"
        " them up from. Record them as a hazard or in the next drill's plan",
        "补录的演练不在此登记整改措施（无现场记录可供跟进），请登记为隐患或纳入下次演练计划",
    ),
    "drill.void_not_evaluated": (
        "drill #{id} is {status}: only an evaluated drill recorded afterwards is voided",
        "演练 #{id} 的状态为“{status}”：只有已评估的补录演练可以作废",
    ),
    "drill.already_voided": ("drill #{id} is voided already", "演练 #{id} 已作废"),
    "drill.void_not_recorded": (
        "drill #{id} was not recorded afterwards: only such a drill is voided (a drill run stays in its log)",
        "演练 #{id} 不是补录的演练：只有补录的演练可以作废（实施的演练保留在其事件记录中）",
    ),
    "action.drill.void": ("void drills recorded afterwards", "作废补录的演练"),
    "drill.held_too_early": (
        "a drill recorded afterwards is one held after {day}: check the year",
        "补录的演练应在 {day} 之后举行：请检查年份",
    ),
    "drill.held_twice": (
        "drill #{id} of this plan was held on {day} already: the same record entered twice would count twice",
        "该预案 {day} 已有演练记录（演练 #{id}）：同一记录重复登记会被重复计入",
    ),
    "field.held_at": ("Held at", "举行时间"),
    "field.held_reference": ("Paper record", "纸质记录"),
    "field.evaluator": ("Scored by", "评分人"),
    "drill.headcount_not_running": (
        "Drill #{id} is {status}: the headcount is taken while a run is not yet evaluated",
        "演练 #{id} 的状态为“{status}”：只能在已实施、尚未评估的演练中清点人数",
    ),
    "drill.hazard_not_held": (
        "Drill #{id} is {status}: hazards are raised from a drill once it has been held and evaluated",
        "演练 #{id} 的状态为“{status}”：演练举行并评估后才能登记其发现的隐患",
    ),
    "drill.hazard_voided": (
        "The record of drill #{id} was voided: no hazards are raised from it",
        "演练 #{id} 的补录记录已作废：不能由其登记隐患",
    ),
    "drill.not_evaluated": (
        "Drill #{id} is {status}: corrective actions are followed up once the drill is evaluated",
        "演练 #{id} 的状态为“{status}”：演练评估后才能跟进整改措施",
    ),
    "drill.occurrence_note": ("Run as drill #{id}", "已作为演练 #{id} 实施"),
    "drill.set_empty": (
        "Criteria set '{code}' needs a code and at least one criterion",
        "评分标准“{code}”需要代码和至少一项评分项",
    ),
    "drill.criterion_twice": ("criterion '{criterion}' appears twice", "评分项“{criterion}”重复"),
    "drill.criterion_bad": (
        "criterion '{criterion}' needs a code, a text and a weight above 0",
        "评分项“{criterion}”需要代码、内容和大于 0 的权重",
    ),
    "drill.weights_sum": (
        "the weights of '{code}' add up to {total}, not 100",
        "“{code}”的权重合计为 {total}，应为 100",
    ),
    "drill.no_set": ("No criteria set fits {category}", "没有适用于“{category}”的评分标准"),
    "drill.no_such_set": ("There is no criteria set '{code}'", "评分标准“{code}”不存在"),
    # a record named in "… was changed by someone else" (error.changed_elsewhere)
    "drill.set_record": ("Criteria set {name}", "评分标准“{name}”"),
    "drill.rule_record": ("Compliance rule {name}", "合规要求“{name}”"),
    "drill.unknown_criterion": (
        "'{criterion}' is not a criterion of set {set} (criteria: {known})",
        "“{criterion}”不是评分标准 {set} 的评分项（评分项：{known}）",
    ),
    "drill.missing_score": (
        "criterion '{criterion}' ({text}) has no score",
        "评分项“{criterion}”（{text}）未评分",
    ),
    "drill.missing_scores": (
        "{count} criteria have no score: {codes}",
        "{count} 个评分项未评分：{codes}",
    ),
    "drill.bad_score": (
        "criterion '{criterion}': the score must be a whole number from 0 to 100, not {value}",
        "评分项“{criterion}”：分数应为 0 到 100 的整数，而不是 {value}",
    ),
    # command line
    "cli.drill.moved": ("Drill #{id} moved to {when}", "演练 #{id} 已改到 {when}"),
    "cli.drill.planned": ("Drill #{id} planned for {when}", "已计划演练 #{id}，时间 {when}"),
    "cli.drill.planned_past": (
        "Drill #{id} planned for {when}: that date has already passed, so it is overdue now",
        "已计划演练 #{id}，时间 {when}：该日期已过，演练即刻逾期",
    ),
    "cli.drill.planned_series": (
        "Drill #{id} planned, recurring ({rule}); next {when}",
        "已计划演练 #{id}，重复规则 {rule}；下次 {when}",
    ),
    "cli.drill.evaluated": ("Drill #{id} evaluated: {score} / 100", "演练 #{id} 已评估：{score} / 100"),
    "cli.drill.recorded_held": (
        "Drill #{id} recorded afterwards: held {when}, scored {score} / 100",
        "已补录演练 #{id}：举行于 {when}，得分 {score} / 100",
    ),
    "cli.drill.recorded_afterwards": ("recorded afterwards", "补录"),
    "cli.drill.run_of": ("Run of #{id}", "属系列 #{id}"),  # as the Drills page's Repeats column
    "cli.drill.held_needs_time": (
        "'{value}' has no time: give the time the drill began too, from its record ('YYYY-MM-DD HH:MM')",
        "“{value}”缺少时刻：请依据记录一并填写演练开始时间（YYYY-MM-DD HH:MM）",
    ),
    "cli.drill.voided": (
        "Drill #{id} voided: it no longer counts towards the compliance rules",
        "演练 #{id} 已作废：不再计入演练合规要求",
    ),
    "cli.drill.bad_participants": (
        "'{value}' is not role=name[,name…]",
        "“{value}”不符合“角色=姓名[,姓名…]”的格式",
    ),
    "cli.drill.scores_file": ("Scores file {path}: {error}", "评分文件 {path}：{error}"),
    "cli.drill.scores_line": ("line {line}: {reason}", "第 {line} 行：{reason}"),
    "cli.drill.scores_shape": (
        "expected a mapping of criterion codes to scores, with optional problems, lessons and actions",
        "应为“评分项代码: 分数”的映射，可含 problems、lessons 和 actions",
    ),
    "cli.drill.none": ("No drills", "暂无演练"),
    "cli.compliance.next_due": ("Next due by", "下次最迟"),
    # a rule never met: no matching drill since the branch began with BranchGuard (its first interval)
    "drill.compliance.none_since": ("none since {day}", "{day} 起未开展"),
    # report
    "report.drill.header": ("Drill report #{id}", "演练报告 #{id}"),
    "report.drill.overview": ("Overview", "演练概况"),
    "report.drill.goals": ("Goals", "演练目标"),
    "report.drill.participants": ("Participants", "参演人员"),
    "report.drill.observers": ("Observers", "观摩人员"),
    "report.drill.headcount": ("Headcount", "清点人数"),
    "report.drill.headcount_value": (
        "{present} present of {expected} expected",
        "实到 {present} 人，应到 {expected} 人",
    ),
    "report.drill.not_counted": ("Not counted", "未清点"),
    "report.drill.timings": ("Step timings against targets", "步骤用时与目标对比"),
    "report.drill.chart_target": ("Target (min)", "目标（分钟）"),
    "report.drill.chart_actual": ("Actual (min)", "实际（分钟）"),
    "report.drill.chart_caption": (
        "Minutes from the start to each step, written above its bar, against the plan's target; "
        "a step with no number was skipped or not done.",
        "各步骤自演练开始所用分钟数（标于柱上）与预案目标对比；无数字的步骤为跳过或未完成。",
    ),
    "report.drill.scores": ("Scores by criterion", "分项评分"),
    "report.drill.col.criterion": ("Criterion", "评分项"),
    "report.drill.col.weight": ("Weight", "权重"),
    "report.drill.col.score": ("Score", "得分"),
    "report.drill.col.points": ("Points", "加权分"),
    "report.drill.total": ("Weighted total", "加权总分"),
    "report.drill.evaluator": ("Evaluated by {who} on {at}", "评估人 {who}，评估时间 {at}"),
    "report.drill.not_evaluated": ("Not evaluated yet", "尚未评估"),
    "report.drill.not_run": ("Not run yet", "尚未实施"),
    "report.drill.problems": ("Problems found", "发现的问题"),
    "report.drill.findings": ("Problems and lessons", "问题与经验教训"),
    "report.drill.lessons": ("Lessons learned", "经验教训"),
    "report.drill.actions": ("Corrective actions", "整改措施"),
    "report.drill.hazards": ("Hazards raised from this drill", "本次演练发现的隐患"),
    "report.drill.col.hazard": ("Hazard no.", "隐患编号"),
    "report.drill.planned_at": ("Planned for", "计划时间"),
    "report.drill.run_at": ("Run at", "实施时间"),
    "report.drill.ended_at": ("Ended at", "结束时间"),
    "report.drill.number": ("Drill number", "演练编号"),
    "report.drill.announced": ("Announced", "通知方式"),
    "report.drill.announced_yes": ("Announced in advance", "预先通知"),
    "report.drill.announced_no": ("Unannounced", "不预先通知"),
    "report.drill.incident": ("Incident record", "事件记录"),
    "report.drill.recorded_afterwards": ("Recorded afterwards", "补录"),
    "report.drill.no_log": (
        "Recorded afterwards: no step timings and no log of the drill as it was held",
        "补录演练：无实施过程中的步骤计时与现场记录",
    ),
    "report.drill.recorded_from": (
        "from {reference}, by {who} on {at}: held without BranchGuard, no live log",
        "依据{reference}，由{who}于 {at} 补录：未使用本系统实施，无现场记录",
    ),
    "report.drill.voided_note": (
        "Voided: this drill recorded afterwards does not count towards the compliance rules",
        "已作废：本补录演练不计入演练合规要求",
    ),
    "report.drill.voided_status": ("Voided", "已作废"),
    "report.drill.voided": ("Voided", "作废"),
    "report.drill.voided_by": ("by {who} on {at}", "由{who}于 {at} 作废"),
    "report.drill.void_reason": ("Reason voided", "作废原因"),
    "report.drill.signer.evaluator": ("Evaluator", "评估人"),
    "report.drill.none": ("None", "无"),
}

"""Chinese help: playbook, incident, action, warning, drill and compliance."""

from __future__ import annotations

HELP: dict[str, str] = {
    # playbook
    "list plans (each in its current version)": "列出预案（各取当前版本）",
    "show a plan in full": "显示预案全文",
    "write plans to an exchange file (YAML)": "将预案写入交换文件（YAML）",
    "read plans from an exchange file, all or nothing": "从交换文件读取预案，全部成功或全部不导入",
    "approve a plan's draft; prints the new version number": "批准预案草稿；输出新版本号",
    "print a plan as a one- or two-page card (PDF)": "将预案打印为一至两页的处置卡（PDF）",
    "part of a code, title, trigger or step text": "代码、标题、启动条件或步骤内容的一部分",
    "only plans of this tier": "只列出此层级的预案",
    "only plans of this incident category": "只列出此事件类别的预案",
    "only plans that allow this level": "只列出适用此级别的预案",
    "only plans in this status": "只列出此状态的预案",
    "the plan's code, e.g. FIRE": "预案代码，例如 FIRE",
    "this version number": "此版本号",
    "the open draft": "当前草稿",
    "the codes of the plans to write": "要写出的预案代码",
    "every plan": "全部预案",
    "file to write": "要写入的文件",
    "the exchange file to read (YAML)": "要读取的交换文件（YAML）",
    "only show what would change": "只显示将发生的变更",
    "this version (default: the current one)": "此版本（默认：当前版本）",
    # incident
    "start an incident (ad hoc without --playbook); prints its id": (
        "启动应急处置（不带 --playbook 时为临时处置）；输出事件编号"
    ),
    "set or change a weather incident's four-colour warning level (logged)": (
        "设置或调整气象类事件的四色预警级别（记入日志）"
    ),
    "add an entry to an incident's log; prints its number": "在事件日志中添加一条记录；输出记录序号",
    "mark a step done or skipped; prints the entry's number": "将步骤标记为已完成或已跳过；输出记录序号",
    "close an incident with its outcome": "结束事件并登记处置结果",
    "show an incident with its steps and full log": "显示事件及其步骤和完整日志",
    "list incidents, newest first": "列出事件，最新的在前",
    "the plan to follow (its approved version)": "要执行的预案（其已批准版本）",
    "default: the least severe level the plan allows": "默认：预案允许的最低级别",
    "a drill (演练), marked as one everywhere": "演练（所有地方均标注为演练）",
    "default: the plan's title": "默认：预案标题",
    "the four-colour warning (蓝/黄/橙/红色预警) in force: weather and natural-disaster plans only": (
        "当前生效的四色预警（蓝/黄/橙/红色预警）：仅限气象和自然灾害类预案"
    ),
    "start even though an incident of this plan is open: a second, separate event of its kind": (
        "即使该预案已有事件在处置中也启动：另一起同类的独立事件"
    ),
    "the incident's id": "事件编号",
    "the warning level now in force": "当前生效的预警级别",
    "why, e.g. the bureau's new signal": "原因，例如气象部门发布的新信号",
    "the entry's type": "记录类型",
    "what happened, was done or was said": "发生的情况、采取的行动或沟通的内容",
    "the number of the entry this corrects": "被更正记录的序号",
    "the step's number, from 1": "步骤序号，从 1 开始",
    "the step was done": "步骤已完成",
    "skipped, not done, because REASON": "跳过而未完成，原因为 REASON",
    "how the incident ended": "事件的处置结果",
    "injuries, if any": "人员伤亡情况（如有）",
    "losses in yuan, e.g. 1250.50": "损失金额（元），例如 1250.50",
    "what caused the incident": "事件原因",
    "a follow-up action, its owner and due date (the date may be left out); repeatable": (
        "整改措施、责任人和完成期限（期限可省略）；可重复"
    ),
    "close it although steps are still pending (without it they are listed and nothing is closed)": (
        "即使仍有待办步骤也结案（不加此项时列出待办步骤，不结案）"
    ),
    "only open incidents": "只列出未结束的事件",
    "words in a title or in any log entry": "标题或任一日志记录中的词语",
    "real incidents only": "只列出真实事件",
    "drills only": "只列出演练",
    "only open incidents with a report to head office (上报) past its deadline": (
        "只列出向上级报告（上报）已超时的未结束事件"
    ),
    # action
    "every action, by due date": "全部整改措施，按完成期限排列",
    "mark an action done (its reminder ends with it)": "将整改措施标记为已完成（其提醒随之结束）",
    "only actions not yet done": "只列出未完成的整改措施",
    "only actions not done and past their due date": "只列出已逾期的未完成整改措施",
    "the action's id": "整改措施编号",
    # warning
    "record a warning received; prints its id": "登记收到的预警；输出其编号",
    "the warnings, newest received first": "预警列表，最近收到的在前",
    "record that a warning was lifted (or cancelled)": "登记预警已解除（或已取消）",
    "start the natural-disaster plan from a warning; prints the incident id": (
        "根据预警启动自然灾害预案；输出事件编号"
    ),
    "who issued it": "发布单位",
    "its colour": "预警颜色",
    "the hazard": "灾害种类",
    "when it came (local time)": "收到时间（本地时间）",
    "the warning as received": "收到的预警原文",
    "also start the natural-disaster plan (NAT) at this warning": "同时按此预警启动自然灾害预案（NAT）",
    "only those in force (not lifted or cancelled)": "只列出生效中的预警（未解除或取消）",
    "only orange and red (the dashboard's count)": "只列出橙色和红色预警（即仪表盘的统计口径）",
    "the warning's id": "预警编号",
    "a note, e.g. who announced the lifting": "备注，例如由谁宣布解除",
    "cancelled by its issuer, not lifted": "由发布单位取消，而非解除",
    "with --start: start a second, separate event though the plan's incident is open": (
        "与 --start 一起使用：即使该预案已有事件在处置中，也作为另一起独立事件启动"
    ),
    "log a warning in an incident already open, raising its level to a higher one": (
        "将预警记入已在处置中的事件；预警级别更高时同时提升事件的预警级别"
    ),
    "the open incident's id": "处置中事件的编号",
    # drill
    "plan a drill of a playbook; prints its id": "按预案计划一次演练；输出演练编号",
    "drills, the newest first": "演练列表，最新的在前",
    "start the drill's incident (flagged as a drill); prints its id": (
        "启动演练对应的事件（标注为演练）；输出事件编号"
    ),
    "move a planned drill to another date (its calendar entry follows)": (
        "将已计划的演练改到其他日期（日程随之调整）"
    ),
    "record the headcount at the assembly point": "登记集合点清点人数",
    "score a drill that was run": "为已实施的演练评分",
    "the scenario, e.g. FIRE": "演练场景，例如 FIRE",
    "'YYYY-MM-DD HH:MM' local time (a date alone: 09:00)": (
        "'YYYY-MM-DD HH:MM' 本地时间（只给日期时为 09:00）"
    ),
    "repeat: monthly, quarterly, semiannual, yearly or an RFC 5545 rule": (
        "重复：`monthly`（每月）、`quarterly`（每季度）、`semiannual`（每半年）、`yearly`（每年）或 RFC"
        " 5545 规则"
    ),
    "comprehensive or single_topic (default) drill": (
        "综合演练（comprehensive）或单项演练（single_topic，默认）"
    ),
    "live (default) or tabletop exercise": "实战演练（live，默认）或桌面推演（tabletop）",
    "staff are not told in advance": "不提前通知员工",
    "staff were not told in advance": "未提前通知员工",
    "participants by role or team (repeatable), e.g. branch_head=王经理": (
        "按岗位或小组列出参演人员（可重复），例如 branch_head=王经理"
    ),
    "an observer's name; repeatable": "观摩人员姓名；可重复",
    "a goal of the drill; repeatable": "演练目标；可重复",
    "expected headcount at the assembly point": "集合点预计清点人数",
    "only drills in this status": "只列出此状态的演练",
    "the drill's id": "演练编号",
    "how many people were counted at the assembly point": "集合点清点到的人数",
    (
        "JSON or YAML: {criterion_code: 0-100, ..., problems: text, lessons: text, actions: [{text, owner, "
        "due: YYYY-MM-DD}]}"
    ): (
        "JSON 或 YAML 格式：`{criterion_code: 0-100, ..., problems: 文字, lessons: 文字, "
        "actions: [{text, owner, due: YYYY-MM-DD}]}`"
    ),
    (
        "record a drill held without BranchGuard (before the install, or on paper), with its scores; it "
        "counts towards the compliance rules from the day it was held; prints its id"
    ): (
        "补录未使用本系统实施的演练（安装之前或纸质组织的）及其评分；自举行之日起计入演练合规要求；"
        "输出演练编号"
    ),
    "the scenario drilled, e.g. FIRE": "演练所依据的预案，例如 FIRE",
    "void a drill recorded afterwards by mistake: it stops counting; the record stays": (
        "作废误录的补录演练：不再计入合规要求，记录本身保留"
    ),
    "why the record is void (kept)": "作废原因（予以保留）",
    "who scored it, as the paper form names them (default: you)": "评分人，按纸质评分表填写（默认：本人）",
    "when it was held: 'YYYY-MM-DD HH:MM' local time": "举行时间：'YYYY-MM-DD HH:MM' 本地时间",
    "where its paper record is kept, e.g. 台账第14页": "纸质记录所在，例如 台账第14页",
    "JSON or YAML: {criterion_code: 0-100, ..., problems: text, lessons: text}": (
        "JSON 或 YAML 格式：`{criterion_code: 0-100, ..., problems: 文字, lessons: 文字}`"
    ),
    # compliance
    "the region's rules (default: the built-in ones)": "此地区的规定（默认：内置规定）",
    "'due soon' within this many days": "在此天数内到期即为“即将到期”",
    "only rules in this state (repeat for several)": "只列出处于此状态的规定（可重复以指定多个）",
}

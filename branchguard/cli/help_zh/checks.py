"""Chinese help: inspection, hazard and complaint."""

from __future__ import annotations

HELP: dict[str, str] = {
    # the filter group of hazard list, complaint list and their reports
    "filters (all given must hold)": "筛选条件（须全部满足）",
    # inspection
    "the checklist templates": "检查表模板",
    "start an inspection of a template; prints its id": "按模板开始一次检查；输出检查编号",
    "answer an item (1-based number) or every item still unanswered": (
        "回答一个检查项（序号从 1 开始），或回答全部未答项"
    ),
    "start the plan a failed item names (e.g. the ATM plan)": (
        "启动未通过检查项所指的预案（例如自助设备预案）"
    ),
    "sign as inspector or reviewer": "以检查人或复核人身份签字",
    "submit: failed items open hazards; no change afterwards": "提交：未通过项登记为隐患；提交后不可更改",
    "an inspection with its answers": "检查及其各项结果",
    "template code, e.g. FIRE_DAILY": "模板代码，例如 FIRE_DAILY",
    "where, e.g. 营业厅": "检查地点，例如营业厅",
    "the due schedule occurrence this run does": "本次检查完成的到期计划项",
    "the inspection's id": "检查编号",
    "the item's number, or 'rest'": "检查项序号，或 `rest`（全部未答项）",
    "pass, fail or na (not applicable)": "pass（合格）、fail（不合格）或 na（不适用）",
    "a note on the item (not with 'rest')": "检查项备注（不可与 `rest` 同用）",
    "attach (repeatable)": "附件（可重复）",
    "a failed item corrected on the spot (当场整改): what was done; its hazard is recorded closed": (
        "未通过项已当场整改：说明所做整改；对应隐患登记为已销号"
    ),
    "the failed item's number": "未通过检查项的序号",
    "log the failure in this open incident of the plan instead of starting another": (
        "将此项记入该预案处置中的这起事件，不再另行启动"
    ),
    "the person signing": "签字人",
    "sign as inspector first": "先以检查人身份签字",
    # hazard
    "hazards: overdue first, then by due date": "隐患列表：已逾期的在前，其余按整改期限排列",
    "a hazard with its remediation steps and history": "隐患及其整改步骤和历史记录",
    "enter a hazard by hand (it needs an owner)": "手工登记隐患（须指定责任人）",
    "verify a remediated hazard's fix (not by whoever remediated it)": (
        "验收已整改的隐患（整改人本人不能验收）"
    ),
    "close (销号) a verified hazard": "隐患销号（须已验收）",
    "what was checked": "验收内容",
    "the closing note": "销号说明",
    "a major hazard with milestones not recorded: why it goes ahead (kept in its history)": (
        "重大隐患节点未记录时：仍予通过的理由（记入隐患处理记录）"
    ),
    "still open: open or remediated, not yet verified": "尚未关闭：待整改或已整改、尚未验收",
    "this status (repeat for several)": "此状态（可重复以指定多个）",
    "only hazards of this severity": "只列出此等级的隐患",
    "the owner's name": "责任人姓名",
    "past the due date and not yet verified": "已过整改期限且尚未验收",
    "in the number, title, description or location": "编号、标题、描述或位置中的文字",
    "opened on or after this local date": "在此本地日期当天或之后登记",
    "opened on or before this local date": "在此本地日期当天或之前登记",
    "opened by this inspection": "由此次检查发现",
    "only hazards found by an inspection or a drill, or entered by hand": (
        "只列出检查发现、演练发现或手工登记的隐患"
    ),
    "raised from this drill": "由此次演练登记",
    "found by this drill (held: evaluated or recorded)": "由此次演练发现（须已举行：已评估或已补录）",
    "as the register shows it (YH-2026-0007), or 7": "隐患台账所示编号（YH-2026-0007），或 7",
    "what is wrong (the first line is the title unless --title)": (
        "隐患描述（除非指定 --title，第一行即为标题）"
    ),
    "who answers for it (gets the due reminders)": "责任人（接收到期提醒）",
    "general (default) or major": "一般隐患（general，默认）或重大隐患（major）",
    "where the hazard is": "隐患所在位置",
    "a short title (default: the description's first line)": "简短标题（默认：描述的第一行）",
    "due by this local date (YYYY-MM-DD); default: the policy's": (
        "整改期限（本地日期 YYYY-MM-DD）；默认按隐患管理规定"
    ),
    # complaint
    "register (受理) a complaint; prints its id": "受理一件投诉；输出投诉编号",
    "the register: overdue first, then by due date": "投诉登记簿：已逾期的在前，其余按处理期限排列",
    "a complaint with its steps and history": "投诉及其处理步骤和历史记录",
    "name the handler (never the person complained about)": "指定处理人（不得为被投诉人）",
    "record a step: investigate, decide, reply, archive (in order)": (
        "登记处理步骤：调查、处理决定、答复、归档（依次进行）"
    ),
    "extend the deadline: to 30 days, then 60 with an approver": (
        "延长处理期限：先延至 30 天，再经审批延至 60 天"
    ),
    "the customer withdrew: the complaint and its clock end": "客户撤回投诉：投诉及其计时随之结束",
    "the complaint categories: code and both names": "投诉类别：代码及中英文名称",
    "how the complaint came in": "投诉渠道",
    "when it was received, local time": "受理时间（本地时间）",
    "the complainant's name": "投诉人姓名",
    "the complainant's phone number": "投诉人电话号码",
    "the complainant's identity document number": "投诉人证件号码",
    "the staff member complained about": "被投诉人",
    "the post complained about": "被投诉岗位",
    "a code from `complaint categories`": "`complaint categories` 中的类别代码",
    "the customer's request": "客户诉求",
    "complaint (default), grumble or objection": (
        "complaint（投诉，默认）、grumble（抱怨）或 objection（异议）"
    ),
    "the facts as the customer tells them": "客户陈述的事实经过",
    "the business line concerned, e.g. deposits or cards": "涉及的业务条线，例如存款或银行卡",
    "repeat, at most 5": "可重复，最多 5 人",
    "the incident it came with": "相关联的事件",
    "首问负责人 (default: you)": "首问负责人（默认：本人）",
    "what the customer was told on acceptance": "受理时告知客户的内容",
    "not yet archived or withdrawn": "尚未归档或撤回",
    "past the due date with no reply yet": "已过处理期限且尚未答复",
    "only complaints in this status": "只列出此状态的投诉",
    "only this type: complaint, grumble or objection": (
        "只列出此类型：complaint（投诉）、grumble（抱怨）或 objection（异议）"
    ),
    "only complaints received through this channel": "只列出经此渠道受理的投诉",
    "see `complaint categories`": "参见 `complaint categories`",
    "received in YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD": (
        "受理时间在 YYYY、YYYY-MM、YYYY-Qn 或 YYYY-MM-DD..YYYY-MM-DD 内"
    ),
    "in the number (TS-2026-0007; TS-2026 or 2026: that year's), the customer's name (in full "
    "only for a role that may unmask, and audited when it finds one; else as masked: 张*), the "
    "request, the facts or the person complained about": (
        "编号（TS-2026-0007；TS-2026 或 2026：该年的投诉）、客户姓名（仅可查看完整信息的角色按全名匹配，"
        "按全名查到投诉时记入审计日志；其他角色按脱敏形式匹配：张*）、投诉请求、事实经过或被投诉人中的文字"
    ),
    "show the complainant's name, phone and identity number in full": "完整显示投诉人的姓名、电话和证件号码",
    "as the register shows it (TS-2026-0007), or 7": "投诉登记簿所示编号（TS-2026-0007），或 7",
    "identifiers in full": "完整显示身份信息",
    "the handler's name": "处理人姓名",
    "the step to record: investigate, decide, reply or archive": (
        "要登记的步骤：investigate（调查）、decide（处理决定）、reply（答复）或 archive（归档）"
    ),
    "what was done in this step": "本步骤的处理情况",
    "evidence; repeat": "证据材料；可重复",
    "decide: the rule or contract clause": "处理决定：处理依据（制度或合同条款）",
    "reply: how": "答复：答复方式",
    "reply: a remedy stated to the customer; repeat (default: all four)": (
        "答复：告知客户的救济途径；可重复（默认：全部四种）"
    ),
    "reply: the customer's response": "答复：客户反馈",
    "reply: the customer's satisfaction (default: unknown)": "答复：客户满意度（默认：unknown，未知）",
    "archive: the cause": "归档：投诉原因",
    "archive: final category": "归档：最终类别",
    "archive: the root cause in words": "归档：原因分析",
    "archive: the follow-up in words": "归档：后续整改措施说明",
    "archive: the follow-up also opens a hazard": "归档：后续整改同时登记一项隐患",
    "archive: a corrective action for `action list`, its owner and due date; repeatable": (
        "归档：一项整改措施（见 `action list`）、责任人和完成期限；可重复"
    ),
    "archive: open a hazard (隐患) for this follow-up, owned by the handler; repeatable": (
        "归档：为此项整改登记一项隐患，由处理人负责；可重复"
    ),
    "why more time is needed": "需要延期的原因",
    "the superior's approver (second extension)": "上级审批人（第二次延期）",
    "how the customer was told (default: the complaint's channel)": "告知客户的方式（默认：投诉渠道）",
    "when the withdrawal came (default: now)": "收到撤回的时间（默认：现在）",
    "when the extension was decided, if entered later (default: now)": (
        "延期的决定时间，事后补录时填写（默认：现在）"
    ),
    "a note on the withdrawal": "撤回备注",
}

"""English and Chinese text for inspections, templates and the hazard register, merged into the
catalogue. Each entry is (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # kinds and statuses
    "item_result.pass": ("Pass", "合格"),
    "item_result.fail": ("Fail", "不合格"),
    "item_result.na": ("N/A", "不适用"),
    "inspection_status.draft": ("In progress", "进行中"),
    "inspection_status.submitted": ("Submitted", "已提交"),
    "cadence.two_hourly": ("Every 2 hours while open", "营业期间每2小时"),
    "cadence.daily": ("Daily", "每日"),
    "cadence.weekly": ("Weekly", "每周"),
    "cadence.monthly": ("Monthly", "每月"),
    "cadence.quarterly": ("Quarterly", "每季度"),
    "cadence.yearly": ("Yearly", "每年"),
    "cadence.before_holidays": ("Before each public holiday", "节假日前"),
    "item_category.fire_safety": ("Fire safety", "消防安全"),
    "item_category.electrical": ("Electrical", "用电安全"),
    "item_category.exits": ("Exits and lighting", "安全出口与照明"),
    "item_category.alarm": ("Alarm", "报警系统"),
    "item_category.cctv": ("CCTV", "视频监控"),
    "item_category.self_service": ("Self-service devices", "自助设备"),
    "item_category.cash_vault": ("Cash vault", "现金库房"),
    "item_category.first_aid": ("First aid", "急救"),
    "item_category.power": ("Power backup", "备用电源"),
    "item_category.staffing": ("Staffing", "人员在岗"),
    "item_category.records": ("Records", "记录台账"),
    "item_category.follow_up": ("Follow-up", "整改跟踪"),
    "item_category.other": ("Other", "其他"),
    "hazard_severity.general": ("General", "一般隐患"),
    "hazard_severity.major": ("Major", "重大隐患"),
    "hazard_status.open": ("Open", "待整改"),
    "hazard_status.remediated": ("Remediated", "已整改"),
    "hazard_status.verified": ("Verified", "已验收"),
    "hazard_status.closed": ("Closed", "已销号"),
    "hazard_source.inspection": ("Inspection", "检查发现"),
    "hazard_source.manual": ("Entered by hand", "手工登记"),
    "hazard_source.drill": ("Drill", "演练发现"),
    "remediation_kind.interim_control": ("Interim control", "临时管控措施"),
    "remediation_kind.plan": ("Remediation plan", "整改方案"),
    "remediation_kind.head_office_report": ("Reported to head office", "上报上级行"),
    "remediation_kind.action": ("Work done", "整改措施"),
    "remediation_kind.on_the_spot": ("Corrected on the spot", "当场整改"),
    "hazard_event.opened": ("Opened", "登记"),
    "hazard_event.edited": ("Edited", "修改"),
    "hazard_event.step_added": ("Step added", "添加整改记录"),
    "hazard_event.remediated": ("Remediated", "整改完成"),
    "hazard_event.verified": ("Verified", "验收通过"),
    "hazard_event.closed": ("Closed", "销号"),
    "hazard_event.reopened": ("Reopened", "重新打开"),
    "hazard_event.waived": ("Milestones outstanding accepted", "节点未完成，说明理由后通过"),
    "signature_role.inspector": ("Inspector", "检查人"),
    "signature_role.reviewer": ("Reviewer", "复核人"),
    # fields
    "field.template": ("Checklist template", "检查模板"),
    "field.template_name": ("Template name", "模板名称"),
    "field.template_param": ("Template setting {key}", "模板参数 {key}"),
    "field.cadence": ("Frequency", "检查频次"),
    "field.description": ("Description", "说明"),
    "field.source": ("Source", "依据"),
    "field.items": ("Checklist items", "检查项目"),
    "field.item": ("Item", "检查项"),
    "field.item_n": ("Item {n}", "第 {n} 项"),
    "field.item_category": ("Item category", "检查类别"),
    "field.inspection": ("Inspection", "检查"),
    "field.result": ("Result", "检查结果"),
    "field.photos": ("Photos", "照片"),
    "field.location": ("Location", "部位"),
    "field.reason": ("Reason", "原因"),
    "field.signature_role": ("Signature", "签字"),
    "field.signer": ("Name of the person signing", "签字人"),
    "field.inspector": ("Inspector", "检查人"),
    "field.reviewer": ("Reviewer", "复核人"),
    "field.severity": ("Severity", "隐患等级"),
    "field.severity_rule": ("Deadlines for {severity} hazards", "{severity}整改时限"),
    "field.hazard_description": ("Hazard description", "隐患描述"),
    "field.hazard_status": ("Hazard status", "隐患状态"),
    "field.remediation_kind": ("Kind of step", "整改记录类型"),
    "field.remediation_step": ("Remediation step", "整改记录"),
    "field.remediation_steps": ("Remediation steps", "整改记录"),
    "field.verified_by": ("Verified by", "验收人"),
    # permissions
    "action.inspection.read": ("view inspections", "查看隐患排查"),
    "action.inspection.run": ("run inspections", "开展检查"),
    "action.inspection.template": ("edit checklist templates", "编辑检查模板"),
    "action.inspection.schedule": ("schedule inspections", "安排检查计划"),
    "action.hazard.read": ("view the hazard register", "查看隐患台账"),
    "action.hazard.create": ("enter hazards", "登记隐患"),
    "action.hazard.update": ("edit hazards", "修改隐患"),
    "action.hazard.set_due": ("set a hazard's due date", "设定隐患整改期限"),
    "action.hazard.downgrade": ("lower a hazard's severity", "降低隐患等级"),
    "action.hazard.remediate": ("record remediation", "记录整改"),
    "action.hazard.verify": ("verify remediation", "验收整改"),
    "action.hazard.close": ("close hazards", "隐患销号"),
    "action.hazard.reopen": ("reopen hazards", "重新打开隐患"),
    "action.hazard.policy": ("change the hazard deadlines", "修改隐患整改时限"),
    # actions named only in the audit trail
    "action.hazard.open": ("open a hazard", "新建隐患"),
    "action.hazard.step": ("record a remediation step", "记录整改进展"),
    "action.hazard.waiver": (
        "verify or close a major hazard with milestones outstanding",
        "重大隐患节点未完成仍予验收或销号",
    ),
    "action.hazard.corrected_on_spot": ("record a fault corrected on the spot", "登记当场整改的隐患"),
    "action.inspection.correct": ("record an on-the-spot correction", "登记当场整改"),
    "action.inspection.escalate": ("start a checklist item's plan", "由检查项启动应急预案"),
    "action.inspection.start": ("start an inspection", "开始检查"),
    "action.inspection.answer": ("answer a checklist item", "填写检查项"),
    "action.inspection.answer_rest": ("answer the remaining items", "批量填写其余检查项"),
    "action.inspection.photo_removed": ("remove an inspection photo", "删除检查照片"),
    "action.inspection.sign": ("sign an inspection", "检查签字"),
    "action.inspection.submit": ("submit an inspection", "提交检查"),
    "action.inspection.amend": ("amend a submitted inspection", "更正已提交的检查"),
    "action.inspection.delete_draft": ("delete an unsubmitted inspection", "删除未提交的检查"),
    "action.inspection.approve": ("approve a checklist template", "批准检查模板"),
    "action.inspection.discard_draft": ("discard a checklist template draft", "放弃检查模板草稿"),
    # templates
    "inspection.template_not_found": ("No checklist template {code}", "没有编号为 {code} 的检查模板"),
    "inspection.no_version": ("Template {code} has no such version", "检查模板 {code} 没有该版本"),
    "inspection.no_approved": (
        "Template {code} has no approved version yet: approve its draft first",
        "检查模板 {code} 尚无已批准的版本：请先批准草稿",
    ),
    "inspection.not_draft": ("Template {code} has no draft", "检查模板 {code} 没有草稿"),
    "inspection.no_items": ("a template needs at least one item", "模板至少需要一个检查项"),
    "inspection.item_key": (
        "key “{key}” must be 1–40 letters, digits, - or _, and unique in the template",
        "标识“{key}”须为 1–40 个字母、数字、- 或 _，且在模板内唯一",
    ),
    "inspection.param_key": (
        "setting name “{key}” must be lower-case letters, digits or _, and unique",
        "参数名“{key}”须为小写字母、数字或 _，且唯一",
    ),
    "inspection.unknown_param": (
        "the text refers to settings the template does not have: {names}",
        "文本引用了模板中不存在的参数：{names}",
    ),
    "inspection.on_fail_not_in_force": (
        "the plan this item of checklist {code} starts on failure, {plan}, has no approved version: "
        "approve that plan first, or name another",
        "检查模板 {code} 的本项不合格时启动的预案 {plan} 没有已批准的版本：请先批准该预案，或改选其他预案",
    ),
    "inspection.on_fail_guide": (
        "what this item of checklist {code} starts on failure, {plan}, is a service guide, which is never "
        "started as an incident: name the emergency plan to start instead",
        "检查模板 {code} 的本项不合格时启动的 {plan} 是服务指引，不能作为突发事件启动：请改选要启动的应急预案",
    ),
    "inspection.schedule_title": ("Inspection: {name}", "检查：{name}"),
    "inspection.no_template_schedule": (
        "Schedule {id} is not an inspection schedule",
        "计划 {id} 不是检查计划",
    ),
    # running
    "inspection.not_found": ("No inspection {id}", "没有编号为 {id} 的检查"),
    "inspection.no_item": (
        "there is no item {n}: items are numbered 1 to {total}",
        "没有第 {n} 项：检查项编号为 1 至 {total}",
    ),
    "inspection.submitted_already": (
        "inspection {id} is submitted and cannot be changed; correct it with an amendment",
        "检查 {id} 已提交，不能再修改；如需更正请填写更正记录",
    ),
    "inspection.amend_draft": (
        "inspection {id} is not submitted yet: change the answer itself",
        "检查 {id} 尚未提交：请直接修改该项结果",
    ),
    "inspection.amend_nothing": (
        "the amendment changes nothing in item {n}: give another result, a note or a photo",
        "该更正未改变第 {n} 项：请给出不同结果、备注或照片",
    ),
    "inspection.unanswered": ("items not answered yet: {numbers}", "以下检查项尚未填写：{numbers}"),
    "inspection.photo_required": (
        "a failed item of this kind needs a photo",
        "此类检查项不合格时须附照片",
    ),
    "inspection.photo_suffix": (
        "{name} cannot be a photo: a photo is a picture named {suffixes}",
        "{name} 不能作为照片：照片须是文件名以 {suffixes} 结尾的图片",
    ),
    "inspection.photo_not_image": (
        "{name} is not a readable PNG or JPEG picture (empty, damaged or another kind of file): "
        "nothing was attached",
        "{name} 不是可读的 PNG 或 JPEG 图片（为空、已损坏或是其他类型的文件）：未添加",
    ),
    "inspection.inspector_signature": (
        "the inspector signs before the inspection is submitted",
        "提交前须由检查人签字",
    ),
    "inspection.reviewer_is_inspector": (
        "{name} signed as inspector: the reviewer must be someone else",
        "{name} 已作为检查人签字：复核人须为他人",
    ),
    "inspection.occurrence_other": (
        "occurrence {id} is not a due run of this template",
        "计划事项 {id} 不是该模板的待检查事项",
    ),
    "inspection.occurrence_note": ("Inspection {id} submitted", "检查 {id} 已提交"),
    "inspection.hazard_description": (
        "{template}, item {n} failed: {item}",
        "{template} 第 {n} 项不合格：{item}",
    ),
    "inspection.hazard_title": ("Failed: {item}", "不合格：{item}"),
    "inspection.hazard_note": ("Inspector's note: {note}", "检查人备注：{note}"),
    "inspection.amended_to": (
        "The inspection item was amended to “{result}”: {reason}",
        "该检查项已更正为“{result}”：{reason}",
    ),
    # hazards
    "hazard.due_before_found": (
        "The due date {due} is before the day the hazard was found ({found})",
        "整改期限 {due} 早于发现隐患的日期（{found}）",
    ),
    "hazard.not_found": ("No hazard {id}", "没有编号为 {id} 的隐患"),
    "hazard.record": ("Hazard {number}", "隐患 {number}"),
    "hazard.wrong_status": (
        "the hazard is {status}; this needs it to be {allowed}",
        "隐患当前为“{status}”；此操作要求其为“{allowed}”",
    ),
    "hazard.no_action_step": (
        "record at least one step of work done before marking the hazard remediated",
        "标记整改完成前，请至少记录一条整改措施",
    ),
    "hazard.verify_own": (
        "{username} remediated this hazard and cannot also verify it: verification needs a second person",
        "{username} 是该隐患的整改人，不能同时验收：验收须由另一人进行",
    ),
    "hazard.milestones_outstanding": (
        "this major hazard's milestones are not recorded: {milestones}. Record them as remediation "
        "steps first, or give the reason for going ahead without them",
        "该重大隐患以下节点尚未记录：{milestones}。请先作为整改记录补录，或填写未完成节点仍予通过的理由",
    ),
    "hazard.milestones_joiner": (", ", "、"),
    "hazard.waived_note": ("Not recorded: {milestones}. Reason: {reason}", "未记录：{milestones}。理由：{reason}"),
    "field.waiver": ("Reason for going ahead", "未完成节点的理由"),
    "hazard.schedule_title": ("Hazard {number}: {title}", "隐患 {number}：{title}"),
    "hazard.schedule_interim": (
        "Hazard {number}, interim control: {title}",
        "隐患 {number} 临时管控：{title}",
    ),
    "hazard.schedule_plan": ("Hazard {number}, remediation plan: {title}", "隐患 {number} 整改方案：{title}"),
    "hazard.schedule_milestone_met": ("Milestone recorded", "该节点已记录"),
    "hazard.schedule_moved": ("Due date or owner changed", "整改期限或责任人已变更"),
    "hazard.schedule_verified": ("Remediation verified", "整改已验收"),
    "hazard.schedule_closed": ("Hazard closed", "隐患已销号"),
    "hazard.corrected_on_spot": (
        "Corrected on the spot, seen by the inspector",
        "已当场整改，检查人现场确认",
    ),
    "inspection.correct_needs_fail": (
        "only a failed item can be marked corrected on the spot",
        "只有不合格的检查项才能登记当场整改",
    ),
    "inspection.no_on_fail_plan": (
        "item {n} starts no plan on failure",
        "第 {n} 项未设定不合格时启动的预案",
    ),
    "inspection.escalate_needs_fail": (
        "item {n} has not failed: its plan starts only on failure",
        "第 {n} 项未判定不合格，不能启动其预案",
    ),
    "inspection.escalated_already": (
        "item {n} was already escalated to incident #{incident}",
        "第 {n} 项已上报至事件 #{incident}",
    ),
    "inspection.escalation_entry": (
        "Started from inspection #{id}, item {n} ({item}): failed. Keep the device exactly as found as "
        "evidence — do not remove or touch it; it is removed only after the police agree.",
        "由检查记录#{id}第 {n} 项（{item}）不合格启动。设备保持原状作为证据，不得拆除或触碰；经公安机关同意后方可拆除。",
    ),
    "inspection.joined_entry": (
        "Inspection #{id}, item {n} ({item}) failed: logged in this incident. Keep the device exactly as "
        "found as evidence — do not remove or touch it; it is removed only after the police agree.",
        "检查记录#{id}第 {n} 项（{item}）不合格，记入本事件。设备保持原状作为证据，不得拆除或触碰；经公安机关同意后方可拆除。",
    ),
    "inspection.into_closed": (
        "incident #{incident} has ended; escalate item {n} again to start the plan anew",
        "事件 #{incident} 已结束，可再次上报第 {n} 项以重新启动预案",
    ),
    "inspection.escalated_to": ("→ incident #{incident}", "→ 事件 #{incident}"),
    "inspection.into_other_plan": (
        "incident #{incident} is not an open real incident of {code}, the plan item {n} starts",
        "事件 #{incident} 不是第 {n} 项所启动的 {code} 预案的处置中实战事件",
    ),
    "field.corrected": ("Corrected on the spot", "当场整改"),
    # command line
    "cli.inspection.rest_note": (
        "--note goes with one item, not with 'rest'",
        "--note 只能用于单个检查项，不能与 rest 同用",
    ),
    "cli.inspection.bad_item": (
        "ITEM is an item number or 'rest', not '{value}'",
        "ITEM 应为检查项编号或 rest，而不是“{value}”",
    ),
    "cli.inspection.answered": ("Item {n}: {result} — {item}", "第 {n} 项：{result} — {item}"),
    "cli.inspection.corrected": (
        "Corrected on the spot: {text} (its hazard is recorded closed at submit)",
        "已当场整改：{text}（提交时登记为已销号隐患）",
    ),
    "cli.inspection.ask_correction": (
        "Fire rules require this fault corrected on the spot. Once done: "
        "branchguard inspection answer {id} {n} fail --corrected TEXT [--photo FILE]",
        "消防规定此类问题应当场整改。整改后登记：branchguard inspection answer {id} {n} fail --corrected 整改情况 [--photo 照片]",
    ),
    "cli.inspection.offer_plan": (
        "This failure starts the {code} plan. Keep the device as found; start it now: "
        "branchguard inspection escalate {id} {n}",
        "此项不合格应启动 {code} 预案，设备保持原状。立即启动：branchguard inspection escalate {id} {n}",
    ),
    "cli.inspection.escalated": ("Incident #{incident} started ({code}): {title}", "已启动事件 #{incident}（{code}）：{title}"),
    "cli.inspection.plan_open": (
        "{refusal}: branchguard inspection escalate {id} {n} --into {incident}; "
        "if this is a second, separate event of the same kind, add --despite-open instead.",
        "{refusal}：branchguard inspection escalate {id} {n} --into {incident}；"
        "如确为另一起同类事件，请改加 --despite-open 另行启动。",
    ),
    "cli.inspection.joined": (
        "Logged in incident #{incident} ({code}): {title}",
        "已记入事件 #{incident}（{code}）：{title}",
    ),
    "cli.inspection.answered_rest": (
        "{count} item(s) marked {result}",
        "已将 {count} 个检查项标记为{result}",
    ),
    "cli.inspection.signed": ("Signed as {role}: {name}", "已签字（{role}）：{name}"),
    "cli.inspection.needs_inspector": (
        "inspection {id} has no inspector's signature: give --inspector NAME (or run 'inspection sign')",
        "检查 {id} 尚无检查人签字：请加 --inspector 姓名（或先执行 inspection sign）",
    ),
    "cli.inspection.submitted": (
        "Inspection #{id} submitted: {failed} failed item(s), {hazards} hazard(s) opened",
        "检查 #{id} 已提交：{failed} 项不合格，已登记 {hazards} 条隐患",
    ),
    "cli.inspection.hazard": ("Hazard", "隐患"),
    "cli.hazard.none": ("No hazards match.", "没有符合条件的隐患。"),
    "cli.hazard.age": ("Days open", "已挂账天数"),
    "cli.hazard.overdue": ("OVERDUE", "已逾期"),
    "cli.hazard.closed_short": (
        "MILESTONES OUTSTANDING: {milestones} not recorded; the reason is in its history",
        "节点未完成：{milestones}未记录，理由见处理记录",
    ),
}

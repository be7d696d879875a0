"""The ledger's text in both languages: each kind of record, each problem verify finds, what it proved."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.ledger.verify": ("verify the records", "核验记录"),
    "action.ledger.adopt": ("take the existing records into the ledger", "将已有记录纳入账本"),
    # each kind of record, as a problem names it
    "ledger.entity.incident": ("incident {id}", "事件 {id}"),
    "ledger.entity.incident_action": ("follow-up action {id}", "整改措施 {id}"),
    "ledger.entity.drill_plan": ("drill {id}", "演练 {id}"),
    "ledger.entity.drill_evaluation": ("drill evaluation {id}", "演练评估 {id}"),
    "ledger.entity.drill_criteria": ("drill criteria set {id}", "演练评分标准 {id}"),
    "ledger.entity.compliance_rule": ("compliance rule {id}", "合规规则 {id}"),
    "ledger.entity.inspection": ("inspection {id}", "检查 {id}"),
    "ledger.entity.inspection_answer": ("inspection answer {id}", "检查结果 {id}"),
    "ledger.entity.inspection_amendment": ("inspection amendment {id}", "检查更正 {id}"),
    "ledger.entity.inspection_correction": ("on-the-spot correction {id}", "当场整改 {id}"),
    "ledger.entity.inspection_escalation": ("inspection item escalation {id}", "检查项启动预案 {id}"),
    "ledger.entity.hazard": ("hazard {id}", "隐患 {id}"),
    "ledger.entity.hazard_step": ("hazard remediation step {id}", "隐患整改步骤 {id}"),
    "ledger.entity.hazard_event": ("hazard history entry {id}", "隐患历史记录 {id}"),
    "ledger.entity.severity_rule": ("severity rule {id}", "隐患等级规则 {id}"),
    "ledger.entity.complaint": ("complaint {id}", "投诉 {id}"),
    "ledger.entity.early_warning": ("early warning {id}", "预警信息 {id}"),
    "ledger.entity.early_warning_event": ("early warning event {id}", "预警处理记录 {id}"),
    "ledger.entity.team_assignment": ("team role assignment {id}", "应急分工 {id}"),
    "ledger.entity.training_record": ("training record {id}", "培训记录 {id}"),
    "ledger.entity.complaint_step": ("complaint step {id}", "投诉处理步骤 {id}"),
    "ledger.entity.complaint_event": ("complaint history entry {id}", "投诉历史记录 {id}"),
    "ledger.entity.user": ("account {id}", "账户 {id}"),
    "ledger.entity.branch": ("branch settings {id}", "网点设置 {id}"),
    "ledger.entity.playbook": ("playbook {id}", "预案 {id}"),
    "ledger.entity.playbook_version": ("playbook version {id}", "预案版本 {id}"),
    "ledger.entity.playbook_step": ("playbook step {id}", "预案步骤 {id}"),
    "ledger.entity.audit_event": ("audit event {id}", "审计记录 {id}"),
    "ledger.entity.checklist": ("checklist {id}", "检查表 {id}"),
    "ledger.entity.checklist_version": ("checklist version {id}", "检查表版本 {id}"),
    "ledger.entity.checklist_item": ("checklist item {id}", "检查项 {id}"),
    "ledger.entity.complaint_category": ("complaint category {id}", "投诉类别 {id}"),
    "ledger.entity.person": ("person on the roster {id}", "人员 {id}"),
    "ledger.entity.contact": ("emergency contact {id}", "应急联系电话 {id}"),
    "ledger.entity.schedule": ("schedule {id}", "计划 {id}"),
    "ledger.entity.schedule_occurrence": ("scheduled item {id}", "计划事项 {id}"),
    # the chain itself
    "ledger.problem.entry": ("ledger entry {seq}: {reason}", "账本第 {seq} 条：{reason}"),
    "ledger.problem.adoption_reset": (
        "the ledger holds {seq} entries but says its records were never taken in: that mark was "
        "edited outside the app (it would have taken every record changed outside the app into the "
        "chain); nothing was taken in",
        "账本已有 {seq} 条记录，却标记为尚未收录既有记录：该标记曾在程序之外被修改"
        "（否则会把在程序之外改动的记录全部收入账本）；未收录任何记录",
    ),
    "ledger.reason.gap": (
        "expected entry {expected}, found {found}",
        "应为第 {expected} 条，实为第 {found} 条",
    ),
    "ledger.reason.prev": ("does not point at the previous entry's hash", "未指向上一条的哈希"),
    "ledger.reason.hash": ("its content does not match its hash", "内容与其哈希不符"),
    "ledger.problem.head": (
        "the ledger's head names entry {seq}, but its last entry is {last}",
        "账本链头记为第 {seq} 条，而最后一条为第 {last} 条",
    ),
    # records
    "ledger.problem.field": (
        "{record}: {field} is {current}, ledger says {ledgered}",
        "{record}：{field} 现为 {current}，账本记为 {ledgered}",
    ),
    "ledger.problem.fields": (
        "{record} differs from the ledger: a field is there that the ledger's copy lacks, or lacks one it has",
        "{record} 与账本不一致：字段与账本副本不同（多出或缺少字段）",
    ),
    "ledger.problem.changed": (
        "{record} differs from the ledger, and the ledger's copy of it does not match its hash",
        "{record} 与账本不符，且账本中的副本与其哈希不符",
    ),
    "ledger.problem.deleted": ("{record} deleted outside the app", "{record} 在本软件之外被删除"),
    "ledger.problem.altered": (
        "{record} was changed outside the app before {actor} changed it in the app on {at} "
        "(ledger entry {seq} keeps it as it was found)",
        "{record} 在本软件之外被修改，之后 {actor} 于 {at} 在本软件中修改了它（账本第 {seq} 条保存了发现时的内容）",
    ),
    "ledger.problem.altered_field": (
        "{record}: {field} was {ledgered} in the ledger, found {found} outside the app",
        "{record}：{field} 账本记为 {ledgered}，在本软件之外被改为 {found}",
    ),
    "ledger.problem.altered_added": (
        "{record} was added outside the app; {actor} changed it in the app on {at} (ledger entry {seq})",
        "{record} 在本软件之外被添加，之后 {actor} 于 {at} 在本软件中修改了它（账本第 {seq} 条）",
    ),
    "ledger.problem.reused": (
        "{record} deleted outside the app; its number was given again to a new record (ledger entry {seq})",
        "{record} 在本软件之外被删除，其编号又被新记录使用（账本第 {seq} 条）",
    ),
    "ledger.problem.unledgered": (
        "{record} is not in the ledger (added outside the app)",
        "{record} 不在账本中（在本软件之外添加）",
    ),
    "ledger.problem.resurrected": (
        "{record} exists, but the ledger says it was deleted",
        "{record} 仍然存在，但账本记载其已被删除",
    ),
    # incident logs
    "ledger.problem.log_entry": ("{record}, log entry {seq}: {reason}", "{record} 第 {seq} 条记录：{reason}"),
    "ledger.problem.log_differs": (
        "{record}: log entry {seq} differs from the ledger",
        "{record}：第 {seq} 条记录与账本不符",
    ),
    "ledger.problem.log_cut": (
        "{record}: log entries {first}–{last} deleted outside the app",
        "{record}：第 {first}–{last} 条记录在本软件之外被删除",
    ),
    "ledger.problem.log_unledgered": (
        "{record}: log entries {first}–{last} are not in the ledger (added outside the app)",
        "{record}：第 {first}–{last} 条记录不在账本中（在本软件之外添加）",
    ),
    "ledger.problem.seal": (
        "{record}: the incident row says its log ends at entry {seq}, the ledger at entry {ledgered}",
        "{record}：事件记录其日志止于第 {seq} 条，账本记为第 {ledgered} 条",
    ),
    "ledger.problem.seal_hash": (
        "{record}: the incident row and the ledger both end its log at entry {seq}, "
        "but the row's hash of that entry differs from the ledger's",
        "{record}：事件记录与账本均记其日志止于第 {seq} 条，但事件记录中该条的哈希与账本不符",
    ),
    # attachments
    "ledger.problem.file_missing": (
        "{record}: attachment {sha}… is missing from the data folder",
        "{record}：附件 {sha}… 已不在数据文件夹中",
    ),
    "ledger.problem.file_changed": (
        "{record}: attachment {sha}… changed on disk",
        "{record}：附件 {sha}… 的文件已被改动",
    ),
    "ledger.problem.file_unreadable": (
        "{record}: attachment {sha}… cannot be read",
        "{record}：附件 {sha}… 无法读取",
    ),
    # what verify warns of, though nothing is broken (core/kernel/clock_check.py)
    "ledger.warning.not_taken_in": (
        "records of kinds the ledger keeps since a later version (checklists, complaint categories, "
        "the roster, emergency contacts, schedules and their items) are not in it yet (an older "
        "version kept it): the next start that can write takes them in; until then they are not checked",
        "本版本起纳入账本的记录（检查表、投诉类别、人员名册、应急联系电话、计划及其事项）尚未纳入"
        "（此前由旧版本记账）：下次可写入的启动时纳入；此前不予核对",
    ),
    "ledger.warning.clock_back": (
        "{record}: {count} log entries have a time earlier than an entry written before them "
        "(entries {entries}; entry {first} is earlier than entry {later}). The chain is intact, but "
        "the PC clock was changed while the log was written: the order of the times is not the order "
        "of events.",
        "{record}：有 {count} 条处置记录的时间早于之前写入的记录（第 {entries} 条；第 {first} 条早于第 "
        "{later} 条）。记录链完好，但写入期间电脑时钟被调整过：时间的先后不等于事件的先后。",
    ),
    # what was proved (reports print this, nothing more)
    "ledger.proved.consistent": (
        "chain consistent; not checked against an outside anchor (verify --anchor FILE does)",
        "链一致；未对照外部锚点核验（verify --anchor 文件 可核验）",
    ),
    "ledger.proved.chain": ("chain consistent", "链一致"),  # verify --anchor: the anchors' lines follow
    # How far a check is, in a report's preview and on a terminal (core/kernel/progress.py, stage_text)
    "ledger.progress.ledger": (
        "Checking the evidence ledger: entry {done} of {total}",
        "正在核验证据账本：第 {done} / {total} 条",
    ),
    "ledger.progress.records": (
        "Checking the records against the ledger: {done} of {total}",
        "正在逐条核对记录与账本：{done} / {total}",
    ),
    "ledger.progress.logs": (
        "Checking the incident logs: entry {done} of {total}",
        "正在核验事件处置记录：第 {done} / {total} 条",
    ),
    "ledger.proved.broken": (
        "verify found {count} problem(s): the records do not match the ledger",
        "核验发现 {count} 处问题：记录与账本不符",
    ),
    # the command line
    "cli.ledger.ok": (
        "Verified: {entries} ledger entries over {records} records; {incidents} incident(s) with "
        "{log_entries} log entries; {files} attachment file(s) re-hashed. Ledger head: entry {seq}, {hash}. "
        "Proved: {proved}.",
        "核验通过：账本 {entries} 条，覆盖 {records} 项记录；{incidents} 起事件共 {log_entries} 条处置记录；"
        "重新计算 {files} 个附件的哈希。账本链头：第 {seq} 条，{hash}。已证明：{proved}。",
    ),
    "cli.ledger.empty": (
        "The database holds no records yet, only the {records} built-in ones the app loads itself "
        "({entries} ledger entries): there is nothing anyone wrote to verify.",
        "数据库中尚无任何人写入的记录，仅有软件自带的 {records} 项内置内容（账本 {entries} 条），无可核验。",
    ),
    "cli.ledger.failed": (
        "Verify FAILED: {count} problem(s) ({entries} ledger entries, {records} records checked).",
        "核验未通过：发现 {count} 处问题（检查账本 {entries} 条、记录 {records} 项）。",
    ),
}

"""The audit trail's own words: the columns of `audit list`, and how a change reads."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.column.at": ("Time", "时间"),
    "audit.column.actor": ("User", "用户"),
    "audit.column.action": ("Action", "操作"),
    "audit.column.entity": ("Record", "对象"),
    "audit.column.id": ("ID", "编号"),
    "audit.column.summary": ("Summary", "摘要"),
    "audit.change": ("{field}: {before} → {after}", "{field}：{before} → {after}"),
    "audit.value": ("{field}={value}", "{field}={value}"),
    "audit.sep": ("; ", "；"),
    "audit.list_sep": (", ", "，"),
    "audit.yes": ("Yes", "是"),
    "audit.no": ("No", "否"),
    # the kinds of record the trail names (entity.<kind>); people, users, playbooks and the branch
    # name theirs in their own messages
    "entity.anchor_folder": ("Anchor folder", "锚点文件夹"),
    "entity.backup": ("Backup", "备份"),
    "entity.complaint": ("Complaint", "投诉"),
    "entity.drill_plan": ("Drill", "演练"),
    "entity.drill_criteria_set": ("Drill criteria", "演练评分标准"),
    "entity.drill_compliance_rule": ("Drill compliance rule", "演练合规要求"),
    "entity.hazard": ("Hazard", "隐患"),
    "entity.hazard_policy": ("Hazard deadlines", "隐患整改时限"),
    "entity.head_office": ("Head office", "总行"),
    "entity.ho_branch": ("Branch (head office)", "网点（总行）"),
    "entity.ho_package": ("Branch package", "网点数据包"),
    "entity.ho_quarantine": ("Refused package", "拒收的数据包"),
    "entity.incident": ("Incident", "事件"),
    "entity.incident_action": ("Follow-up action", "整改措施"),
    "entity.inspection": ("Inspection", "检查"),
    "entity.inspection_template": ("Checklist", "检查表"),
    "entity.ledger": ("Ledger", "证据链"),
    "entity.library": ("Head-office library", "总行资料库"),
    "entity.package": ("Head-office package", "报送数据包"),
    "entity.schedule": ("Schedule", "计划"),
    "entity.schedule_occurrence": ("Scheduled item", "计划事项"),
    "entity.schedule_reminder": ("Reminder", "提醒"),
    "entity.trusted_key": ("Trusted key", "信任的密钥"),
    "entity.working_day_year": ("Working-day calendar", "工作日历"),
}

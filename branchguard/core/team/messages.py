"""English and Chinese text of the team roster and training records."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # how a role reads with its people
    "team.holder_with_backup": ("{holder} (backup {backup})", "{holder}（B角 {backup}）"),
    "team.role_with_holders": ("{role} — {holders}", "{role} — {holders}"),
    "team.role_former": ("{role} (no longer in an approved plan)", "{role}（已不在已批准预案中）"),
    # what a role lacks
    "team_gap.unassigned": ("nobody assigned", "未指定人员"),
    "team_gap.absent": ("holder absent", "人员不在岗"),
    "team_gap.untrained": ("training missing", "缺少培训"),
    "team_gap.expired": ("certificate expired", "证书已过期"),
    "team.gap.unassigned": ("{role}: nobody assigned", "{role}：未指定人员"),
    "team.gap.absent": ("{role}: {person} is absent", "{role}：{person} 不在岗"),
    "team.gap.untrained": ("{role}: {person} has no {kind} training", "{role}：{person} 无{kind}培训记录"),
    "team.gap.expired": (
        "{role}: {person}'s {kind} certificate has expired",
        "{role}：{person} 的{kind}证书已过期",
    ),
    "team.check.gaps": ("Team check: {gaps}", "人员到位检查：{gaps}"),
    "team.check.ok": (
        "Team check: all {n} roles assigned and trained",
        "人员到位检查：{n} 个岗位均已指定且培训有效",
    ),
    "team.gap_sep": ("; ", "；"),
    # a certificate seen from today
    "team_expiry.none": ("no expiry", "长期有效"),
    "team_expiry.valid": ("valid", "有效"),
    "team_expiry.expiring": ("expiring soon", "即将到期"),
    "team_expiry.expired": ("expired", "已过期"),
    # reminders
    "team.schedule_title": (
        "Certificate expires {day}: {person}, {kind}",
        "证书将于 {day} 到期：{person}（{kind}）",
    ),
    "team.training_added": (
        "Training record #{id} added: {person}, {kind}, expires {expires}",
        "已添加培训记录 #{id}：{person}，{kind}，到期 {expires}",
    ),
    "team.renewed_note": ("renewed by a later training record", "已由新的培训记录续期"),
    "team.corrected_note": ("training record corrected", "培训记录已更正"),
    # a record named in "… was changed by someone else" (error.changed_elsewhere)
    "team.role_record": ("The role {role}", "岗位“{role}”"),
    "team.training_record": ("Training record #{id}", "培训记录 #{id}"),
    # the audit trail's summary of an assignment, in the reader's language
    "team.audit.assigned": ("{role}: {holder}", "{role}：{holder}"),
    "team.audit.assigned_with_backup": (
        "{role}: {holder}, backup {backup}",
        "{role}：{holder}，B角 {backup}",
    ),
    "team.audit.unassigned": ("{role}: {holder} no longer holds it", "{role}：已解除 {holder} 的岗位"),
    "team.unassigned": ("{role}: nobody holds it now", "{role}：已解除岗位人员"),
    # bad input
    "team.unknown_role": (
        "'{role}' is not a role of any approved plan",
        "“{role}”不是任何已批准预案中的岗位",
    ),
    "team.not_assigned": ("nobody holds the role '{role}'", "岗位“{role}”尚未指定人员"),
    "team.no_such_person": ("no staff member is named '{name}'", "没有名为“{name}”的人员"),
    "team.person_ambiguous": (
        "{n} staff members are named '{name}': rename one in the staff list",
        "有 {n} 名人员名为“{name}”：请先在人员名单中区分",
    ),
    "team.backup_is_holder": ("{name} cannot back up their own role", "{name} 不能同时担任本岗位的B角"),
    "team.unknown_kind": ("'{kind}' is not a training kind", "“{kind}”不是培训类别"),
    "team.trained_in_future": ("the training date {day} is in the future", "培训日期 {day} 晚于今天"),
    "team.expires_before_trained": (
        "the expiry date {day} is not after the training date",
        "到期日期 {day} 须晚于培训日期",
    ),
    # fields
    "field.team_role": ("Role", "岗位"),
    "field.holder": ("Holder", "负责人员"),
    "field.backup": ("Backup", "B角"),
    "field.person": ("Person", "人员"),
    "field.training_kind": ("Training", "培训类别"),
    "field.trained_on": ("Training date", "培训日期"),
    "field.expires_on": ("Expires", "到期日期"),
    "field.certificate": ("Certificate number", "证书编号"),
    "field.expiring_days": ("Expiring within (days)", "到期天数"),
    "field.needs_training": ("Training needed", "所需培训"),
    "field.team_gaps": ("Gaps", "问题"),
    "field.expiry": ("Status", "状态"),
    # actions and entities
    "action.team.list": ("view the team roster", "查看应急队伍"),
    "action.team.assign": ("assign team roles", "指定应急岗位人员"),
    "action.training.list": ("view training records", "查看培训记录"),
    "action.training.add": ("add training records", "添加培训记录"),
    "action.training.update": ("edit training records", "编辑培训记录"),
    "entity.training_record": ("Training record", "培训记录"),
    "entity.team_assignment": ("Team role", "应急岗位"),
}

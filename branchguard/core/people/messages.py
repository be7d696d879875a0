"""English and Chinese text for staff and contacts: posts, contact kinds, built-in numbers, actions."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # branch posts
    "branch_role.branch_head": ("Branch head", "网点负责人"),
    "branch_role.deputy_head": ("Deputy head", "副负责人"),
    "branch_role.safety_officer": ("Safety officer", "安全员"),
    "branch_role.lobby_manager": ("Lobby manager", "大堂经理"),
    "branch_role.teller": ("Teller", "柜员"),
    "branch_role.customer_manager": ("Customer manager", "客户经理"),
    "branch_role.security_guard": ("Security guard", "保安"),
    "branch_role.it_liaison": ("IT liaison", "科技联络员"),
    "branch_role.cleaner": ("Cleaner", "保洁员"),
    "branch_role.other": ("Other", "其他"),
    # contact kinds
    "contact_kind.police": ("Police", "报警"),
    "contact_kind.fire": ("Fire", "火警"),
    "contact_kind.ambulance": ("Ambulance", "急救"),
    "contact_kind.anti_fraud": ("Anti-fraud hotline", "反诈专线"),
    "contact_kind.superior_security": ("Superior-branch security duty", "上级行安全保卫值班"),
    "contact_kind.police_station": ("Local police station", "辖区派出所"),
    "contact_kind.cash_in_transit": ("Cash-in-transit company", "押运公司"),
    "contact_kind.guard_company": ("Guard company", "保安公司"),
    "contact_kind.public_relations": ("Public relations", "宣传与舆情管理部门"),
    "contact_kind.consumer_protection": ("Consumer protection", "消费者权益保护部门"),
    "contact_kind.legal_compliance": ("Legal and compliance", "法律合规部门"),
    "contact_kind.card_department": ("Card department", "银行卡部门"),
    "contact_kind.property_management": ("Property management", "物业管理"),
    "contact_kind.alarm_company": ("Alarm company", "报警服务公司"),
    "contact_kind.it_helpdesk": ("IT help desk", "科技服务台"),
    "contact_kind.power_company": ("Power company", "供电公司"),
    "contact_kind.other": ("Other", "其他"),
    # built-in contact names
    # roster files (core/people/roster.py)
    "roster.at": ("{file}, line {line}, column '{column}'", "{file} 第 {line} 行“{column}”列"),
    "roster.at_line": ("{file}, line {line}", "{file} 第 {line} 行"),
    "roster.at_file": ("{file}", "{file}"),
    "roster.empty": (
        "the file holds no staff: its first line names the columns (姓名, 岗位, …), one person a line below",
        "文件中没有人员：第一行为列名（姓名、岗位……），其下每行一人",
    ),
    "roster.too_many": ("more than {limit} people: is this the branch's roster?", "超过 {limit} 人：这是本网点的名单吗？"),
    "roster.not_csv": (
        "{kind}: save the sheet as CSV first (Excel: Save As, CSV)",
        "{kind}：请先将表格另存为 CSV（Excel：另存为，CSV 格式）",
    ),
    "roster.encoding": (
        "the file is neither UTF-8 nor GBK text: save it again as CSV (Excel: Save As, CSV UTF-8)",
        "文件既不是 UTF-8 也不是 GBK 文本：请重新另存为 CSV（Excel：另存为“CSV UTF-8”）",
    ),
    "roster.unknown_heading": (
        "not a column a roster has; the columns are {allowed}",
        "不是名单的列；可用的列为 {allowed}",
    ),
    "roster.heading_twice": ("this column is named twice", "该列出现了两次"),
    "roster.missing_heading": (
        "the first line must name the columns, with {names} among them",
        "第一行须为列名，且包含 {names}",
    ),
    "roster.unknown_post": ("'{value}' is not a post; the posts are {posts}", "“{value}”不是岗位；岗位有 {posts}"),
    "roster.bad_duty": ("'{value}' is neither yes nor no (是/否)", "“{value}”既不是“是”也不是“否”"),
    "roster.added": ("Added {n} people to the roster: {names}", "已向人员名册添加 {n} 人：{names}"),
    "roster.would_add": (
        "Would add {n} people to the roster: {names}. Dry run: nothing was changed.",
        "将向人员名册添加 {n} 人：{names}。试运行：未作任何改动。",
    ),
    "roster.twice": (
        "the same person (name and mobile) as on line {line}",
        "与第 {line} 行为同一人（姓名和手机号相同）",
    ),
    "person.twin": (
        "{name} with this mobile number is on the roster already (#{id}): edit that entry instead",
        "名册中已有使用此手机号的 {name}（#{id}）：请编辑该条目",
    ),
    "contact.builtin.police": ("Police", "公安报警"),
    "contact.builtin.fire": ("Fire brigade", "消防火警"),
    "contact.builtin.ambulance": ("Ambulance", "医疗急救"),
    "contact.builtin.anti_fraud": ("Anti-fraud hotline", "反诈骗专线"),
    "validation.builtin_contact": (
        "the public emergency number '{value}' cannot be removed or renumbered",
        "公共应急号码“{value}”不能删除或修改号码",
    ),
    "action.person.list": ("view staff", "查看人员"),
    "action.contact.list": ("view contacts", "查看联系人"),
    "action.person.create": ("add staff", "添加人员"),
    "action.person.update": ("edit staff", "编辑人员"),
    "action.person.delete": ("remove staff", "删除人员"),
    "action.contact.create": ("add contacts", "添加联系人"),
    "action.contact.update": ("edit contacts", "编辑联系人"),
    "action.contact.delete": ("remove contacts", "删除联系人"),
    # entities
    "entity.person": ("Staff member", "人员"),
    "entity.contact": ("Contact", "联系人"),
    # a record named in "… was changed by someone else" (error.changed_elsewhere)
    "person.record": ("Staff member {name}", "人员“{name}”"),
    "contact.record": ("Contact {name}", "联系人“{name}”"),
    # what still refers to a person (core/people/references.py)
    "person.list_sep": ("; ", "；"),
    "person.uses.holder": ("holds the role {role}", "担任“{role}”A角"),
    "person.uses.backup": ("backs up the role {role}", "担任“{role}”B角"),
    "person.uses.training": ("has {n} training record(s)", "有 {n} 条培训记录"),
    "person.in_team": (
        "{name} cannot be removed: {uses}. Reassign or unassign the role(s) on the team roster (training "
        "records are kept as evidence), or mark them off duty instead",
        "不能删除 {name}：{uses}。请先在应急岗位名册中调整或解除岗位（培训记录作为凭证保留），或改为不在岗",
    ),
    "person.open.hazard": ("hazard #{id} {title}", "隐患 #{id} {title}"),
    "person.open.action": ("corrective action #{id} {title}", "整改措施 #{id} {title}"),
    "person.open.complaint": ("complaint #{id} {title}", "投诉 #{id} {title}"),
    "person.open.schedule": ("schedule #{id} {title}", "计划 #{id} {title}"),
    "person.has_open_items": (
        "{name} still owns {n} open item(s), which would name nobody on the roster: {items}. Hand them over "
        "first, or remove anyway with --despite-open-items",
        "{name} 名下仍有 {n} 项未结事项，删除后将无人负责：{items}。请先移交，或加 --despite-open-items 仍然删除",
    ),
    "person.rename_open_items": (
        "{n} open item(s) name {name} and would keep that name, which nobody on the roster would have: "
        "{items}. Hand them over first, or rename anyway with --despite-open-items",
        "有 {n} 项未结事项写明由 {name} 负责，改名后仍保留原名，名册中将无人对应：{items}。请先移交，"
        "或加 --despite-open-items 仍然改名",
    ),
}

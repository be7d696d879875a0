"""English and Chinese text for everything said below the GUI: key -> (en, zh_CN)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # roles
    "role.lead": ("Safety lead", "安全负责人"),
    "role.staff": ("Staff", "员工"),
    "role.auditor": ("Auditor", "审计员"),
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
    "contact_kind.head_office_security": ("Head-office security duty", "总行安全保卫值班"),
    "contact_kind.property_management": ("Property management", "物业管理"),
    "contact_kind.alarm_company": ("Alarm company", "报警服务公司"),
    "contact_kind.it_helpdesk": ("IT help desk", "科技服务台"),
    "contact_kind.power_company": ("Power company", "供电公司"),
    "contact_kind.other": ("Other", "其他"),
    # built-in contact names
    "contact.builtin.police": ("Police", "公安报警"),
    "contact.builtin.fire": ("Fire brigade", "消防火警"),
    "contact.builtin.ambulance": ("Ambulance", "医疗急救"),
    "contact.builtin.anti_fraud": ("Anti-fraud hotline", "反诈骗专线"),
    # validation
    "validation.required": ("is required", "不能为空"),
    "validation.too_long": ("is longer than {limit} characters", "超过 {limit} 个字符"),
    "validation.phone": (
        "'{value}' is not a valid phone number (e.g. 13800138000, 010-12345678, 110, 400-820-8820)",
        "“{value}”不是有效的电话号码（例如 13800138000、010-12345678、110、400-820-8820）",
    ),
    "validation.choice": ("'{value}' is not one of: {choices}", "“{value}”不是以下之一：{choices}"),
    "validation.range": ("must be between {low} and {high}", "必须在 {low} 到 {high} 之间"),
    "validation.username": (
        "'{value}' is not a valid user name (2-32 letters, digits, '.', '_' or '-')",
        "“{value}”不是有效的用户名（2-32 位字母、数字、“.”、“_”或“-”）",
    ),
    "validation.password_short": (
        "must be at least {min} characters long",
        "至少需要 {min} 个字符",
    ),
    "validation.username_taken": ("user '{value}' already exists", "用户“{value}”已存在"),
    "validation.builtin_contact": (
        "the public emergency number '{value}' cannot be removed or renumbered",
        "公共应急号码“{value}”不能删除或修改号码",
    ),
    "validation.branch_exists": (
        "the database already holds branch data; demo data is only added to an empty database",
        "数据库中已有网点数据；演示数据只能写入空数据库",
    ),
    "validation.first_lead_exists": (
        "the safety-lead account has already been created",
        "安全负责人账户已经创建",
    ),
    "validation.last_lead": (
        "the last active safety-lead account cannot be removed or demoted",
        "不能删除或降级最后一个有效的安全负责人账户",
    ),
    # fields
    "field.name": ("Name", "姓名"),
    "field.branch_name": ("Branch name", "网点名称"),
    "field.branch_code": ("Branch code", "网点编号"),
    "field.address": ("Address", "地址"),
    "field.branch_role": ("Post", "岗位"),
    "field.mobile": ("Mobile", "手机"),
    "field.phone": ("Phone", "电话"),
    "field.alt_phone": ("Alternative phone", "备用电话"),
    "field.kind": ("Type", "类别"),
    "field.notes": ("Notes", "备注"),
    "field.username": ("User name", "用户名"),
    "field.display_name": ("Display name", "显示名称"),
    "field.password": ("Password", "密码"),
    "field.role": ("Role", "角色"),
    "field.lockout_threshold": ("Wrong passwords before lock", "锁定前允许的错误次数"),
    "field.lockout_minutes": ("Lock duration (minutes)", "锁定时长（分钟）"),
    # auth and permissions
    "auth.bad_credentials": ("Wrong user name or password", "用户名或密码错误"),
    "auth.locked": (
        "Account '{username}' is locked after too many wrong passwords until {until}",
        "账户“{username}”因多次密码错误已锁定，解锁时间 {until}",
    ),
    "auth.inactive": ("Account '{username}' is disabled", "账户“{username}”已停用"),
    "perm.denied": (
        "{role} '{username}' may not {action}",
        "{role}“{username}”无权执行：{action}",
    ),
    "notfound": ("{what} #{id} does not exist", "{what} #{id} 不存在"),
    # action names (audit and permission messages)
    "action.branch.update": ("change the branch settings", "修改网点设置"),
    "action.user.create": ("create user accounts", "创建用户账户"),
    "action.user.update": ("change user accounts", "修改用户账户"),
    "action.user.list": ("list user accounts", "查看用户账户"),
    "action.user.unlock": ("unlock user accounts", "解锁用户账户"),
    "action.person.list": ("view staff", "查看人员"),
    "action.contact.list": ("view contacts", "查看联系人"),
    "action.person.create": ("add staff", "添加人员"),
    "action.person.update": ("edit staff", "编辑人员"),
    "action.person.delete": ("remove staff", "删除人员"),
    "action.contact.create": ("add contacts", "添加联系人"),
    "action.contact.update": ("edit contacts", "编辑联系人"),
    "action.contact.delete": ("remove contacts", "删除联系人"),
    "action.audit.list": ("read the audit trail", "查看审计记录"),
    "action.demo.fill": ("load demo data", "载入演示数据"),
    "action.report.contact_card": ("print the contact card", "打印应急联络卡"),
    "action.user.login": ("log in", "登录"),
    "action.user.login_failed": ("failed login", "登录失败"),
    "action.user.locked": ("account locked", "账户锁定"),
    # entities
    "entity.person": ("Staff member", "人员"),
    "entity.contact": ("Contact", "联系人"),
    "entity.user": ("User", "用户"),
    "entity.branch": ("Branch", "网点"),
    # schema
    "schema.newer": (
        "This database was written by a newer BranchGuard (schema {revision}; this version knows up "
        "to {head}). It was left untouched: update BranchGuard to open it.",
        "该数据库由更新版本的 BranchGuard 创建（结构版本 {revision}，本程序最高支持 {head}）。"
        "数据库未作任何改动：请升级 BranchGuard 后再打开。",
    ),
    "schema.foreign": (
        "The database holds tables but no BranchGuard schema version; it was left untouched.",
        "该数据库含有数据表但没有 BranchGuard 结构版本信息，未作任何改动。",
    ),
    "schema.upgrade_failed": (
        "Upgrading the database failed ({error}); the backup taken before is at {backup}",
        "数据库升级失败（{error}）；升级前的备份位于 {backup}",
    ),
    "schema.upgraded": (
        "Database upgraded from {old} to {new}; backup at {backup}",
        "数据库已从 {old} 升级到 {new}；备份位于 {backup}",
    ),
}

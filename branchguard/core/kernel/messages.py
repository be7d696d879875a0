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
    "field.on_duty": ("On duty", "在岗"),
    "field.active": ("Active", "启用"),
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
    "action.page.incidents.view": ("open the Incidents page", "打开“应急处置”页面"),
    "action.page.playbooks.view": ("open the Playbooks page", "打开“应急预案”页面"),
    "action.page.calendar.view": ("open the Calendar page", "打开“日历”页面"),
    "action.page.drills.view": ("open the Drills page", "打开“应急演练”页面"),
    "action.page.inspections.view": ("open the Inspections page", "打开“安全检查”页面"),
    "action.page.hazards.view": ("open the Hazards page", "打开“隐患管理”页面"),
    "action.page.people.view": ("open the People & contacts page", "打开“人员与联系人”页面"),
    "action.page.audit.view": ("open the Audit page", "打开“审计”页面"),
    "action.page.settings.view": ("open the Settings page", "打开“设置”页面"),
    "action.page.about.view": ("open the About page", "打开“关于”页面"),
    "action.demo.fill": ("load demo data", "载入演示数据"),
    "action.report.contact_card": ("print the contact card", "打印应急联络卡"),
    "action.user.login": ("log in", "登录"),
    "action.user.login_failed": ("failed login", "登录失败"),
    "action.user.locked": ("account locked", "账户锁定"),
    # reports: font search
    "report.font.missing": ("file not found", "文件不存在"),
    "report.font.no_cjk": ("the font has no Chinese characters", "该字体不含中文字符"),
    "report.font.setting_unusable": (
        "the report font set in Settings ({path}) cannot be used: {error}",
        "设置中指定的报表字体（{path}）无法使用：{error}",
    ),
    "report.font.instead": ("using {font} instead", "改用 {font}"),
    "report.font.join": ("{first}; {second}", "{first}；{second}"),
    "report.font.fallback": (
        "no Chinese TrueType font found (Microsoft YaHei, SimHei, SimSun, WenQuanYi or AR PL UMing; "
        "or set a .ttf/.ttc file in Settings). PDFs use {font}, which is not embedded: Chinese text "
        "may show as empty boxes on a PC without Chinese fonts",
        "未找到可嵌入的中文 TrueType 字体（微软雅黑、黑体、宋体、文泉驿或 AR PL UMing；也可在设置中"
        "指定 .ttf/.ttc 字体文件）。PDF 将使用未嵌入的 {font}：在未安装中文字体的电脑上，中文可能显示为空白方框",
    ),
    # reports: page template
    "report.page_of": ("Page {page} of {total}", "第 {page} 页 / 共 {total} 页"),
    "report.generated_at": ("Generated {at}", "生成时间：{at}"),
    "report.confidential": ("Internal — confidential", "内部资料 注意保密"),
    "report.signature": ("{role} (signature):", "{role}（签字）："),
    "report.sign_date": ("Date:", "日期："),
    "report.signer.handler": ("Prepared by", "经办人"),
    # reports: emergency contact card
    "report.card.title": ("Emergency contact card", "应急联络卡"),
    "report.card.address": ("Address: {address}", "地址：{address}"),
    "report.card.emergency": ("Emergency numbers", "紧急电话"),
    "report.card.call_hint": (
        "When calling, say: branch name and address, what happened, whether anyone is hurt, "
        "your name and call-back number.",
        "拨打时请说明：网点名称和地址、发生了什么、有无人员受伤、您的姓名和回拨电话。",
    ),
    "report.card.contacts": ("Other contacts", "其他联系电话"),
    "report.card.staff": ("Staff by post", "网点人员（按岗位）"),
    "report.card.status": ("Status", "状态"),
    "report.card.on_duty": ("On duty", "在岗"),
    "report.card.off_duty": ("Off duty", "不在岗"),
    "report.card.post_count": ("{post} ({count})", "{post}（{count} 人）"),
    "report.card.continued": ("{post} (cont.)", "{post}（续）"),
    "report.card.none": ("None recorded.", "尚未登记。"),
    "report.card.reprint": (
        "Reprint this card after any change of staff or numbers.",
        "人员或电话变更后请重新打印本卡。",
    ),
    # reports: playbook card
    "report.playbook.header": ("Playbook card {code}", "预案处置卡 {code}"),
    "report.playbook.triggers": ("When to activate", "启动条件"),
    "report.playbook.cautions": ("Cautions", "注意事项"),
    "report.playbook.contacts": ("Numbers this plan calls", "本预案联系电话"),
    "report.playbook.attachments": ("Attachments", "附件"),
    "report.playbook.step": ("Step", "处置步骤"),
    "report.playbook.role": ("Responsible", "负责角色"),
    "report.playbook.time": ("Target time", "目标时间"),
    "report.playbook.version": ("Version", "版本"),
    "report.playbook.version_n": ("Version {n}", "第 {n} 版"),
    "report.playbook.status": ("Status", "状态"),
    "report.playbook.approved": ("Approved on {date} by {user}", "已批准：{date}，批准人 {user}"),
    "report.playbook.builtin_approver": ("BranchGuard starter library", "BranchGuard 内置预案库"),
    "report.playbook.retired": (
        "Retired, superseded by a newer version ({approved})",
        "已停用，已被新版本取代（{approved}）",
    ),
    "report.playbook.draft": ("DRAFT — not approved, not for use", "草稿 未批准，不得作为处置依据"),
    "report.playbook.draft_badge": ("DRAFT — 草稿 未批准", "草稿 未批准 DRAFT"),
    "report.playbook.retired_badge": ("RETIRED — 已停用", "已停用 RETIRED"),
    "report.playbook.at_once": ("At once", "立即"),
    "report.playbook.within.minutes": ("≤ {n} min", "{n} 分钟内"),
    "report.playbook.within.hours": ("≤ {n} h", "{n} 小时内"),
    "report.playbook.report.minutes": ("Report within {n} min", "上报 {n} 分钟内"),
    "report.playbook.report.hours": ("Report within {n} h", "上报 {n} 小时内"),
    "report.playbook.jump": ("{condition} → step {n}", "{condition} → 第 {n} 步"),
    "report.playbook.reprint": (
        "Printed from plan {code}, version {number}. Reprint this card whenever a new version is approved.",
        "本卡依据预案 {code} 第 {number} 版打印；预案批准新版本后请重新打印。",
    ),
    # command line: playbooks
    "cli.playbook.title": ("Title", "标题"),
    "cli.playbook.with_draft": ("{status} (draft pending)", "{status}（有待批准草稿）"),
    "cli.playbook.no_draft": ("playbook '{code}' has no draft", "预案“{code}”没有草稿"),
    "cli.playbook.codes_or_all": ("give plan codes or --all, not both", "请指定预案编号或 --all（二者选一）"),
    "cli.playbook.exported": ("{count} plan(s) written to {path}", "已导出 {count} 个预案到 {path}"),
    "cli.playbook.no_file": ("{path}: no such file", "{path}：文件不存在"),
    "cli.playbook.not_a_file": ("{path}: is a folder, not a file", "{path}：是文件夹，不是文件"),
    "cli.playbook.would.add": ("Would add ({count}): {codes}", "将新增（{count} 个）：{codes}"),
    "cli.playbook.would.update": ("Would update ({count}): {codes}", "将更新（{count} 个）：{codes}"),
    "cli.playbook.would.keep": ("Unchanged ({count}): {codes}", "无变化（{count} 个）：{codes}"),
    "cli.playbook.did.add": ("Added ({count}): {codes}", "已新增（{count} 个）：{codes}"),
    "cli.playbook.did.update": ("Updated ({count}): {codes}", "已更新（{count} 个）：{codes}"),
    "cli.playbook.did.keep": ("Unchanged ({count}): {codes}", "无变化（{count} 个）：{codes}"),
    "cli.playbook.dry_run": ("Dry run: nothing was changed.", "试运行：未作任何改动。"),
    # entities
    "entity.person": ("Staff member", "人员"),
    "entity.contact": ("Contact", "联系人"),
    "entity.user": ("User", "用户"),
    "entity.branch": ("Branch", "网点"),
    # playbooks: tiers, categories, levels, statuses
    "plan_tier.comprehensive": ("Comprehensive plan", "综合应急预案"),
    "plan_tier.special": ("Special plan", "专项应急预案"),
    "plan_tier.onsite": ("On-site response plan", "现场处置方案"),
    "category.bank_run": ("Bank run", "挤兑"),
    "category.system_failure": ("Business-system failure", "业务系统故障"),
    "category.robbery": ("Robbery of customer property", "抢劫客户财产"),
    "category.natural_disaster": ("Natural disaster", "自然灾害"),
    "category.sudden_illness": ("Customer sudden illness", "客户突发疾病"),
    "category.personal_injury": ("Customer personal injury", "客户人身意外伤害"),
    "category.disorder": ("Provocation or disorder", "寻衅滋事"),
    "category.customer_surge": ("Surge in customer flow", "客户流量激增"),
    "category.resource_occupation": ("Unreasonable occupation of service resources", "不合理占用服务资源"),
    "category.false_information": ("Spread of seriously false information", "严重失实信息传播"),
    "category.other": ("Other", "其他"),
    "category.fire_evacuation": ("Fire and evacuation", "火灾与疏散"),
    "category.atm_tampering": ("ATM / self-service tampering", "自助设备被改装"),
    "category.power_it_outage": ("Power or network outage", "停电或网络中断"),
    "category.law_enforcement": ("Law-enforcement inquiry, freeze or deduction", "执法查询、冻结、扣划"),
    "category.large_cash_withdrawal": ("Large cash withdrawal without appointment", "大额现金未预约取款"),
    "category.suspicious_object": ("Suspicious object or threat", "可疑物品"),
    "level.I": ("Level I (extraordinary)", "I级（特大）"),
    "level.II": ("Level II (major)", "II级（重大）"),
    "level.III": ("Level III (serious)", "III级（较大）"),
    "playbook_status.draft": ("Draft", "草稿"),
    "playbook_status.approved": ("Approved", "已批准"),
    "playbook_status.retired": ("Retired", "已停用"),
    # playbooks: fields, actions, rules
    "field.code": ("Code", "编号"),
    "field.title_zh": ("Title (Chinese)", "标题（中文）"),
    "field.title_en": ("Title (English)", "标题（英文）"),
    "field.tier": ("Tier", "预案层级"),
    "field.category": ("Category", "事件类别"),
    "field.levels": ("Levels", "适用级别"),
    "field.steps": ("Steps", "处置步骤"),
    "field.step": ("Step {n}", "第 {n} 步"),
    "field.step_text": ("Step {n}: text", "第 {n} 步：内容"),
    "field.step_role": ("Step {n}: responsible role", "第 {n} 步：负责角色"),
    "field.step_target": ("Step {n}: target minutes", "第 {n} 步：目标时间（分钟）"),
    "field.step_deadline": ("Step {n}: reporting deadline", "第 {n} 步：上报时限"),
    "field.step_goto": ("Step {n}: go to step", "第 {n} 步：跳转步骤"),
    "field.roles": ("Roles", "角色"),
    "field.contacts": ("Contacts", "联系人"),
    "field.attachment": ("Attachment", "附件"),
    "field.attachments": ("Attachments", "附件"),
    "attachment.bad_hash": ("'{value}' is not a SHA-256 hash", "“{value}”不是 SHA-256 哈希值"),
    "attachment.unreadable": ("cannot read {name}: {error}", "无法读取 {name}：{error}"),
    "attachment.missing": (
        "the stored file {path} is missing; restore the data folder from a backup",
        "存储的文件 {path} 不存在；请从备份恢复数据文件夹",
    ),
    "attachment.corrupted": (
        "the stored file {path} is damaged (its content no longer matches its SHA-256)",
        "存储的文件 {path} 已损坏（内容与其 SHA-256 不再一致）",
    ),
    "attachment.too_big": ("{name} is larger than {limit} MB", "{name} 超过 {limit} MB"),
    "attachment.name": ("a file name of 1 to {limit} characters", "文件名长度须为 1 至 {limit} 个字符"),
    "entity.playbook": ("Playbook", "预案"),
    "entity.playbook_version": ("Playbook version", "预案版本"),
    "action.playbook.create": ("create playbooks", "新建预案"),
    "action.playbook.update": ("edit playbooks", "编辑预案"),
    "action.playbook.approve": ("approve playbooks", "批准预案"),
    "action.playbook.retire": ("retire playbooks", "停用预案"),
    "action.playbook.discard_draft": ("discard playbook drafts", "放弃预案草稿"),
    "action.playbook.import": ("import playbooks", "导入预案"),
    "action.playbook.export": ("export playbooks", "导出预案"),
    "action.playbook.list": ("view playbooks", "查看预案"),
    "action.playbook.starter": ("load the starter library", "载入内置预案库"),
    "playbook.code_format": (
        "'{value}' is not a valid code (1-32 capital letters, digits, '-' or '_', starting with a letter)",
        "“{value}”不是有效的编号（1-32 位大写字母、数字、“-”或“_”，以字母开头）",
    ),
    "playbook.code_taken": ("a playbook with code '{value}' already exists", "编号为“{value}”的预案已存在"),
    "playbook.no_title": ("needs a title in Chinese or English", "至少需要中文或英文标题"),
    "playbook.no_steps": ("a plan needs at least one step", "预案至少需要一个处置步骤"),
    "playbook.no_levels": ("choose at least one level", "至少选择一个适用级别"),
    "playbook.unknown_role": ("'{value}' is not one of the plan's roles", "“{value}”不是本预案中的角色"),
    "playbook.unknown_goto": ("step '{value}' does not exist", "步骤“{value}”不存在"),
    "playbook.goto_self": ("a step cannot jump to itself", "步骤不能跳转到自身"),
    "playbook.goto_without_condition": ("a jump needs a condition", "跳转需要填写条件"),
    "playbook.deadline_without_checkpoint": (
        "a reporting deadline needs the step to be a reporting checkpoint",
        "只有上报节点才能设置上报时限",
    ),
    "playbook.checkpoint_without_deadline": (
        "a reporting checkpoint needs a deadline",
        "上报节点需要设置上报时限",
    ),
    "playbook.duplicate": ("'{value}' appears twice", "“{value}”重复出现"),
    "playbook.not_draft": (
        "playbook '{code}' has no draft to approve",
        "预案“{code}”没有待批准的草稿",
    ),
    "playbook.unchanged": ("the draft is identical to the approved version", "草稿与已批准版本完全相同"),
    "playbook.version_missing": (
        "playbook '{code}' has no version {number}",
        "预案“{code}”没有第 {number} 版",
    ),
    "playbook.imported_from": ("imported from {source}", "导入自 {source}"),
    "playbook.draft_conflict": (
        "playbook '{code}' already has a local draft; approve or discard it before importing a draft",
        "预案“{code}”已有本地草稿；请先批准或放弃该草稿，再导入草稿",
    ),
    "playbook.not_found": ("no playbook with code '{code}'", "没有编号为“{code}”的预案"),
    # playbook exchange file
    "format.line": ("line {line}", "第 {line} 行"),
    "format.yaml": ("not valid YAML: {error}", "不是有效的 YAML：{error}"),
    "format.too_big": ("the document has too many elements", "文档元素过多"),
    "format.file_too_big": ("the file is larger than {limit} MB", "文件超过 {limit} MB"),
    "format.alias": ("YAML aliases (*name) are not supported", "不支持 YAML 别名（*name）"),
    "format.key_type": ("field names must be text, not {key!r}", "字段名必须是文本，而不是 {key!r}"),
    "format.duplicate_key": ("field '{key}' appears twice", "字段“{key}”出现了两次"),
    "format.encoding": (
        "the file is not UTF-8 text (bad byte at offset {offset})",
        "文件不是 UTF-8 文本（第 {offset} 字节无效）",
    ),
    "format.expected": ("expected {what}, found {got}", "应为{what}，实际为{got}"),
    "format.unknown_field": (
        "unknown field '{key}' (allowed: {allowed})",
        "未知字段“{key}”（允许：{allowed}）",
    ),
    "format.missing_field": ("the field '{key}' is missing", "缺少字段“{key}”"),
    "format.wrong_format": (
        "this is not a BranchGuard playbook file (format must be {expected})",
        "这不是 BranchGuard 预案文件（format 应为 {expected}）",
    ),
    "format.wrong_version": (
        "format version {version} is not supported (this BranchGuard reads version {supported}; a newer file needs a newer BranchGuard)",
        "不支持格式版本 {version}（本程序读取版本 {supported}；更新的文件需要更新的 BranchGuard）",
    ),
    "format.incomplete": (
        "the file is incomplete: it was written by an export but its last line (end: true) is missing, so it was probably cut short",
        "文件不完整：它由导出生成，但缺少最后一行（end: true），可能在传输中被截断",
    ),
    "format.playbooks_or_playbook": (
        "give either 'playbooks' (a list) or 'playbook' (one plan)",
        "请提供“playbooks”（列表）或“playbook”（单个预案）之一",
    ),
    "format.phone_quotes": (
        'a phone number must be text: put it in quotes, e.g. "010-12345678"',
        '电话号码必须是文本：请加引号，例如 "010-12345678"',
    ),
    "format.base64": ("the file data is not valid base64", "文件数据不是有效的 base64 编码"),
    "format.sha_mismatch": (
        "the file data does not match its sha256 (expected {expected}, found {found})",
        "文件数据与 sha256 不一致（应为 {expected}，实际为 {found}）",
    ),
    "format.type.mapping": ("a set of fields", "字段集合"),
    "format.type.list": ("a list", "列表"),
    "format.type.text": ("text", "文本"),
    "format.type.integer": ("a whole number", "整数"),
    "format.type.number": ("a number", "数字"),
    "format.type.boolean": ("true/false", "真/假值"),
    "format.type.nothing": ("nothing", "空值"),
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
    "app.already_running": (
        "BranchGuard is already open on this data folder (PID {pid}); its window was brought forward",
        "BranchGuard 已在此数据目录上运行（进程 {pid}），已将其窗口置于前台",
    ),
    "app.unexpected_error": (
        "BranchGuard met an unexpected error ({error}). Nothing already saved is lost. The details are in the log: {log}",
        "BranchGuard 遇到意外错误（{error}）。已保存的内容不会丢失。详细信息见日志：{log}",
    ),
    "app.already_running_silent": (
        "BranchGuard is already open on this data folder (PID {pid}) but did not answer; close it or wait for it to finish",
        "BranchGuard 已在此数据目录上运行（进程 {pid}）但没有响应；请关闭它或等待其结束",
    ),
}

# Later capabilities keep their text in their own modules; one catalogue for t().
from branchguard.core.incidents.messages import INCIDENT_MESSAGES  # noqa: E402
from branchguard.core.schedules.messages import SCHEDULE_MESSAGES  # noqa: E402

CATALOG.update(INCIDENT_MESSAGES)
CATALOG.update(SCHEDULE_MESSAGES)
from branchguard.core.drills.messages import DRILL_MESSAGES  # noqa: E402

CATALOG.update(DRILL_MESSAGES)
from branchguard.core.inspections.report_messages import INSPECTION_REPORT_MESSAGES  # noqa: E402

CATALOG.update(INSPECTION_REPORT_MESSAGES)
from branchguard.core.inspections.messages import INSPECTION_MESSAGES  # noqa: E402

CATALOG.update(INSPECTION_MESSAGES)
from branchguard.core.backup.messages import BACKUP_MESSAGES  # noqa: E402

CATALOG.update(BACKUP_MESSAGES)

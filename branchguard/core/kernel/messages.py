"""English and Chinese text shared by every domain (roles, levels, statuses, validation, common
fields, permissions, attachments, report page and contact card, schema): key -> (en, zh_CN)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # roles
    "role.lead": ("Safety lead", "安全负责人"),
    "role.staff": ("Staff", "员工"),
    "role.auditor": ("Auditor", "审计员"),
    # validation
    "validation.required": ("is required", "不能为空"),
    "validation.too_long": ("is longer than {limit} characters", "超过 {limit} 个字符"),
    "validation.phone": (
        "'{value}' is not a valid phone number (e.g. 13800138000, 010-12345678, 110, 400-820-8820)",
        "“{value}”不是有效的电话号码（例如 13800138000、010-12345678、110、400-820-8820）",
    ),
    "validation.mobile": (
        "'{value}' is not a mobile number: 11 digits starting with 1 (e.g. 13800138000)",
        "“{value}”不是有效的手机号码：应为以 1 开头的 11 位数字（例如 13800138000）",
    ),
    "validation.choice": ("'{value}' is not one of: {choices}", "“{value}”不是以下之一：{choices}"),
    "validation.range": ("must be between {low} and {high}", "必须在 {low} 到 {high} 之间"),
    "validation.username": (
        "'{value}' is not a valid user name (2-32 letters, digits, '.', '_' or '-')",
        "“{value}”不是有效的用户名（2-32 位字母、数字、“.”、“_”或“-”）",
    ),
    "validation.branch_exists": (
        "the database already holds branch data; demo data is only added to an empty database",
        "数据库中已有网点数据；演示数据只能写入空数据库",
    ),
    # fields
    "field.name": ("Name", "姓名"),
    "field.branch_name": ("Branch name", "网点名称"),
    "field.branch_code": ("Branch code", "网点编号"),
    "field.key_file": ("Public key file", "公钥文件"),  # a branch's or head office's (exchange, library)
    "field.address": ("Address", "地址"),
    "field.branch_role": ("Post", "岗位"),
    "field.mobile": ("Mobile", "手机"),
    "field.sort": ("Sort order", "排序"),
    "field.offset": ("First row", "起始行"),
    "field.limit": ("Rows", "行数"),
    "field.search": ("Search text", "搜索内容"),  # a list's search box (validation.search)
    "field.phone": ("Phone", "电话"),
    "field.alt_phone": ("Alternative phone", "备用电话"),
    "field.kind": ("Type", "类别"),
    "field.notes": ("Notes", "备注"),
    "field.on_duty": ("On duty", "在岗"),
    "field.active": ("Active", "启用"),
    "field.username": ("User name", "用户名"),
    "field.role": ("Role", "角色"),
    # errors
    "error.in_field": ("{field}: {reason}", "{field}：{reason}"),
    "error.changed_elsewhere": (
        "{record} was changed by someone else (perhaps on another PC) after you opened it: nothing "
        "was saved. It is shown again as it is now; make your change again if it still applies.",
        "{record}在您打开后已被他人（可能在另一台电脑上）修改：本次未保存。已重新显示其最新内容；"
        "如仍需要，请再次修改。",
    ),
    "perm.denied": (
        "{role} '{username}' may not {action}",
        "{role}“{username}”无权执行：{action}",
    ),
    "settings.password_needs_keyring": (
        "{path} holds the database password of {url}, and no system keyring works here to keep it "
        "instead. Remove the password from db_url and put it in a pgpass file: a line "
        "{line}:PASSWORD in ~/.pgpass (chmod 600), or in the file named by PGPASSFILE",
        "{path} 中保存了数据库 {url} 的密码，但本机没有可用的系统密钥环来代为保存。请从 db_url 中删除密码，"
        "改用 pgpass 文件：在 ~/.pgpass（权限 600）或 PGPASSFILE 指定的文件中写入一行 {line}:密码",
    ),
    "notfound": ("{what} #{id} does not exist", "{what} #{id} 不存在"),
    # action names (audit and permission messages)
    "action.branch.update": ("change the branch settings", "修改网点设置"),
    "action.report.choose_font": ("choose this PC's font for reports", "选择本机报告所用字体"),
    "action.audit.list": ("read the audit trail", "查看审计记录"),
    "action.audit.export": ("export the audit trail", "导出审计记录"),
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
    # reports: font search
    "report.font.missing": ("file not found", "文件不存在"),
    "report.font.no_cjk": ("the font has no Chinese characters", "该字体不含中文字符"),
    "report.font.not_truetype": (
        "the file is not a TrueType font (.ttf or .ttc) that can be read",
        "该文件不是可读取的 TrueType 字体（.ttf 或 .ttc）",
    ),
    "report.font.cff": (
        "the font has PostScript (CFF) outlines, which PDFs here cannot embed: choose a TrueType font",
        "该字体为 PostScript（CFF）轮廓，无法嵌入 PDF：请选择 TrueType 字体",
    ),
    "report.font.no_embedding": (
        "the font's licence does not allow embedding it in PDFs",
        "该字体的授权不允许嵌入 PDF",
    ),
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
    # entities and attachments
    "entity.branch": ("Branch", "网点"),
    "level.I": ("Level I (extraordinary)", "I级（特大）"),
    "level.II": ("Level II (major)", "II级（重大）"),
    "level.III": ("Level III (serious)", "III级（较大）"),
    "playbook_status.draft": ("Draft", "草稿"),
    "playbook_status.approved": ("Approved", "已批准"),
    "playbook_status.retired": ("Retired", "已停用"),
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
    "attachment.empty": (
        "{name} is empty (0 bytes): was it copied in full? Not added",
        "{name} 是空文件（0 字节）：是否未复制完整？未添加",
    ),
    "attachment.too_big": ("{name} is larger than {limit} MB", "{name} 超过 {limit} MB"),
    "attachment.name": ("a file name of 1 to {limit} characters", "文件名长度须为 1 至 {limit} 个字符"),
    # schema
    "schema.newer": (
        "This database was written by a newer BranchGuard (schema {revision}; this version knows up "
        "to {head}). It was left untouched: update BranchGuard to open it.",
        "该数据库由更新版本的 BranchGuard 创建（结构版本 {revision}，本程序最高支持 {head}）。"
        "数据库未作任何改动：请升级 BranchGuard 后再打开。",
    ),
    "schema.empty": (
        "the database {database} holds no BranchGuard data, and this command makes none: check the "
        "address (`branchguard demo` fills a new one with demo data; the window sets up a new branch)",
        "数据库 {database} 中没有 BranchGuard 数据，本命令不会创建：请检查地址（`branchguard demo` 可写入演示数据；"
        "在窗口中可设立新网点）",
    ),
    "schema.foreign": (
        "The database holds tables but no BranchGuard schema version; it was left untouched.",
        "该数据库含有数据表但没有 BranchGuard 结构版本信息，未作任何改动。",
    ),
    "schema.upgrade_failed": (
        "Upgrading the database failed ({error}); the database is as it was; {copy}",
        "数据库升级失败（{error}）；数据库保持原样；{copy}",
    ),
    "schema.backup_failed": (
        "The database was not upgraded to {head} and is as it was: the copy to take before could not be "
        "written to {folder} ({error}). Make room there, or set another backup folder (backup_dir in "
        "settings.ini), then start again.",
        "数据库未升级到 {head}，保持原样：升级前的备份无法写入 {folder}（{error}）。请腾出空间，或在 settings.ini "
        "中设置其他备份目录（backup_dir）后重新启动。",
    ),
    "schema.window_open": (
        "The database must be upgraded to this version, and BranchGuard is open on {folder} (PID {pid}): "
        "quit it first (an older one would go on writing as before), then start again; nothing was changed",
        "数据库须升级到本版本，而 BranchGuard 正在 {folder} 上运行（进程 {pid}）：请先退出它"
        "（旧版本会按原结构继续写入），再重新启动；未做任何改动",
    ),
    "schema.window_open_elsewhere": (
        "The database must be upgraded to this version, and BranchGuard is open on {folder} on another PC "
        "({pcs}): quit it there first (an older one would go on writing as before), then start again; "
        "nothing was changed. A window that crashed there keeps this until BranchGuard is started and "
        "quit there again",
        "数据库须升级到本版本，而 BranchGuard 正在其他电脑（{pcs}）上使用 {folder}：请先在那台电脑上退出"
        "（旧版本会按原结构继续写入），再重新启动；未做任何改动。若那里的窗口曾异常退出，须在那台电脑上再启动并退出一次 BranchGuard",
    ),
    "schema.upgrade_fault": (
        "The database was not upgraded and is as it was ({copy}): {fault}",
        "数据库未升级，保持原样（{copy}）：{fault}",
    ),
    "schema.upgraded": (
        "Database upgraded from {old} to {new}; {copy}",
        "数据库已从 {old} 升级到 {new}；{copy}",
    ),
    # where the copy taken before an upgrade is (SQLite), or that a server's database has none
    "schema.copy_at": ("the copy taken before is at {backup}", "升级前的备份位于 {backup}"),
    "schema.no_copy": (
        "BranchGuard takes no copy of a database on a server: back it up there (pg_dump)",
        "BranchGuard 不复制服务器上的数据库：请在服务器上备份（pg_dump）",
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
    "app.stale_lock_taken_over": (
        "the lock left in {path} by a BranchGuard window that ended without closing (PID {pid}, since "
        "{since}) was taken over: that process no longer runs",
        "已接管未正常关闭的 BranchGuard 窗口留在 {path} 的锁（进程 {pid}，自 {since} 起）：该进程已不在运行",
    ),
    "app.open_on_other_pc": (
        "BranchGuard is open on this data folder on another PC ({pc}, PID {pid}): close it there first. "
        "A window that crashed there keeps this until BranchGuard is started and quit there again",
        "BranchGuard 正在另一台电脑（{pc}，进程 {pid}）上使用此数据目录：请先在那台电脑上关闭。"
        "若那里的窗口曾异常退出，须在那台电脑上再启动并退出一次 BranchGuard",
    ),
    # command-line table headers shared by several commands
    "cli.id": ("ID", "编号"),
    "cli.name_zh": ("Chinese name", "中文名称"),
    "cli.name_en": ("English name", "英文名称"),
    # the line a command prints on standard error when it fails or warns (as argparse's own errors)
    "cli.branch.not_set_up": (
        "The branch is not set up yet: branchguard branch set --name NAME",
        "尚未设置网点信息：branchguard branch set --name 网点名称",
    ),
    "cli.error": ("branchguard: error: {message}", "branchguard：错误：{message}"),
    "cli.zip_suffix": ("{path}: the file name must end in .zip", "{path}：文件名须以 .zip 结尾"),
    "cli.warning": ("branchguard: warning: {message}", "branchguard：警告：{message}"),
}

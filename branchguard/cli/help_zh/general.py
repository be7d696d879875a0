"""Chinese help: the global options, the commands' summaries, demo, dashboard, branch, user, people, contacts,
team, training, audit and info."""

from __future__ import annotations

HELP: dict[str, str] = {
    # global options and the commands
    (
        "BranchGuard: emergency response, drills and inspections for a bank branch. Without a sub-command "
        "it opens the window."
    ): ("BranchGuard：银行网点应急处置、应急演练与安全检查。不带子命令时打开主窗口。"),
    "show the version and exit": "显示版本号并退出",
    "data folder (database, settings, backups, attachments)": "数据目录（数据库、设置、备份、附件）",
    "database URL, e.g. postgresql://user@host/branchguard (default: SQLite in the data folder)": (
        "数据库 URL，例如 postgresql://user@host/branchguard（默认：数据目录中的 SQLite 数据库）"
    ),
    "language: zh_CN (default) or en": "界面语言：zh_CN（默认）或 en",
    (
        "open the data read-only: viewing, reports and verify work, nothing is written (also chosen by "
        "itself when the data folder cannot be written)"
    ): (
        "以只读方式打开数据：可查看、生成报告和核验（verify），不写入任何内容（数据目录无法写入时也会自"
        "动选择只读）"
    ),
    "log in as this user (default: $BRANCHGUARD_USER); commands that read or change records need it": (
        "以此用户登录（默认：$BRANCHGUARD_USER）；读取或更改记录的命令均需登录"
    ),
    (
        "read the password from the first line of standard input (else $BRANCHGUARD_PASSWORD, else a "
        "prompt on a terminal)"
    ): ("从标准输入的第一行读取密码（否则读取 $BRANCHGUARD_PASSWORD，再否则在终端上提示输入）"),
    "fill an empty database with demo data and print the demo accounts": (
        "在空数据库中填入演示数据，并列出演示账户"
    ),
    "the branch at a glance: the dashboard's figures and trends": "网点概览：仪表盘的各项数据与趋势",
    "login accounts": "登录账户",
    "staff roster": "员工名册",
    "emergency contacts": "应急联系人",
    "team roster: who holds each plan role": "应急分工：预案中各岗位由谁担任",
    "training records and certificates": "培训记录与证书",
    "emergency playbooks (应急预案)": "应急预案",
    "live incidents (应急处置)": "应急处置（事件）",
    "follow-up and corrective actions of incidents and drills (整改措施)": "事件与演练的整改措施",
    "early warnings received (预警记录)": "收到的预警信息（预警记录）",
    "drills (应急演练): plan, run, evaluate": "应急演练：计划、实施、评估",
    "required drills per rule: last done, next due, status": "按规定须开展的演练：最近一次、下次到期、状态",
    "inspections (隐患排查): checklists, answers, submit": "隐患排查：检查表、逐项检查、提交",
    "the hazard register (隐患台账)": "隐患台账",
    "customer complaints (投诉处理)": "客户投诉处理",
    "PDF reports; the hazard register also as Excel": "PDF 报告；隐患台账也可导出为 Excel",
    "the shift handover (交接班) as a PDF, every open item listed": "交接班记录（PDF），列出全部未完成事项",
    "schedules and reminders (计划与提醒)": "计划与提醒",
    "the schedule calendar (日程)": "日程",
    "audit trail": "审计记录",
    "check the ledger's hash chain and every record, incident log and attachment against it": (
        "核验账本的哈希链，并逐一核对每条记录、事件日志和附件"
    ),
    "write one archive of the database, attachments, keys and settings": (
        "将数据库、附件、密钥和设置写入一个备份文件"
    ),
    "check a backup and restore it into the data folder (the data there is moved aside first)": (
        "核验备份并恢复到数据目录（原有数据先移到一旁）"
    ),
    "signed ledger heads kept outside the database (锚点): the key and the folder": (
        "保存在数据库之外的签名账本头（锚点）：签名密钥与锚点文件夹"
    ),
    "exports for head office": "向总行报送的数据",
    "this branch's signing key (the one anchors and packages use)": (
        "本网点的签名密钥（锚点和数据包均用此密钥签名）"
    ),
    "head office (总行): branches' packages rolled up": "总行：汇总各网点的数据包",
    "the head-office library (总行资料库): export signed, import with a preview": (
        "总行资料库：签名导出，预览后导入"
    ),
    "trust head office's public key for libraries (lead)": "信任总行用于资料库的公钥（限安全负责人）",
    "show the data folder, database, schema revision and report font": (
        "显示数据目录、数据库、数据库结构版本和报告字体"
    ),
    # demo
    "do nothing (and succeed) when the database already holds branch data": (
        "数据库中已有网点数据时不做任何操作（并视为成功）"
    ),
    "also write this many years of a busy branch's history, in bulk (1-30)": (
        "另外批量写入一个业务繁忙网点这么多年的历史数据（1-30）"
    ),
    "the history's random seed (same seed, same rows)": "历史数据的随机种子（种子相同，数据相同）",
    "the history's last day, YYYY-MM-DD, before today (default yesterday)": (
        "历史数据的最后一天，YYYY-MM-DD，须早于今天（默认：昨天）"
    ),
    # dashboard
    "print JSON instead of text": "以 JSON 格式输出，而非文字",
    # user
    "create an account; the password is read from standard input (one line)": (
        "创建账户；密码从标准输入读取（一行）"
    ),
    "end the lock (or a safety lead's wait) after wrong passwords, at once": (
        "立即解除因密码错误导致的锁定（或安全负责人的等待时间）"
    ),
    "list accounts": "列出账户",
    "user name (2-32 letters, digits, '.', '_' or '-')": "用户名（2-32 个字母、数字、“.”、“_”或“-”）",
    "the account's role: lead (safety lead), staff or auditor": (
        "账户角色：lead（安全负责人）、staff（员工）或 auditor（审计员）"
    ),
    "name shown in the window and the audit trail": "在窗口和审计记录中显示的姓名",
    "the first account only: the branch's name (required then)": "仅限第一个账户：网点名称（此时必填）",
    "the first account only: the branch's code": "仅限第一个账户：网点编号",
    "user name": "用户名",
    "print JSON instead of a table": "以 JSON 格式输出，而非表格",
    # branch
    "the branch's name, code, address and login lockout": "网点名称、编号、地址和登录锁定设置",
    "show the branch's settings": "显示网点设置",
    "change the branch's settings (lead); what is not given stays as it is": (
        "修改网点设置（限安全负责人）；未给出的项保持不变"
    ),
    "the branch's code (empty: none)": "网点编号（空：无）",
    "the branch's address (empty: none)": "网点地址（空：无）",
    "wrong passwords before an account is locked (1-20)": "账户被锁定前允许输错密码的次数（1-20）",
    "how long a locked account stays locked (1-1440)": "账户锁定的时长，以分钟计（1-1440）",
    # people
    "list staff": "列出员工",
    "part of a name or phone number": "姓名或电话号码的一部分",
    "only this post (柜员, Teller or teller)": "只列出此岗位（如 柜员；也可用其英文名称或代码）",
    "only staff on duty": "只列出在岗员工",
    "only staff off duty": "只列出不在岗员工",
    "add a staff member to the roster": "向员工名册添加人员",
    "add the staff of a CSV file (姓名, 岗位, 手机, 电话, 在岗, 备注), all or none": (
        "导入 CSV 文件中的人员（姓名、岗位、手机、电话、在岗、备注），全部导入或全不导入"
    ),
    "the roster as CSV (Excel: Save As, CSV)": "CSV 格式的人员名单（Excel：另存为 CSV）",
    "check the file and say who would be added": "只检查文件并列出将添加的人员，不作改动",
    "change a staff member's details; what is not given stays as it is": "修改人员信息；未给出的项保持不变",
    "the person's name": "人员姓名",
    "the person's name in the staff list, or #ID as `people list` shows it": (
        "人员姓名（须在员工名册中），或 `people list` 所示的 #ID"
    ),
    "their new name": "新的姓名",
    "the person's post: 柜员, Teller or teller (and so on)": (
        "人员岗位，如 柜员（也可用其英文名称或代码）"
    ),
    "mobile number": "手机号码",
    "office or other phone number": "办公或其他电话号码",
    "on duty (the default)": "在岗（默认）",
    "off duty": "不在岗",
    "notes": "备注",
    "rename them although open items name them (the items keep the old name)": (
        "即使其名下仍有未结事项，仍然改名（这些事项保留原名）"
    ),
    "remove a staff member from the roster": "从员工名册中删除人员",
    "remove them although open hazards, actions, complaints or schedules name them": (
        "即使其名下仍有未结的隐患、整改措施、投诉或计划，仍然删除"
    ),
    # contacts
    "list emergency contacts": "列出应急联系人",
    "print the emergency contact card (应急联络卡) as PDF": "将应急联络卡输出为 PDF",
    "only contacts of this kind": "只列出此类联系人",
    "part of a name, phone number or note": "名称、电话号码或备注的一部分",
    "add an emergency contact; prints its id": "添加应急联系人；输出其编号",
    "change an emergency contact; what is not given stays as it is": "修改应急联系人；未给出的项保持不变",
    "remove an emergency contact (not a public number)": "删除应急联系人（公共应急号码不能删除）",
    "the contact's name": "联系人名称",
    "the contact's id, as `contacts list` shows it": "联系人编号，与 `contacts list` 所示一致",
    "what the contact is for": "联系人类别（用途）",
    "phone number": "电话号码",
    "alternative phone number": "备用电话号码",
    "PDF file to write": "要写入的 PDF 文件",
    # team
    "every role the approved plans name, its holder, backup and gaps": (
        "已批准预案中的每个应急岗位，及其 A 角、B 角和空缺"
    ),
    "give a role its holder (and backup)": "指定岗位的 A 角（及 B 角）",
    "the role's code, as `team list` shows it": "岗位代码，与 `team list` 所示一致",
    "the holder's name in the staff list": "A 角姓名（须在员工名册中）",
    "the backup's name (B角)": "B 角姓名",
    "nobody holds the role any more (frees its holder and backup to leave the staff list)": (
        "解除岗位人员（其 A 角、B 角随后可从员工名册中删除）"
    ),
    # training
    "training records": "培训记录",
    "record a training": "登记一次培训",
    "only certificates expiring within DAYS (or expired)": "只列出 DAYS 天内到期（或已过期）的证书",
    "the person's name in the staff list": "人员姓名（须在员工名册中）",
    "training kind (first_aid_aed, fire, guard_licence, …)": (
        "培训类别（`first_aid_aed`、`fire`、`guard_licence` 等）"
    ),
    "training date YYYY-MM-DD": "培训日期 YYYY-MM-DD",
    "certificate's expiry date YYYY-MM-DD": "证书有效期至 YYYY-MM-DD",
    "certificate number": "证书编号",
    "notes on the training": "培训备注",
    # audit
    "list audit events, newest first": "列出审计记录，最新的在前",
    "only this user": "只列出此用户的记录",
    "only actions starting with this, e.g. person or user.login": (
        "只列出以此开头的操作，例如 `person` 或 `user.login`"
    ),
    "from this local date (YYYY-MM-DD)": "从此本地日期起（YYYY-MM-DD）",
    "up to and including this local date": "截至此本地日期（含当天）",
    "summary contains this text": "摘要中包含此文字",
    "at most this many events (default 1000)": "最多列出这么多条（默认 1000）",
    "write the events that audit list lists for the same filters to an .xlsx or a PDF": (
        "将相同筛选条件下 audit list 列出的事件写入 .xlsx 或 PDF 文件"
    ),
}

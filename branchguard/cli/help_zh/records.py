"""Chinese help: report, schedule, calendar, verify, backup, restore, anchor, export, key, ho, library
and trust."""

from __future__ import annotations

HELP: dict[str, str] = {
    # report
    "an incident's report (事件报告) as PDF": "事件报告（PDF）",
    "an incident's initial report to head office (初报) as PDF": "向总行报送的事件初报（PDF）",
    "a drill's report (演练报告) as PDF": "演练报告（PDF）",
    "an inspection's record (检查记录) as PDF": "检查记录（PDF）",
    "the hazard register (隐患台账) as PDF or Excel, with the filters given": (
        "按所给筛选条件导出隐患台账（PDF 或 Excel）"
    ),
    "a complaint's file (投诉处理档案) as PDF": "投诉处理档案（PDF）",
    "the complaint register with statistics as PDF or Excel, with the filters given": (
        "按所给筛选条件导出投诉登记簿及统计（PDF 或 Excel）"
    ),
    "the periodic safety report (网点安全管理工作报告) as PDF or Excel": (
        "网点安全管理工作报告（PDF 或 Excel）"
    ),
    "FILE.pdf or FILE.xlsx: the suffix picks the format": "FILE.pdf 或 FILE.xlsx：按扩展名决定格式",
    "the complainant's identifiers in full": "完整显示投诉人身份信息",
    "a month (2026-11), a quarter (2026-Q4) or a year (2026)": (
        "某月（2026-11）、某季度（2026-Q4）或某年（2026）"
    ),
    # schedule
    "catch up, then list schedules with their open and overdue items": (
        "先补记到期事项，再列出计划及其未完成和已逾期事项"
    ),
    "catch up, then list the open items overdue, due later today or in the next 7 days": (
        "先补记到期事项，再列出已逾期、今天稍后到期或未来 7 天内到期的事项"
    ),
    "add a one-off or recurring schedule; prints its id": "添加一次性或周期性计划；输出计划编号",
    "mark an open item done (or --skip it with a reason)": (
        "将待办事项标记为已完成（或以 --skip 说明原因后跳过）"
    ),
    "pause a schedule": "暂停计划",
    "resume a schedule": "恢复计划",
    "leave paused schedules out": "不列出已暂停的计划",
    "overdue, today or next_7_days": "overdue（已逾期）、today（今天）或 next_7_days（未来 7 天）",
    "only this kind; repeatable": "只列出此类；可重复",
    "what is to be done": "要做的事项",
    "first date: 'YYYY-MM-DD HH:MM' local time (a date alone: 09:00)": (
        "首次日期：'YYYY-MM-DD HH:MM' 本地时间（只给日期时为 09:00）"
    ),
    (
        "daily, weekly, monthly, quarterly, semiannual, yearly, or an RFC 5545 rule such as "
        "'FREQ=WEEKLY;BYDAY=MO'; leave out for a one-off"
    ): (
        "`daily`、`weekly`、`monthly`、`quarterly`、`semiannual`、`yearly`，或 RFC 5545 规则，"
        "例如 'FREQ=WEEKLY;BYDAY=MO'；一次性计划不填"
    ),
    "last date YYYY-MM-DD (inclusive)": "最后日期 YYYY-MM-DD（含当天）",
    "number of occurrences": "重复次数",
    "remind this long before (default 1440)": "提前多少分钟提醒（默认 1440）",
    "the person responsible": "责任人",
    "what kind of work it is (default: custom)": "工作类别（默认：custom，自定义）",
    "on a public holiday or weekend: keep, next or previous working day, or skip": (
        "遇法定节假日或周末：照常（none）、顺延至下一工作日（next）、提前至上一工作日（previous）"
        "或跳过（skip）"
    ),
    "IANA time zone of the wall clock (default: this PC's)": "所用时钟的 IANA 时区（默认：本机时区）",
    "notes shown with each reminder": "随每次提醒显示的备注",
    "the open item's id (from `schedule due`)": "待办事项编号（见 `schedule due`）",
    "the schedule's id": "计划编号",
    # calendar
    "write the occurrences between two dates as iCalendar (.ics)": (
        "将两个日期之间的日程导出为 iCalendar 文件（.ics）"
    ),
    "first date YYYY-MM-DD": "开始日期 YYYY-MM-DD",
    ".ics file to write (at most 5 years)": "要写入的 .ics 文件（最长 5 年）",
    # verify
    "the report as JSON": "以 JSON 格式输出核验报告",
    (
        "also check the data against the signed anchors in FILE: an anchor file, a report PDF or a "
        "head-office package (repeatable); without it, the branch's own anchor file"
    ): ("另外用 FILE 中的签名锚点核验数据：FILE 可以是锚点文件、报告 PDF 或总行数据包（可重复）；"
        "不指定时用本网点自己的锚点文件"),
    # backup
    (
        "Without -o the archive goes to the backup folder, named by its time, and older automatic backups "
        "beyond the kept ones (by default the newest of each of 14 days and 12 months) are removed: run it "
        "daily from the system's scheduler."
    ): (
        "不带 -o 时，备份文件写入备份文件夹并以时间命名，超出保留范围的较早自动备份将被删除（默认保留最"
        "近 14 天和 12 个月中每天、每月最新的一份）：请在系统计划任务中每日运行。"
    ),
    "archive file to write (.zip)": "要写入的备份文件（.zip）",
    "backup folder (default: setting backup_dir)": "备份文件夹（默认：设置项 backup_dir）",
    # restore
    "the backup archive to restore (.zip)": "要恢复的备份文件（.zip）",
    "do not ask for confirmation": "不再询问确认",
    # anchor
    "the signing key's fingerprint, the anchor folder and file": "签名密钥指纹、锚点文件夹和锚点文件",
    "choose the folder the anchor file goes to (USB stick, share)": (
        "选择锚点文件的存放文件夹（U 盘、共享文件夹）"
    ),
    "an existing folder, apart from the data folder": "已存在的文件夹，须在数据目录之外",
    # export
    "the signed period package for head office (数据包) as a zip": "向总行报送的签名期间数据包（zip）",
    "a month (2026-11) or a quarter (2026-Q4)": "某月（2026-11）或某季度（2026-Q4）",
    "the zip file to write": "要写入的 zip 文件",
    "complainants' identifiers in full (safety lead)": "完整显示投诉人身份信息（限安全负责人）",
    "leave the PDF reports out": "不附 PDF 报告",
    "only say what the package would hold": "只说明数据包将包含的内容",
    (
        "send the ledger again from after this entry: the one head office holds, when a package was lost "
        "or refused (0: from the start)"
    ): ("从此条之后重新发送账本：即总行已有的最后一条，用于数据包丢失或被拒收时（0：从头开始）"),
    # key
    "the key's fingerprint": "密钥指纹",
    "write the public key for head office": "写出供总行使用的公钥",
    "the file to write (PEM)": "要写入的文件（PEM）",
    # ho
    "make this (new, empty) database head office's, with its first account": (
        "将此（新建的空）数据库设为总行数据库，并创建其第一个账户"
    ),
    "registered branches": "已登记的网点",
    "import branch packages (each checked whole, one transaction each)": (
        "导入网点数据包（每个数据包整体核验，各用一个事务）"
    ),
    "every branch side by side": "各网点并列对比",
    "the regional period report, branches side by side (PDF or xlsx)": (
        "地区期间报告，各网点并列对比（PDF 或 xlsx）"
    ),
    "what head office sends down to its branches": "总行下发给各网点的内容",
    "head office: store the working-day table file (YAML) its libraries carry (lead)": (
        "总行：保存资料库所附带的工作日表文件（YAML）（限安全负责人）"
    ),
    "the head office's name": "总行名称",
    "the first account (administrator); password on stdin": "第一个账户（管理员）；密码从标准输入读取",
    "the first account's name shown in the window and the audit trail": (
        "第一个账户在窗口和审计记录中显示的姓名"
    ),
    "register a branch with its public key (`branchguard key export`)": (
        "用网点公钥登记网点（`branchguard key export`）"
    ),
    "the branch's code": "网点代码",
    "the branch's name": "网点名称",
    "the branch's public key file": "网点的公钥文件",
    "branch package files (from `branchguard export`)": "网点数据包文件（由 `branchguard export` 生成）",
    "FILE.pdf or FILE.xlsx": "FILE.pdf 或 FILE.xlsx",
    "write the library signed by this installation's key (head office)": "写出以本机密钥签名的资料库（总行）",
    "the .zip to write": "要写入的 .zip 文件",
    "also write the public key branches trust (PEM), e.g. head-office.pem": (
        "同时写出各网点所信任的公钥（PEM），例如 head-office.pem"
    ),
    "a branchguard.working_days file (docs/library-format.md)": (
        "branchguard.working_days 工作日表文件（见 docs/library-format.md）"
    ),
    # library
    "check a library's signature and contents, preview, apply (lead)": (
        "核验资料库的签名和内容，预览后应用（限安全负责人）"
    ),
    "the trusted head-office key, the last import, the working-day years": (
        "受信任的总行密钥、最近一次导入、工作日表覆盖的年份"
    ),
    "is DATE a working day? (exit 1 when no table covers its year)": (
        "DATE 是否为工作日？（没有工作日表覆盖该年份时退出码为 1）"
    ),
    "add the built-in plans and checklists this database lacks, touching no other (lead)": (
        "添加本数据库缺少的内置预案和检查表，不改动其他内容（限安全负责人）"
    ),
    "the library .zip from head office": "总行提供的资料库 .zip 文件",
    "show what would change; write nothing": "显示将发生的变更；不写入任何内容",
    "the preview (or result) as JSON": "以 JSON 格式输出预览（或结果）",
    "YYYY-MM-DD": "YYYY-MM-DD",
    "list what would be added; write nothing": "列出将添加的内容；不写入任何内容",
    # trust
    "the key file head office gave (PEM or 64 hex digits)": "总行提供的密钥文件（PEM 或 64 位十六进制数）",
    "the head office's public key file": "总行公钥文件",
}

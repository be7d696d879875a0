<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>关于 BranchGuard</translation>
    </message>
    <message>
        <source>Emergency playbooks, live incident response, drills and inspections for a bank branch.</source>
        <translation>营业网点的应急预案、突发事件处置、应急演练与安全检查管理。</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>本机安装信息</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Report font</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>no licence declared in this build</source>
        <translation>本版本未声明许可协议</translation>
    </message>
    <message>
        <source>BranchGuard: %1. Built with %2.</source>
        <translation>BranchGuard：%1。使用的开源组件：%2。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>已嵌入每份 PDF</translation>
    </message>
</context>
<context>
    <name>ActionsDialog</name>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
</context>
<context>
    <name>ActionsTable</name>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
</context>
<context>
    <name>AlreadyOpenQuestion</name>
    <message>
        <source>Already open</source>
        <translation>已在处置中</translation>
    </message>
    <message>
        <source>%1 is already open as incident #%2, started by %3 at %4.</source>
        <translation>%1 已作为事件 #%2 在处置中，由 %3 于 %4 启动。</translation>
    </message>
    <message>
        <source>Log what happens in that incident. Start another only for a second, separate event of the same kind (a second ATM, another floor).</source>
        <translation>请在该事件中记录处置情况。仅当另有一起同类的独立事件（如另一台 ATM、另一楼层）时才另行启动。</translation>
    </message>
    <message>
        <source>Start another anyway</source>
        <translation>仍然另行启动</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend item %1</source>
        <translation>更正第 %1 项</translation>
    </message>
    <message>
        <source>Item %1: %2
Submitted as: %3</source>
        <translation>第 %1 项：%2
提交时结果：%3</translation>
    </message>
    <message>
        <source>Add a photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Correct result</source>
        <translation>更正后结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Why is it corrected?</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
</context>
<context>
    <name>AnchorsPanel</name>
    <message>
        <source>Choose the anchor folder</source>
        <translation>选择锚点文件夹</translation>
    </message>
    <message>
        <source>Checking %1 and saving…</source>
        <translation>正在检查 %1 并保存…</translation>
    </message>
    <message>
        <source>Anchors go to this folder from now on.</source>
        <translation>今后锚点写入此文件夹。</translation>
    </message>
    <message>
        <source>Signed anchors</source>
        <translation>签名锚点</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>签名密钥指纹</translation>
    </message>
    <message>
        <source>Anchor folder</source>
        <translation>锚点文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Every report prints the ledger head and is signed with this PC's key; the signed head is added to an anchor file in this folder. Choose a USB stick or a network share apart from the database: later, branchguard verify --anchor proves the data still holds every anchored state. Compare the fingerprint with the one on a report.</source>
        <translation>每份报告都会打印账本头，并用本机密钥签名；签名后的账本头会追加到此文件夹中的锚点文件。请选择与数据库分开的 U 盘或网络共享：日后运行 branchguard verify --anchor 即可证明数据仍包含每个已锚定的状态。可将此指纹与报告上的指纹核对。</translation>
    </message>
    <message>
        <source>Only the safety lead can choose the anchor folder.</source>
        <translation>只有安全负责人可以选择锚点文件夹。</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Attach files to the plan: a floor plan, a wiring diagram, a scanned notice</source>
        <translation>为预案添加附件：平面图、线路图、通知扫描件等</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Attach files to the plan</source>
        <translation>为预案添加附件</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx);;All files (*)</source>
        <translation>文档和图片 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Copying attachments</source>
        <translation>正在复制附件</translation>
    </message>
    <message>
        <source>No file was attached: %1</source>
        <translation>未添加任何附件：%1</translation>
    </message>
    <message>
        <source>attach %1</source>
        <translation>添加附件 %1</translation>
    </message>
    <message>
        <source>remove attachment %1</source>
        <translation>删除附件 %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach a photo or file…</source>
        <translation>添加照片或文件…</translation>
    </message>
    <message>
        <source>Copied into the data folder with its SHA-256 (Ctrl+Shift+A)</source>
        <translation>复制到数据文件夹并记录 SHA-256（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>No photos or files yet.</source>
        <translation>暂无照片或文件。</translation>
    </message>
</context>
<context>
    <name>AuditDiffModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Every change made in BranchGuard: who made it, when, and what it changed.</source>
        <translation>BranchGuard 中的每一次变更：由谁、在何时、改动了什么。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the newest events (F5)</source>
        <translation>载入最新记录（F5）</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>仅显示从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search the summaries</source>
        <translation>搜索摘要</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All kinds of change</source>
        <translation>全部变更类型</translation>
    </message>
    <message>
        <source>%1 of %2 events shown; scroll for more</source>
        <translation>已显示 %1 条，共 %2 条记录；向下滚动查看更多</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Fields whose value changed are highlighted.</source>
        <translation>值发生变化的字段已突出显示。</translation>
    </message>
    <message>
        <source>Select an event to see what it changed.</source>
        <translation>选择一条记录以查看变更内容。</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4.</source>
        <translation>%1：%2 于 %3 操作，对象：%4。</translation>
    </message>
    <message>
        <source>This event recorded no field values. Summary: %1</source>
        <translation>该记录未保存字段值。摘要：%1</translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>还没有任何记录。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the events these filters show as Excel or PDF</source>
        <translation>将当前筛选出的事件保存为 Excel 或 PDF</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 条事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>核验…</translation>
    </message>
    <message>
        <source>Check every record, incident log and attachment against the ledger and the anchor file</source>
        <translation>对照账本和锚点文件核验每一项记录、事件处置记录和附件</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>正在备份到 %1…</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>A backup is being made already; back up again once it is done.</source>
        <translation>已有一个备份正在进行；请在其完成后再备份。</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>备份已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2 files, %3).</source>
        <translation>已写入备份：%1（%2 个文件，%3）。</translation>
    </message>
    <message>
        <source>Older automatic backups removed: %1.</source>
        <translation>已删除较早的自动备份：%1 个。</translation>
    </message>
    <message>
        <source>The database is PostgreSQL: back it up with pg_dump.</source>
        <translation>数据库为 PostgreSQL：请用 pg_dump 备份数据库。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>BranchGuard backups (*.zip)</source>
        <translation>BranchGuard 备份 (*.zip)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在校验 %1…</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>正在校验备份</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Made: %1 by BranchGuard %2</source>
        <translation>生成时间：%1，BranchGuard %2</translation>
    </message>
    <message>
        <source>Schema: %1</source>
        <translation>数据库结构版本：%1</translation>
    </message>
    <message>
        <source>%1 files, %2 attachments, %3 incidents, %4 log entries, %5 drills, %6 inspections</source>
        <translation>%1 个文件、%2 个附件、%3 个事件、%4 条日志、%5 次演练、%6 次检查</translation>
    </message>
    <message>
        <source>Restore this backup? It is done the next time BranchGuard starts, before anything opens the database; the data in place now is moved aside first, not deleted.</source>
        <translation>恢复此备份？恢复将在下次启动 BranchGuard 时、打开数据库之前进行；当前数据会先移至备用目录，不会被删除。</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>已取消恢复；未做任何改动。</translation>
    </message>
    <message>
        <source>The restore asked for is cancelled; nothing was changed.</source>
        <translation>已取消待执行的恢复；未做任何改动。</translation>
    </message>
    <message>
        <source>%1 will be restored the next time BranchGuard starts: quit it (File → Quit) and start it again.</source>
        <translation>将在下次启动 BranchGuard 时恢复 %1：请退出（文件 → 退出）后重新启动。</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use the data folder</source>
        <translation>使用数据目录</translation>
    </message>
    <message>
        <source>Keep the newest backup of this many days</source>
        <translation>保留最近若干天（每天最新一份）</translation>
    </message>
    <message>
        <source>Keep the newest backup of this many months</source>
        <translation>保留最近若干月（每月最新一份）</translation>
    </message>
    <message>
        <source>BranchGuard makes one backup a day while it runs: the database, attachments, keys and settings in one checked archive. Choose a USB stick or a network share, so the evidence survives this PC's disk.</source>
        <translation>BranchGuard 运行时每天自动备份一次：数据库、附件、密钥和设置打包为一个带校验的备份文件。请选择 U 盘或网络共享文件夹，以免本机硬盘损坏时证据丢失。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation>取消恢复</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>往前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>往后</translation>
    </message>
    <message>
        <source>New schedule…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <source>Nothing falls due in these days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</source>
        <translation>这些天内没有到期事项。演练在“应急演练”页安排，检查表在“安全检查”页安排检查计划；其他提醒可点击“新建计划…”添加。</translation>
    </message>
    <message>
        <source>Nothing falls due in these days.</source>
        <translation>这些天内没有到期事项。</translation>
    </message>
    <message>
        <source>Overdue items are red. Drag an open item to another day to reschedule it.</source>
        <translation>逾期事项以红色显示。将未完成事项拖到另一天即可改期。</translation>
    </message>
    <message>
        <source>Overdue items are red.</source>
        <translation>逾期事项以红色显示。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Nothing is due in this window.</source>
        <translation>此时段内没有到期事项。</translation>
    </message>
    <message>
        <source>Nothing falls due in these %1 days.</source>
        <translation>这 %1 天内没有到期事项。</translation>
    </message>
    <message>
        <source>Nothing falls due in these %1 days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</source>
        <translation>这 %1 天内没有到期事项。演练在“应急演练”页安排，检查表在“安全检查”页安排检查计划；其他提醒可点击“新建计划…”添加。</translation>
    </message>
    <message>
        <source>Nothing falls due in these days: nothing to export.</source>
        <translation>这些日子没有到期事项：无可导出的内容。</translation>
    </message>
</context>
<context>
    <name>ChecklistKeys</name>
    <message>
        <source>Inspection: pass the current item</source>
        <translation>检查：当前项合格</translation>
    </message>
    <message>
        <source>Inspection: fail the current item</source>
        <translation>检查：当前项不合格</translation>
    </message>
    <message>
        <source>Inspection: current item not applicable</source>
        <translation>检查：当前项不适用</translation>
    </message>
    <message>
        <source>Inspection: next item</source>
        <translation>检查：下一项</translation>
    </message>
    <message>
        <source>Inspection: previous item</source>
        <translation>检查：上一项</translation>
    </message>
    <message>
        <source>Inspection: submit</source>
        <translation>检查：提交</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>检查项</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>缺少照片</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the incident</source>
        <translation>结束事件</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1200.50</source>
        <translation>金额（元），如 1200.50</translation>
    </message>
    <message>
        <source>Outcome (required)</source>
        <translation>处置结果（必填）</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>删除措施</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>结束事件</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Say how the incident ended.</source>
        <translation>请填写事件的处置结果。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 1200.50 (at most two decimals).</source>
        <translation>请输入以元为单位的金额，如 1200.50（最多两位小数）。</translation>
    </message>
    <message>
        <source>Close it with these still open</source>
        <translation>仍有未完成事项，确认结案</translation>
    </message>
    <message>
        <source>Still open: %1 pending step(s), %2 reporting checkpoint(s) overdue. Close anyway?</source>
        <translation>尚未完成：%1 个待办步骤，%2 个上报节点已逾期。仍要结案吗？</translation>
    </message>
    <message>
        <source>Report overdue since %1: %2. %3</source>
        <translation>上报已于 %1 逾期：%2. %3</translation>
    </message>
    <message>
        <source>Steps or reports are still open: tick “Close it with these still open”.</source>
        <translation>仍有步骤或上报未完成：请勾选“仍有未完成事项，确认结案”。</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <source>Requirement</source>
        <translation>合规要求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>At least every</source>
        <translation>最长间隔</translation>
    </message>
    <message>
        <source>Last drill</source>
        <translation>上次演练</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次最迟</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>any scenario</source>
        <translation>任意场景</translation>
    </message>
    <message>
        <source>any type</source>
        <translation>任意类型</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未开展</translation>
    </message>
    <message>
        <source>None since %1</source>
        <translation>%1 起未开展</translation>
    </message>
    <message>
        <source>No such drill is recorded since %1, when the branch began using BranchGuard: the first one is due within the interval from that day. A drill held earlier counts from its own day once recorded (Record held drill…).</source>
        <translation>自 %1（网点开始使用 BranchGuard）起未记录此类演练：首次演练应在该日起的间隔内开展。此前已开展的演练补录后（补录演练…），从其开展之日起算。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>(planned %1)</source>
        <translation>（已计划 %1）</translation>
    </message>
    <message>
        <source>any plan tier</source>
        <translation>任意预案层级</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) before each drill</source>
        <translation>
            <numerusform>每次演练前 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>No drill planned</source>
        <translation>未安排演练</translation>
    </message>
    <message>
        <source>notify by %1 (drill %2)</source>
        <translation>%1 前告知（演练 %2）</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Never drilled: plan the drill on the Drill plans tab (Plan drill…). A drill held before BranchGuard, or on paper, counts from the day it was held once recorded there with Record held drill…</source>
        <translation>从未开展：请在“演练计划”标签页点击“计划演练…”安排演练。安装 BranchGuard 之前或以纸质记录开展过的演练，在该页用“补录演练…”补录后，自实施之日起计入。</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Defaults (all regions)</source>
        <translation>默认（所有地区）</translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation>编辑要求…</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>新建要求…</translation>
    </message>
    <message>
        <source>A drill counts from the day it is run. Due soon: within 30 days. A region inherits the defaults and overrides rules by their code.</source>
        <translation>演练自实施之日起计算。即将到期：30 天以内。各地区沿用默认要求，并可按编号覆盖其中的要求。</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>演练要求</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit a contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This is a built-in public emergency number: its number and type cannot be changed.</source>
        <translation>这是内置的公共应急号码，号码和类别不能修改。</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A public emergency number: it cannot be removed and its number cannot be changed.</source>
        <translation>公共应急号码：不能删除，号码不能修改。</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>All types</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Remove the contact %1?</source>
        <translation>确定删除联系人 %1 吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) shown</source>
        <translation>
            <numerusform>显示 %n 个联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>编辑所选联系人</translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation>删除所选联系人</translation>
    </message>
    <message>
        <source>Search contacts by name or phone</source>
        <translation>按名称或电话搜索联系人</translation>
    </message>
    <message>
        <source>No contact matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的联系人。</translation>
    </message>
    <message>
        <source>No emergency contacts yet.</source>
        <translation>还没有应急联系人。</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>应急联系人</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Correct entry %1</source>
        <translation>更正第 %1 条记录</translation>
    </message>
    <message>
        <source>Entry %1 says: “%2”. It stays in the log, struck through, followed by your correction.</source>
        <translation>第 %1 条记录为：“%2”。原记录保留在日志中并加删除线，其后附上您的更正。</translation>
    </message>
    <message>
        <source>What it should say</source>
        <translation>正确内容</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Defaults (all regions)</source>
        <translation>默认（所有地区）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Criterion (Chinese)</source>
        <translation>评分项（中文）</translation>
    </message>
    <message>
        <source>Criterion (English)</source>
        <translation>评分项（英文）</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>权重 %</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save set</source>
        <translation>保存评分标准</translation>
    </message>
    <message>
        <source>any scenario without a set of its own</source>
        <translation>未单独设定评分标准的任意场景</translation>
    </message>
    <message>
        <source>Used for drills of: %1</source>
        <translation>适用于以下演练：%1</translation>
    </message>
    <message>
        <source>Weights: %1 / 100</source>
        <translation>权重合计：%1 / 100</translation>
    </message>
    <message>
        <source>Saved: new evaluations of these drills use it.</source>
        <translation>已保存：此后对这些演练的评估将采用该标准。</translation>
    </message>
    <message>
        <source>Criteria sets</source>
        <translation>评分标准集</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>评分标准</translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>日历：%1</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>DialogWork</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <source>It is not saved yet: closing the window throws it away.</source>
        <translation>这些内容尚未保存：关闭窗口将丢弃它们。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DrillListPanel</name>
    <message>
        <source>No drills yet. Plan drill… schedules one on a playbook; Record held drill… enters one held before BranchGuard, with its scores.</source>
        <translation>还没有演练。点击“计划演练…”依据预案安排演练；安装 BranchGuard 之前开展过的演练，可用“补录演练…”连同评分一并补录。</translation>
    </message>
    <message>
        <source>No drills yet.</source>
        <translation>还没有演练。</translation>
    </message>
    <message>
        <source>No drill in this state.</source>
        <translation>没有处于此状态的演练。</translation>
    </message>
    <message>
        <source>All drills</source>
        <translation>全部演练</translation>
    </message>
    <message>
        <source>Plan drill…</source>
        <translation>计划演练…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>Headcount…</source>
        <translation>清点人数…</translation>
    </message>
    <message>
        <source>Open console</source>
        <translation>打开处置台</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Actions…</source>
        <translation>整改措施…</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>Cancel drill</source>
        <translation>取消演练</translation>
    </message>
    <message>
        <source>Start the drill: its incident console opens, flagged as a drill</source>
        <translation>开始演练：打开其事件处置台，并标记为演练</translation>
    </message>
    <message>
        <source>Double-click a run to open its console</source>
        <translation>双击已实施的演练可打开其处置台</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>共 %n 次演练</numerusform>
        </translation>
    </message>
    <message>
        <source>announced</source>
        <translation>预先通知</translation>
    </message>
    <message>
        <source>unannounced</source>
        <translation>不预先通知</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>Start the %1 drill “%2” now? Its incident console opens, flagged as a drill.</source>
        <translation>确定现在开始演练“%2”（%1）吗？将打开其事件处置台，并标记为演练。</translation>
    </message>
    <message>
        <source>Headcount recorded in the drill's log (#%1).</source>
        <translation>清点人数已记入演练处置记录（第 %1 条）。</translation>
    </message>
    <message>
        <source>Cancel the drill “%1”? Its schedule stops reminding.</source>
        <translation>确定取消演练“%1”吗？其计划将不再提醒。</translation>
    </message>
    <message>
        <source>This is a recurring plan: no further drills of the series are planned.</source>
        <translation>这是重复计划：该系列此后不再安排演练。</translation>
    </message>
    <message>
        <source>Save the drill report</source>
        <translation>保存演练报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Rendering the drill report…</source>
        <translation>正在生成演练报告…</translation>
    </message>
    <message>
        <source>Saving the drill report…</source>
        <translation>正在保存演练报告…</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>报告保存失败：%1</translation>
    </message>
    <message>
        <source>Drill report: %1</source>
        <translation>演练报告：%1</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>预览 / 打印…</translation>
    </message>
    <message>
        <source>The selected drill's report: preview, print or save as PDF</source>
        <translation>所选演练的报告：预览、打印或另存为 PDF</translation>
    </message>
    <message>
        <source>%1 of %2 drills shown; scroll for older ones</source>
        <translation>显示 %1 / %2 次演练，向下滚动查看更早的演练</translation>
    </message>
    <message>
        <source>Record held drill…</source>
        <translation>补录演练…</translation>
    </message>
    <message>
        <source>A drill held without BranchGuard (before the install, or on paper), from its record</source>
        <translation>补录未使用本系统实施的演练（安装本系统之前，或纸质组织），依据其记录填写</translation>
    </message>
    <message>
        <source>Void record…</source>
        <translation>作废记录…</translation>
    </message>
    <message>
        <source>Void record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>Why is the record of “%1” void? (It stops counting; the reason is kept.)</source>
        <translation>“%1”的记录为何作废？（作废后不再计入，原因予以保留。）</translation>
    </message>
    <message>
        <source>Record hazard…</source>
        <translation>登记隐患…</translation>
    </message>
    <message>
        <source>A problem this drill found, entered in the hazard register linked to the drill</source>
        <translation>将本次演练发现的问题登记到隐患台账，并与该演练关联</translation>
    </message>
    <message>
        <source>Hazard %1 recorded, linked to this drill: follow it up on the Hazards page.</source>
        <translation>隐患 %1 已登记并与本次演练关联：请在“隐患管理”页跟进整改。</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
</context>
<context>
    <name>DrillPlanDialog</name>
    <message>
        <source>Plan a drill</source>
        <translation>计划演练</translation>
    </message>
    <message>
        <source>Scenario (playbook)</source>
        <translation>演练场景（预案）</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Goals (one per line)</source>
        <translation>演练目标（每行一条）</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>观摩人员</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Every 6 months</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <source>e.g. everyone out of the hall within 3 minutes</source>
        <translation>例如：3 分钟内全部人员撤离营业厅</translation>
    </message>
    <message>
        <source>Participants by role or team</source>
        <translation>参演人员（按角色或小组）</translation>
    </message>
    <message>
        <source>Plan drill</source>
        <translation>计划演练</translation>
    </message>
    <message>
        <source>Choose the playbook the drill rehearses.</source>
        <translation>请选择本次演练所依据的预案。</translation>
    </message>
    <message>
        <source>This date has already passed: the drill will be overdue as soon as it is planned.</source>
        <translation>该时间已经过去：演练一经计划即为逾期。</translation>
    </message>
</context>
<context>
    <name>DrillPlanModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>演练类型</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>预先通知</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation>不预先通知</translation>
    </message>
    <message>
        <source>Run of #%1</source>
        <translation>属系列 #%1</translation>
    </message>
    <message>
        <source>%1 (recorded afterwards)</source>
        <translation>%1（补录）</translation>
    </message>
    <message>
        <source>Held without BranchGuard; entered from: %1</source>
        <translation>未使用本系统实施；补录依据：%1</translation>
    </message>
    <message>
        <source>Voided (recorded afterwards)</source>
        <translation>已作废（补录）</translation>
    </message>
</context>
<context>
    <name>DrillsPage</name>
    <message>
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <source>Plan drills on a playbook, run them in the incident console, take the headcount, score them and follow up the corrective actions.</source>
        <translation>依据预案计划演练，在事件处置台中实施演练、清点人数、评分，并跟踪整改措施的落实。</translation>
    </message>
    <message>
        <source>Drill plans</source>
        <translation>演练计划</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规情况</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
</context>
<context>
    <name>EscalationQuestion</name>
    <message>
        <source>Log it in that incident</source>
        <translation>在该事件中记录</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <source>Evaluate drill</source>
        <translation>演练评估</translation>
    </message>
    <message>
        <source>Scoring criteria: %1 · each criterion 0–100, weighted to a total out of 100</source>
        <translation>评分标准：%1 · 每项 0–100 分，按权重折算为百分制总分</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Save evaluation</source>
        <translation>保存评估</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>The owner is reminded before the due date.</source>
        <translation>到期前提醒责任人。</translation>
    </message>
</context>
<context>
    <name>FieldChangesModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>预案层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <source>When to use</source>
        <translation>启动条件</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>FirstRestore</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>BranchGuard backups (*.zip)</source>
        <translation>BranchGuard 备份 (*.zip)</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>正在核对备份</translation>
    </message>
    <message>
        <source>Restore this backup on this PC? BranchGuard quits now and restores it when it is started again, before anything opens the database; then log in with an account of the backup.</source>
        <translation>在本机恢复此备份？BranchGuard 将立即退出，并在再次启动时、打开数据库之前恢复；之后请使用备份中的账户登录。</translation>
    </message>
    <message>
        <source>Start BranchGuard again now: it restores the backup as it starts.</source>
        <translation>请立即重新启动 BranchGuard：启动时将恢复该备份。</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Enter the branch's staff and emergency contacts (People &amp; contacts).</source>
        <translation>录入本网点人员和应急联系人（人员与联系人）。</translation>
    </message>
    <message>
        <source>Add user accounts for the staff and the auditor (Settings → User accounts).</source>
        <translation>为员工和审计员添加用户账户（设置 → 用户账户）。</translation>
    </message>
    <message>
        <source>Schedule the checklists: the daily fire patrol, the weekly and monthly checks (Inspections → Schedule…).</source>
        <translation>为检查表安排检查计划：每日防火巡查以及每周、每月检查（安全检查 → 检查计划…）。</translation>
    </message>
    <message>
        <source>Plan the year's drills against the compliance rules (Drills → Plan drill…).</source>
        <translation>对照合规要求计划本年度演练（应急演练 → 计划演练…）。</translation>
    </message>
    <message>
        <source>First steps for this branch:</source>
        <translation>本网点的起步工作：</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>BranchGuard: first start</source>
        <translation>BranchGuard：首次启动</translation>
    </message>
    <message>
        <source>Welcome to BranchGuard</source>
        <translation>欢迎使用 BranchGuard</translation>
    </message>
    <message>
        <source>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts.</source>
        <translation>请填写网点名称并创建安全负责人账户。安全负责人负责管理应急预案、演练、人员以及其他用户账户。</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Branch code (optional)</source>
        <translation>网点编号（可选）</translation>
    </message>
    <message>
        <source>Safety lead's user name</source>
        <translation>安全负责人用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>e.g. wangjg</source>
        <translation>例如 wangjg</translation>
    </message>
    <message>
        <source>e.g. the lead's full name</source>
        <translation>例如负责人的姓名</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>A new PC: bring back the data of a BranchGuard backup instead of starting empty.</source>
        <translation>新电脑：恢复 BranchGuard 备份中的数据，而不是从空白开始。</translation>
    </message>
    <message>
        <source>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts. Moving to a new PC? Restore a BranchGuard backup instead.</source>
        <translation>请填写网点名称并创建安全负责人账户。安全负责人负责管理应急预案、演练、人员以及其他用户账户。换了新电脑？也可以改为恢复 BranchGuard 备份。</translation>
    </message>
</context>
<context>
    <name>FollowView</name>
    <message>
        <source>Elapsed</source>
        <translation>已用时</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>退出（Esc）</translation>
    </message>
    <message>
        <source>Done (Space)</source>
        <translation>完成（空格）</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Why is this step skipped?</source>
        <translation>为何跳过此步骤？</translation>
    </message>
    <message>
        <source>Skip step</source>
        <translation>跳过步骤</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add a note (Enter saves)</source>
        <translation>添加备注（回车保存）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Space: done · S: skip · U: undo · N: note · PgDn: read on · Esc: leave · F1: keys</source>
        <translation>空格：完成 · S：跳过 · U：撤销 · N：备注 · PgDn：往下读 · Esc：退出 · F1：快捷键</translation>
    </message>
</context>
<context>
    <name>FollowWindow</name>
    <message>
        <source>Back up in a long step</source>
        <translation>长步骤向上翻</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Discard the note you typed?</source>
        <translation>放弃已输入的备注？</translation>
    </message>
    <message>
        <source>It is not in the log yet: leaving follow mode throws it away.</source>
        <translation>备注尚未记入日志：退出跟随模式将丢弃它。</translation>
    </message>
    <message>
        <source>Keep the note</source>
        <translation>保留备注</translation>
    </message>
    <message>
        <source>Read on in a long step</source>
        <translation>长步骤向下翻</translation>
    </message>
    <message>
        <source>Unsent note</source>
        <translation>未发送的备注</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>无法刷新：%1</translation>
    </message>
    <message>
        <source>Step %1 done</source>
        <translation>第 %1 步已完成</translation>
    </message>
    <message>
        <source>Say why the step is skipped.</source>
        <translation>请说明跳过此步骤的原因。</translation>
    </message>
    <message>
        <source>Step %1 skipped</source>
        <translation>第 %1 步已跳过</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>备注已保存</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Follow mode – %1</source>
        <translation>跟随模式 – %1</translation>
    </message>
    <message>
        <source>Next: %1 · %2</source>
        <translation>下一步：%1 · %2</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <source>%1 done, %2 skipped.</source>
        <translation>已完成 %1 步，跳过 %2 步。</translation>
    </message>
    <message>
        <source>This incident is closed.</source>
        <translation>此事件已结束。</translation>
    </message>
    <message>
        <source>No playbook steps: follow the safety lead's instructions.</source>
        <translation>无预案步骤：请听从安全负责人指挥。</translation>
    </message>
    <message>
        <source>All steps done.</source>
        <translation>所有步骤已完成。</translation>
    </message>
    <message>
        <source>Read only: you can follow the steps but not mark them.</source>
        <translation>只读：您可以查看步骤，但不能标记。</translation>
    </message>
    <message>
        <source>Target: %1 · by %2</source>
        <translation>目标：%1 · 截至 %2</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Mark the current step done</source>
        <translation>将当前步骤标记为完成</translation>
    </message>
    <message>
        <source>Skip the current step (asks for a reason)</source>
        <translation>跳过当前步骤（需填写原因）</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>写备注</translation>
    </message>
    <message>
        <source>Leave full screen, then close follow mode</source>
        <translation>退出全屏，再关闭跟随模式</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>切换全屏</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>查看这些快捷键</translation>
    </message>
    <message>
        <source>Step %1 mark undone</source>
        <translation>已撤销第 %1 步的标记</translation>
    </message>
    <message>
        <source>Undo step %1 (U)</source>
        <translation>撤销第 %1 步（U）</translation>
    </message>
    <message>
        <source>Undo the last mark (for a few seconds after it)</source>
        <translation>撤销刚才的标记（标记后几秒内有效）</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Taken %1 by %2</source>
        <translation>%1 由 %2 生成</translation>
    </message>
    <message>
        <source>Open incidents: %1</source>
        <translation>处置中的事件：%1</translation>
    </message>
    <message>
        <source>Open follow-up actions: %1</source>
        <translation>未完成的整改措施：%1</translation>
    </message>
    <message>
        <source>%1 steps pending</source>
        <translation>%1 个步骤待办</translation>
    </message>
    <message>
        <source>No open incidents.</source>
        <translation>没有处置中的事件。</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Save the shift handover</source>
        <translation>保存交接班记录</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the shift handover…</source>
        <translation>正在保存交接班记录…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>The handover could not be saved: %1</source>
        <translation>无法保存交接班记录：%1</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Incident / pending step</source>
        <translation>事件 / 待办步骤</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Elapsed / target</source>
        <translation>已用时 / 目标</translation>
    </message>
    <message>
        <source>Follow-up action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Open hazards: %1</source>
        <translation>未整改完毕的隐患：%1</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>预览 / 打印…</translation>
    </message>
    <message>
        <source>Open customer complaints: %1</source>
        <translation>未办结的客户投诉：%1 件</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
</context>
<context>
    <name>HazardActions</name>
    <message>
        <source>Reopen the hazard</source>
        <translation>重新打开隐患</translation>
    </message>
    <message>
        <source>The hazard goes back to open; its remediation and verification marks are cleared.</source>
        <translation>隐患将恢复为“待整改”，其整改完成和验收标记将被清除。</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Only the safety lead can lower a hazard's severity.</source>
        <translation>只有安全负责人可以降低隐患等级。</translation>
    </message>
    <message>
        <source>Lower the severity</source>
        <translation>降低隐患等级</translation>
    </message>
    <message>
        <source>Lower this hazard from %1 to %2? Its deadlines follow the lower severity: a major hazard's interim control and remediation plan are no longer required.</source>
        <translation>将此隐患从%1降为%2？整改期限随之按较低等级计算：不再要求重大隐患的临时管控措施和整改方案。</translation>
    </message>
    <message>
        <source>Why is it lower?</source>
        <translation>降级原因</translation>
    </message>
    <message>
        <source>Verify the remediation</source>
        <translation>验收整改</translation>
    </message>
    <message>
        <source>Confirm that the fix was checked on site. The hazard no longer counts as open.</source>
        <translation>确认已到现场核实整改。验收后该隐患不再计入未验收隐患。</translation>
    </message>
    <message>
        <source>What was checked?</source>
        <translation>核实了哪些内容？</translation>
    </message>
    <message>
        <source>Close the hazard</source>
        <translation>隐患销号</translation>
    </message>
    <message>
        <source>Close this verified hazard? It leaves the register's open work for good.</source>
        <translation>对此已验收的隐患销号？销号后不再列入待办。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>HazardDetailDialog</name>
    <message>
        <source>%1 was changed by someone else (perhaps on another PC) after you opened it: nothing was saved. It is shown as it is now, and what you typed is kept in the fields you changed: check them and save again.</source>
        <translation>%1在您打开后已被他人（可能在另一台电脑上）修改：本次未保存。已重新显示其最新内容，您输入的内容仍保留在您修改过的栏目中：请核对后再次保存。</translation>
    </message>
    <message>
        <source>Changed there too, shown as you typed it: %1</source>
        <translation>对方也修改了以下栏目，现显示的是您输入的内容：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Open the inspection</source>
        <translation>查看来源检查</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>添加整改记录…</translation>
    </message>
    <message>
        <source>Mark remediated</source>
        <translation>标记整改完成</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验收…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>隐患信息</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>整改记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>You marked this hazard remediated: a different person has to verify it.</source>
        <translation>您是该隐患的整改人：须由其他人验收。</translation>
    </message>
    <message>
        <source>Confirm the remediation was done (a second person)</source>
        <translation>确认整改已完成（须由整改人以外的人员验收）</translation>
    </message>
    <message>
        <source>Add at least one step of the kind “%1” first</source>
        <translation>请先添加至少一条“%1”类整改记录</translation>
    </message>
    <message>
        <source>Hazard %1</source>
        <translation>隐患 %1</translation>
    </message>
    <message>
        <source>opened %1 by %2</source>
        <translation>%2 于 %1 登记</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) open</source>
        <translation>
            <numerusform>已挂账 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>整改期限 %1</translation>
    </message>
    <message>
        <source>remediated by %1</source>
        <translation>整改人 %1</translation>
    </message>
    <message>
        <source>verified by %1</source>
        <translation>验收人 %1</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Opened by inspection #%1, item %2 (%3)</source>
        <translation>由检查 #%1 第 %2 项发现（%3）</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工登记</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <source>Major hazard milestones (severity policy):</source>
        <translation>重大隐患各节点时限（按整改时限规定）：</translation>
    </message>
    <message>
        <source>Photos of the failed item and remediation evidence</source>
        <translation>不合格项照片及整改佐证材料</translation>
    </message>
    <message>
        <source>Drill (#%1 %2)</source>
        <translation>演练发现（演练 #%1 %2）</translation>
    </message>
    <message>
        <source>The drill's report</source>
        <translation>演练报告</translation>
    </message>
    <message>
        <source>Remediation steps</source>
        <translation>整改步骤</translation>
    </message>
    <message>
        <source>MILESTONES OUTSTANDING</source>
        <translation>节点未完成</translation>
    </message>
    <message>
        <source>Went ahead without them (%1)</source>
        <translation>节点未完成仍予通过（%1）</translation>
    </message>
</context>
<context>
    <name>HazardEventsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>HazardFields</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>From the severity policy</source>
        <translation>按整改时限规定</translation>
    </message>
</context>
<context>
    <name>HazardListModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>挂账天数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Inspection #%1, item %2</source>
        <translation>检查 #%1 第 %2 项</translation>
    </message>
    <message>
        <source>milestones outstanding</source>
        <translation>节点未完成</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <source>Hazards</source>
        <translation>隐患管理</translation>
    </message>
    <message>
        <source>Hazard register</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <source>Every failed inspection item opens a hazard; a hazard is closed after a second person verified its remediation. Double-click a row for its detail.</source>
        <translation>检查中每个不合格项都会登记为一条隐患；整改经另一人验收后方可销号。双击一行可查看详情。</translation>
    </message>
    <message>
        <source>New hazard…</source>
        <translation>登记隐患…</translation>
    </message>
    <message>
        <source>Severity policy…</source>
        <translation>整改时限…</translation>
    </message>
    <message>
        <source>How long a general or a major hazard may stay open</source>
        <translation>一般隐患和重大隐患的整改时限</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The register as filtered, as a PDF</source>
        <translation>将筛选后的台账导出为 PDF</translation>
    </message>
    <message>
        <source>The register as filtered, as an Excel workbook</source>
        <translation>将筛选后的台账导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>Search number, title, description, location</source>
        <translation>搜索编号、标题、描述、部位</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>全部责任人</translation>
    </message>
    <message>
        <source>Open (not yet verified)</source>
        <translation>未闭环（尚未验收）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部等级</translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s) shown</source>
        <translation>
            <numerusform>显示 %n 条隐患</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 major still open</source>
        <translation>未闭环重大隐患 %1 条</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>逾期 %1 条</translation>
    </message>
    <message>
        <source>The hazard register, as filtered, was saved to %1.</source>
        <translation>已将筛选后的隐患台账保存到 %1。</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>预览 / 打印…</translation>
    </message>
    <message>
        <source>The register as filtered: preview, print or save as PDF</source>
        <translation>按当前筛选的台账：预览、打印或另存为 PDF</translation>
    </message>
    <message>
        <source>No hazard matches these filters.</source>
        <translation>没有符合筛选条件的隐患。</translation>
    </message>
    <message>
        <source>No open hazards.</source>
        <translation>目前没有未闭环的隐患。</translation>
    </message>
    <message>
        <source>No open hazards. New hazard… records one; a failed inspection item opens one itself. “All statuses” lists the closed ones.</source>
        <translation>目前没有未闭环的隐患。点击“登记隐患…”可手动登记；检查中不合格的项目会自动生成隐患。已闭环的隐患，在状态中选“全部状态”即可查看。</translation>
    </message>
    <message>
        <source>No hazards yet.</source>
        <translation>还没有隐患记录。</translation>
    </message>
    <message>
        <source>No hazards yet. New hazard… records one; a failed inspection item opens one itself.</source>
        <translation>还没有隐患记录。点击“登记隐患…”可手动登记；检查中不合格的项目会自动生成隐患。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
</context>
<context>
    <name>HeadcountDialog</name>
    <message>
        <source>Headcount at the assembly point</source>
        <translation>集合点清点人数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <source>Record headcount</source>
        <translation>记录清点结果</translation>
    </message>
    <message>
        <source>not set in the plan</source>
        <translation>计划中未设定</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n missing</source>
        <translation>
            <numerusform>%1 — 缺 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — all accounted for</source>
        <translation>%1 — 人员全部到齐</translation>
    </message>
</context>
<context>
    <name>IncidentBanner</name>
    <message>
        <source>Incident open: %1 · %2</source>
        <translation>事件处置中：%1 · %2</translation>
    </message>
    <message>
        <source>Open incidents: %1</source>
        <translation>处置中的事件：%1</translation>
    </message>
    <message>
        <source>most severe: %1</source>
        <translation>最高级别：%1</translation>
    </message>
    <message>
        <source>drills: %1</source>
        <translation>演练：%1</translation>
    </message>
    <message>
        <source>click to open the console</source>
        <translation>点击打开处置台</translation>
    </message>
</context>
<context>
    <name>IncidentBar</name>
    <message>
        <source>Start incident</source>
        <translation>启动应急</translation>
    </message>
    <message>
        <source>Start an incident from a playbook, or ad hoc (F9)</source>
        <translation>按预案或临时启动应急事件（F9）</translation>
    </message>
    <message>
        <source>Go to the open incidents</source>
        <translation>转到处置中的事件</translation>
    </message>
    <message>
        <source>Incident started</source>
        <translation>应急已启动</translation>
    </message>
    <message>
        <source>The incident is started and its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</source>
        <translation>应急事件已启动，处置台已在主窗口打开。本窗口保持打开，内容不会丢失：完成或关闭本窗口后即可进入处置台。</translation>
    </message>
    <message>
        <source>Incident open</source>
        <translation>事件处置中</translation>
    </message>
    <message>
        <source>Incident #%1 was already open: its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</source>
        <translation>事件 #%1 已在处置中，其处置台已在主窗口打开。本窗口保持打开，内容不会丢失：完成或关闭本窗口后即可进入处置台。</translation>
    </message>
</context>
<context>
    <name>IncidentConsole</name>
    <message>
        <source>Change level…</source>
        <translation>调整级别…</translation>
    </message>
    <message>
        <source>Level…</source>
        <translation>级别…</translation>
    </message>
    <message>
        <source>Warning…</source>
        <translation>预警…</translation>
    </message>
    <message>
        <source>Initial…</source>
        <translation>初报…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结束事件…</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随模式</translation>
    </message>
    <message>
        <source>Initial report…</source>
        <translation>初报…</translation>
    </message>
    <message>
        <source>The initial report to head office (Ctrl+Shift+R)</source>
        <translation>向上级的初报内容（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation>结束事件…</translation>
    </message>
    <message>
        <source>Follow mode</source>
        <translation>跟随模式</translation>
    </message>
    <message>
        <source>Full screen, current step in large type (Ctrl+Shift+F)</source>
        <translation>全屏大字显示当前步骤（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>联络电话</translation>
    </message>
    <message>
        <source>Mark the step done</source>
        <translation>将步骤标记为完成</translation>
    </message>
    <message>
        <source>Skip the step…</source>
        <translation>跳过步骤…</translation>
    </message>
    <message>
        <source>Write a log entry</source>
        <translation>写一条记录</translation>
    </message>
    <message>
        <source>Correct the selected log entry…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>Attach a photo or file…</source>
        <translation>添加照片或文件…</translation>
    </message>
    <message>
        <source>Attach a photo or file</source>
        <translation>添加照片或文件</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>预览 / 打印</translation>
    </message>
    <message>
        <source>The incident report or the initial report: preview, print or save as PDF (Ctrl+P)</source>
        <translation>事件报告或初报：预览、打印或另存为 PDF（Ctrl+P）</translation>
    </message>
    <message>
        <source>Hide call list ›</source>
        <translation>收起联络电话 ›</translation>
    </message>
    <message>
        <source>‹ Call list</source>
        <translation>‹ 联络电话</translation>
    </message>
    <message>
        <source>Fold the call list and attachments away to widen the steps</source>
        <translation>收起联络电话和附件，让处置步骤更宽</translation>
    </message>
    <message>
        <source>Show the call list and attachments again</source>
        <translation>重新显示联络电话和附件</translation>
    </message>
    <message>
        <source>Warning level…</source>
        <translation>预警级别…</translation>
    </message>
    <message>
        <source>Raise or lower the level, with a reason (Ctrl+Shift+L)</source>
        <translation>提高或降低级别，并说明理由（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>The four-colour weather or disaster warning (Ctrl+Shift+W)</source>
        <translation>气象或灾害的四色预警（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <source>Close the incident, recording how it ended (Ctrl+Shift+C)</source>
        <translation>结束事件，并记录处置结果（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Change the incident's level…</source>
        <translation>调整事件级别…</translation>
    </message>
    <message>
        <source>Change the warning level…</source>
        <translation>调整预警级别…</translation>
    </message>
    <message>
        <source>Initial report to head office…</source>
        <translation>向上级初报…</translation>
    </message>
    <message>
        <source>Preview or print the reports</source>
        <translation>预览或打印报告</translation>
    </message>
    <message>
        <source>Close the incident…</source>
        <translation>结束事件…</translation>
    </message>
</context>
<context>
    <name>IncidentElapsed</name>
    <message>
        <source>clock?</source>
        <translation>时钟？</translation>
    </message>
</context>
<context>
    <name>IncidentHeader</name>
    <message>
        <source>This is a drill, not a real incident</source>
        <translation>这是演练，不是真实事件</translation>
    </message>
    <message>
        <source>Time since the incident started</source>
        <translation>自事件开始以来的时间</translation>
    </message>
    <message>
        <source>Ad hoc (no playbook)</source>
        <translation>临时（无预案）</translation>
    </message>
    <message>
        <source>started %1 by %2</source>
        <translation>%1 由 %2 启动</translation>
    </message>
    <message>
        <source>closed %1 by %2</source>
        <translation>%1 由 %2 结束</translation>
    </message>
    <message>
        <source>Report to head office (step %1) due in %2</source>
        <translation>向上级报告（第 %1 步）剩余 %2</translation>
    </message>
    <message>
        <source>Report to head office (step %1) overdue by %2</source>
        <translation>向上级报告（第 %1 步）已逾期 %2</translation>
    </message>
    <message>
        <source>Head office report due in %2</source>
        <translation>向上级报告剩余 %2</translation>
    </message>
    <message>
        <source>Head office report overdue by %2</source>
        <translation>向上级报告已逾期 %2</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>启动人</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Ad hoc</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>IncidentListPanel</name>
    <message>
        <source>Open and closed</source>
        <translation>处置中和已结束</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Incidents and drills</source>
        <translation>事件和演练</translation>
    </message>
    <message>
        <source>Real incidents only</source>
        <translation>仅真实事件</translation>
    </message>
    <message>
        <source>Drills only</source>
        <translation>仅演练</translation>
    </message>
    <message>
        <source>Started from</source>
        <translation>开始时间自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search the log entries</source>
        <translation>搜索处置记录</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the incident's console</source>
        <translation>双击或回车打开事件处置台</translation>
    </message>
    <message>
        <source>Incidents shown: %1</source>
        <translation>显示事件：%1</translation>
    </message>
    <message>
        <source>Log entries found: %1</source>
        <translation>找到记录：%1</translation>
    </message>
    <message>
        <source>Log entries found: more than %1, the newest %1 shown; add words or dates to find older ones</source>
        <translation>找到记录：超过 %1 条，显示最新的 %1 条；请增加关键词或限定日期以查找更早的记录</translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>预览 / 打印</translation>
    </message>
    <message>
        <source>The selected incident's report or initial report</source>
        <translation>所选事件的事件报告或初报</translation>
    </message>
    <message>
        <source>Open, report overdue</source>
        <translation>进行中，上报超时</translation>
    </message>
    <message>
        <source>Open incidents with a report to head office past its deadline</source>
        <translation>上报上级行已超过时限的进行中事件</translation>
    </message>
    <message>
        <source>Incidents shown: %1 of %2; scroll for older ones</source>
        <translation>显示事件：%1 / %2，向下滚动查看更早的事件</translation>
    </message>
    <message>
        <source>No incident matches these filters.</source>
        <translation>没有符合筛选条件的事件。</translation>
    </message>
    <message>
        <source>No incidents yet.</source>
        <translation>还没有应急事件。</translation>
    </message>
    <message>
        <source>No incidents yet. F9 or “Start incident” starts one from a playbook; a drill run from the Drills page is listed here too.</source>
        <translation>还没有应急事件。发生突发事件时，按 F9 或点击“启动应急”，选定预案即可开始处置；在“应急演练”页开展的演练也会列在这里。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>IncidentLogModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Corrected by %1</source>
        <translation>已被第 %1 条更正</translation>
    </message>
</context>
<context>
    <name>IncidentStepsModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Who, when</source>
        <translation>执行人、时间</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>应急处置</translation>
    </message>
    <message>
        <source>Live and past incidents and drills. Each opened incident gets its own tab.</source>
        <translation>处置中和历史的事件及演练。每个打开的事件有自己的标签页。</translation>
    </message>
    <message>
        <source>Start incident (F9)</source>
        <translation>启动应急（F9）</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>全部事件</translation>
    </message>
</context>
<context>
    <name>InspectionHistoryModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>%1 / %2 answered, %3 failed</source>
        <translation>已检 %1 / %2 项，不合格 %3 项</translation>
    </message>
    <message>
        <source>%1 amended</source>
        <translation>更正 %1 次</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>Inspection report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>The inspection report was saved to %1.</source>
        <translation>检查报告已保存到 %1。</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message>
        <source>Writing the inspection report…</source>
        <translation>正在生成检查报告…</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>Save the inspection report</source>
        <translation>保存检查报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Inspection report #%1</source>
        <translation>检查记录 #%1</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <source>Pass (P)</source>
        <translation>合格（P）</translation>
    </message>
    <message>
        <source>Fail (F)</source>
        <translation>不合格（F）</translation>
    </message>
    <message>
        <source>Not applicable (N)</source>
        <translation>不适用（N）</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <source>Attach a photo to the current item</source>
        <translation>为当前项添加照片</translation>
    </message>
    <message>
        <source>Pass the rest</source>
        <translation>其余合格</translation>
    </message>
    <message>
        <source>Answer every item not answered yet as pass</source>
        <translation>将所有尚未填写的检查项标记为合格</translation>
    </message>
    <message>
        <source>Submit… (Ctrl+Enter)</source>
        <translation>提交…（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>Open its hazard</source>
        <translation>查看对应隐患</translation>
    </message>
    <message>
        <source>The hazard this failed item opened in the register</source>
        <translation>该不合格项在隐患台账中登记的隐患</translation>
    </message>
    <message>
        <source>The inspection report: items, results, photos, signatures</source>
        <translation>检查报告：检查项、结果、照片、签字</translation>
    </message>
    <message>
        <source>Correct the selected item of the submitted inspection</source>
        <translation>更正已提交检查中的所选检查项</translation>
    </message>
    <message>
        <source>Note (Enter):</source>
        <translation>备注（回车）：</translation>
    </message>
    <message>
        <source>Photos of this item</source>
        <translation>本项照片</translation>
    </message>
    <message>
        <source>Enter to write a note on the current item</source>
        <translation>按回车为当前项填写备注</translation>
    </message>
    <message>
        <source>started by %1 on %2</source>
        <translation>%1 于 %2 开始</translation>
    </message>
    <message>
        <source>submitted by %1 on %2</source>
        <translation>%1 于 %2 提交</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s)</source>
        <translation>
            <numerusform>更正 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) missing</source>
        <translation>
            <numerusform>缺少 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 answered, %3 failed</source>
        <translation>已检 %1 / %2 项，不合格 %3 项</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Photo for item %1</source>
        <translation>第 %1 项的照片</translation>
    </message>
    <message>
        <source>Not answered yet: item(s) %1.</source>
        <translation>以下检查项尚未填写：第 %1 项。</translation>
    </message>
    <message>
        <source>A photo is needed for failed item(s) %1.</source>
        <translation>以下不合格项须附照片：第 %1 项。</translation>
    </message>
    <message>
        <source>The inspector has to sign.</source>
        <translation>须由检查人签字。</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>预览 / 打印…</translation>
    </message>
    <message>
        <source>Incident #%1 started: its console is on the Incidents page.</source>
        <translation>已启动事件 #%1：可在“事件”页面打开其指挥台。</translation>
    </message>
    <message>
        <source>Logged in incident #%1: its console is on the Incidents page.</source>
        <translation>已记入事件 #%1：可在“应急处置”页面打开其处置台。</translation>
    </message>
</context>
<context>
    <name>InspectionScheduleDialog</name>
    <message>
        <source>Schedule: %1</source>
        <translation>检查计划：%1</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Change the schedule: %1</source>
        <translation>修改检查计划：%1</translation>
    </message>
    <message>
        <source>Nobody is on the staff roster yet: type the name of the person the inspection is assigned to, or add the staff on the People &amp; contacts page first.</source>
        <translation>人员名册中还没有人员：请直接输入负责执行此项检查的人员姓名，或先在“人员与联系人”页添加本网点员工。</translation>
    </message>
    <message>
        <source>Pick the person the inspection is assigned to.</source>
        <translation>请选择负责执行此项检查的人员。</translation>
    </message>
    <message>
        <source>This time has passed: the inspections fall due from the next one after now. Today's runs now with Start inspection.</source>
        <translation>该时间已过：检查将从此刻之后的下一次起到期。今天的检查请直接点击“开始检查”。</translation>
    </message>
</context>
<context>
    <name>InspectionsOverview</name>
    <message>
        <source>Checklists and schedules</source>
        <translation>检查表与检查计划</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>到期与逾期</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Start the selected checklist now (or double-click it)</source>
        <translation>立即按所选检查表开始检查（或双击该检查表）</translation>
    </message>
    <message>
        <source>Start the due inspection</source>
        <translation>开始到期检查</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>检查计划…</translation>
    </message>
    <message>
        <source>Run the selected checklist on a schedule, assigned to a person</source>
        <translation>按计划定期执行所选检查表，并指定执行人</translation>
    </message>
    <message>
        <source>Edit checklist…</source>
        <translation>编辑检查表…</translation>
    </message>
    <message>
        <source>New checklist…</source>
        <translation>新建检查表…</translation>
    </message>
    <message>
        <source>Approve draft</source>
        <translation>批准草稿</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>All inspections</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <source>Change schedule…</source>
        <translation>修改计划…</translation>
    </message>
    <message>
        <source>Resume schedule</source>
        <translation>恢复计划</translation>
    </message>
    <message>
        <source>Pause schedule</source>
        <translation>暂停计划</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部待检</translation>
    </message>
    <message>
        <source>%1 of %2 shown; scroll for older ones</source>
        <translation>显示 %1 / %2 条，向下滚动查看更早的检查</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 次检查</numerusform>
        </translation>
    </message>
    <message>
        <source>No inspection in this state.</source>
        <translation>没有处于此状态的检查。</translation>
    </message>
    <message>
        <source>No inspections yet.</source>
        <translation>还没有检查记录。</translation>
    </message>
    <message>
        <source>No inspections yet. Select a checklist above and click “Start inspection” (or double-click it); one that is due starts with “Start the due inspection”.</source>
        <translation>还没有检查记录。在上方选中一张检查表，点击“开始检查”（或直接双击）即可开始；到期的检查点击“开始到期检查”。</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>没有逾期的检查。</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有待检的检查。</translation>
    </message>
    <message>
        <source>Nothing due now: each schedule's next date is under “Next due” above.</source>
        <translation>目前没有待检的检查：各检查计划的下次日期见上方“下次到期”一栏。</translation>
    </message>
    <message>
        <source>No inspection is scheduled yet: the safety lead schedules them.</source>
        <translation>还没有安排检查计划：检查计划由安全负责人安排。</translation>
    </message>
    <message>
        <source>No inspection is scheduled yet. Select a checklist above and click “Schedule…” to run it daily, weekly or monthly, assigned to a person; what falls due is listed here.</source>
        <translation>还没有安排检查计划。在上方选中一张检查表，点击“检查计划…”，按每日、每周或每月安排并指定执行人；到期的检查会列在这里。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Inspections</source>
        <translation>安全检查</translation>
    </message>
    <message>
        <source>Checklists run on a schedule. In a run, P / F / N answer the item in front and move on; every failed item opens a hazard when the run is submitted.</source>
        <translation>检查表按计划定期执行。检查时按 P / F / N 填写当前项并自动转到下一项；提交后，每个不合格项都会登记为一条隐患。</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Approve draft</source>
        <translation>批准草稿</translation>
    </message>
    <message>
        <source>Publish the draft of this checklist? The version in use now is retired; inspections already run keep the version they used.</source>
        <translation>确定发布此检查表的草稿吗？现行版本随之停用；已开展的检查仍保留其所用版本。</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Item %1 of %2 · %3</source>
        <translation>第 %1 项（共 %2 项）· %3</translation>
    </message>
    <message>
        <source>Pass when: %1</source>
        <translation>合格标准：%1</translation>
    </message>
    <message>
        <source>A fail needs a photo</source>
        <translation>不合格须附照片</translation>
    </message>
    <message>
        <source>A fail opens a major hazard (重大隐患)</source>
        <translation>不合格将登记为重大隐患</translation>
    </message>
    <message>
        <source>A fail opens a general hazard (一般隐患)</source>
        <translation>不合格将登记为一般隐患</translation>
    </message>
    <message>
        <source>→ incident #%1</source>
        <translation>→ 事件 #%1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Photo missing: add one before submitting</source>
        <translation>缺少照片：请在提交前添加</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>KeptTyping</name>
    <message>
        <source>What you typed, not saved:</source>
        <translation>您输入但未保存的内容：</translation>
    </message>
    <message>
        <source>Copy what you typed</source>
        <translation>复制您输入的内容</translation>
    </message>
    <message>
        <source>%1 was closed on another PC after you opened it: nothing was saved.</source>
        <translation>%1在您打开后已在另一台电脑上被关闭：本次未保存任何内容。</translation>
    </message>
    <message>
        <source>%1 was changed on another PC after you opened it so that you can no longer edit it: nothing was saved.</source>
        <translation>%1在您打开后已在另一台电脑上被修改，您已不能再编辑它：本次未保存任何内容。</translation>
    </message>
    <message>
        <source>What you typed is shown below: copy it to keep it.</source>
        <translation>您输入的内容显示在下方：请复制保留。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>Change the level</source>
        <translation>调整级别</translation>
    </message>
    <message>
        <source>The incident is at %1.</source>
        <translation>事件当前为%1。</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新级别</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Log</source>
        <translation>处置记录</translation>
    </message>
    <message>
        <source>What happened? Enter adds it to the log (Ctrl+E)</source>
        <translation>发生了什么？回车写入记录（Ctrl+E）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct the selected entry: the original stays, struck through (Ctrl+Shift+E)</source>
        <translation>更正所选记录：原记录保留并加删除线（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Select the entry to correct in the log first</source>
        <translation>请先在处置记录中选中要更正的记录</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>第 %1 条记录：%2</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>BranchGuard: log in</source>
        <translation>BranchGuard：登录</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Log in to BranchGuard</source>
        <translation>登录 BranchGuard</translation>
    </message>
    <message>
        <source>Log in again to continue, or as another user to switch.</source>
        <translation>请重新登录以继续使用，或以其他用户身份登录以切换用户。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: this data folder cannot be written. Viewing, reports and verify work; changes are disabled.</source>
        <translation>只读：此数据目录无法写入。可查看、生成报告和校验；不能修改。</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>No branch set up</source>
        <translation>尚未设置网点</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>关于 BranchGuard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About BranchGuard</source>
        <translation>关于 BranchGuard(&amp;A)</translation>
    </message>
    <message>
        <source>Shift &amp;handover…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
    <message>
        <source>The screen is locked.</source>
        <translation>屏幕已锁定。</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>预案层级</translation>
    </message>
    <message>
        <source>Incident category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <source>Levels covered</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <source>Trigger conditions (Chinese)</source>
        <translation>启动条件（中文）</translation>
    </message>
    <message>
        <source>Trigger conditions (English)</source>
        <translation>启动条件（英文）</translation>
    </message>
    <message>
        <source>Cautions (Chinese)</source>
        <translation>注意事项（中文）</translation>
    </message>
    <message>
        <source>Cautions (English)</source>
        <translation>注意事项（英文）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>e.g. FIRE or ROBBERY-2</source>
        <translation>例如 FIRE 或 ROBBERY-2</translation>
    </message>
    <message>
        <source>e.g. 火灾与疏散现场处置方案</source>
        <translation>例如 火灾与疏散现场处置方案</translation>
    </message>
    <message>
        <source>e.g. Fire and evacuation on-site response plan</source>
        <translation>例如 Fire and evacuation on-site response plan</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>The code cannot change once the plan exists.</source>
        <translation>预案创建后编号不能修改。</translation>
    </message>
</context>
<context>
    <name>NamesEdit</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>姓名，以逗号分隔</translation>
    </message>
    <message>
        <source>Add someone from the people roster</source>
        <translation>从人员名册中添加</translation>
    </message>
</context>
<context>
    <name>NewHazardDialog</name>
    <message>
        <source>New hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <source>Describe the hazard.</source>
        <translation>请描述隐患情况。</translation>
    </message>
    <message>
        <source>Hazard found by a drill</source>
        <translation>登记演练发现的隐患</translation>
    </message>
    <message>
        <source>Found by drill #%1 “%2”: saved linked to it, its source “Drill”.</source>
        <translation>演练 #%1“%2”发现的隐患：保存后与该演练关联，来源为“演练发现”。</translation>
    </message>
</context>
<context>
    <name>NewScheduleDialog</name>
    <message>
        <source>New schedule</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Every 6 months</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source> day(s) before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>First date and time</source>
        <translation>首次日期和时间</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Give the schedule a title.</source>
        <translation>请填写计划标题。</translation>
    </message>
    <message>
        <source>minute(s) before</source>
        <translation>分钟前</translation>
    </message>
    <message>
        <source>hour(s) before</source>
        <translation>小时前</translation>
    </message>
    <message>
        <source>day(s) before</source>
        <translation>天前</translation>
    </message>
    <message>
        <source>Every 2 hours while open</source>
        <translation>营业期间每2小时</translation>
    </message>
    <message>
        <source>Before each public holiday</source>
        <translation>每个法定节假日前</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <source>Reminders: %1 (overdue: %2)</source>
        <translation>提醒：%1（逾期：%2）</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期 %1</translation>
    </message>
    <message>
        <source>%1 reminders</source>
        <translation>%1 条提醒</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Reminders: %1 rows for %2 items (overdue: %3)</source>
        <translation>提醒：%1 行，共 %2 项（逾期：%3）</translation>
    </message>
    <message>
        <source>Reminders to read: %1 rows for %2 items (nothing here is yours to act on)</source>
        <translation>提醒（只读）：%1 行，共 %2 项（无需您处理）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>“%1” (due %2) is marked skipped: it counts as not done.</source>
        <translation>“%1”（到期 %2）将标记为已跳过：计为未完成。</translation>
    </message>
    <message>
        <source>Why is it skipped?</source>
        <translation>跳过原因</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No reminders. Due items and overdue ones show here.</source>
        <translation>暂无提醒。到期和逾期事项会显示在这里。</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Until tomorrow 09:00</source>
        <translation>明天 09:00</translation>
    </message>
    <message>
        <source>Until…</source>
        <translation>指定时间…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Mark done takes one occurrence: choose a single row that is not folded.</source>
        <translation>“标记完成”一次只处理一个事项：请只选择一行未合并的事项。</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Skip takes one occurrence: choose a single row that is not folded.</source>
        <translation>“跳过”一次只处理一个事项：请只选择一行未合并的事项。</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>Emergency numbers</source>
        <translation>紧急电话</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>联络电话</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>人员伤亡</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失金额</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>原因分析</translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <source>Role or team</source>
        <translation>角色或小组</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>添加角色</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参演人员</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>不在岗</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Team &amp;&amp; training</source>
        <translation>应急队伍与培训</translation>
    </message>
    <message>
        <source>People &amp; contacts</source>
        <translation>人员与联系人</translation>
    </message>
    <message>
        <source>Who works at the branch and whom to call in an emergency.</source>
        <translation>网点在岗人员及紧急情况下的联系对象。</translation>
    </message>
    <message>
        <source>Print contact card…</source>
        <translation>打印应急联络卡…</translation>
    </message>
    <message>
        <source>Save the one-page emergency contact card as a PDF to pin up by the counter.</source>
        <translation>将单页应急联络卡保存为 PDF，打印后张贴在柜台旁。</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>应急联系人</translation>
    </message>
    <message>
        <source>Save the contact card</source>
        <translation>保存应急联络卡</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the contact card…</source>
        <translation>正在生成应急联络卡…</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>应急联络卡</translation>
    </message>
    <message>
        <source>The contact card was saved to %1.</source>
        <translation>应急联络卡已保存到 %1。</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The contact card could not be saved: %1</source>
        <translation>应急联络卡保存失败：%1</translation>
    </message>
    <message>
        <source>The one-page emergency contact card to pin up by the counter: print it or save a PDF.</source>
        <translation>一页纸的应急联络卡，张贴在柜台旁：可打印，也可另存为 PDF。</translation>
    </message>
    <message>
        <source>Preview / Print card…</source>
        <translation>预览 / 打印联络卡…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit a staff member</source>
        <translation>编辑人员</translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s) name %1 and will keep that name, which nobody on the roster will have:</source>
        <translation>
            <numerusform>有 %n 项未结事项记在 %1 名下，将保留此姓名，而名册中将无人使用此姓名：</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>Hand them over to someone first (No), or rename %1 to %2 anyway?</source>
        <translation>请先将其移交他人（选“否”），还是仍然将 %1 改名为 %2？</translation>
    </message>
    <message>
        <source>e.g. 13901010001</source>
        <translation>例如 13901010001</translation>
    </message>
    <message>
        <source>e.g. 010-63210001</source>
        <translation>例如 010-63210001</translation>
    </message>
    <message>
        <source>On duty at this branch</source>
        <translation>在本网点在岗</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PhotoFilter</name>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>照片 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ChosenFiles</name>
    <message>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>Import roster…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>Add the staff of HR's sheet saved as CSV: 姓名, 岗位, 手机, 电话, 在岗, 备注</source>
        <translation>添加人事表格另存为 CSV 后其中的人员：姓名、岗位、手机、电话、在岗、备注</translation>
    </message>
    <message>
        <source>Import staff roster</source>
        <translation>导入人员名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>等另外 %1 人</translation>
    </message>
    <message>
        <source>Add them</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Nobody was added from the roster file.</source>
        <translation>名单文件中的人员均未添加。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n people to the staff roster?</source>
        <translation>
            <numerusform>将 %n 人添加到人员名册？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people added to the staff roster.</source>
        <translation>
            <numerusform>已向人员名册添加 %n 人。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedFile</name>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
</context>
<context>
    <name>PlaybookDiffDialog</name>
    <message>
        <source>Compare versions of %1</source>
        <translation>比较 %1 的版本</translation>
    </message>
</context>
<context>
    <name>PlaybookDiffView</name>
    <message>
        <source>%1: version %2 → version %3</source>
        <translation>%1：第 %2 版 → 第 %3 版</translation>
    </message>
    <message>
        <source>The two versions are identical.</source>
        <translation>两个版本完全相同。</translation>
    </message>
    <message>
        <source>Steps: %1 added, %2 removed, %3 changed, %4 moved. Fields changed: %5.</source>
        <translation>处置步骤：新增 %1 步，删除 %2 步，修改 %3 步，移动 %4 步。修改的字段：%5 个。</translation>
    </message>
    <message>
        <source>Plan details that changed</source>
        <translation>有变化的预案信息</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Roles and contacts</source>
        <translation>角色与联系人</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the plan as a draft (Ctrl+S)</source>
        <translation>将预案保存为草稿（Ctrl+S）</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Save, then publish the draft: it comes into force and the previous version is retired</source>
        <translation>保存并发布草稿：草稿即时生效，原版本停用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Playbook %1</source>
        <translation>预案 %1</translation>
    </message>
    <message>
        <source>Playbook %1 — version %2 (read only)</source>
        <translation>预案 %1 — 第 %2 版（只读）</translation>
    </message>
    <message>
        <source>Read only: only the safety lead can edit playbooks.</source>
        <translation>只读：只有安全负责人可以编辑预案。</translation>
    </message>
    <message>
        <source>New playbook[*]</source>
        <translation>新建预案[*]</translation>
    </message>
    <message>
        <source>New plan: saving creates draft version 1. It comes into force once you approve it.</source>
        <translation>新预案：保存后生成第 1 版草稿，经批准后生效。</translation>
    </message>
    <message>
        <source>Playbook %1 — draft version %2[*]</source>
        <translation>预案 %1 — 第 %2 版草稿[*]</translation>
    </message>
    <message>
        <source>Editing draft version %1. The approved version %2 stays in force until you approve the draft.</source>
        <translation>正在编辑第 %1 版草稿。草稿批准前，已批准的第 %2 版继续有效。</translation>
    </message>
    <message>
        <source>Editing draft version %1. The plan is not in force until you approve it.</source>
        <translation>正在编辑第 %1 版草稿。预案经批准后才生效。</translation>
    </message>
    <message>
        <source>Playbook %1 — editing creates draft version %2[*]</source>
        <translation>预案 %1 — 编辑将生成第 %2 版草稿[*]</translation>
    </message>
    <message>
        <source>Editing creates draft version %1; the approved version %2 stays in force until you approve the draft.</source>
        <translation>编辑将生成第 %1 版草稿；草稿批准前，已批准的第 %2 版继续有效。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Steps (%1)</source>
        <translation>处置步骤（%1）</translation>
    </message>
    <message>
        <source>Saved as draft version %1.</source>
        <translation>已保存为第 %1 版草稿。</translation>
    </message>
    <message>
        <source>Your edits stay in this window so that you can copy them. Close it and open the plan again to see the plan as it is now.</source>
        <translation>此窗口中保留着您的修改，便于复制。关闭此窗口后重新打开该预案，即可看到其最新内容。</translation>
    </message>
    <message>
        <source>Approve the draft</source>
        <translation>批准草稿</translation>
    </message>
    <message>
        <source>Approve draft version %1 of %2? It comes into force at once and the version in force now is retired.</source>
        <translation>确定批准 %2 的第 %1 版草稿吗？草稿将立即生效，现行版本随之停用。</translation>
    </message>
    <message>
        <source>Version %1 approved: it is now in force.</source>
        <translation>第 %1 版已批准，现已生效。</translation>
    </message>
</context>
<context>
    <name>PlaybookFiles</name>
    <message>
        <source>Import playbooks</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <source>Playbook files (*.yaml *.yml *.json)</source>
        <translation>预案文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Checking plan %1 of %2…</source>
        <translation>正在检查第 %1 个预案（共 %2 个）…</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged.</source>
        <translation>新增 %1 个，更新 %2 个，无变化 %3 个。</translation>
    </message>
    <message>
        <source>The library already has every plan in this file.</source>
        <translation>该文件中的预案在预案库中均已存在，且内容相同。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated (a new version)</source>
        <translation>更新（生成新版本）</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>等，另有 %1 个</translation>
    </message>
    <message>
        <source>Apply this import?</source>
        <translation>确定执行本次导入吗？</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>执行导入</translation>
    </message>
    <message>
        <source>Saving plan %1 of %2…</source>
        <translation>正在保存第 %1 个预案（共 %2 个）…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>playbooks.yaml</source>
        <translation>应急预案.yaml</translation>
    </message>
    <message>
        <source>Export playbooks</source>
        <translation>导出预案</translation>
    </message>
    <message>
        <source>Playbook files (*.yaml *.yml)</source>
        <translation>预案文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>The playbooks were saved to %1.</source>
        <translation>预案已导出到 %1。</translation>
    </message>
    <message>
        <source>Exporting playbooks…</source>
        <translation>正在导出预案…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save the playbook card</source>
        <translation>保存预案处置卡</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message>
        <source>Playbook card</source>
        <translation>预案处置卡</translation>
    </message>
    <message>
        <source>The playbook card was saved to %1.</source>
        <translation>预案处置卡已保存到 %1。</translation>
    </message>
    <message>
        <source>Printing the playbook card…</source>
        <translation>正在生成预案处置卡…</translation>
    </message>
    <message>
        <source>Playbook card: %1</source>
        <translation>处置卡：%1</translation>
    </message>
</context>
<context>
    <name>PlaybookHistoryDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>%1 的历史版本</translation>
    </message>
    <message>
        <source>Select a version to read it; select two versions and press Compare to see what changed.</source>
        <translation>选择一个版本可查看其内容；选择两个版本后点击“比较”可查看差异。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
</context>
<context>
    <name>PlaybookList</name>
    <message>
        <source>Search titles and steps</source>
        <translation>搜索标题和处置步骤</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>共 %n 个预案</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的预案。</translation>
    </message>
    <message>
        <source>No plans yet.</source>
        <translation>还没有预案。</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
</context>
<context>
    <name>PlaybookPreview</name>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>When to use this plan</source>
        <translation>启动条件</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>应急联系电话</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>If it becomes an incident, start: %1</source>
        <translation>发展为突发事件时启动：%1</translation>
    </message>
    <message>
        <source>Playbook preview</source>
        <translation>预案预览</translation>
    </message>
</context>
<context>
    <name>PlaybooksModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>预案层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>%1 · draft pending</source>
        <translation>%1 · 有待批准草稿</translation>
    </message>
    <message>
        <source>Part of the built-in starter library; edits become new versions.</source>
        <translation>属于内置预案库；修改后将生成新版本。</translation>
    </message>
</context>
<context>
    <name>PlaybooksPage</name>
    <message>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>The branch's emergency plans: what to do, who does it, whom to call.</source>
        <translation>本网点的应急预案：做什么、由谁做、联系谁。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Write a new plan</source>
        <translation>编写新预案</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected plan; an approved plan gets a new draft version</source>
        <translation>编辑所选预案；已批准的预案将生成新版本草稿</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Publish the draft; the version in use now is retired</source>
        <translation>发布草稿；现行版本随之停用</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>放弃草稿…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Every version of the selected plan; compare two of them</source>
        <translation>所选预案的全部版本，可比较其中两个版本</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add or update plans from a head-office file (YAML or JSON)</source>
        <translation>从上级行下发的文件（YAML 或 JSON）新增或更新预案</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Selected plans…</source>
        <translation>所选预案…</translation>
    </message>
    <message>
        <source>All plans…</source>
        <translation>全部预案…</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <source>Save the plan as a one- or two-page card for the counter drawer</source>
        <translation>将预案保存为一至两页的处置卡，放在柜台抽屉中备用</translation>
    </message>
    <message>
        <source>Show the draft</source>
        <translation>显示草稿</translation>
    </message>
    <message>
        <source>Select a plan to read it here.</source>
        <translation>选择一个预案，在此查看内容。</translation>
    </message>
    <message>
        <source>Draft version %1, not yet approved</source>
        <translation>第 %1 版草稿，尚未批准</translation>
    </message>
    <message>
        <source>Version %1 in use; a draft is waiting for approval</source>
        <translation>现行第 %1 版；有草稿待批准</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Selected plans (%1)…</source>
        <translation>所选预案（%1 个）…</translation>
    </message>
    <message>
        <source>Approve the draft</source>
        <translation>批准草稿</translation>
    </message>
    <message>
        <source>Approve version %1 of %2 “%3”?</source>
        <translation>确定批准 %2“%3”的第 %1 版吗？</translation>
    </message>
    <message>
        <source>It replaces version %1, which is retired.</source>
        <translation>该版本将取代第 %1 版，第 %1 版随之停用。</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>%1 has never been approved: discarding its draft removes the plan. Continue?</source>
        <translation>%1 从未被批准过：放弃草稿将删除该预案。是否继续？</translation>
    </message>
    <message>
        <source>Discard the draft of %1? The approved version stays in use.</source>
        <translation>确定放弃 %1 的草稿吗？已批准的版本继续使用。</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>预览 / 打印…</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <source>Milestones not recorded for this major hazard: %1. Record them as remediation steps first, or give the reason for going ahead without them; the reason is kept in its history.</source>
        <translation>该重大隐患以下节点尚未记录：%1。请先作为整改记录补录，或填写未完成节点仍予通过的理由；理由将记入隐患处理记录。</translation>
    </message>
    <message>
        <source>Why go ahead without them?</source>
        <translation>未完成节点仍予通过的理由</translation>
    </message>
    <message>
        <source>Please give the reason, or record the milestones first.</source>
        <translation>请填写理由，或先补录这些节点。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Please fill this in.</source>
        <translation>请填写此项。</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a new entry (Ins)</source>
        <translation>添加新条目（Ins）</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter or F2)</source>
        <translation>编辑所选条目（Enter 或 F2）</translation>
    </message>
    <message>
        <source>Remove the selected entry (Del)</source>
        <translation>删除所选条目（Del）</translation>
    </message>
</context>
<context>
    <name>RegisterExporter</name>
    <message>
        <source>Hazard %1 of %2</source>
        <translation>第 %1 / %2 条隐患</translation>
    </message>
    <message>
        <source>Laying out page %1</source>
        <translation>正在排版第 %1 页</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>hazard-register</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <source>Export the hazard register</source>
        <translation>导出隐患台账</translation>
    </message>
    <message>
        <source>Exporting the hazard register…</source>
        <translation>正在导出隐患台账…</translation>
    </message>
    <message>
        <source>Hazard register</source>
        <translation>隐患台账</translation>
    </message>
</context>
<context>
    <name>RemediationStepsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>ReminderRowsModel</name>
    <message>
        <source>%2 missed since %3 · %1</source>
        <translation>错过 %2 次（自 %3 起）· %1</translation>
    </message>
    <message>
        <source>%1: %2 missed, from %3 to %4. Snooze and Dismiss act on all of them.</source>
        <translation>%1：错过 %2 次，%3 至 %4。稍后提醒和关闭将作用于全部这些提醒。</translation>
    </message>
</context>
<context>
    <name>ReportFieldsDialog</name>
    <message>
        <source>Initial report to head office</source>
        <translation>向上级的初报</translation>
    </message>
    <message>
        <source>What head office needs in the first report. Saving logs the change.</source>
        <translation>首次报告需向上级提供的内容。保存时会记录此次修改。</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>add role %1</source>
        <translation>添加角色 %1</translation>
    </message>
    <message>
        <source>“%1” is responsible for these steps: %2. Give them another role first.</source>
        <translation>“%1”负责以下步骤：%2。请先将这些步骤改由其他角色负责。</translation>
    </message>
    <message>
        <source>remove role %1</source>
        <translation>删除角色 %1</translation>
    </message>
    <message>
        <source>These steps use the code “%2”: %1. It cannot change while they do.</source>
        <translation>以下步骤使用代码“%2”：%1。这些步骤仍在使用时，代码不能修改。</translation>
    </message>
    <message>
        <source>The plan already has a role “%1”.</source>
        <translation>本预案已有角色“%1”。</translation>
    </message>
    <message>
        <source>edit role %1</source>
        <translation>编辑角色 %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Responsible for these steps: %1</source>
        <translation>负责以下步骤：%1</translation>
    </message>
</context>
<context>
    <name>RolesPanel</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Contacts the plan calls</source>
        <translation>本预案联系电话</translation>
    </message>
    <message>
        <source>Who the steps are assigned to: branch posts or teams of this plan. Double-click a cell to edit it.</source>
        <translation>处置步骤的负责对象：网点岗位或本预案中的小组。双击单元格即可编辑。</translation>
    </message>
    <message>
        <source>Ticked contacts appear on the plan's call list. The list comes from People &amp; contacts.</source>
        <translation>勾选的联系人将列入本预案的联系电话表。列表来自“人员与联系人”。</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>添加角色</translation>
    </message>
    <message>
        <source>Add a team or role of this plan, then name it</source>
        <translation>为本预案添加小组或角色，然后为其命名</translation>
    </message>
    <message>
        <source>Add a branch post</source>
        <translation>添加网点岗位</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>删除角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Not in the branch's contact list</source>
        <translation>不在本网点联系人列表中</translation>
    </message>
    <message>
        <source>change the contacts</source>
        <translation>修改联系人</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Compliance rule</source>
        <translation>合规要求</translation>
    </message>
    <message>
        <source>New compliance rule</source>
        <translation>新建合规要求</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>At least every</source>
        <translation>最长间隔</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Scenarios that count</source>
        <translation>计入的场景</translation>
    </message>
    <message>
        <source>Drill types that count</source>
        <translation>计入的演练类型</translation>
    </message>
    <message>
        <source>Source (regulation)</source>
        <translation>依据（法规）</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>checked in the compliance view</source>
        <translation>在合规情况中检查</translation>
    </message>
    <message>
        <source>the defaults every region inherits</source>
        <translation>各地区沿用的默认要求</translation>
    </message>
    <message>
        <source>No scenario, type or tier ticked: any drill counts. Saved for %1.</source>
        <translation>未勾选场景、类型或层级时，任何演练均计入。适用范围：%1。</translation>
    </message>
    <message>
        <source>Notify before each drill</source>
        <translation>每次演练前告知</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Plan tiers that count</source>
        <translation>计入的预案层级</translation>
    </message>
</context>
<context>
    <name>SearchHitsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Library for branches</source>
        <translation>下发网点资料库</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>选择中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Checking the font…</source>
        <translation>正在检查字体…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>已嵌入每份 PDF</translation>
    </message>
    <message>
        <source>Reports use: %1</source>
        <translation>报表使用：%1</translation>
    </message>
    <message>
        <source>Branch settings saved.</source>
        <translation>网点设置已保存。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Applies at once to the window; the command line and new reports use it too.</source>
        <translation>立即应用于窗口；命令行和新生成的报表也使用该语言。</translation>
    </message>
    <message>
        <source>Chinese font for PDF reports</source>
        <translation>PDF 报表中文字体</translation>
    </message>
    <message>
        <source>Automatic: search the fonts installed on this PC</source>
        <translation>自动：在本机已安装的字体中查找</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use automatic search</source>
        <translation>改为自动查找</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <source>Read-only here. Start BranchGuard with --db URL or set the environment variable BRANCHGUARD_DB to use a shared PostgreSQL database instead of the file in the data folder.</source>
        <translation>此处仅供查看。如需改用共享的 PostgreSQL 数据库（而非数据文件夹中的数据库文件），请以 --db URL 参数启动 BranchGuard，或设置环境变量 BRANCHGUARD_DB。</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Wrong passwords before an account locks</source>
        <translation>账户锁定前允许的密码错误次数</translation>
    </message>
    <message>
        <source>Lock duration (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <source>Save branch settings</source>
        <translation>保存网点设置</translation>
    </message>
    <message>
        <source>Only the safety lead can change the branch settings.</source>
        <translation>只有安全负责人可以修改网点设置。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>锚点</translation>
    </message>
    <message>
        <source>Head-office library</source>
        <translation>总行资料库</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Start BranchGuard when I log on</source>
        <translation>登录系统时自动启动 BranchGuard</translation>
    </message>
    <message>
        <source>So that reminders come even when nobody opened it. Only for this account on this PC.</source>
        <translation>即使无人打开程序也能按时提醒。仅对本机的当前账户生效。</translation>
    </message>
    <message>
        <source>Only the safety lead can choose the report font.</source>
        <translation>只有安全负责人可以选择报表字体。</translation>
    </message>
</context>
<context>
    <name>SeverityPolicyDialog</name>
    <message>
        <source>Hazard severity policy</source>
        <translation>隐患整改时限规定</translation>
    </message>
    <message>
        <source>Deadlines count from when a hazard is opened. Hazards opened after a change follow it; open ones keep their deadlines.</source>
        <translation>时限自隐患登记之时起算。修改后新登记的隐患按新规定执行；已登记的隐患保持原时限。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys of the whole window first, then those of the page in front.</source>
        <translation>先列出整个窗口的快捷键，再列出当前页面的快捷键。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>SignaturesBox</name>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>The reviewer must be a different person from the inspector</source>
        <translation>复核人不能与检查人为同一人</translation>
    </message>
    <message>
        <source>The reviewer must be a different person from the inspector.</source>
        <translation>复核人不能与检查人为同一人。</translation>
    </message>
    <message>
        <source>Type or pick the name of the person who signs.</source>
        <translation>请输入或选择签字人姓名。</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 (recorded by %3)</source>
        <translation>%1 于 %2 签字（由 %3 录入）</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>重新签字</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip step %1</source>
        <translation>跳过第 %1 步</translation>
    </message>
    <message>
        <source>Why is it skipped?</source>
        <translation>为何跳过？</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>稍后提醒至</translation>
    </message>
    <message>
        <source>Show again at</source>
        <translation>再次提醒时间</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>No staff on the roster yet. Add… (Ins) adds a person with their post and mobile, Import roster… takes HR's sheet saved as CSV: the contact card, the team roles and follow mode name them.</source>
        <translation>人员名册中还没有人员。点击“添加…”（Ins）录入人员及其岗位和手机号码，或点击“导入名单…”导入人事表格另存的 CSV 文件：应急联络卡、应急岗位和跟随模式都会用到。</translation>
    </message>
    <message>
        <source>No staff on the roster yet.</source>
        <translation>人员名册中还没有人员。</translation>
    </message>
    <message>
        <source>Nobody on the roster matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的人员。</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <source>On duty or not</source>
        <translation>是否在岗</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Remove %1 from the staff roster?</source>
        <translation>确定将 %1 从人员名册中删除吗？</translation>
    </message>
    <message numerus="yes">
        <source>%1 still owns %n open item(s), which will name nobody on the roster:</source>
        <translation>
            <numerusform>%1 名下仍有 %n 项未结事项，删除后将无人负责：</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>Hand them over to someone first (No), or remove %1 anyway?</source>
        <translation>请先将其移交他人（选“否”），还是仍然删除 %1？</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) shown</source>
        <translation>
            <numerusform>显示 %n 名人员</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit the selected staff member</source>
        <translation>编辑所选人员</translation>
    </message>
    <message>
        <source>Remove the selected staff member</source>
        <translation>删除所选人员</translation>
    </message>
    <message>
        <source>Search staff by name or phone</source>
        <translation>按姓名或电话搜索人员</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>StartIncidentDialog</name>
    <message>
        <source>Start an incident</source>
        <translation>启动应急事件</translation>
    </message>
    <message>
        <source>Type a code or a few characters of the plan; Enter starts the first one.</source>
        <translation>输入预案编号或名称中的几个字，回车启动第一个。</translation>
    </message>
    <message>
        <source>Code or name, e.g. FIRE or robbery</source>
        <translation>编号或名称，如 FIRE 或 抢劫</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>This is a drill</source>
        <translation>这是演练</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Ad hoc: “%1” (no playbook)</source>
        <translation>临时：“%1”（无预案）</translation>
    </message>
    <message>
        <source>Ad hoc (no playbook)</source>
        <translation>临时（无预案）</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <source>No warning in force</source>
        <translation>无生效预警</translation>
    </message>
    <message>
        <source>Open that incident</source>
        <translation>打开该事件</translation>
    </message>
    <message>
        <source>Reading the playbooks…</source>
        <translation>正在读取预案…</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>This run completes the due inspection.</source>
        <translation>本次检查将完成该项到期检查。</translation>
    </message>
    <message>
        <source>e.g. banking hall, self-service area, vault</source>
        <translation>例如：营业厅、自助区、金库</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始检查</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Add a remediation step</source>
        <translation>添加整改记录</translation>
    </message>
    <message>
        <source>Add a photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message>
        <source>Say what was done.</source>
        <translation>请填写整改内容。</translation>
    </message>
</context>
<context>
    <name>StepDiffModel</name>
    <message>
        <source>Old version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>moved from %1</source>
        <translation>原第 %1 步</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Text (Chinese)</source>
        <translation>内容（中文）</translation>
    </message>
    <message>
        <source>Condition (Chinese)</source>
        <translation>条件（中文）</translation>
    </message>
    <message>
        <source>Responsible role</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Target time</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>内容（英文）</translation>
    </message>
    <message>
        <source>Condition (English)</source>
        <translation>条件（英文）</translation>
    </message>
    <message>
        <source>Then go to</source>
        <translation>则跳转到</translation>
    </message>
    <message>
        <source>Reporting (上报)</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>optional, e.g. 如有人员受伤</source>
        <translation>可选，例如：如有人员受伤</translation>
    </message>
    <message>
        <source>optional, e.g. If anyone is injured</source>
        <translation>可选，例如：If anyone is injured</translation>
    </message>
    <message>
        <source>Mandatory report, deadline</source>
        <translation>必须上报，时限</translation>
    </message>
    <message>
        <source>A reporting checkpoint: the report must be made within the deadline after the start.</source>
        <translation>上报节点：须在事件发生后的时限内完成上报。</translation>
    </message>
    <message>
        <source>Minutes from the start of the incident; — means no target.</source>
        <translation>自事件发生起的分钟数；“—”表示不设目标时间。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Select a step to edit it, or press Ins to add one.</source>
        <translation>选择一个步骤进行编辑，或按 Ins 添加步骤。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— 不指定 —</translation>
    </message>
    <message>
        <source>%1 (not a role of this plan)</source>
        <translation>%1（不是本预案中的角色）</translation>
    </message>
    <message>
        <source>— no jump —</source>
        <translation>— 不跳转 —</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>（尚无内容）</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>add step %1</source>
        <translation>添加第 %1 步</translation>
    </message>
    <message>
        <source>remove step %1</source>
        <translation>删除第 %1 步</translation>
    </message>
    <message>
        <source>move step %1</source>
        <translation>移动第 %1 步</translation>
    </message>
    <message>
        <source>edit step %1</source>
        <translation>编辑第 %1 步</translation>
    </message>
    <message>
        <source>Step (Chinese)</source>
        <translation>步骤（中文）</translation>
    </message>
    <message>
        <source>Step (English)</source>
        <translation>步骤（英文）</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <source>Report within</source>
        <translation>上报时限</translation>
    </message>
    <message>
        <source>If … go to</source>
        <translation>条件跳转</translation>
    </message>
    <message>
        <source>Target time, in minutes from the start of the incident</source>
        <translation>目标时间，自事件发生起计算的分钟数</translation>
    </message>
    <message>
        <source>Mandatory reporting checkpoint (上报) and its deadline</source>
        <translation>必须上报的节点及上报时限</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>→ step %1</source>
        <translation>→ 第 %1 步</translation>
    </message>
    <message>
        <source>→ step %2: %1</source>
        <translation>→ 第 %2 步：%1</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无时限</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation>在所选步骤之后添加步骤</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>删除所选步骤</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>将所选步骤上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>将所选步骤下移</translation>
    </message>
    <message>
        <source>Drag a step, or press Ctrl+Up / Ctrl+Down, to change the order.</source>
        <translation>拖动步骤或按 Ctrl+Up / Ctrl+Down 调整顺序。</translation>
    </message>
    <message>
        <source>Step %1 was removed.</source>
        <translation>第 %1 步已删除。</translation>
    </message>
    <message>
        <source>The jumps to it from these steps were cleared: %1.</source>
        <translation>以下步骤中跳转到该步的设置已清除：%1。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Mark the selected step done (Ctrl+D, or Enter in the list)</source>
        <translation>将所选步骤标记为完成（Ctrl+D，或在列表中按回车）</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Skip the selected step, giving a reason (Ctrl+K)</source>
        <translation>跳过所选步骤并填写原因（Ctrl+K）</translation>
    </message>
    <message>
        <source>In the step list: mark the selected step done</source>
        <translation>在步骤列表中：将所选步骤标记为完成</translation>
    </message>
    <message>
        <source>Steps (%1 of %2 done or skipped)</source>
        <translation>处置步骤（%2 步中已完成或跳过 %1 步）</translation>
    </message>
    <message>
        <source>Every step is done or skipped.</source>
        <translation>所有步骤均已完成或跳过。</translation>
    </message>
    <message>
        <source>Now: step %1 · %2</source>
        <translation>当前：第 %1 步 · %2</translation>
    </message>
    <message>
        <source>Next: step %1 · %2</source>
        <translation>下一步：第 %1 步 · %2</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>Submit the inspection</source>
        <translation>提交检查</translation>
    </message>
    <message>
        <source>Once submitted the inspection cannot be changed; a correction is an amendment.</source>
        <translation>检查提交后不能再修改；如需更正，请填写更正记录。</translation>
    </message>
    <message>
        <source>Inspector: %1 · Reviewer: %2</source>
        <translation>检查人：%1 · 复核人：%2</translation>
    </message>
    <message>
        <source>(to be signed later)</source>
        <translation>（稍后签字）</translation>
    </message>
    <message numerus="yes">
        <source>It opens %n hazard(s) in the register:</source>
        <translation>
            <numerusform>将在隐患台账中登记 %n 条隐患：</numerusform>
        </translation>
    </message>
    <message>
        <source>No item failed: it opens no hazard.</source>
        <translation>没有不合格项，不会登记隐患。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Edit checklist %1</source>
        <translation>编辑检查表 %1</translation>
    </message>
    <message>
        <source>New checklist</source>
        <translation>新建检查表</translation>
    </message>
    <message>
        <source>What changed and why (kept in the version history)</source>
        <translation>修改内容及原因（记入版本历史）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Default cadence</source>
        <translation>默认检查频次</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除检查项</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>保存为草稿</translation>
    </message>
    <message>
        <source>Items (in the order they are checked)</source>
        <translation>检查项（按检查顺序排列）</translation>
    </message>
    <message>
        <source>A text may use a setting of the checklist as {name}, e.g. {retention_days}.</source>
        <translation>文本中可用 {name} 引用检查表参数，例如 {retention_days}。</translation>
    </message>
    <message>
        <source>Item (Chinese)</source>
        <translation>检查项（中文）</translation>
    </message>
    <message>
        <source>Item (English)</source>
        <translation>检查项（英文）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <source>Pass when (Chinese)</source>
        <translation>合格标准（中文）</translation>
    </message>
    <message>
        <source>Pass when (English)</source>
        <translation>合格标准（英文）</translation>
    </message>
    <message>
        <source>Photo on fail</source>
        <translation>不合格须拍照</translation>
    </message>
    <message>
        <source>Severity on fail</source>
        <translation>不合格时隐患等级</translation>
    </message>
    <message>
        <source>A checklist needs at least one item.</source>
        <translation>检查表至少需要一个检查项。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>none: see the tooltip</source>
        <translation>无：见提示</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>检查频次</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项数</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>draft pending</source>
        <translation>有待批准草稿</translation>
    </message>
    <message>
        <source>Paused (%1)</source>
        <translation>已暂停（%1）</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>未安排计划</translation>
    </message>
</context>
<context>
    <name>TrailExporter</name>
    <message>
        <source>audit-trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;PDF files (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 of %2 events written</source>
        <translation>已写入 %1 / %2 条事件</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计记录…</translation>
    </message>
</context>
<context>
    <name>TrayKeeper</name>
    <message>
        <source>Close BranchGuard</source>
        <translation>关闭 BranchGuard</translation>
    </message>
    <message>
        <source>Reminders are showing or due within a day.</source>
        <translation>有待处理的提醒，或一天内有提醒到期。</translation>
    </message>
    <message>
        <source>Keep BranchGuard running in the system tray so that they still pop up on time? Open it again from the tray icon.</source>
        <translation>是否让 BranchGuard 在系统托盘中继续运行，以便按时弹出提醒？可从托盘图标重新打开。</translation>
    </message>
    <message>
        <source>Keep reminding in the tray</source>
        <translation>在托盘中继续提醒</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open BranchGuard</source>
        <translation>打开 BranchGuard</translation>
    </message>
    <message>
        <source>BranchGuard keeps running here and reminds you on time.</source>
        <translation>BranchGuard 在此继续运行，并按时提醒您。</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Quit BranchGuard</source>
        <translation>退出 BranchGuard</translation>
    </message>
    <message>
        <source>Text typed in the log box is not in the incident log yet: %1.</source>
        <translation>记录框中输入的文字尚未写入事件记录：%1。</translation>
    </message>
    <message>
        <source>Quitting now loses that text. Everything already in the incident log is saved.</source>
        <translation>现在退出将丢失这段文字。已写入事件记录的内容均已保存。</translation>
    </message>
    <message>
        <source>An incident is still open: %1.</source>
        <translation>仍有事件未结束：%1。</translation>
    </message>
    <message>
        <source>Everything in its log is saved, and it opens again at the next start. Quit anyway?</source>
        <translation>其记录均已保存，下次启动时会重新打开。仍要退出吗？</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>UnsavedHazardEdits</name>
    <message>
        <source>Changes not saved</source>
        <translation>修改尚未保存</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved.</source>
        <translation>您对%1的修改尚未保存。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>A closed hazard can no longer be edited: close it now and these changes are lost.</source>
        <translation>隐患销号后不能再修改：现在销号，这些修改将丢失。</translation>
    </message>
    <message>
        <source>Save and close…</source>
        <translation>保存并销号…</translation>
    </message>
    <message>
        <source>Close without saving…</source>
        <translation>不保存，直接销号…</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user account</source>
        <translation>添加用户账户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Account “%1” created.</source>
        <translation>账户“%1”已创建。</translation>
    </message>
    <message>
        <source>Password of “%1” changed.</source>
        <translation>“%1”的密码已修改。</translation>
    </message>
    <message>
        <source>“%1” can log in again.</source>
        <translation>“%1”已解锁，可以重新登录。</translation>
    </message>
    <message>
        <source>“%1” disabled.</source>
        <translation>“%1”已停用。</translation>
    </message>
    <message>
        <source>“%1” enabled.</source>
        <translation>“%1”已启用。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>_RuleBox</name>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Fixed within</source>
        <translation>整改完成时限</translation>
    </message>
    <message>
        <source> hour(s)</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Interim control within</source>
        <translation>临时管控措施时限</translation>
    </message>
    <message>
        <source>Remediation plan within</source>
        <translation>整改方案时限</translation>
    </message>
    <message>
        <source>Report to head office</source>
        <translation>上报上级行</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>left_work</name>
    <message>
        <source>Work begun before the user changed has ended: %1</source>
        <translation>切换用户前开始的工作已完成：%1</translation>
    </message>
    <message>
        <source>Work begun before the user changed has failed: %1</source>
        <translation>切换用户前开始的工作未能完成：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintFilterBar</name>
    <message>
        <source>Search number, name, words</source>
        <translation>搜索编号、姓名、内容</translation>
    </message>
    <message>
        <source>The number (TS-2026-0007 or 7; TS-2026 or 2026 lists that year's), the customer's name (in full only if you may see it unmasked, a search the audit trail records; otherwise as shown: 张*), the staff member complained about, or words of the request or the facts</source>
        <translation>编号（TS-2026-0007 或 7；TS-2026 或 2026 列出该年的投诉）、客户姓名（可查看完整信息者按全名，按全名查到的会记入审计日志；其他人按所显示的脱敏形式：张*）、被投诉人，或投诉请求、事实经过中的文字</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Received any time</source>
        <translation>受理时间不限</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>上年度</translation>
    </message>
    <message>
        <source>Dates received</source>
        <translation>指定受理日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未办结</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Handler…</source>
        <translation>处理人…</translation>
    </message>
    <message>
        <source>Investigate…</source>
        <translation>调查核实…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>依据处理…</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>答复反馈…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>分类归档…</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Withdrawal…</source>
        <translation>撤诉…</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Customer complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Complaints must be decided and replied to within 15 days of receipt (30 or 60 when extended). Identifiers are masked.</source>
        <translation>投诉须在受理之日起 15 日内作出处理决定并答复（延期后为 30 或 60 日）。客户身份信息已脱敏显示。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Select a complaint to see its steps.</source>
        <translation>选择一条投诉，查看其处理步骤。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) shown</source>
        <translation>
            <numerusform>显示 %n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>预览 / 打印</translation>
    </message>
    <message>
        <source>The selected complaint's file or the register as filtered</source>
        <translation>所选投诉的处理档案，或按当前筛选的登记簿</translation>
    </message>
    <message>
        <source>No complaint matches these filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>目前没有未办结的投诉。</translation>
    </message>
    <message>
        <source>No open complaints. Register… records one as it is received; untick “Open only” to list those archived or withdrawn.</source>
        <translation>目前没有未办结的投诉。收到投诉时，点击“登记投诉…”登记；取消勾选“仅未办结”可查看已归档或已撤诉的投诉。</translation>
    </message>
    <message>
        <source>No complaints yet.</source>
        <translation>还没有投诉记录。</translation>
    </message>
    <message>
        <source>No complaints yet. Register… records one as it is received.</source>
        <translation>还没有投诉记录。收到投诉时，点击“登记投诉…”登记。</translation>
    </message>
    <message>
        <source>Steps of the selected complaint</source>
        <translation>所选投诉的处理步骤</translation>
    </message>
</context>
<context>
    <name>ComplaintListModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>不计时限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintRegisterDialog</name>
    <message>
        <source>Register a complaint</source>
        <translation>登记客户投诉</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Representatives</source>
        <translation>投诉代表</translation>
    </message>
    <message>
        <source>Person complained about</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>Post complained about</source>
        <translation>被投诉岗位</translation>
    </message>
    <message>
        <source>Business line</source>
        <translation>业务条线</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>投诉诉求</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <source>Told on acceptance</source>
        <translation>受理时告知</translation>
    </message>
    <message>
        <source>Group complaint: at most 5 names, separated by commas</source>
        <translation>集体投诉：最多 5 名代表，用逗号分隔</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Came with incident</source>
        <translation>关联事件</translation>
    </message>
    <message>
        <source>First responsible</source>
        <translation>首问负责人</translation>
    </message>
    <message>
        <source>Default: you, who register it</source>
        <translation>默认：登记人本人</translation>
    </message>
</context>
<context>
    <name>ComplaintStepDialog</name>
    <message>
        <source>— choose the cause —</source>
        <translation>— 请选择投诉原因 —</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Rule or contract clause</source>
        <translation>处理依据（制度或合同条款）</translation>
    </message>
    <message>
        <source>Replied by</source>
        <translation>答复方式</translation>
    </message>
    <message>
        <source>Remedies stated</source>
        <translation>告知的救济途径</translation>
    </message>
    <message>
        <source>Customer's response</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>Evidence: CCTV stills, vouchers, recordings</source>
        <translation>证据：监控截图、凭证、录音</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续整改</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Hazards to open</source>
        <translation>需登记的隐患</translation>
    </message>
    <message>
        <source>One hazard per line; each is opened for the handler</source>
        <translation>每行一项隐患，逐项登记，责任人为经办人</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>后续整改措施</translation>
    </message>
    <message>
        <source>Also open a hazard for the follow-up</source>
        <translation>同时为整改事项登记隐患</translation>
    </message>
    <message>
        <source>Final category</source>
        <translation>最终分类</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>保持不变：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintExtendDialog</name>
    <message>
        <source>Extend the deadline · %1</source>
        <translation>延长处理期限 · %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>延期原因</translation>
    </message>
    <message>
        <source>Superior's approver</source>
        <translation>上级审批人</translation>
    </message>
    <message>
        <source>Customer told by</source>
        <translation>告知客户方式</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>First extension: to 30 days. Second: to 60 days, with the superior's approver named. Decided on paper before the deadline and entered later: give when it was decided.</source>
        <translation>第一次延期：延至 30 日；第二次：延至 60 日，须注明上级机构审批人。届满前已书面决定、事后补录的，请填写决定时间。</translation>
    </message>
</context>
<context>
    <name>ComplaintAssignDialog</name>
    <message>
        <source>Handler · %1</source>
        <translation>处理人 · %1</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
</context>
<context>
    <name>ComplaintWithdrawDialog</name>
    <message>
        <source>Withdrawal · %1</source>
        <translation>撤诉 · %1</translation>
    </message>
    <message>
        <source>Withdrawal received at</source>
        <translation>撤诉受理时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Branch at a glance</source>
        <translation>网点概览</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Click a number to see the records it counts.</source>
        <translation>点击数字可查看其统计的记录。</translation>
    </message>
    <message>
        <source>As of %1. </source>
        <translation>截至 %1。</translation>
    </message>
    <message>
        <source>Incidents and drills by month</source>
        <translation>各月突发事件与演练</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Hazards opened, verified or closed</source>
        <translation>隐患新增与验收或销号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Verified or closed</source>
        <translation>验收或销号</translation>
    </message>
    <message>
        <source>Open at month end</source>
        <translation>月末未验收</translation>
    </message>
    <message>
        <source>Inspections done on schedule (%) and drill scores</source>
        <translation>按计划完成检查（%）与演练得分</translation>
    </message>
    <message>
        <source>Inspections done (%)</source>
        <translation>检查完成率（%）</translation>
    </message>
    <message>
        <source>Drill score (of 100)</source>
        <translation>演练得分（满分 100）</translation>
    </message>
    <message>
        <source>Periodic report…</source>
        <translation>定期报告…</translation>
    </message>
    <message>
        <source>The safety management report (网点安全管理工作报告) of a month, a quarter or a year</source>
        <translation>月度、季度或年度网点安全管理工作报告</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Building the report… %1 of %2</source>
        <translation>正在生成报告… %1 / %2</translation>
    </message>
    <message>
        <source>Laying out page %1…</source>
        <translation>正在排版第 %1 页…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Send the pages to a printer (Ctrl+P)</source>
        <translation>发送到打印机（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save the report shown as a PDF file (Ctrl+S)</source>
        <translation>将所示报告保存为 PDF 文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报告字体已回退：%1</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>of %n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>A page could not be shown: %1</source>
        <translation>无法显示页面：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>无法保存 PDF：%1</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>正在保存 PDF…</translation>
    </message>
</context>
<context>
    <name>ComplaintPapers</name>
    <message>
        <source>Complaint file %1</source>
        <translation>投诉处理档案 %1</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the complaint register</source>
        <translation>导出投诉登记簿</translation>
    </message>
    <message>
        <source>Exporting the complaint register…</source>
        <translation>正在导出投诉登记簿…</translation>
    </message>
    <message>
        <source>The register as filtered, to Excel…</source>
        <translation>按当前筛选的登记簿导出为 Excel…</translation>
    </message>
    <message>
        <source>The register as filtered, with statistics…</source>
        <translation>按当前筛选的登记簿（含统计）…</translation>
    </message>
    <message>
        <source>The selected complaint's file…</source>
        <translation>所选投诉的处理档案…</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉档案</translation>
    </message>
    <message>
        <source>complaint-register</source>
        <translation>投诉登记簿</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <source>Incident report (timeline, steps, outcome)…</source>
        <translation>事件报告（处置记录、步骤、结果）…</translation>
    </message>
    <message>
        <source>Initial report to head office…</source>
        <translation>向上级报告（初报）…</translation>
    </message>
    <message>
        <source>Incident report #%1</source>
        <translation>事件报告 #%1</translation>
    </message>
    <message>
        <source>incident-report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <source>Initial report, incident #%1</source>
        <translation>初报 事件 #%1</translation>
    </message>
    <message>
        <source>initial-report</source>
        <translation>初报</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Head-office library imported: %1 playbook(s), %2 template(s), %3 rule(s), %4 working-day year(s) new or updated.</source>
        <translation>总行资料库已导入：新增或更新应急预案 %1 项、检查表模板 %2 项、合规规则 %3 项、工作日表 %4 年。</translation>
    </message>
    <message>
        <source>Head-office public key</source>
        <translation>总行公钥</translation>
    </message>
    <message>
        <source>Key files (*.pem *.pub *.txt);;All files (*)</source>
        <translation>密钥文件 (*.pem *.pub *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import head-office library</source>
        <translation>导入总行资料库</translation>
    </message>
    <message>
        <source>Head-office library (*.zip)</source>
        <translation>总行资料库 (*.zip)</translation>
    </message>
    <message>
        <source>Head-office library</source>
        <translation>总行资料库</translation>
    </message>
    <message>
        <source>Trusted head-office key</source>
        <translation>受信任的总行密钥</translation>
    </message>
    <message>
        <source>Last library imported</source>
        <translation>最近导入的资料库</translation>
    </message>
    <message>
        <source>Working-day tables cover</source>
        <translation>工作日表覆盖</translation>
    </message>
    <message>
        <source>Trust head-office key…</source>
        <translation>信任总行密钥…</translation>
    </message>
    <message>
        <source>Import head-office library…</source>
        <translation>导入总行资料库…</translation>
    </message>
    <message>
        <source>Head office sends approved playbooks, checklist templates, compliance rules and the holiday table for the coming years as one signed file. Trust head office's public key once (compare its fingerprint by phone); a library that is unsigned, changed or signed by another key is refused and nothing is written.</source>
        <translation>总行将已批准的应急预案、检查表模板、合规规则及今后几年的节假日表合成一个签名文件下发。请先信任一次总行公钥（电话核对其指纹）；未签名、被改动或由其他密钥签署的资料库将被拒绝，且不写入任何内容。</translation>
    </message>
    <message>
        <source>none trusted yet</source>
        <translation>尚未信任任何密钥</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Checking the library</source>
        <translation>正在核验资料库</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>Importing the head-office library</source>
        <translation>正在导入总行资料库</translation>
    </message>
    <message>
        <source>Nothing to change: this installation already holds everything.</source>
        <translation>无需更改：本机已包含全部内容。</translation>
    </message>
    <message>
        <source>Head-office key %1 is trusted: compare it with the fingerprint head office states.</source>
        <translation>已信任总行密钥 %1：请与总行公布的指纹核对。</translation>
    </message>
    <message>
        <source>%1, made %2, imported %3 by %4</source>
        <translation>%1，生成于 %2，由 %4 于 %3 导入</translation>
    </message>
    <message>
        <source>Trust head office's key first (Trust head-office key…): a library is proved against it.</source>
        <translation>请先信任总行密钥（“信任总行密钥…”）：资料库须用该密钥验证。</translation>
    </message>
    <message>
        <source>Only the safety lead can trust head office's key and import its library.</source>
        <translation>只有安全负责人可以信任总行密钥并导入总行资料库。</translation>
    </message>
</context>
<context>
    <name>LibraryPreviewDialog</name>
    <message>
        <source>This library cannot be imported: a signed library is applied whole or not at all, and these items of its checklists start a plan that would not be in force here:</source>
        <translation>此资料库无法导入：已签署的资料库只能整体导入，而其检查模板中以下各项启动的预案在本机不会生效：</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>检查表模板</translation>
    </message>
    <message>
        <source>Compliance rules</source>
        <translation>合规规则</translation>
    </message>
    <message>
        <source>Working-day years</source>
        <translation>工作日表年份</translation>
    </message>
    <message>
        <source>Import head-office library</source>
        <translation>导入总行资料库</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Everything is applied in one transaction: if anything fails, nothing changes. A local draft stays a draft, after the version from head office.</source>
        <translation>全部内容在一个事务中应用：任何一步失败，均不做任何更改。本地草稿仍为草稿，排在总行版本之后。</translation>
    </message>
    <message>
        <source>Nothing to change: this installation already holds everything in the library.</source>
        <translation>无需更改：本机已包含资料库中的全部内容。</translation>
    </message>
    <message>
        <source>Library of %1, made %2, signed by the trusted head-office key %3.</source>
        <translation>%1 的资料库，生成于 %2，由受信任的总行密钥 %3 签署。</translation>
    </message>
    <message>
        <source>What the library changes</source>
        <translation>该库带来的变更</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Periodic safety report</source>
        <translation>网点安全管理工作报告</translation>
    </message>
    <message>
        <source>The branch's safety management report for head office: the period's figures against the one before, incidents, drills, inspections, hazards and actions.</source>
        <translation>报送上级行的网点安全管理工作报告：本期与上期指标对比，以及突发事件、演练、检查、隐患和整改措施。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告周期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Safety report %1</source>
        <translation>安全管理工作报告 %1</translation>
    </message>
    <message>
        <source>safety-report</source>
        <translation>安全管理工作报告</translation>
    </message>
</context>
<context>
    <name>ActionModel</name>
    <message>
        <source>Incident or drill</source>
        <translation>事件或演练</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Drill, incident #%1</source>
        <translation>演练，事件 #%1</translation>
    </message>
    <message>
        <source>Incident #%1</source>
        <translation>事件 #%1</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>投诉 %1</translation>
    </message>
</context>
<context>
    <name>ActionListPanel</name>
    <message>
        <source>The safety lead marks an action done: tell them when yours is.</source>
        <translation>措施由安全负责人标记完成：您负责的措施完成后，请告知安全负责人。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成的措施</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>逾期的措施</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部措施</translation>
    </message>
    <message>
        <source>Actions shown: %1</source>
        <translation>显示措施：%1 项</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>No overdue corrective actions.</source>
        <translation>没有逾期的整改措施。</translation>
    </message>
    <message>
        <source>No open corrective actions. A drill's evaluation and an incident's closing add them, each with its owner and due date; “All actions” lists the done ones too.</source>
        <translation>没有未完成的整改措施。演练评估和事件结束时会添加整改措施，并注明责任人和期限；选择“全部措施”可查看已完成的措施。</translation>
    </message>
    <message>
        <source>No corrective actions yet. A drill's evaluation and an incident's closing add them, each with its owner and due date.</source>
        <translation>还没有整改措施。演练评估和事件结束时会添加整改措施，并注明责任人和期限。</translation>
    </message>
</context>
<context>
    <name>FollowUpBar</name>
    <message>
        <source>Item %1 failed: fire rules require this fault corrected on the spot. Once it is, say what was done (its hazard is then recorded closed).</source>
        <translation>第 %1 项不合格：消防规定此类问题应当场整改。整改后请填写整改情况（该隐患将登记为已销号）。</translation>
    </message>
    <message>
        <source>Item %1 failed: this starts the %2 plan. Keep the device exactly as found; it is removed only after the police agree.</source>
        <translation>第 %1 项不合格：应启动 %2 预案。设备保持原状，经公安机关同意后方可拆除。</translation>
    </message>
    <message>
        <source>What was done on the spot</source>
        <translation>当场采取的整改措施</translation>
    </message>
    <message>
        <source>Record the correction</source>
        <translation>登记当场整改</translation>
    </message>
    <message>
        <source>Start the %1 plan now</source>
        <translation>立即启动 %1 预案</translation>
    </message>
</context>
<context>
    <name>BranchesModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Last period</source>
        <translation>最近期间</translation>
    </message>
    <message>
        <source>Imported %1; %2 packages</source>
        <translation>%1 导入；共 %2 个数据包</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>演练要求</translation>
    </message>
    <message>
        <source>Hazards open</source>
        <translation>未验收隐患</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Oldest (days)</source>
        <translation>最久（天）</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>按级别</translation>
    </message>
    <message>
        <source>Mean drill score</source>
        <translation>演练平均分</translation>
    </message>
    <message>
        <source>Actions overdue</source>
        <translation>逾期整改措施</translation>
    </message>
    <message>
        <source>%1 ok · %2 soon · %3 overdue</source>
        <translation>按期%1·将到期%2·逾期%3</translation>
    </message>
    <message>
        <source>Mean of the %2 evaluated drills head office holds, whenever held (a period’s is in the regional report); latest: %1</source>
        <translation>总行所存全部 %2 次已评估演练的平均分（不论举行月份；某期的见片区报告）；最近一次：%1</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>未结 %1 · 逾期 %2</translation>
    </message>
    <message>
        <source>Received %1; answered %2, on time %3</source>
        <translation>受理 %1；办结 %2，按时办结率 %3</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Package for head office…</source>
        <translation>上报总行数据包…</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Package for head office</source>
        <translation>上报总行数据包</translation>
    </message>
</context>
<context>
    <name>HeadOfficePage</name>
    <message>
        <source>Branches</source>
        <translation>网点汇总</translation>
    </message>
    <message>
        <source>Each branch as its imported packages show it. Click a column to sort; hover a figure for its breakdown; double-click it for the records it counts.</source>
        <translation>按已导入的数据包展示各网点情况。点击列标题排序；鼠标停在数字上查看明细；双击数字查看其所计的记录。</translation>
    </message>
    <message>
        <source>Import packages…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Regional report…</source>
        <translation>地区报告…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Filter by branch code or name</source>
        <translation>按网点编号或名称筛选</translation>
    </message>
    <message>
        <source>%1 of %2 branches</source>
        <translation>显示 %1 / 共 %2 个网点</translation>
    </message>
    <message>
        <source>Select a branch to see its drill rules and incidents.</source>
        <translation>选中一个网点，查看其演练要求和事件。</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s), ledger to entry %1, key %2</source>
        <translation>
            <numerusform>%n 个数据包，账本至第 %1 条，密钥 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill rules: %1</source>
        <translation>演练要求：%1</translation>
    </message>
    <message>
        <source>Incidents by category: %1; by level: %2</source>
        <translation>事件按类别：%1；按级别：%2</translation>
    </message>
    <message>
        <source>Drill score: average %1, latest %2, %3 evaluated</source>
        <translation>演练得分：平均 %1，最近 %2，已评估 %3 次</translation>
    </message>
    <message>
        <source>Records held: %1</source>
        <translation>已有记录：%1</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>drill rules</source>
        <translation>演练要求</translation>
    </message>
    <message>
        <source>Import branch packages</source>
        <translation>导入网点数据包</translation>
    </message>
    <message>
        <source>Packages (*.zip)</source>
        <translation>数据包 (*.zip)</translation>
    </message>
    <message>
        <source>imported: %1 records, %2 ledger entries</source>
        <translation>已导入：%1 条记录，%2 条账本记录</translation>
    </message>
    <message>
        <source>imported before: nothing changed</source>
        <translation>此前已导入：未作改动</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <source>Importing packages</source>
        <translation>正在导入数据包</translation>
    </message>
    <message>
        <source>Regional report %1</source>
        <translation>地区报告 %1</translation>
    </message>
    <message>
        <source>Register a branch…</source>
        <translation>登记网点…</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Imported packages</source>
        <translation>数据包导入结果</translation>
    </message>
    <message>
        <source>%1 of %2 files taken in or already held; %3 refused.</source>
        <translation>%2 个文件中 %1 个已导入或此前已有；%3 个被拒绝。</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>RegionalPeriodDialog</name>
    <message>
        <source>Regional report</source>
        <translation>地区报告</translation>
    </message>
    <message>
        <source>Every branch side by side for a month, a quarter or a year (a year against the year before, and the months not sent).</source>
        <translation>各网点并列对比：月度、季度或年度（年度报告另列与上一年度的对比及未报送月份）。</translation>
    </message>
</context>
<context>
    <name>ExportPeriodPage</name>
    <message>
        <source>Which period</source>
        <translation>选择期间</translation>
    </message>
    <message>
        <source>A month (2026-11) or a quarter (2026-Q4). The package carries the period's records, its reports and the ledger since the previous package, signed with this branch's key.</source>
        <translation>月份（2026-11）或季度（2026-Q4）。数据包载有该期间的记录、报告及上一数据包以来的账本，并以本网点密钥签名。</translation>
    </message>
    <message>
        <source>Include the PDF reports of the period's incidents and drills</source>
        <translation>附上该期间事件和演练的 PDF 报告</translation>
    </message>
    <message>
        <source>Complainants' names, phones and ID numbers in full (recorded in the audit trail)</source>
        <translation>投诉人姓名、电话和证件号码完整导出（记入审计日志）</translation>
    </message>
    <message>
        <source>Send the ledger again, from after entry</source>
        <translation>重新上报账本，从此条之后开始</translation>
    </message>
    <message>
        <source>When head office did not receive a package, or refused it: give the ledger entry its message says it holds (0: from the start).</source>
        <translation>总行未收到或拒收数据包时使用：填写总行说明中其已有的账本条目号（0 表示从头开始）。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
</context>
<context>
    <name>ExportPreviewPage</name>
    <message>
        <source>What goes</source>
        <translation>上报内容</translation>
    </message>
    <message>
        <source>Counted now from this branch's records; nothing is written yet.</source>
        <translation>按本网点当前记录统计；尚未写入任何文件。</translation>
    </message>
    <message>
        <source>Incidents, with their full logs</source>
        <translation>事件（含完整处置记录）</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Drills and evaluations</source>
        <translation>演练及评估</translation>
    </message>
    <message>
        <source>Inspections and answers</source>
        <translation>检查及各项结果</translation>
    </message>
    <message>
        <source>Hazards and their history</source>
        <translation>隐患及其历史</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Drill rules' status</source>
        <translation>演练要求执行情况</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>none: this is the first package</source>
        <translation>无：这是第一个数据包</translation>
    </message>
    <message>
        <source>PDF reports: %1</source>
        <translation>PDF 报告：%1 份</translation>
    </message>
    <message>
        <source>Ledger entries %1 to %2; previous package: %3</source>
        <translation>账本第 %1 至 %2 条；上一数据包：%3</translation>
    </message>
    <message>
        <source>Complainants' identifiers go in full.</source>
        <translation>投诉人身份信息将完整导出。</translation>
    </message>
    <message>
        <source>Complaint statistics, month by month</source>
        <translation>投诉月度统计</translation>
    </message>
</context>
<context>
    <name>ExportSavePage</name>
    <message>
        <source>Where to save it</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Then take the file to head office, which imports it.</source>
        <translation>然后把文件交给总行导入。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Save the package</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <source>Packages (*.zip)</source>
        <translation>数据包 (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>请选择数据包的保存位置。</translation>
    </message>
    <message>
        <source>Making the package</source>
        <translation>正在生成数据包</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1; %2; ledger entries %3 to %4; signed with key %5</source>
        <translation>%1；%2；账本第 %3 至 %4 条；签名密钥 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 份报告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level / category</source>
        <translation>级别 / 类别</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>%1 (recorded afterwards)</source>
        <translation>%1（补录）</translation>
    </message>
    <message>
        <source>Held without BranchGuard; entered from: %1</source>
        <translation>未使用本系统实施；补录依据：%1</translation>
    </message>
    <message>
        <source>Evaluated on paper by %1</source>
        <translation>纸质记录评估人：%1</translation>
    </message>
    <message>
        <source>Entered %1 by %2</source>
        <translation>%2 于 %1 录入本系统</translation>
    </message>
    <message>
        <source>Voided %1 by %2</source>
        <translation>%2 于 %1 作废</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>作废原因：%1</translation>
    </message>
</context>
<context>
    <name>BranchRecordsDialog</name>
    <message>
        <source>%1 %2: records</source>
        <translation>%1 %2：记录</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>演练要求</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>%1 records: %2 incidents, %3 drills&apos; runs</source>
        <translation>%1 条记录：突发事件 %2 起，演练实施 %3 次</translation>
    </message>
    <message>
        <source>Complaint statistics</source>
        <translation>投诉统计</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>GuideActions</name>
    <message>
        <source>Open a complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>The customer complains: register it with this situation as its facts</source>
        <translation>客户投诉：以此情形为事实登记投诉</translation>
    </message>
    <message>
        <source>Start the plan %1…</source>
        <translation>启动预案 %1…</translation>
    </message>
    <message>
        <source>Start the plan…</source>
        <translation>启动预案…</translation>
    </message>
    <message>
        <source>The situation becomes an incident: start the plan this guide links to</source>
        <translation>情况发展为突发事件：启动本指引关联的应急预案</translation>
    </message>
    <message>
        <source>Service situation: %1 (%2)</source>
        <translation>特殊服务情形：%1（%2）</translation>
    </message>
</context>
<context>
    <name>GuidesButton</name>
    <message>
        <source>Service guide</source>
        <translation>服务指引</translation>
    </message>
    <message>
        <source>What to say and never to do; open a complaint from it, linked to this incident</source>
        <translation>怎么说、不能做什么；可由此登记投诉并关联本事件</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Nobody is on the staff roster yet: add the branch&apos;s staff on the Staff roster tab first, then assign the roles and record their training here.</source>
        <translation>人员名册中还没有人员：请先在“人员名册”标签页添加本网点员工，再在此指定岗位人员并登记培训。</translation>
    </message>
    <message>
        <source>Team roles</source>
        <translation>应急岗位</translation>
    </message>
    <message>
        <source>Every role the approved plans name. Follow mode and the incident report show who holds it; an incident's log names a role whose holder is missing, absent or untrained.</source>
        <translation>已批准预案中的全部岗位。跟随模式和事件报告显示岗位人员；事件启动时，日志会记下未指定人员、人员不在岗或未经培训的岗位。</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指定人员…</translation>
    </message>
    <message>
        <source>Unassign…</source>
        <translation>解除人员…</translation>
    </message>
    <message>
        <source>Unassign a team role</source>
        <translation>解除岗位人员</translation>
    </message>
    <message>
        <source>Nobody will hold this role any more:
%1

Unassign it?</source>
        <translation>解除后该岗位将无人担任：
%1

确定解除？</translation>
    </message>
    <message>
        <source>Every role the approved plans name, and any role still held that none names any more (marked so: unassign it to free its holder). Follow mode and the incident report show who holds a role; an incident's log names a role whose holder is missing, absent or untrained.</source>
        <translation>已批准预案中的全部岗位，以及已不在任何已批准预案中、但仍有人担任的岗位（已注明：解除人员后其人员即可删除）。跟随模式和事件报告显示岗位人员；事件启动时，日志会记下未指定人员、人员不在岗或未经培训的岗位。</translation>
    </message>
    <message>
        <source>Training records</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Add training…</source>
        <translation>添加培训…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Only expiring within %1 days</source>
        <translation>仅显示 %1 天内到期</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate expires within %1 days.</source>
        <translation>%1 天内没有到期的证书。</translation>
    </message>
    <message>
        <source>No training recorded yet.</source>
        <translation>还没有培训记录。</translation>
    </message>
    <message>
        <source>No training recorded yet: add the staff on the Staff roster tab first.</source>
        <translation>还没有培训记录。请先在“人员名册”页签录入本网点人员。</translation>
    </message>
    <message>
        <source>No training recorded yet. Add training… records a course a person took, with its certificate and when it expires.</source>
        <translation>还没有培训记录。点击“添加培训…”登记人员参加的培训，以及所获证书和有效期。</translation>
    </message>
</context>
<context>
    <name>TeamRolesModel</name>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>负责人员</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>B角</translation>
    </message>
    <message>
        <source>Training needed</source>
        <translation>所需培训</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <source>Training date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>已续期</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign a team role</source>
        <translation>指定应急岗位人员</translation>
    </message>
    <message>
        <source>(no backup)</source>
        <translation>（无B角）</translation>
    </message>
    <message>
        <source>The backup acts when the holder is off duty; both need the training the role asks for.</source>
        <translation>负责人员不在岗时由B角履职；两人都须具备岗位要求的培训。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>负责人员</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>B角</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Add a training record</source>
        <translation>添加培训记录</translation>
    </message>
    <message>
        <source>Edit a training record</source>
        <translation>编辑培训记录</translation>
    </message>
    <message>
        <source>Certificate expires on</source>
        <translation>证书到期日</translation>
    </message>
    <message>
        <source>A certificate that expires is reminded once, 30 days before it expires.</source>
        <translation>有到期日的证书将在到期前 30 天提醒一次。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <source>Training date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 小时后提醒</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <source>%1 more under the bell</source>
        <translation>另有 %1 条，见铃铛</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>已逾期（到期 %1）</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期 %1</translation>
    </message>
    <message>
        <source>Reminders due: %1</source>
        <translation>到期提醒：%1</translation>
    </message>
    <message>
        <source>Close; the reminders stay under the bell</source>
        <translation>关闭；提醒仍在铃铛中</translation>
    </message>
</context>
<context>
    <name>AddWarningDialog</name>
    <message>
        <source>Record a warning received</source>
        <translation>登记收到的预警</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>灾害类型</translation>
    </message>
    <message>
        <source>Warning text</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <source>Start preparation now (natural-disaster plan)</source>
        <translation>立即启动预案准备（自然灾害专项应急预案）</translation>
    </message>
</context>
<context>
    <name>LiftWarningDialog</name>
    <message>
        <source>Warning lifted</source>
        <translation>预警解除</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancelled by its issuer (not lifted)</source>
        <translation>发布单位已取消（而非解除）</translation>
    </message>
</context>
<context>
    <name>WarningLevelDialog</name>
    <message>
        <source>Change the warning level</source>
        <translation>调整预警级别</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>The incident has %1.</source>
        <translation>事件当前为%1。</translation>
    </message>
    <message>
        <source>New warning level</source>
        <translation>新预警级别</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>WarningListModel</name>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>灾害类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Warning text</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
</context>
<context>
    <name>PlanOpenQuestion</name>
    <message>
        <source>Warning #%1 is recorded; nothing was started. Log it in that incident, which takes its level only when higher. Start another only for a second, separate event.</source>
        <translation>预警 #%1 已登记，未启动任何事件。请将其记入该事件：预警级别更高时，该事件随之升级。仅当确为另一起同类事件时才另行启动。</translation>
    </message>
    <message>
        <source>Log this warning in that incident, which takes its level only when higher. Start another only for a second, separate event.</source>
        <translation>请将此预警记入该事件：预警级别更高时，该事件随之升级。仅当确为另一起同类事件时才另行启动。</translation>
    </message>
    <message>
        <source>Raise incident #%1 to %2</source>
        <translation>将事件 #%1 升为%2</translation>
    </message>
    <message>
        <source>Log it in incident #%1</source>
        <translation>记入事件 #%1</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Warnings</source>
        <translation>预警记录</translation>
    </message>
    <message>
        <source>Early warnings</source>
        <translation>预警记录</translation>
    </message>
    <message>
        <source>Warnings received from the weather bureau, the police, head office or emergency management. Start preparation opens the natural-disaster plan at the warning's colour.</source>
        <translation>登记气象、公安、上级行或应急管理部门发布的预警。“启动预案准备”按预警颜色启动自然灾害专项应急预案。</translation>
    </message>
    <message>
        <source>Record a warning…</source>
        <translation>登记预警…</translation>
    </message>
    <message>
        <source>Start preparation</source>
        <translation>启动预案准备</translation>
    </message>
    <message>
        <source>Lifted or cancelled…</source>
        <translation>解除或取消…</translation>
    </message>
    <message>
        <source>Only warnings in force</source>
        <translation>仅显示生效中的预警</translation>
    </message>
    <message>
        <source>Only orange and red</source>
        <translation>仅显示橙色和红色</translation>
    </message>
    <message>
        <source>No warning matches these filters.</source>
        <translation>没有符合筛选条件的预警。</translation>
    </message>
    <message>
        <source>No warnings recorded yet.</source>
        <translation>还没有预警记录。</translation>
    </message>
    <message>
        <source>No warnings recorded yet. When the weather bureau, the police, head office or emergency management sends one, Record a warning… enters it; an orange or red one can start the natural-disaster plan's preparation.</source>
        <translation>还没有预警记录。收到气象、公安、上级行或应急管理部门发布的预警时，点击“登记预警…”登记；橙色或红色预警可启动自然灾害专项应急预案的准备。</translation>
    </message>
    <message>
        <source>Select a warning in force to start its preparation.</source>
        <translation>请先选中一条生效中的预警，再启动预案准备。</translation>
    </message>
    <message>
        <source>Select a warning in force to record its end.</source>
        <translation>请先选中一条生效中的预警，再登记其解除或取消。</translation>
    </message>
    <message>
        <source>This warning is no longer in force.</source>
        <translation>该预警已不再生效。</translation>
    </message>
    <message>
        <source>Its preparation has started: double-click the warning to open it.</source>
        <translation>已启动预案准备：双击该预警可打开。</translation>
    </message>
    <message>
        <source>Start the natural-disaster plan's preparation at this warning's colour.</source>
        <translation>按该预警颜色启动自然灾害专项应急预案的准备。</translation>
    </message>
    <message>
        <source>Record that this warning was lifted or cancelled.</source>
        <translation>登记该预警已解除或取消。</translation>
    </message>
</context>
<context>
    <name>DaysModel</name>
    <message>
        <source>(%1 items)</source>
        <translation>（共 %1 项）</translation>
    </message>
    <message>
        <source>%1, items: %2</source>
        <translation>%1，共 %2 项</translation>
    </message>
</context>
<context>
    <name>OwnPasswordAction</name>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HeadOfficeLibraryPanel</name>
    <message>
        <source>Export the library for branches</source>
        <translation>导出下发各网点的资料库</translation>
    </message>
    <message>
        <source>Library (*.zip)</source>
        <translation>资料库 (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the library</source>
        <translation>正在导出资料库</translation>
    </message>
    <message>
        <source>%1 playbook(s), %2 template(s), %3 rule(s); working-day years: %4.</source>
        <translation>应急预案 %1 项、检查表模板 %2 项、合规规则 %3 项；工作日表年份：%4。</translation>
    </message>
    <message>
        <source>none from this year on</source>
        <translation>无本年起的工作日表</translation>
    </message>
    <message>
        <source>Save the public key for branches</source>
        <translation>保存供各网点信任的公钥</translation>
    </message>
    <message>
        <source>Key files (*.pem)</source>
        <translation>密钥文件 (*.pem)</translation>
    </message>
    <message>
        <source>Each branch trusts it once: read them its fingerprint %1 by phone.</source>
        <translation>各网点只需信任一次：请电话告知其指纹 %1。</translation>
    </message>
    <message>
        <source>Saving the public key</source>
        <translation>正在保存公钥</translation>
    </message>
    <message>
        <source>Store a working-day table</source>
        <translation>保存工作日表</translation>
    </message>
    <message>
        <source>Working-day tables (*.yaml *.yml *.json);;All files (*)</source>
        <translation>工作日表 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Storing the table</source>
        <translation>正在保存工作日表</translation>
    </message>
    <message>
        <source>Nothing changed: the years in this file (%1) are stored as they are.</source>
        <translation>没有变化：此文件中的年份（%1）已按原样保存。</translation>
    </message>
    <message>
        <source>Working-day years added: %1; updated: %2. Every library exported from now on carries them.</source>
        <translation>工作日表已新增年份：%1；已更新：%2。此后导出的资料库都将附带。</translation>
    </message>
    <message>
        <source>Library for branches</source>
        <translation>下发网点资料库</translation>
    </message>
    <message>
        <source>Head office's key (branches trust it)</source>
        <translation>总行密钥（各网点信任此密钥）</translation>
    </message>
    <message>
        <source>Working-day tables cover</source>
        <translation>工作日表覆盖</translation>
    </message>
    <message>
        <source>Export library…</source>
        <translation>导出资料库…</translation>
    </message>
    <message>
        <source>Save public key…</source>
        <translation>保存公钥…</translation>
    </message>
    <message>
        <source>Store working-day table…</source>
        <translation>保存工作日表…</translation>
    </message>
    <message>
        <source>The library carries the approved playbooks and checklist templates, the compliance rules and the working-day tables from this year on, signed with head office's key. Give each branch the public key once; it compares the fingerprint by phone before trusting it. Store the new year's working-day table when the State Council publishes its holidays.</source>
        <translation>资料库包含已批准的应急预案和检查表模板、合规规则以及本年起的工作日表，并以总行密钥签名。公钥只需向各网点提供一次；网点信任前须电话核对指纹。国务院公布新一年节假日安排后，请保存新一年的工作日表。</translation>
    </message>
</context>
<context>
    <name>ScoresBox</name>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Weighted score: %1 / 100</source>
        <translation>加权总分：%1 / 100</translation>
    </message>
</context>
<context>
    <name>ScenarioBox</name>
    <message>
        <source>Type a code or a few characters of the plan</source>
        <translation>输入预案编号或名称中的几个字</translation>
    </message>
</context>
<context>
    <name>HeldDrillDialog</name>
    <message>
        <source>Scenario (playbook)</source>
        <translation>演练场景（预案）</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Record a drill held earlier</source>
        <translation>补录演练</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>举行时间</translation>
    </message>
    <message>
        <source>Paper record</source>
        <translation>纸质记录</translation>
    </message>
    <message>
        <source>e.g. safety register 2026, page 14</source>
        <translation>例如：2026 年安全管理台账第 14 页</translation>
    </message>
    <message>
        <source>Record drill</source>
        <translation>补录演练</translation>
    </message>
    <message>
        <source>Choose the playbook the drill rehearsed.</source>
        <translation>请选择该演练所依据的预案。</translation>
    </message>
    <message>
        <source>A drill held without BranchGuard (before it was installed, or on paper), entered from its paper record: it counts towards the compliance rules from the day it was held, and its report says it was recorded afterwards. Its problems become hazards through “Record hazard…” in the list.</source>
        <translation>补录未使用本系统实施的演练（安装本系统之前，或以纸质方式组织的演练），依据其纸质记录填写：自举行之日起计入演练合规要求，演练报告注明为补录。演练发现的问题请在列表中点击“登记隐患…”登记为隐患。</translation>
    </message>
    <message numerus="yes">
        <source>%n criteria still have no score: type each from the paper form.</source>
        <translation>
            <numerusform>%n 个评分项尚未评分：请依据纸质评分表逐项填写。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scored by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>As the paper form names them; empty: you</source>
        <translation>按纸质评分表填写；留空为本人</translation>
    </message>
    <message>
        <source>Enter the day the drill was held, from its record.</source>
        <translation>请依据记录填写演练举行日期。</translation>
    </message>
    <message>
        <source>Enter the time the drill began, from its record: hh:mm, e.g. 14:30.</source>
        <translation>请依据记录填写演练开始时间：时:分，如 14:30。</translation>
    </message>
    <message>
        <source>The time the drill began is not a time: enter it as hh:mm, e.g. 14:30.</source>
        <translation>演练开始时间格式不对：请按“时:分”填写，如 14:30。</translation>
    </message>
</context>
<context>
    <name>PageKeys</name>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Go to the page at that place in the sidebar</source>
        <translation>切换到侧边栏中对应位置的页面</translation>
    </message>
    <message>
        <source>Next page in the sidebar (after the last, the first)</source>
        <translation>侧边栏中的下一个页面（最后一个之后回到第一个）</translation>
    </message>
    <message>
        <source>Previous page in the sidebar (before the first, the last)</source>
        <translation>侧边栏中的上一个页面（第一个之前回到最后一个）</translation>
    </message>
    <message>
        <source>Go to page: type part of its name, in Chinese or English</source>
        <translation>转到页面：输入页面名称的一部分，中文或英文均可</translation>
    </message>
</context>
<context>
    <name>GoToPageDialog</name>
    <message>
        <source>Go to page</source>
        <translation>转到页面</translation>
    </message>
    <message>
        <source>Type part of a page's name, in Chinese or English; Enter goes there.</source>
        <translation>输入页面名称的一部分，中文或英文均可；按 Enter 前往。</translation>
    </message>
    <message>
        <source>Page name</source>
        <translation>页面名称</translation>
    </message>
    <message>
        <source>No page of yours has that name.</source>
        <translation>您可查看的页面中没有这个名称。</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>DrillKindBoxes</name>
    <message>
        <source>Type</source>
        <translation>演练类型</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Left empty: “Drill: &lt;playbook title&gt;”</source>
        <translation>留空则为“演练：&lt;预案标题&gt;”</translation>
    </message>
    <message>
        <source>Announced in advance</source>
        <translation>预先通知</translation>
    </message>
    <message>
        <source>Unannounced (staff not told)</source>
        <translation>不预先通知（员工事先不知情）</translation>
    </message>
</context>
<context>
    <name>HeldWhen</name>
    <message>
        <source>Enter the date</source>
        <translation>请选择日期</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>时:分</translation>
    </message>
    <message>
        <source>Time the drill began</source>
        <translation>演练开始时间</translation>
    </message>
    <message>
        <source>Day the drill was held</source>
        <translation>演练举行日期</translation>
    </message>
</context>
<context>
    <name>BranchNote</name>
    <message>
        <source>No branch set up: name it in Settings → Branch</source>
        <translation>尚未设置网点：请在“设置 → 网点”中填写</translation>
    </message>
    <message>
        <source>No branch set up: ask the safety lead to set it up</source>
        <translation>尚未设置网点：请联系安全负责人设置</translation>
    </message>
</context>
<context>
    <name>DayGrid</name>
    <message>
        <source>Arrow keys: another day. Enter: its items (Esc: back). Page Up, Page Down: a month.</source>
        <translation>方向键：换一天。回车：查看当天事项（Esc 返回）。Page Up、Page Down：换一个月。</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Register a branch</source>
        <translation>登记网点</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <source>The .pem file the branch made (branchguard key export)</source>
        <translation>网点生成的 .pem 文件（branchguard key export）</translation>
    </message>
    <message>
        <source>The branch's public key</source>
        <translation>网点公钥</translation>
    </message>
    <message>
        <source>Public keys (*.pem);;All files (*)</source>
        <translation>公钥 (*.pem);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LedgerChecker</name>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Verifying every record against the ledger…</source>
        <translation>正在对照账本核验每一项记录…</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (Show Details).</source>
        <translation>
            <numerusform>……另有 %n 条（见“显示详细信息”）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerBand</name>
    <message>
        <source>This record does not match its entry in the evidence ledger</source>
        <translation>此记录与证据账本中的记载不符</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: Verify… on the Audit page names them all</source>
        <translation>
            <numerusform>……另有 %n 处：审计页的“核验…”会逐一列出</numerusform>
        </translation>
    </message>
</context>
</TS>

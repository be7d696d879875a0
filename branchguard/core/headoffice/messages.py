"""English and Chinese text of head office: its database, branches, imports and roll-up."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.ho.init": ("make a head-office database", "建立总行数据库"),
    "action.ho.branch": ("register a branch at head office", "在总行登记网点"),
    "action.ho.import": ("import branch packages", "导入网点数据包"),
    "action.ho.read": ("read the head-office roll-up", "查看总行汇总"),
    "action.page.headoffice.view": ("open head office's Branches page", "打开总行“网点汇总”页面"),
    "field.ho_name": ("Head office name", "总行名称"),
    "field.package": ("Package", "数据包"),
    # the fields of head office's audit events (a branch registered, the head office made)
    "field.ho_branch_code": ("Branch code", "网点编号"),
    "field.ho_branch_name": ("Branch name", "网点名称"),
    "field.ho_branch_fingerprint": ("Key fingerprint", "密钥指纹"),
    "field.head_office_name": ("Head office name", "总行名称"),
    "field.head_office_user": ("Administrator", "管理员"),
    "field.record_kind": ("Kind of record", "记录类别"),
    # the mode of a database
    "ho.not_head_office": (
        "this is a branch database: head-office commands need a head-office database (`branchguard --data-dir FOLDER ho init …` in a new folder)",
        "这是网点数据库：总行命令需要总行数据库（在新文件夹中执行 `branchguard --data-dir 文件夹 ho init …`）",
    ),
    "ho.branch_command": (
        "this is a head-office database: `{command}` is a branch command. Here: ho, user, info, backup, audit, verify",
        "这是总行数据库：`{command}` 是网点命令。此处可用：ho、user、info、backup、audit、verify",
    ),
    "ho.library_command": (
        "this is a head-office database: `library` is a branch command. Head office stores a working-day table with `ho working-days FILE` and writes the library with `ho export library -o FILE.zip`",
        "这是总行数据库：`library` 是网点命令。总行以 `ho working-days 文件` 保存工作日表，以 `ho export library -o 文件.zip` 导出资料库",
    ),
    "ho.already": ("this database is a head office's already", "此数据库已是总行数据库"),
    "ho.branch_database": (
        "this database holds a branch's data or accounts: make head office in a new, empty data folder",
        "此数据库已有网点数据或账户：请在新的空数据文件夹中建立总行",
    ),
    "ho.cli.made": (
        "head office “{name}” made; its administrator is {user}",
        "已建立总行“{name}”，管理员为 {user}",
    ),
    # branches
    "ho.bad_kind": ("“{kind}” is not a kind of record: {kinds}", "“{kind}”不是记录类别：{kinds}"),
    "ho.branch_exists": ("branch {code} is registered already", "网点 {code} 已登记"),
    "ho.key_registered": (
        "this key is branch {code}'s, registered already: choose the key file of the branch to register",
        "该公钥属于已登记的网点 {code}：请选择要登记网点的公钥文件",
    ),
    "ho.bad_key": (
        "{path} is not an Ed25519 public key (use the file `branchguard key export` wrote)",
        "{path} 不是 Ed25519 公钥（请使用 `branchguard key export` 生成的文件）",
    ),
    "ho.cli.branch_added": (
        "branch {code} “{name}” registered, key fingerprint {fingerprint}",
        "已登记网点 {code}“{name}”，密钥指纹 {fingerprint}",
    ),
    # refusals of a package: nothing written
    "ho.package_damaged": (
        "the package file {file} is damaged or is not a zip file (a byte changed in its list of files, "
        "a download cut short, or another file in its place): it cannot be read, so nothing in it was "
        "checked; ask the branch to send it again; refused",
        "数据包文件 {file} 已损坏或不是 zip 文件（其文件目录中有字节被改动、下载不完整，或被其他文件替换）："
        "无法读取，其中内容均未检查；请网点重新发送；拒绝导入",
    ),
    "ho.package.missing": ("it has no {name}", "缺少 {name}"),
    "ho.not_a_package": (
        "{file} is not a BranchGuard package ({error})",
        "{file} 不是 BranchGuard 数据包（{error}）",
    ),
    "ho.is_library": (
        "{file} is a head-office library, not a branch's period package: libraries go down to the "
        "branches (`branchguard library import` there); packages come up from them; refused",
        "{file} 是总行资料库，不是网点的期间数据包：资料库下发各网点（在网点用 `branchguard library import` 导入），"
        "数据包由网点报送；拒绝导入",
    ),
    "ho.is_backup": (
        "{file} is a BranchGuard backup (a data folder's archive), not a branch's period package: ask the "
        "branch for its package (`branchguard export package`); refused",
        "{file} 是 BranchGuard 备份（数据文件夹的归档），不是网点的期间数据包：请网点报送期间数据包"
        "（`branchguard export package`）；拒绝导入",
    ),
    "ho.newer_format": (
        "{file} was made by a newer BranchGuard ({made_by}) in package format {version}; this BranchGuard reads format {supported}: update BranchGuard at head office, then import it again",
        "{file} 由较新版本的 BranchGuard（{made_by}）生成，数据包格式为第 {version} 版；本版本只能读取第 {supported} 版：请先升级总行的 BranchGuard，再重新导入",
    ),
    "ho.schema": (
        "the package's {file} does not follow the published schema: {problem}",
        "数据包中的 {file} 不符合公布的格式：{problem}",
    ),
    "ho.unknown_branch": (
        "branch {code} is not registered at head office: register it with its public key first (`ho branch add`)",
        "网点 {code} 未在总行登记：请先用其公钥登记（`ho branch add`）",
    ),
    "ho.bad_signature": (
        "the package is not signed by branch {code}'s registered key {registered} (it names key {signer}): refused",
        "数据包并非由网点 {code} 登记的密钥 {registered} 签名（包内声称密钥 {signer}）：拒绝导入",
    ),
    "ho.manifest_changed": (
        "manifest.json or manifest.sig was changed after the package was signed (or another key signed it): the signature does not hold under branch {code}'s registered key {registered}, which the manifest names; refused",
        "数据包签名后 manifest.json 或 manifest.sig 被改动（或由其他密钥签名）：签名在网点 {code} 登记的密钥 {registered}（即清单所载密钥）下不成立；拒绝导入",
    ),
    "ho.file_unlisted": (
        "the package holds {file}, which its manifest does not list: refused",
        "数据包含有清单未列出的文件 {file}：拒绝导入",
    ),
    "ho.file_missing": ("the package lacks {file}: refused", "数据包缺少 {file}：拒绝导入"),
    "ho.head_damaged": (
        "the package's {file} is damaged (it does not unpack, or fails the zip's own check): the package was changed or broken after it was made; refused",
        "数据包中的 {file} 已损坏（无法解压，或未通过 zip 自身的校验）：数据包在生成后被改动或损坏；拒绝导入",
    ),
    "ho.file_changed": (
        "{file} in the package differs from its manifest (SHA-256 or size): the package was changed after it was made; refused",
        "数据包中的 {file} 与清单不符（SHA-256 或大小）：数据包在生成后被改动；拒绝导入",
    ),
    "ho.package_too_big": (
        "the files the package's manifest lists are larger together than head office takes in: refused",
        "数据包清单所列文件合计超过总行可接收的大小：拒绝导入",
    ),
    "ho.file_too_big": ("{file} in the package is too large", "数据包中的 {file} 过大"),
    "ho.ledger_broken": (
        "the package's ledger does not chain at entry {seq}: refused",
        "数据包的账本在第 {seq} 条处断链：拒绝导入",
    ),
    "ho.ledger_gap": (
        "branch {code}'s package starts at ledger entry {start}, but head office holds entries up to {held} only: import the packages in between first, or ask the branch to export again from there (export package --after {held})",
        "网点 {code} 的数据包从账本第 {start} 条开始，而总行只有到第 {held} 条：请先导入其间的数据包，或请网点从该处重新导出（export package --after {held}）",
    ),
    # refusals kept in quarantine
    "ho.ledger_rewritten": (
        "branch {code}'s ledger entry {seq} differs from the one head office received before: history was rewritten",
        "网点 {code} 的账本第 {seq} 条与总行此前收到的不同：历史被改写",
    ),
    "ho.package_older": (
        "branch {code}'s package for {period} was made {made}, before its package for {held_period} (made {held_made}) that head office already holds, which carries the ledger further (to entry {held}): it is late and adds nothing; not imported. If head office lacks {period}'s records, ask the branch to export {period} again",
        "网点 {code} 的 {period} 的数据包生成于 {made}，早于总行已收到的该网点 {held_period} 的数据包（生成于 {held_made}，账本已到第 {held} 条）：此包迟到，未导入。如总行缺少 {period} 的记录，请网点重新导出 {period}",
    ),
    "ho.ledger_dropped": (
        "branch {code}'s ledger now ends at entry {seq}, but head office received entries up to {held}: history was dropped",
        "网点 {code} 的账本现止于第 {seq} 条，而总行已收到到第 {held} 条：历史被删除",
    ),
    "ho.quarantined": (
        "refused: {reason}. The package is kept in quarantine: {path}",
        "拒绝导入：{reason}。数据包已隔离保存：{path}",
    ),
    # the command line
    "ho.report.title": ("{name}: regional safety report, {period}", "{name}：地区安全报告（{period}）"),
    "ho.report.short_title": ("Regional safety report {period}", "地区安全报告（{period}）"),  # the page header
    # a year's: the annual summary head office makes at the turn of the year (年度网点安全管理工作汇总)
    "ho.report.year_title": (
        "{name}: annual summary of branch safety management, {period}",
        "{name}：{period}网点安全管理工作汇总",
    ),
    "ho.report.year_short_title": (
        "Annual branch safety summary {period}",
        "{period}网点安全管理工作汇总",
    ),
    # the months of the period a branch has sent no package of
    "ho.report.missing.heading": ("Months not sent", "未报送月份"),
    "ho.report.missing.note": (
        "A month counts as sent with its own package or its quarter's; its figures above hold only"
        " what the packages received carry. A month not yet over is not listed.",
        "某月有当月数据包或所在季度数据包即视为已报送；上表数据仅含已收到数据包所载内容。"
        "尚未结束的月份不列入。",
    ),
    "ho.report.missing.none": (
        "Every branch has sent each month over: {over} of {over}.",
        "各网点均已报送已结束的全部月份（{over}/{over}）。",
    ),
    "ho.report.col.months_sent": ("Months sent", "已报送月份"),
    "ho.report.months_sent": ("{sent} of {over}", "{sent}/{over}"),
    # a period against the one before (a month, a quarter, a year), as head office holds it
    "ho.report.before.heading": ("Compared with {period}", "与{period}对比"),
    "ho.report.before.note": (
        "Each figure is {now}'s, with {before}'s under it and the change. {before} is counted from"
        " the packages of it head office holds (the months sent say how many); a branch of which it"
        " holds none is not compared.",
        "每项上为{now}数据，下为{before}数据及增减。{before}数据按总行持有的该期数据包统计"
        "（见已报送月份）；总行未持有其数据包的网点不作对比。",
    ),
    "ho.report.before.cell": ("{period}: {value} ({change})", "{period}：{value}（{change}）"),
    "ho.report.before.months": ("{period}: {sent}", "{period}：{sent}"),
    "ho.report.before.not_held": ("{period}: none held", "{period}：总行未持有"),
    "ho.report.before.sheet_note": (
        "Each branch's figures for {now} beside {before}'s. {before} is counted from the packages of"
        " it head office holds (its months sent); a branch of which it holds none has those cells"
        " empty.",
        "各网点{now}数据与{before}数据对比。{before}数据按总行持有的该期数据包统计（见上期已报送月份）；"
        "总行未持有其数据包的网点，上期与增减两列留空。",
    ),
    "ho.report.before.none": ("none held", "总行未持有"),
    "ho.report.col.figure": ("Figure", "指标"),
    "ho.report.col.months_sent_before": ("Months sent, period before", "上期已报送月份"),
    "ho.report.col.code": ("Branch code", "网点编号"),
    "ho.report.col.name": ("Branch", "网点"),
    "ho.report.col.packages": ("Packages", "数据包"),
    "ho.report.col.levels": ("By level", "按级别"),
    # drills run (incident log) and those recorded afterwards from paper, not voided
    "ho.report.col.drills": ("Drills held (incl. recorded afterwards)", "演练（含补录）"),
    "ho.report.col.complaints_on_time": ("Complaints answered on time", "投诉按时办结"),
    "ho.report.col.complaints_satisfied": ("Customers satisfied", "客户满意"),
    "ho.report.col.compliance_overdue": ("Drill rules overdue", "逾期演练要求"),
    # what head office can prove, printed under the regional report's table and signed by its anchor
    "ho.report.heads.heading": ("What head office holds of each branch's ledger", "总行持有的各网点账本头"),
    "ho.report.heads.proof": (
        "Each head below came in a package signed by that branch's registered key, its ledger entries"
        " chaining unbroken from the head held before. SHA-256 of this list: {digest}. The anchor"
        " below, signed with head office's key, names it.",
        "下列每个账本头均来自经该网点登记密钥签名的数据包，其账本条目与此前持有的账本头连续衔接、"
        "无断链。本列表的 SHA-256：{digest}。下方由总行密钥签名的锚点载明此值。",
    ),
    "ho.report.heads.sheet": ("Ledger heads", "账本头"),
    "ho.report.heads.col.key": ("Branch key", "网点密钥指纹"),
    "ho.report.heads.col.period": ("Last package", "最近数据包期间"),
    "ho.report.heads.col.seq": ("Ledger entry", "账本条目"),
    "ho.report.heads.col.hash": ("Ledger hash", "账本哈希"),
    "ho.report.heads.col.manifest": ("Manifest SHA-256", "清单 SHA-256"),
    "ho.report.bad_suffix": (
        "{path}: the regional report is written as .pdf or .xlsx",
        "{path}：地区报告只能写为 .pdf 或 .xlsx",
    ),
    "ho.cli.imported": (
        "{file}: branch {code}, period {period}: {records} records, {entries} ledger entries imported",
        "{file}：网点 {code}，期间 {period}：导入 {records} 条记录、{entries} 条账本记录",
    ),
    "ho.resent": (
        "sent again: head office had this period's package, imported {earlier}; the records this one carries replace that one's copies",
        "重新报送：总行已有该期间的数据包（{earlier} 导入），本包所附记录替换原有记录",
    ),
    "ho.cli.imported_again": (
        "{file}: branch {code}, period {period}: sent again (head office had this period's package, imported {earlier}): {records} records, {entries} ledger entries imported, replacing that one's copies",
        "{file}：网点 {code}，期间 {period}：重新报送（总行已有该期间的数据包，{earlier} 导入）：导入 {records} 条记录、{entries} 条账本记录，替换原有记录",
    ),
    "ho.cli.already": (
        "{file}: branch {code}, period {period}: imported before, nothing changed",
        "{file}：网点 {code}，期间 {period}：此前已导入，未作改动",
    ),
    "ho.cli.refused": ("{file}: {reason}", "{file}：{reason}"),
    # the branches table of `ho branches`
    "ho.cli.code": ("Code", "网点号"),
    "ho.cli.name": ("Branch", "网点"),
    "ho.cli.last_period": ("Last period", "最近期间"),
    "ho.cli.incidents": ("Incidents", "事件"),
    "ho.cli.hazards_open": ("Hazards open", "未验收隐患"),
    "ho.cli.overdue": ("Overdue", "逾期"),
    "ho.cli.drill_score": ("Mean drill score (all held)", "演练平均分（全部）"),
    "ho.cli.actions_overdue": ("Actions overdue", "逾期措施"),
    "ho.cli.complaints_open": ("Complaints open", "未办结投诉"),
    "ho.cli.complaints_overdue": ("Complaints overdue", "逾期投诉"),
}

"""English and Chinese text for backups and restores, merged into the message catalogue."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "backup.unrecorded": (
        "the backup {path} was written and is complete, but it could not be recorded in the audit "
        "trail ({error})",
        "备份 {path} 已完整写入，但未能记入审计记录（{error}）",
    ),
    "backup.cannot_upgrade": (
        "the database in {path} cannot be brought up to this version of BranchGuard ({error}); "
        "nothing was changed",
        "{path} 中的数据库无法升级到本版本 BranchGuard 的结构（{error}）；未做任何改动",
    ),
    "action.backup.create": ("make a backup", "备份数据"),
    "action.backup.restore_requested": ("ask for a restore at the next start", "请求在下次启动时恢复"),
    "action.backup.restore_cancelled": ("cancel the restore asked for", "取消待执行的恢复"),
    "action.backup.restore": ("restore a backup", "恢复备份"),
    "backup.restored_at_start": (
        "Restored the backup {archive} (made {at}) as asked by {user}. The data that was here is in {aside}. Database integrity ok; the ledger checked as a whole: {records} records, {incidents} incident logs with {entries} entries, {attachments} attachment files, {ledger} ledger entries: hash chains intact.",
        "已按 {user} 的请求恢复备份 {archive}（生成于 {at}）。原有数据已移至 {aside}。数据库完整性正常；账本整体校验：{records} 条记录、{incidents} 个事件日志共 {entries} 条、{attachments} 个附件文件、{ledger} 条账本记录：哈希链完整。",
    ),
    "backup.restored_at_first_start": (
        "Restored the backup {archive} (made {at}), chosen at the first start on this PC. The data that was here is in {aside}. Database integrity ok; the ledger checked as a whole: {records} records, {incidents} incident logs with {entries} entries, {attachments} attachment files, {ledger} ledger entries: hash chains intact. Log in with an account of the backup.",
        "已恢复在本机首次启动时选择的备份 {archive}（生成于 {at}）。原有数据已移至 {aside}。数据库完整性正常；账本整体校验：{records} 条记录、{incidents} 个事件日志共 {entries} 条、{attachments} 个附件文件、{ledger} 条账本记录：哈希链完整。请使用备份中的账户登录。",
    ),
    "backup.first_restore_accounts": (
        "this database has accounts already: a safety lead restores a backup in Settings → Backups",
        "此数据库已有账户：请由安全负责人在“设置 → 备份”中恢复备份",
    ),
    "backup.restored_check_failed": (
        "Restored the backup {archive}, but the ledger check found problems: {problems}. The data that was here is in {aside}.",
        "已恢复备份 {archive}，但账本校验发现问题：{problems}。原有数据已移至 {aside}。",
    ),
    "backup.restore_at_start_failed": (
        "The restore asked for was not done: {error}. The data in place is unchanged; ask for it again in Settings → Backups.",
        "未执行所请求的恢复：{error}。现有数据未改动；可在“设置 → 备份”中重新请求。",
    ),
    "backup.write_failed": (
        "cannot write the backup {path}: {error}; nothing was written",
        "无法写入备份 {path}：{error}；未写入任何内容",
    ),
    "backup.target_not_a_file": (
        "{path} is not a regular file: choose a file name for the backup",
        "{path} 不是普通文件：请为备份指定文件名",
    ),
    "backup.no_database": ("the database {path} does not exist", "数据库 {path} 不存在"),
    "backup.folder_missing": (
        "the backup folder {path} is not there: is the USB stick or the network drive connected? "
        "Nothing was written",
        "备份文件夹 {path} 不存在：U 盘或网络盘是否已连接？未写入任何内容",
    ),
    "backup.folder_is_a_file": (
        "the backup folder {path} is a file, not a folder; nothing was written",
        "备份文件夹 {path} 是一个文件，不是文件夹；未写入任何内容",
    ),
    "backup.busy": (
        "another backup into {path} is being made; nothing was started: try again when it is done",
        "另一个备份正在写入 {path}；未开始新的备份：请在其完成后再试",
    ),
    "backup.cancelled": (
        "the backup {path} was stopped before it was finished; nothing was written",
        "备份 {path} 在完成前已停止；未写入任何内容",
    ),
    "backup.database_unreadable": (
        "cannot read the database {path}: {error}",
        "无法读取数据库 {path}：{error}",
    ),
    "backup.not_a_file": ("{path} is not a backup file", "{path} 不是备份文件"),
    "backup.not_a_backup": (
        "{path} is not a BranchGuard backup (no valid manifest.json)",
        "{path} 不是 BranchGuard 备份（缺少有效的 manifest.json）",
    ),
    "backup.not_a_zip": (
        "{path} is not a BranchGuard backup (not a zip file, or its end is damaged); nothing was changed",
        "{path} 不是 BranchGuard 备份（不是 zip 文件，或文件末尾已损坏）；未做任何改动",
    ),
    "backup.newer_format": (
        "{path} was made by a newer BranchGuard (backup format {version}); update BranchGuard first",
        "{path} 由更新版本的 BranchGuard 生成（备份格式 {version}），请先升级 BranchGuard",
    ),
    "backup.newer_schema": (
        "{path} holds a database of schema {revision}, newer than this BranchGuard knows; update BranchGuard first, nothing was changed",
        "{path} 中的数据库结构版本为 {revision}，比本程序新；请先升级 BranchGuard，未做任何改动",
    ),
    "backup.unreadable": (
        "{path} is damaged or unreadable ({error}); nothing was changed",
        "{path} 已损坏或无法读取（{error}）；未做任何改动",
    ),
    "backup.file_list_differs": (
        "{path} does not match its manifest ({name}); nothing was changed",
        "{path} 与其清单不符（{name}）；未做任何改动",
    ),
    "backup.file_changed": (
        "{path}: {name} does not match its recorded SHA-256; the archive was changed or damaged, nothing was changed",
        "{path}：{name} 与记录的 SHA-256 不符，备份已被改动或损坏；未做任何改动",
    ),
    "backup.file_too_big": (
        "{path}: {name} is larger than the {limit} MB BranchGuard ever keeps there; refused, nothing was changed",
        "{path}：{name} 超过 BranchGuard 在该处保存的上限 {limit} MB；已拒绝，未做任何改动",
    ),
    "backup.no_room": (
        "{path} needs {needed} MB free on the disk of {folder} to be restored with room to spare, "
        "and there are {free} MB; nothing was changed",
        "恢复 {path} 需要 {folder} 所在磁盘有 {needed} MB 可用空间（含余量），目前只有 {free} MB；未做任何改动",
    ),
    "backup.unsafe_name": (
        "{path} names a file outside the data folder ({name}); refused, nothing was changed",
        "{path} 含有指向数据目录之外的文件名（{name}）；已拒绝，未做任何改动",
    ),
    "backup.holds_no_database": (
        "{path} holds no database (it was made where the database is on PostgreSQL): restoring it here would replace this data folder's database with none; restore it into the PostgreSQL setup it came from",
        "{path} 不含数据库（它在数据库位于 PostgreSQL 的环境中生成）：在此恢复会使本数据目录失去数据库；请恢复到其来源的 PostgreSQL 环境",
    ),
    "backup.needs_sqlite": (
        "this backup holds an SQLite database, but this BranchGuard uses PostgreSQL: restore the database with pg_restore",
        "此备份包含 SQLite 数据库，但当前使用 PostgreSQL：请用 pg_restore 恢复数据库",
    ),
    "backup.database_damaged": (
        "the database in the backup fails its integrity check ({error}); nothing was changed",
        "备份中的数据库未通过完整性检查（{error}）；未做任何改动",
    ),
    "backup.window_open": (
        "BranchGuard is open on {path} (PID {pid}): close it first; nothing was changed",
        "BranchGuard 正在 {path} 上运行（进程 {pid}）：请先关闭；未做任何改动",
    ),
    "backup.window_open_elsewhere": (
        "BranchGuard is open on {path} on another PC ({pcs}): close it there first; nothing was changed. "
        "A window that crashed there keeps this until BranchGuard is started and quit there again",
        "BranchGuard 正在其他电脑（{pcs}）上使用 {path}：请先在那台电脑上关闭；未做任何改动。"
        "若那里的窗口曾异常退出，须在那台电脑上再启动并退出一次 BranchGuard",
    ),
    "backup.in_use": (
        "{path} is in use by another BranchGuard (PID {pids}): close it and try again; nothing was changed",
        "{path} 正被另一个 BranchGuard（进程 {pids}）使用：请先关闭再重试；未做任何改动",
    ),
    "backup.in_use_other": (
        "{path} is locked by another program (not BranchGuard): close the program that has the file "
        "open and try again; nothing was changed",
        "{path} 正被另一个程序（不是 BranchGuard）锁定：请关闭打开该文件的程序后重试；未做任何改动",
    ),
    "backup.restore_failed": (
        "the restore into {path} failed ({error}); the data that was there is back in place",
        "恢复到 {path} 失败（{error}）；原有数据已放回原处",
    ),
    "backup.restore_request_unwritten": (
        "cannot write the restore request {path}: {error}; the backup was not changed and no restore "
        "was asked for",
        "无法写入恢复请求 {path}：{error}；备份文件未受影响，也未请求恢复",
    ),
    "backup.restore_failed_at": (
        "the restore into {path} failed ({file}: {error}); the data that was there is back in place",
        "恢复到 {path} 失败（{file}：{error}）；原有数据已放回原处",
    ),
    "backup.auto_done": ("Today's backup is in {path}", "今日备份已保存到 {path}"),
    "backup.auto_failed": (
        "Today's automatic backup failed: {error}. Check the backup folder in Settings.",
        "今日自动备份失败：{error}。请在设置中检查备份文件夹。",
    ),
    "cli.backup.written": (
        "backup written: {path} ({files} files, {size})",
        "已写入备份：{path}（{files} 个文件，{size}）",
    ),
    # How far a backup is, on a terminal's line (cli/backup.py), rewritten as the bytes are read
    "cli.backup.progress": (
        "Backing up: {done} of {total} read ({percent}%)",
        "正在备份：已读 {done} / {total}（{percent}%）",
    ),
    "cli.backup.pruned": ("older automatic backups removed: {count}", "已删除较早的自动备份：{count} 个"),
    "cli.backup.postgres_note": (
        "the database is PostgreSQL: this archive holds attachments, keys and settings; back up the database with pg_dump",
        "数据库为 PostgreSQL：此备份仅含附件、密钥和设置；数据库请用 pg_dump 备份",
    ),
    "cli.restore.over_damaged": (
        "The database in place, {path}, is damaged ({error}): nobody can log in to it. This restore "
        "sets it aside, not deleted.",
        "现有数据库 {path} 已损坏（{error}），无人能够登录。本次恢复会将其移至一旁保留，不会删除。",
    ),
    "cli.restore.holds": (
        "{path}: made {at} by BranchGuard {version}, schema {revision}; {files} files, {attachments} attachments, {incidents} incidents, {entries} log entries",
        "{path}：{at} 由 BranchGuard {version} 生成，结构版本 {revision}；{files} 个文件、{attachments} 个附件、{incidents} 个事件、{entries} 条日志",
    ),
    "cli.restore.confirm": (
        "Restore it into {path}? The data there now is moved aside first. [y/N] ",
        "恢复到 {path}？当前数据将先移至备用目录。[y/N] ",
    ),
    "cli.restore.needs_yes": (
        "restoring replaces the data in {path}: run on a terminal to confirm, or add --yes",
        "恢复将替换 {path} 中的数据：请在终端中运行以确认，或加上 --yes",
    ),
    "cli.restore.cancelled": ("restore cancelled; nothing was changed", "已取消恢复；未做任何改动"),
    "cli.restore.done": ("restored into {path}", "已恢复到 {path}"),
    "cli.restore.aside": ("the data that was there is in {path}", "原有数据已移至 {path}"),
    "cli.restore.stale_window": (
        "the lock of a BranchGuard window that ended without closing (PID {pid}, since {since}) was "
        "left in the data folder; that process no longer runs, so it did not stop the restore",
        "数据目录中留有一个未正常关闭的 BranchGuard 窗口的锁（进程 {pid}，自 {since} 起）；该进程已不在运行，"
        "因此未阻止恢复",
    ),
    "cli.restore.upgraded": (
        "the backup's database was of an older BranchGuard (schema {old}) and was brought to this "
        "version's (schema {new}) as it was restored; the backup file itself is as it was",
        "备份中的数据库来自较早版本的 BranchGuard（架构 {old}），恢复时已升级到本版本（架构 {new}）；"
        "备份文件本身未改动",
    ),
    "cli.restore.setting_left_out": (
        "not brought back from the backup, as it names a place or server of the PC it was made on: "
        "{name} = {value}; set it again (settings, backup folder, anchor folder) if it still applies",
        "备份中的以下设置未恢复（指向制作备份那台电脑上的位置或服务器）：{name} = {value}；"
        "如仍适用，请重新设置（设置、备份文件夹、锚点文件夹）",
    ),
    "cli.restore.checked": (
        "database integrity ok; the ledger checked as a whole: {records} records, {incidents} incident logs with {entries} entries, {attachments} attachment files, {ledger} ledger entries: hash chains intact",
        "数据库完整性正常；账本整体校验：{records} 条记录、{incidents} 个事件日志共 {entries} 条、{attachments} 个附件文件、{ledger} 条账本记录：哈希链完整",
    ),
}

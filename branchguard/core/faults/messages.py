"""English and Chinese text for faults of the machine, merged into the message catalogue."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "fault.waiting_for": (
        "another BranchGuard (PID {pids}) is writing to the database; retrying…",
        "另一个 BranchGuard（进程 {pids}）正在写入数据库；正在重试…",
    ),
    "fault.waiting": (
        "another program is writing to the database {path}; retrying…",
        "另一个程序正在写入数据库 {path}；正在重试…",
    ),
    "fault.waiting_with": (
        "another program (not BranchGuard) is writing to the database {path}, and BranchGuard (PID "
        "{waiting}) waits for it too; retrying…",
        "另一个程序（不是 BranchGuard）正在写入数据库 {path}，BranchGuard（进程 {waiting}）也在等待它；正在重试…",
    ),
    # said of a read too (a lock can hold one back): "nothing was done", and a change NOT saved
    "fault.locked_by": (
        "the database {path} stayed locked by another BranchGuard (PID {pids}); nothing was done, so a "
        "change was NOT saved. Wait until it has finished (or close it), then try again.",
        "数据库 {path} 一直被另一个 BranchGuard（进程 {pids}）锁定；本次操作未执行，如有更改也未保存。"
        "请等它完成（或将其关闭）后重试。",
    ),
    "fault.locked": (
        "the database {path} stayed locked by another program; nothing was done, so a change was NOT "
        "saved. Close the program that has the file open, then try again.",
        "数据库 {path} 一直被另一个程序锁定；本次操作未执行，如有更改也未保存。请关闭打开该文件的程序后重试。",
    ),
    "fault.locked_waiting": (
        "the database {path} stayed locked by another program, not BranchGuard (BranchGuard on this "
        "folder waited for it too: PID {waiting}); nothing was done, so a change was NOT saved. Close "
        "the program that has the file open, then try again.",
        "数据库 {path} 一直被另一个程序（不是 BranchGuard）锁定（此目录上的 BranchGuard 也在等待它：进程 {waiting}）；"
        "本次操作未执行，如有更改也未保存。请关闭打开该文件的程序后重试。",
    ),
    "fault.full": (
        "the disk holding {folder} is full ({error}); this change was NOT saved, everything saved "
        "before is kept. Free some space on the disk, then try again.",
        "{folder} 所在的磁盘已满（{error}）；本次更改未保存，之前已保存的内容均完好。"
        "请清理磁盘空间后重试。",
    ),
    "fault.read_only": (
        "the data folder {folder} is read-only ({error}); this change was NOT saved. Viewing, reports "
        "and verify still work; to make changes, give this account write access to the folder.",
        "数据目录 {folder} 为只读（{error}）；本次更改未保存。查看、报告和校验仍可使用；"
        "如需修改，请为当前账户开放该目录的写权限。",
    ),
    "fault.no_permission": (
        "this account has no permission for {file} in the data folder {folder} ({error}); nothing "
        "was done, so a change was NOT saved. Give this account read and write access to the folder "
        "and everything in it (or have IT do it), then try again.",
        "当前账户无权访问数据目录 {folder} 中的 {file}（{error}）；本次操作未执行，如有更改也未保存。"
        "请为当前账户开放该目录及其中所有内容的读写权限（或请 IT 人员处理）后重试。",
    ),
    "fault.io": (
        "the disk holding {folder} failed to read or write the database {path} ({error}); this change "
        "was NOT saved, everything saved before is kept. Check that the disk is attached and has free "
        "space (or have IT check it), then try again.",
        "{folder} 所在的磁盘读写数据库 {path} 失败（{error}）；本次更改未保存，之前已保存的内容均完好。"
        "请确认磁盘已连接且有剩余空间（或请 IT 人员检查）后重试。",
    ),
    "fault.lock_unwritable": (
        "cannot write the window's lock file {path} ({error}), so the window was not opened. Check that "
        "the disk holding {folder} has free space and that this account may write there, then try "
        "again.",
        "无法写入窗口的锁文件 {path}（{error}），因此未打开窗口。请确认 {folder} 所在的磁盘有剩余空间且当前账户"
        "可以写入，然后重试。",
    ),
    "fault.corrupt": (
        "the database file {path} is damaged or is not a BranchGuard database ({error}); nothing was "
        "changed. Restore the latest backup (branchguard restore FILE) or have IT check the file.",
        "数据库文件 {path} 已损坏或不是 BranchGuard 数据库（{error}）；未做任何改动。"
        "请恢复最近的备份（branchguard restore 文件）或请 IT 人员检查该文件。",
    ),
    "fault.cannot_open": (
        "cannot open the database file {path} ({error}); nothing was changed. Check that the data "
        "folder {folder} exists and that this account may read it.",
        "无法打开数据库文件 {path}（{error}）；未做任何改动。请确认数据目录 {folder} 存在且当前账户可以读取。",
    ),
    "fault.login_refused": (
        "the database server {server} refused ({error}): check the user name and its password "
        "(keyring or ~/.pgpass), the database name in the address, and that this login owns the "
        "database (README, PostgreSQL); nothing was done",
        "数据库服务器 {server} 拒绝了请求（{error}）：请检查地址中的用户名及其密码（密钥环或 ~/.pgpass）、"
        "数据库名，以及该登录名是否拥有此数据库（见 README 的 PostgreSQL 一节）；未执行任何操作",
    ),
    # said of a screen's refresh as of a save: "this change was NOT saved" where nobody changed anything
    "fault.unreachable": (
        "the database server {server} cannot be reached ({error}): nothing is read or saved until it "
        "is back, a change being saved was NOT saved, everything saved before is kept on the server. "
        "Check that the server runs and the network is up, then try again.",
        "无法连接数据库服务器 {server}（{error}）：恢复连接前无法读取或保存，正在保存的更改未保存，"
        "之前已保存的内容仍在服务器上。请确认服务器在运行、网络畅通后重试。",
    ),
    "fault.opened_read_only": (
        "the data folder {folder} is opened read-only: viewing, reports and verify work; changes are "
        "disabled.",
        "数据目录 {folder} 以只读方式打开：可查看、生成报告和校验；不能修改。",
    ),
    "field.data_dir": ("Data folder", "数据目录"),
    "field.db_url": ("Database address", "数据库地址"),
    "fault.conflict": (
        "another change made the same record at the same moment and was saved first: nothing of this "
        "change was saved; look at what is there now and try again if it is still needed",
        "另一处更改同时写入了同一条记录并已先保存：本次更改的内容均未保存；请查看现有内容，如仍需要请重试",
    ),
    "fault.interrupted": (
        "interrupted: what was not finished was not saved",
        "已中断：未完成的操作没有保存",
    ),
    "fault.file_unwritable": (
        "cannot write {path}: {error}. Nothing of it was written; choose another place",
        "无法写入 {path}：{error}。该文件未写入任何内容；请另选位置",
    ),
    # a file the user chose (an export, a report saved as PDF, a file to import) the system would
    # not let this account use: a folder it may not write, a file another program holds open
    "fault.file_no_permission": (
        "cannot use {path}: {error}. This account may not read or write it there, or another program "
        "(a PDF viewer, say) has it open; close that program or choose another file or place",
        "无法使用 {path}：{error}。当前账户无权在该处读写此文件，或另一个程序（例如 PDF 阅读器）正打开该文件；"
        "请关闭该程序，或另选文件或位置",
    ),
    "fault.file_unusable": (
        "cannot use {path}: {error}. Nothing was changed; check that the file or folder is there, or "
        "choose another",
        "无法使用 {path}：{error}。未做任何更改；请确认该文件或文件夹存在，或另选",
    ),
    "fault.data_dir_not_folder": (
        "{path} is a file, not a folder: --data-dir names the folder BranchGuard keeps its data in",
        "{path} 是文件而不是文件夹：--data-dir 应为 BranchGuard 存放数据的文件夹",
    ),
    "fault.bad_db_url": (
        "{url} is not a database BranchGuard can open: give sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DATABASE",
        "{url} 不是 BranchGuard 可以打开的数据库：请使用 sqlite:///文件 或 "
        "postgresql+psycopg://用户@主机/数据库",
    ),
    "fault.no_database": (
        "there is no BranchGuard data in {folder}: check --data-dir (a new branch is set up in the "
        "window, or with `branchguard user add NAME --role lead --branch-name BRANCH`; `branchguard demo` "
        "fills a new folder with demo data)",
        "{folder} 中没有 BranchGuard 数据：请检查 --data-dir（新网点可在窗口中设置，或用 "
        "`branchguard user add 用户名 --role lead --branch-name 网点名称` 设置；`branchguard demo` "
        "可在新文件夹中写入演示数据）",
    ),
    "fault.database_lost": (
        "the database {file} is missing or empty, but {folder} holds the attachments or the signing "
        "key of a branch that had one: nothing was created, so as not to start over on top of them. "
        "Restore the last backup (`branchguard restore`), or choose another data folder",
        "数据库 {file} 不存在或为空，但 {folder} 中仍有原网点的附件或签名密钥：为免在其上重新开始，未创建任何内容。"
        "请恢复最近的备份（`branchguard restore`），或选择其他数据目录",
    ),
    "fault.database_missing": (
        "the database {file} is missing or empty, so nothing was opened: if it was lost, restore the "
        "last backup (`branchguard restore`); else check --data-dir",
        "数据库 {file} 不存在或为空，未打开任何数据：如已丢失，请恢复最近的备份（`branchguard restore`）；"
        "否则请检查 --data-dir",
    ),
    "fault.settings_unreadable": (
        "{path} cannot be read ({where}): correct it in a text editor, or move it out of the data "
        "folder to start with the default settings",
        "无法读取 {path}（{where}）：请用文本编辑器改正，或将其移出数据目录，以默认设置启动",
    ),
    "fault.settings_not_utf8": ("not UTF-8 text at byte {byte}", "第 {byte} 字节起不是 UTF-8 文本"),
    "fault.settings_line": ("line {line} is not right", "第 {line} 行有误"),
    "fault.settings_syntax": ("it is not an INI file", "不是 INI 格式"),
    # settings.ini the system would not let be written (LocalSettings.set): said in the window and
    # on the command line alike
    "fault.settings_unwritable": (
        "cannot write the settings file {path} ({error}); the setting was NOT changed, the file is "
        "as it was. Check that the disk has free space and that this account may write there, then "
        "try again.",
        "无法写入设置文件 {path}（{error}）；该设置未更改，文件保持原样。请确认磁盘有剩余空间且当前账户可以写入，"
        "然后重试。",
    ),
    "fault.read_only_no_database": (
        "there is no database in {folder} to open read-only",
        "{folder} 中没有可以只读打开的数据库",
    ),
    "fault.read_only_outdated": (
        "the database {path} is of an older BranchGuard and must be upgraded, which a read-only data "
        "folder does not allow; nothing was changed. Open it once with write access.",
        "数据库 {path} 来自旧版 BranchGuard，需要升级，而只读数据目录无法升级；未做任何改动。"
        "请在有写权限时打开一次。",
    ),
    # The system's own words for the errors a person meets, in the reader's language (strerror is
    # the system's: English on Linux whatever the language chosen); the English is Linux's own.
    "os.no_such_file": ("No such file or directory", "文件或文件夹不存在"),
    "os.access_denied": ("Permission denied", "没有访问权限"),
    "os.not_permitted": ("Operation not permitted", "不允许此操作"),
    "os.read_only": ("Read-only file system", "只读文件系统"),
    "os.disk_full": ("No space left on device", "磁盘空间已满"),
    "os.quota": ("Disk quota exceeded", "超出磁盘配额"),
    "os.is_folder": ("Is a directory", "这是一个文件夹"),
    "os.not_a_folder": ("Not a directory", "不是文件夹"),
    "os.exists": ("File exists", "文件已存在"),
    "os.busy": ("Device or resource busy", "正被其他程序使用"),
    "os.io_error": ("Input/output error", "读写错误（磁盘或网络共享）"),
    "os.name_too_long": ("File name too long", "文件名过长"),
}

"""English and Chinese text for user accounts: sign-in, lockout, account fields and actions."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "auth.disabled_since_login": (
        "account '{username}' was disabled after it logged in: nothing was saved",
        "账户“{username}”在登录后已被停用：未保存任何内容",
    ),
    "auth.role_changed_since_login": (
        "the role of account '{username}' was changed to {role} after it logged in: nothing was saved; "
        "lock the window (Ctrl+L) and log in again",
        "账户“{username}”的角色在登录后已改为{role}：未保存任何内容；请锁定窗口（Ctrl+L）后重新登录",
    ),
    "user.audit.password_changed": ("password changed", "密码已更改"),
    "validation.password_short": (
        "must be at least {min} characters long",
        "至少需要 {min} 个字符",
    ),
    "validation.username_taken": ("user '{value}' already exists", "用户“{value}”已存在"),
    "validation.username_reserved": (
        "'{value}' is the name BranchGuard signs its own entries with: choose another",
        "“{value}”是 BranchGuard 自身记录所用的名称：请另选一个",
    ),
    "validation.first_lead_exists": (
        "the safety-lead account has already been created",
        "安全负责人账户已经创建",
    ),
    "validation.last_lead_disabled": (
        "the last active safety-lead account cannot be disabled: make another account a safety lead first",
        "不能停用最后一个有效的安全负责人账户：请先将另一账户设为安全负责人",
    ),
    "validation.last_lead": (
        "the last active safety-lead account cannot be removed or demoted",
        "不能删除或降级最后一个有效的安全负责人账户",
    ),
    "field.display_name": ("Display name", "显示名称"),
    "field.password": ("Password", "密码"),
    "field.current_password": ("Current password", "当前密码"),
    "validation.password_blank": ("a password cannot be only spaces", "密码不能只含空格"),
    "validation.current_password_wrong": (
        "this is not your current password: nothing was changed",
        "当前密码不正确：未作任何更改",
    ),
    "auth.no_account": ("this is no one's account: there is no password to change", "此身份没有账户，无密码可改"),
    "field.lockout_threshold": ("Wrong passwords before lock", "锁定前允许的错误次数"),
    "field.lockout_minutes": ("Lock duration (minutes)", "锁定时长（分钟）"),
    # auth and permissions
    "cli.login.no_user": (
        "this command needs a login: give --user NAME or set {env}",
        "此命令需要登录：请使用 --user 用户名 或设置 {env}",
    ),
    "cli.login.prompt_ended": (
        "no password was typed (the input ended): nothing was done",
        "未输入密码（输入已结束）：未执行任何操作",
    ),
    "cli.login.no_password": (
        "no password: type it at a terminal, or use --password-stdin or {env}",
        "缺少密码：请在终端中输入，或使用 --password-stdin 或 {env}",
    ),
    "cli.login.stdin_empty": (
        "--password-stdin: standard input holds no password line",
        "--password-stdin：标准输入中没有密码行",
    ),
    "cli.login.prompt": ("Password for {username}: ", "{username} 的密码："),
    "cli.account.first_must_lead": (
        "the first account must be a safety lead (--role lead): nobody could add the others",
        "第一个账户必须是安全负责人（--role lead），否则无人能添加其他账户",
    ),
    "cli.account.first_names_branch": (
        "the first account names the branch too, as the window's first start does: add --branch-name "
        "NAME (and --branch-code CODE)",
        "创建第一个账户时须一并填写（与窗口首次启动时一致）：请加上 --branch-name 网点名称"
        "（及 --branch-code 网点编号）",
    ),
    "cli.login_locked_read_only": (
        "(It was the login's record that waited. Only reading? --read-only reads at once.)",
        "（等待的是登录记录的写入。只需查看？加 --read-only 可立即读取。）",
    ),
    "cli.account.unlocked": ("'{username}' can log in again", "“{username}”可以重新登录"),
    "cli.account.password_mismatch": ("the two passwords differ", "两次输入的密码不一致"),
    "auth.bad_credentials": ("Wrong user name or password", "用户名或密码错误"),
    "auth.locked": (
        "Account '{username}' is locked after too many wrong passwords until {until}",
        "账户“{username}”因多次密码错误已锁定，解锁时间 {until}",
    ),
    "auth.wait": (
        "Too many wrong passwords for '{username}': try again in {seconds} s",
        "账户“{username}”密码错误次数过多：请 {seconds} 秒后再试",
    ),
    "auth.inactive": ("Account '{username}' is disabled", "账户“{username}”已停用"),
    "auth.username_empty": ("Enter the user name", "请输入用户名"),
    "auth.password_empty": ("Enter the password", "请输入密码"),
    # the audit trail's failed logins and locks (the actor is the system: nobody is logged in)
    "user.audit.no_such_user": ("'{username}': no such account", "“{username}”：无此账户"),  # older rows
    # a name no account has, masked: it may be a password typed in the name field
    "user.audit.no_such_user_masked": (
        "'{initial}…' ({length} characters): no such account",
        "“{initial}…”（{length} 个字符）：无此账户",
    ),
    "user.audit.disabled": (
        "{username}: the account is disabled (the password was right)",
        "{username}：账户已停用（密码正确）",
    ),
    "user.audit.wrong_password": (
        "{username}: wrong password ({n}/{threshold})",
        "{username}：密码错误（{n}/{threshold}）",
    ),
    "user.audit.wrong_password_wait": (
        "{username}: wrong password ({n}/{threshold}), next try after {seconds} s",
        "{username}：密码错误（{n}/{threshold}），{seconds} 秒后方可再试",
    ),
    "user.audit.wrong_password_locked": (
        "{username}: wrong password, checked while another try locked the account: not counted",
        "{username}：密码错误，核对期间另一次尝试已锁定账户：不计入次数",
    ),
    "user.audit.locked": ("{username} locked until {until}", "{username} 已锁定，至 {until} 解锁"),
    "user.audit.tried_locked": (
        "{username}: a try while the account waits until {until}, refused unchecked: not counted",
        "{username}：账户等待至 {until}，期间的尝试未核对即被拒绝：不计入次数",
    ),
    "action.user.create": ("create user accounts", "创建用户账户"),
    "action.user.update": ("change user accounts", "修改用户账户"),
    "action.user.list": ("list user accounts", "查看用户账户"),
    "action.user.names": ("read the names of user accounts", "查看用户姓名"),
    "action.user.unlock": ("unlock user accounts", "解锁用户账户"),
    "action.user.login": ("log in", "登录"),
    "action.user.login_failed": ("failed login", "登录失败"),
    "action.user.locked": ("account locked", "账户锁定"),
    "action.user.pc_clock_off": ("PC clock off the server's", "电脑时钟与服务器不一致"),
    "action.user.refused": ("refused: not allowed for the role", "拒绝：角色无此权限"),
    "entity.user": ("User", "用户"),
    "field.locked_until": ("Locked until", "锁定至"),
}

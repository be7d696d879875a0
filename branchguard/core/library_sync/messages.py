"""English and Chinese text for the head-office library and the working-day table."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.library.read": ("see the head-office library state", "查看总行资料库状态"),
    "action.library.export": ("export the head-office library", "导出总行资料库"),
    "action.library.trust": ("trust a head-office key", "信任总行密钥"),
    "action.library.import": ("import the head-office library", "导入总行资料库"),
    "action.library.calendar": ("set the working-day table", "设置工作日表"),
    "field.working_day_file": ("Working-day table file", "工作日表文件"),
    "field.working_day_table": ("Working-day table", "工作日表"),
    "field.library_file": ("Library file", "资料库文件"),
    "field.library_member": ("Library member {name}", "资料库成员 {name}"),
    "ledger.entity.trusted_key": ("trusted key {id}", "受信任密钥 {id}"),
    "ledger.entity.working_day_year": ("working-day year {id}", "工作日表 {id} 年"),
    "ledger.entity.library_import": ("library import {id}", "资料库导入 {id}"),
    # working days
    "working_days.beyond": (
        "{dates} is beyond every holiday table this installation has (it covers {covered}): whether "
        "it is a working day is not known. Import the head-office library with that year's table",
        "{dates} 超出本机所有节假日表的范围（覆盖 {covered} 年）：无法确定是否为工作日。"
        "请导入含该年份工作日表的总行资料库",
    ),
    # the working-day table document
    "library.days.wrong_format": (
        "not a working-day table: format must be {expected}",
        "不是工作日表：format 应为 {expected}",
    ),
    "library.days.wrong_version": (
        "working-day table version {version} is not supported (this version reads {supported})",
        "不支持工作日表版本 {version}（本程序读取版本 {supported}）",
    ),
    "library.days.unknown_field": ("unknown field", "未知字段"),
    "library.days.no_years": ("the table lists no year", "表中没有任何年份"),
    "library.days.year_twice": ("year {year} is listed twice", "{year} 年重复出现"),
    "library.days.not_a_year": (
        "each year must be a mapping with year, holidays and workdays",
        "每个年份须包含 year、holidays 和 workdays",
    ),
    "library.days.bad_year": (
        "the year must be a whole number from {low} to {high}",
        "年份须为 {low} 至 {high} 之间的整数",
    ),
    "library.days.no_holidays": (
        "{year} lists no days off: a year's table must list its public holidays",
        "{year} 年未列出任何假日：每年的表须列出法定节假日",
    ),
    "library.days.bad_period": (
        "a holiday is {name, date} or {name, from, to}",
        "假日应写为 {name, date} 或 {name, from, to}",
    ),
    "library.days.bad_text": (
        "text is required and at most {limit} characters",
        "须填写文字，且不超过 {limit} 个字符",
    ),
    "library.days.bad_date": ("{value} is not a date like 2027-10-01", "{value} 不是形如 2027-10-01 的日期"),
    "library.days.bad_run": (
        "{first} to {last} is not a holiday period (from must not be after to; at most a month)",
        "{first} 至 {last} 不是有效的假期（起始不得晚于结束；最长一个月）",
    ),
    "library.days.other_year": ("{date} is not in {year}", "{date} 不在 {year} 年内"),
    "library.days.twice": ("{date} is listed twice", "{date} 重复出现"),
    "library.days.off_and_worked": (
        "{date} is both a day off and a make-up workday",
        "{date} 既是假日又是调休上班日",
    ),
    "library.days.workday_weekday": (
        "{date} is a weekday: make-up workdays are Saturdays or Sundays",
        "{date} 是工作日：调休上班日应为周六或周日",
    ),
    # members
    "library.member_format": (
        "not the expected document (format {expected}, version 1)",
        "不是预期的文件（format {expected}，版本 1）",
    ),
    "library.record_bad": ("record {n}: {error}", "第 {n} 条：{error}"),
    "library.record_field": ("a field is missing or malformed ({error})", "字段缺失或格式错误（{error}）"),
    "library.code_twice": ("code {code} appears twice", "编号 {code} 重复出现"),
    # refusals: nothing is written
    "library.not_zip": (
        "{path} is not a head-office library (not a zip file, or one cut short)",
        "{path} 不是总行资料库（不是 zip 文件，或文件不完整）",
    ),
    "library.damaged": (
        "the library file {path} is damaged (a byte changed in its list of files): nothing in it could "
        "be checked; ask head office to send it again; refused",
        "资料库文件 {path} 已损坏（其文件目录中有字节被改动）：无法检查其中任何内容；请总行重新下发；拒绝导入",
    ),
    "library.is_backup": (
        "{path} is a BranchGuard backup (a data folder's archive), not a head-office library: a backup is restored (`branchguard restore`), never imported; refused",
        "{path} 是 BranchGuard 备份（数据文件夹的归档），不是总行资料库：备份应予恢复（`branchguard restore`），不可导入；拒绝导入",
    ),
    "library.is_package": (
        "{path} is a branch's period package, not a head-office library: packages go up to head office (`branchguard ho import`); libraries come down from it; refused",
        "{path} 是网点的期间数据包，不是总行资料库：数据包报送总行（`branchguard ho import`），资料库由总行下发；拒绝导入",
    ),
    "library.member_unlisted": (
        "the library holds {name}, which its signed manifest does not list: refused",
        "资料库包含已签名清单中未列出的 {name}：拒绝导入",
    ),
    "library.too_big": (
        "the library's content comes to {size} MB, more than the {limit} MB a library may hold: refused",
        "资料库内容共 {size} MB，超过资料库上限 {limit} MB：拒绝导入",
    ),
    "library.member_twice": ("the library holds {name} twice: refused", "资料库中 {name} 出现两次：拒绝导入"),
    "library.member_unreadable": (
        "{name} in the library cannot be read ({error}): the file is damaged",
        "无法读取资料库中的 {name}（{error}）：文件已损坏",
    ),
    "library.member_missing": (
        "{name} is listed in the signed manifest but missing from the library: refused",
        "已签名清单列出的 {name} 在资料库中缺失：拒绝导入",
    ),
    "library.member_changed": (
        "{name} differs from what head office signed (size or SHA-256): the library was changed after signing; nothing was imported",
        "{name} 与总行签名时不一致（大小或 SHA-256）：资料库在签名后被改动；未导入任何内容",
    ),
    "library.no_trust": (
        "no head-office key is trusted yet: the lead runs `branchguard trust head-office KEY_FILE` with the key file from head office first",
        "尚未信任任何总行密钥：请负责人先用总行提供的密钥文件运行 `branchguard trust head-office KEY_FILE`",
    ),
    "library.no_manifest": (
        "{path} has no manifest: it is not a head-office library",
        "{path} 没有清单：不是总行资料库",
    ),
    "library.unsigned": (
        "{path} is not signed (no manifest.sig): an unsigned library is never imported",
        "{path} 未签名（缺少 manifest.sig）：未签名的资料库一律不予导入",
    ),
    "library.bad_signature_file": (
        "manifest.sig does not hold an Ed25519 signature: refused",
        "manifest.sig 不是 Ed25519 签名：拒绝导入",
    ),
    "library.foreign": (
        "this library is signed by key {signer}, not by the trusted head-office key {trusted}: refused. If head office changed its key, trust the new key file first",
        "此资料库由密钥 {signer} 签署，而非受信任的总行密钥 {trusted}：拒绝导入。如总行已更换密钥，请先信任新的密钥文件",
    ),
    "library.bad_signature": (
        "the signature does not match the manifest under the trusted head-office key {trusted}: the library was changed after signing, or signed by another key; refused",
        "签名与清单在受信任的总行密钥 {trusted} 下不符：资料库在签名后被改动，或由其他密钥签署；拒绝导入",
    ),
    "library.manifest_bad": (
        "the signed manifest does not follow the library format ({problem})",
        "已签名清单不符合资料库格式（{problem}）",
    ),
    "library.plan_not_in_force": (
        "the library's checklist {code} item {n} starts plan {plan}, which is not approved here and "
        "not in this library: ask head office for a library that includes it",
        "资料库的检查模板 {code} 第 {n} 项启动预案 {plan}，该预案在本机没有已批准的版本，资料库中也没有："
        "请向总行索取包含该预案的资料库",
    ),
    "library.plan_is_guide": (
        "the library's checklist {code} item {n} starts {plan}, which is a service guide, never "
        "started as an incident: ask head office for a library whose checklist names an emergency plan",
        "资料库的检查模板 {code} 第 {n} 项启动的 {plan} 是服务指引，不能作为突发事件启动："
        "请向总行索取改选应急预案的资料库",
    ),
    "library.plans_refused": (
        "Nothing was imported: a signed library is applied whole or not at all, and items of its "
        "checklists start a plan that would not be in force here:\n{problems}",
        "未导入任何内容：已签署的资料库只能整体导入，而其检查模板中有以下各项启动的预案在本机不会生效：\n{problems}",
    ),
    "library.cli.plans_block": (
        "This library cannot be imported: a signed library is applied whole or not at all, and "
        "these items of its checklists start a plan that would not be in force here:",
        "此资料库无法导入：已签署的资料库只能整体导入，而其检查模板中以下各项启动的预案在本机不会生效：",
    ),
    "library.older": (
        "this library was made {made}, before the one already imported ({last}): importing it would undo newer content; refused",
        "此资料库生成于 {made}，早于已导入的资料库（{last}）：导入将覆盖较新的内容；拒绝导入",
    ),
    "library.version_note": ("from the head-office library of {issuer}", "来自 {issuer} 的总行资料库"),
    # key files
    "library.key_private": (
        "this is a private key: head office gives branches its public key only (never send a private key)",
        "这是私钥：总行只向支行提供公钥（切勿传送私钥）",
    ),
    "library.key_weak": (
        "this key is of a kind anyone can sign for (a point of small order, such as 64 zeros): it "
        "is not head office's; ask head office for its key file again",
        "此密钥属于任何人都能代为签名的一类（小阶点，例如 64 个 0）：不是总行的密钥；请向总行重新索取密钥文件",
    ),
    "library.key_bad": (
        "not a public key: expected a PEM file (BEGIN PUBLIC KEY) or the key's 64 hex digits",
        "不是公钥：应为 PEM 文件（BEGIN PUBLIC KEY）或 64 位十六进制密钥",
    ),
    "library.key_not_ed25519": ("the key is not an Ed25519 key", "该密钥不是 Ed25519 密钥"),
    # command line
    "library.kind.playbooks": ("Playbooks", "应急预案"),
    "library.kind.templates": ("Checklist templates", "检查表模板"),
    "library.kind.rules": ("Compliance rules", "合规规则"),
    "library.kind.years": ("Working-day years", "工作日表年份"),
    "library.cli.kind": ("What", "内容"),
    "library.cli.added": ("New", "新增"),
    "library.cli.updated": ("Updated", "更新"),
    "library.cli.unchanged": ("Unchanged", "未变"),
    "library.cli.exported": (
        "Library written to {path}: {playbooks} playbook(s), {templates} checklist template(s), {rules} compliance rule(s), working days for {years}",
        "资料库已写入 {path}：应急预案 {playbooks} 项，检查表模板 {templates} 项，合规规则 {rules} 项，工作日表 {years} 年",
    ),
    "library.cli.signed_by": (
        "Signed by key {fingerprint}: branches must trust this key",
        "由密钥 {fingerprint} 签署：支行须信任此密钥",
    ),
    "library.cli.key_written": ("Public key for branches written to {path}", "供支行使用的公钥已写入 {path}"),
    "library.cli.trusted": (
        "Head-office key {fingerprint} is trusted from now on: compare it with the fingerprint head office states",
        "今后信任总行密钥 {fingerprint}：请与总行公布的指纹核对",
    ),
    "library.cli.trust_replaced": (
        "Head-office key {fingerprint} is trusted from now on, in place of {before}",
        "今后信任总行密钥 {fingerprint}，取代 {before}",
    ),
    "library.cli.already_trusted": (
        "Head-office key {fingerprint} is already the trusted key: nothing changed",
        "总行密钥 {fingerprint} 已受信任：无变化",
    ),
    "library.cli.from": (
        "Library of {issuer}, made {made}, signed by the trusted key {fingerprint}",
        "{issuer} 的资料库，生成于 {made}，由受信任密钥 {fingerprint} 签署",
    ),
    "library.cli.nothing": (
        "Nothing to change: this installation already holds everything in the library",
        "无需更改：本机已包含资料库中的全部内容",
    ),
    "library.cli.dry_run": (
        "Preview only: nothing was written (run again without --dry-run to import)",
        "仅为预览：未写入任何内容（去掉 --dry-run 再次运行即可导入）",
    ),
    "library.cli.applied": ("Imported in one transaction", "已在一个事务中导入"),
    "library.cli.no_trust": (
        "Trusted head-office key: none (branchguard trust head-office KEY_FILE)",
        "受信任的总行密钥：无（branchguard trust head-office KEY_FILE）",
    ),
    "library.cli.trusted_key": (
        "Trusted head-office key: {fingerprint} (set by {by})",
        "受信任的总行密钥：{fingerprint}（由 {by} 设置）",
    ),
    "library.cli.no_import": ("Last library imported: none", "最近导入的资料库：无"),
    "library.cli.last_import": (
        "Last library imported: {issuer}, made {made}, imported {at} by {by}",
        "最近导入的资料库：{issuer}，生成于 {made}，由 {by} 于 {at} 导入",
    ),
    "library.cli.covered": ("Working-day tables cover: {years}", "工作日表覆盖：{years}"),
    "library.cli.year": ("Year", "年份"),
    "library.cli.days_off": ("Days off", "休息日"),
    "library.cli.workdays": ("Make-up workdays", "调休上班日"),
    "library.cli.source": ("Source", "来源"),
    "library.cli.next_year_missing": (
        "no working-day table for {year} yet: import the head-office library once head office has it",
        "尚无 {year} 年的工作日表：总行发布后请导入总行资料库",
    ),
    "library.cli.days_unchanged": (
        "The working-day table already holds {years} as in the file: nothing changed",
        "工作日表中 {years} 年已与文件一致：无变化",
    ),
    "library.cli.days_stored": (
        "Working-day table stored: new {added}; updated {updated}. Libraries exported from now on carry it",
        "工作日表已保存：新增 {added}；更新 {updated}。今后导出的资料库将包含它",
    ),
    "library.cli.working": ("{date}: working day ({source})", "{date}：工作日（{source}）"),
    "library.cli.day_off": ("{date}: day off, {holiday} ({source})", "{date}：休息日，{holiday}（{source}）"),
}

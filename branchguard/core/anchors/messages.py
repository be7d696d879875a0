"""English and Chinese text for anchors (signed ledger heads kept outside the database)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.anchor.stamp": ("sign a document's ledger head", "为文件签署账本头"),
    "action.anchor.verify": ("check anchors against the data", "用锚点核验数据"),
    "action.anchor.configure": ("choose the anchor folder", "选择锚点文件夹"),
    "field.anchor_folder": ("Anchor folder", "锚点文件夹"),
    # the signing key
    "anchor.key_unreadable": ("cannot read the signing key {path}: {error}", "无法读取签名密钥 {path}：{error}"),
    "anchor.key_damaged": (
        "the signing key {path} is damaged: it holds no Ed25519 private key; put the keys folder back from a backup",
        "签名密钥 {path} 已损坏：其中没有 Ed25519 私钥；请从备份中恢复 keys 文件夹",
    ),
    "anchor.key_unwritable": ("cannot make the signing key {path}: {error}", "无法生成签名密钥 {path}：{error}"),
    # the anchor folder and file
    "anchor.folder_in_data": (
        "{path} is in the data folder: anchors kept there are changed with the data they prove; choose a folder elsewhere (a USB stick, a share)",
        "{path} 位于数据目录内：锚点与其证明的数据放在一起会被一并更改；请选择其他位置（U 盘、共享文件夹）",
    ),
    "anchor.folder_missing": ("{path} is not a folder: choose an existing folder (plug the USB stick in first)", "{path} 不是文件夹：请选择已存在的文件夹（如为 U 盘请先插入）"),
    "anchor.folder_unwritable": ("cannot write in {path}: {error}", "无法在 {path} 中写入：{error}"),
    "anchor.not_written": ("the anchor was NOT written to {path}: {error}. The document is written and carries its anchor (`branchguard verify --anchor <the document>` checks it), but the anchor folder lacks it: make the folder reachable (or choose another with `branchguard anchor folder PATH`); the next document made is anchored there again", "锚点未能写入 {path}：{error}。文件已写入并带有其锚点（可用 `branchguard verify --anchor <该文件>` 核验），但锚点文件夹中缺少此锚点：请确保锚点文件夹可用（或用 `branchguard anchor folder PATH` 另选）；之后生成的文件会再次写入锚点"),
    "anchor.not_signed": ("the anchor was NOT written: no signing key ({error}). The document itself is written", "锚点未写入：没有签名密钥（{error}）。文件本身已写入"),
    # reading sources
    "anchor.source_not_file": ("{path} is not a file", "{path} 不是文件"),
    "anchor.source_not_anchors": (
        "{path} is not an anchor file, a report or a head-office package: it holds no anchor to check",
        "{path} 不是锚点文件、报告或总行数据包：其中没有可核对的锚点",
    ),
    "anchor.source_too_big": ("{path} is too large to be an anchor file or package (over 64 MB)", "{path} 过大，不是锚点文件或数据包（超过 64 MB）"),
    "anchor.source_unreadable": ("cannot read {path}: {error}", "无法读取 {path}：{error}"),
    "anchor.package_unknown": ("this package's anchor list is of version {version}, which this BranchGuard does not know", "此数据包的锚点列表版本为 {version}，本程序无法识别"),
    "anchor.kind.file": ("anchor file", "锚点文件"),
    "anchor.kind.pdf": ("report PDF", "报告 PDF"),
    "anchor.kind.package": ("head-office package", "总行数据包"),
    "anchor.kind.export": ("exported file", "导出文件"),
    # why one anchor does not hold
    "anchor.fail.unreadable": ("not an anchor ({error})", "不是有效的锚点（{error}）"),
    "anchor.fail.signature": ("the signature does not match the anchor's content or key {fingerprint}: the anchor was edited after it was signed", "签名与锚点内容或密钥 {fingerprint} 不符：锚点在签署后被改动"),
    "anchor.fail.empty": ("the ledger is empty but the anchor holds entry {seq}: the database was emptied or replaced by a new one", "账本为空，而锚点记录了第 {seq} 条：数据库被清空或被新数据库替换"),
    "anchor.fail.truncated": ("the ledger now ends at entry {end}, below the anchored entry {seq}: entries were removed (truncated below the anchor)", "账本现止于第 {end} 条，低于锚定的第 {seq} 条：有记录被删除（在锚点之下被截断）"),
    "anchor.fail.rewritten": ("ledger entry {seq} now has hash {now}…, the anchor says {then}…: history up to the anchor was rewritten, or the database replaced", "账本第 {seq} 条的哈希现为 {now}…，锚点记录为 {then}…：锚点之前的历史被改写，或数据库被替换"),
    "anchor.fail.record": ("{record}: its anchored entry {seq} now has hash {now}, the anchor says {then}…: the record was rewritten or removed", "{record}：其锚定的第 {seq} 条哈希现为 {now}，锚点记录为 {then}…：该记录被改写或删除"),
    # what was proved (one sentence, printed on reports and by verify --anchor)
    "anchor.proof.unchanged": ("unchanged since anchor of {at}: ledger entries 1–{seq} are exactly as anchored then and the chain is consistent (later entries have no outside anchor yet)", "自 {at} 的锚点以来未被改动：账本第 1–{seq} 条与当时锚定的完全一致，且哈希链一致（其后的记录尚无外部锚点）"),
    "anchor.proof.no_anchor": ("chain consistent; no outside anchor", "哈希链一致；无外部锚点"),
    "anchor.proof.unreadable": ("chain consistent; the anchor file {path} could not be read ({error}), so no outside anchor was checked", "哈希链一致；无法读取锚点文件 {path}（{error}），未核对外部锚点"),
    # said when the chain or anything it holds (a record, a log entry, a file) fails: a changed
    # record was said to break the chain, which still recomputed
    "anchor.proof.chain_broken": ("the data does not match its ledger: nothing is proved; run `branchguard verify` to see where", "数据与账本不一致：无法证明任何内容；运行 `branchguard verify` 查看位置"),
    "anchor.proof.anchor_failed": ("the data does NOT hold {count} anchored state(s), the first of {at}: `branchguard verify --anchor <anchor file>` lists which", "数据与 {count} 个锚定状态不符，最早的一个为 {at}：`branchguard verify --anchor <锚点文件>` 可列出详情"),
    "anchor.proof.anchor_not_as_signed": (
        "nothing is proved by {count} anchor(s): the first, at {where}, is not as it was signed (the anchor "
        "was edited, not the data)",
        "有 {count} 个锚点无法用于证明：第一个（第 {where} 项）与签署时不符（被改动的是锚点，而非数据）",
    ),
    "anchor.proof.anchor_unreadable": ("nothing is proved by {count} anchor(s): the first, at {where}, cannot be read", "有 {count} 个锚点无法用于证明：第一个（第 {where} 项）无法读取"),
    # on reports
    "anchor.report.heading": ("Integrity", "完整性"),
    "anchor.report.sheet": ("Integrity", "完整性"),
    "anchor.report.anchor": ("Signed anchor (branchguard verify --anchor reads it from the anchor file)", "签名锚点（branchguard verify --anchor 从锚点文件读取）"),
    "anchor.report.ledger": ("Ledger head: entry {seq}, hash", "账本头：第 {seq} 条，哈希"),
    "anchor.report.record": ("This record's head: entry {seq}, hash", "本记录的链头：第 {seq} 条，哈希"),
    "anchor.report.no_record": ("This record has no ledger entry yet", "本记录尚无账本记录"),
    "anchor.report.key": ("Signing key fingerprint: {fingerprint}", "签名密钥指纹：{fingerprint}"),
    "anchor.report.unsigned": ("Not signed: {error}", "未签名：{error}"),
    "anchor.report.proved": ("Proved when this report was made: {proof}", "生成本报告时已证明：{proof}"),
    "anchor.report.hint": ("This report's signed anchor is kept outside the database. Anyone can check the data against it later: branchguard verify --anchor <this PDF or the anchor file>.", "本报告的签名锚点保存在数据库之外。日后任何人均可据此核验数据：branchguard verify --anchor <本 PDF 或锚点文件>。"),
    # command line
    "anchor.cli.checked": ("{source} ({kind}): {count} anchor(s) checked against ledger entries 1–{end}", "{source}（{kind}）：已用 {count} 个锚点核对账本第 1–{end} 条"),
    "anchor.cli.none": ("{source} holds no anchor: nothing is proved", "{source} 中没有锚点：无法证明任何内容"),
    "anchor.cli.bad_anchor": ("anchor {where} ({what}, {at}): {reason}", "锚点 {where}（{what}，{at}）：{reason}"),
    "anchor.cli.other_key": ("anchor {where} is signed by key {fingerprint}, not this installation's key", "锚点 {where} 由密钥 {fingerprint} 签署，而非本机密钥"),
    "anchor.cli.failed": ("{failed} of {count} anchor(s) do not hold", "{count} 个锚点中有 {failed} 个不成立"),
    "anchor.cli.chain_broken": ("the data does not match its ledger (the chain, a record, a log entry or a file): no anchor can prove anything until `branchguard verify` passes", "数据与账本不一致（哈希链、记录、日志或文件）：在 `branchguard verify` 通过之前，锚点无法证明任何内容"),
    "anchor.cli.fingerprint": ("Signing key fingerprint: {fingerprint}", "签名密钥指纹：{fingerprint}"),
    "anchor.cli.key_file": ("Private key: {path}", "私钥：{path}"),
    "anchor.cli.folder": ("Anchor folder: {path}", "锚点文件夹：{path}"),
    "anchor.cli.file": ("Anchor file: {path} ({count} anchor(s))", "锚点文件：{path}（{count} 个锚点）"),
    "anchor.cli.no_file": ("Anchor file: {path} (none written yet)", "锚点文件：{path}（尚未写入）"),
    "anchor.cli.folder_set": ("Anchors go to {path} from now on", "今后锚点写入 {path}"),
}

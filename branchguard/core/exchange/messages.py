"""English and Chinese text of the period package for head office."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.exchange.export": ("make a period package for head office", "生成上报总行的期间数据包"),
    "action.exchange.key": ("write the branch's public key for head office", "导出本网点给总行的公钥"),
    "exchange.bad_period": (
        '"{value}" is not a period: give a month as 2026-11 or a quarter as 2026-Q4',
        "“{value}”不是有效期间：月份写作 2026-11，季度写作 2026-Q4",
    ),
    "exchange.no_branch_code": (
        "this branch has no branch code: set one in the branch settings first (head office knows branches by it)",
        "本网点尚未设置网点编号：请先在网点设置中填写（总行据此识别网点）",
    ),
    "exchange.future_period": (
        "period {period} has not begun: a package covers a month or quarter that has started",
        "期间 {period} 尚未开始：数据包只能涵盖已开始的月份或季度",
    ),
    "exchange.after_range": (
        "ledger entry {value} is not one this branch has sent: give 0 to {last} (head office's refusal names the entry it holds)",
        "账本第 {value} 条不是本网点已上报的条目：请填 0 至 {last}（总行的拒收说明中写明其已有到第几条）",
    ),
    "field.ledger_after": ("Start after ledger entry", "从账本第几条之后开始"),
    "exchange.cli.output_required": (
        "-o/--output is required: the zip file to write (or --preview to only count)",
        "需要 -o/--output：要写入的 zip 文件（或用 --preview 只作统计）",
    ),
    "exchange.note.no_periodic_report": (
        "the periodic safety report is not in the package: it was made without its PDF reports",
        "数据包中没有定期安全报告：本数据包未附 PDF 报告",
    ),
    "exchange.note.ledger_diverged": (
        "the ledger no longer holds entry {seq} as the previous package carried it: this package carries the whole ledger, and head office will see where it differs",
        "账本中第 {seq} 条已与上一数据包所载不同：本数据包载有完整账本，总行将看到差异所在",
    ),
    "exchange.cli.written": (
        "package {path}: period {period}, {files} files, ledger entries {start}–{end}, key {fingerprint}",
        "数据包 {path}：期间 {period}，{files} 个文件，账本第 {start}–{end} 条，密钥 {fingerprint}",
    ),
    # what a package holds, by kind (its records/<kind>.json), as the command line counts them
    "exchange.kind.incidents": ("incidents", "事件"),
    "exchange.kind.actions": ("actions", "整改措施"),
    "exchange.kind.drills": ("drills", "演练"),
    "exchange.kind.inspections": ("inspections", "检查"),
    "exchange.kind.hazards": ("hazards", "隐患"),
    "exchange.kind.complaints": ("complaints", "投诉"),
    "exchange.kind.complaintstats": ("months of complaint statistics", "投诉统计月份"),
    "exchange.kind.compliance": ("drill rules", "演练合规要求"),
    "exchange.cli.preview": (
        "{code} {name} {period}: {counts}; reports {reports}; ledger {start}-{end}",
        "{code} {name} {period}：{counts}；报告 {reports} 份；账本第 {start}-{end} 条",
    ),
    "exchange.cli.counts": ("records: {counts}; reports: {reports}", "记录：{counts}；报告：{reports} 份"),
    "exchange.cli.key_written": (
        "public key written to {path} (fingerprint {fingerprint}): give it to head office",
        "公钥已写入 {path}（指纹 {fingerprint}）：请交给总行",
    ),
    "exchange.cli.fingerprint": ("key fingerprint: {fingerprint}", "密钥指纹：{fingerprint}"),
}

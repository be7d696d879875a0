"""English and Chinese text of the demo data's generated history, merged into the message catalogue."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "action.demo.history": ("Write years of demo history", "写入多年演示历史数据"),
    "field.years": ("Years of history", "历史年数"),
    "field.until": ("Last day of the history", "历史数据的最后一天"),
    "demo.until_not_past": (
        "The history must end before today ({day} is not yet over: its records would be in the future)",
        "历史数据须在今天之前结束（{day} 尚未过完，其记录将晚于现在）",
    ),
    "demo.history_year": ("Year {n} written: {rows} rows", "第 {n} 年已写入：{rows} 行"),
    "demo.history_done": ("{years} years of history in {seconds} s", "{years} 年历史数据，用时 {seconds} 秒"),
    "demo.table": ("Table", "表"),
    "demo.rows": ("Rows", "行数"),
}

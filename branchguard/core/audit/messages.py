"""The audit trail's own words: the columns of `audit list`, and how a change reads."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.column.at": ("Time", "时间"),
    "audit.column.actor": ("User", "用户"),
    "audit.column.action": ("Action", "操作"),
    "audit.column.entity": ("Record", "对象"),
    "audit.column.id": ("ID", "编号"),
    "audit.column.summary": ("Summary", "摘要"),
    "audit.change": ("{field}: {before} → {after}", "{field}：{before} → {after}"),
    "audit.value": ("{field}={value}", "{field}={value}"),
    "audit.sep": ("; ", "；"),
    "audit.list_sep": (", ", "，"),
    "audit.yes": ("Yes", "是"),
    "audit.no": ("No", "否"),
}

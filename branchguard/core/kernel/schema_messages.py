"""English and Chinese text of a file that breaks its published JSON Schema (schema_words.py): a
head-office package, a library's manifest: key -> (en, zh_CN)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "jsonschema.at": ("{where}: {what}", "{where}：{what}"),
    # where
    "jsonschema.where.top": ("the file as a whole", "文件整体"),
    "jsonschema.where.field": ("field “{field}”", "字段“{field}”"),
    "jsonschema.where.record": ("record {n}{ident}", "第 {n} 条记录{ident}"),
    "jsonschema.where.record_field": (
        "record {n}{ident}, field “{field}”",
        "第 {n} 条记录{ident}的字段“{field}”",
    ),
    "jsonschema.ident": (" ({name})", "（{name}）"),
    # what
    "jsonschema.missing": ("missing", "缺失"),
    "jsonschema.unknown_fields": (
        "holds fields this format does not have: {fields}",
        "含有此格式中没有的字段：{fields}",
    ),
    "jsonschema.type": ("is {found}, where {expected} is expected", "是{found}，应为{expected}"),
    "jsonschema.or": ("{a} or {b}", "{a}或{b}"),
    "jsonschema.type.string": ("text", "文本"),
    "jsonschema.type.integer": ("a whole number", "整数"),
    "jsonschema.type.number": ("a number", "数字"),
    "jsonschema.type.boolean": ("true or false", "布尔值（true 或 false）"),
    "jsonschema.type.null": ("empty (null)", "空值（null）"),
    "jsonschema.type.array": ("a list", "列表"),
    "jsonschema.type.object": ("a group of fields", "字段组"),
    "jsonschema.enum": (
        "is {value}, not one of those allowed: {allowed}",
        "为 {value}，不是允许的取值：{allowed}",
    ),
    "jsonschema.const": ("is {value}, where {allowed} is expected", "为 {value}，应为 {allowed}"),
    "jsonschema.minimum": (
        "is {value}, less than the least allowed, {limit}",
        "为 {value}，小于最小允许值 {limit}",
    ),
    "jsonschema.exclusiveMinimum": (
        "is {value}, which must be more than {limit}",
        "为 {value}，应大于 {limit}",
    ),
    "jsonschema.maximum": (
        "is {value}, more than the most allowed, {limit}",
        "为 {value}，大于最大允许值 {limit}",
    ),
    "jsonschema.exclusiveMaximum": (
        "is {value}, which must be less than {limit}",
        "为 {value}，应小于 {limit}",
    ),
    "jsonschema.empty": ("is empty", "为空"),
    "jsonschema.minLength": (
        "has {length} characters, fewer than the {limit} required",
        "只有 {length} 个字符，少于要求的 {limit} 个",
    ),
    "jsonschema.maxLength": (
        "has {length} characters, more than the {limit} allowed",
        "有 {length} 个字符，超过允许的 {limit} 个",
    ),
    "jsonschema.minItems": (
        "has {count} items, fewer than the {limit} required",
        "只有 {count} 项，少于要求的 {limit} 项",
    ),
    "jsonschema.maxItems": (
        "has {count} items, more than the {limit} allowed",
        "有 {count} 项，超过允许的 {limit} 项",
    ),
    "jsonschema.pattern": ("is {value}, not {form}", "为 {value}，不是{form}"),
    "jsonschema.form.hex": (
        "{digits} hexadecimal digits (0-9, a-f)",
        "由 {digits} 位十六进制数字（0-9、a-f）组成的文本",
    ),
    "jsonschema.form.time": (
        "a UTC time such as 2026-11-02T01:00:00Z",
        "形如 2026-11-02T01:00:00Z 的 UTC 时间",
    ),
    "jsonschema.form.month": ("a month such as 2026-11", "形如 2026-11 的月份"),
    "jsonschema.form.period": (
        "a month or a quarter such as 2026-11 or 2026-Q4",
        "形如 2026-11 或 2026-Q4 的月份或季度",
    ),
    "jsonschema.form.pattern": ("of the form {pattern}", "符合 {pattern} 的格式"),
    "jsonschema.format": ("is {value}, not a valid {form}", "为 {value}，不是有效的 {form}"),
    "jsonschema.unique": ("holds the same item twice", "含有重复的项"),
    "jsonschema.no_form": ("is of none of the forms allowed", "不符合任何一种允许的形式"),
    "jsonschema.other": (
        "does not follow the format (rule “{keyword}”)",
        "不符合格式要求（规则“{keyword}”）",
    ),
    "jsonschema.differs": (
        "does not follow the format of {part}",
        "不符合 {part} 的格式",
    ),
    # what the schema's patterns let through and the file's meaning refuses
    "jsonschema.no_time": ("is {value}, which is no real time", "为 {value}，不是真实存在的时间"),
    "jsonschema.no_period": ("is {value}, which is no month or quarter", "为 {value}，不是有效的月份或季度"),
    "jsonschema.not_start": (
        "is {value}, not the start of {period}",
        "为 {value}，不是 {period} 的开始日期",
    ),
    "jsonschema.not_end": ("is {value}, not the end of {period}", "为 {value}，不是 {period} 的结束日期"),
}

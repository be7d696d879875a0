"""English and Chinese text of hostile input refused: files read (intake.py), files written
(output.py), attachment names, numbers and dates out of range: key -> (en, zh_CN)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "field.file": ("File", "文件"),
    "field.output": ("Output file", "输出文件"),
    "field.date": ("Date", "日期"),
    # files read
    "input.no_file": ("'{path}' does not exist", "“{path}”不存在"),
    "input.is_folder": ("'{path}' is a folder, not a file", "“{path}”是文件夹，不是文件"),
    "input.not_regular": (
        "'{path}' is not a regular file (a device, a pipe or a socket is not read)",
        "“{path}”不是普通文件（不读取设备、管道或套接字）",
    ),
    "input.unreadable": ("cannot read '{path}': {error}", "无法读取“{path}”：{error}"),
    "input.too_big": ("{name} is larger than {limit} MB", "{name} 超过 {limit} MB"),
    "input.too_big_kb": ("{name} is larger than {limit} KB", "{name} 超过 {limit} KB"),
    "input.too_big_bytes": ("{name} is larger than {limit} bytes", "{name} 超过 {limit} 字节"),
    "input.too_deep": (
        "the document is nested more than {limit} levels deep",
        "文档嵌套超过 {limit} 层",
    ),
    "input.too_many": ("the document has more than {limit} elements", "文档元素超过 {limit} 个"),
    "input.alias": ("YAML aliases (*name) are not supported", "不支持 YAML 别名（*name）"),
    "input.tag": ("the YAML tag {tag} is not supported", "不支持 YAML 标签 {tag}"),
    "input.documents": ("the file holds more than one document", "文件包含多个文档"),
    "input.key_type": ("field names must be text, not {key}", "字段名必须是文本，而不是 {key}"),
    "input.duplicate_key": ("field '{key}' appears twice", "字段“{key}”出现了两次"),
    "input.yaml": ("not valid YAML (the parser says: {error})", "不是有效的 YAML（解析器原文：{error}）"),
    "input.no_such_date": (
        "'{value}' is not a date on the calendar (YYYY-MM-DD)",
        "“{value}”不是日历上的日期（应为 YYYY-MM-DD）",
    ),
    "input.at_line": ("line {line}: {reason}", "第 {line} 行：{reason}"),
    "input.yaml_syntax": ("not valid YAML: {hint}", "不是有效的 YAML：{hint}"),
    "input.yaml_syntax_at": (
        "not valid YAML near column {column}: {hint}",
        "不是有效的 YAML（第 {column} 列附近）：{hint}",
    ),
    "input.yaml_hint.tab": ("indent with spaces, not tabs", "请用空格缩进，不要用制表符（Tab）"),
    "input.yaml_hint.colon": (
        "a colon and a space start a field here: check the indentation, and put text holding ': ' in quotes",
        "此处的冒号加空格被当作字段：请检查缩进，含“: ”的文字请加引号",
    ),
    "input.yaml_hint.quote": ("a quote opened here is not closed", "此处开始的引号未闭合"),
    "input.yaml_hint.bracket": ("a square or curly bracket is not closed", "有方括号或花括号未闭合"),
    "input.yaml_hint.indent": (
        "check the indentation of this line and the one before it (items of one list or fields of one "
        "entry start in the same column)",
        "请检查本行及上一行的缩进（同一列表的各项、同一条目的各字段须从同一列开始）",
    ),
    "input.yaml_character": (
        "the file holds a control character (U+{code}) that YAML does not allow",
        "文件含有 YAML 不允许的控制字符（U+{code}）",
    ),
    "input.encoding": (
        "the file is not UTF-8 text (bad byte at offset {offset})",
        "文件不是 UTF-8 文本（第 {offset} 字节无效）",
    ),
    "input.encoding_gb": (
        "the file is saved as GBK/GB18030 (Windows' \"ANSI\", as Excel and Notepad save Chinese), not "
        "UTF-8 (from byte {offset}): save it again as UTF-8 (Notepad: Save As, Encoding: UTF-8)",
        "文件是 GBK/GB18030 编码（Excel 和记事本在中文 Windows 上保存的“ANSI”），不是 UTF-8（自第 {offset} "
        "字节起）：请另存为 UTF-8 编码（记事本：另存为，编码选“UTF-8”）",
    ),
    "input.encoding_utf16": (
        "the file is saved as UTF-16 (\"Unicode\"), not UTF-8: save it again as UTF-8 "
        "(Notepad: Save As, Encoding: UTF-8)",
        "文件是 UTF-16（“Unicode”）编码，不是 UTF-8：请另存为 UTF-8 编码（记事本：另存为，编码选“UTF-8”）",
    ),
    "input.kind.zip": (
        "the file is a zip archive (a head-office library, a backup, an Excel workbook?), not a text file",
        "文件是 zip 压缩包（总行资料库、备份或 Excel 工作簿？），不是文本文件",
    ),
    "input.kind.pdf": ("the file is a PDF document, not a text file", "文件是 PDF 文档，不是文本文件"),
    "input.kind.office": (
        "the file is an older Office document (.xls, .doc), not a text file",
        "文件是旧版 Office 文档（.xls、.doc），不是文本文件",
    ),
    "input.kind.picture": ("the file is a picture, not a text file", "文件是图片，不是文本文件"),
    "input.json": ("not valid JSON: {error}", "不是有效的 JSON：{error}"),
    # files written
    "output.is_folder": ("'{path}' is a folder; give a file name", "“{path}”是文件夹；请给出文件名"),
    "output.not_regular": (
        "'{path}' is not a regular file (a device or a pipe); nothing was written",
        "“{path}”不是普通文件（设备或管道）；未写入任何内容",
    ),
    "output.reserved": (
        "'{path}' is a name Windows reserves for a device; choose another name",
        "“{path}”是 Windows 保留的设备名；请换一个名称",
    ),
    "output.own_data": (
        "'{path}' is BranchGuard's own data (its database, settings, keys, attachments, logs, anchors "
        "or backups); nothing was written: choose another file",
        "“{path}”是 BranchGuard 自身的数据（数据库、设置、密钥、附件、日志、锚点或备份）；"
        "未写入任何内容：请另选文件",
    ),
    "output.changed": (
        "'{path}' was replaced by something other than a file while writing; nothing was written",
        "写入期间“{path}”被替换为非普通文件；未写入任何内容",
    ),
    # numbers and dates
    "validation.not_a_number": ("'{value}' is not a finite number", "“{value}”不是有限的数"),
    "validation.date_range": (
        "{value} is outside {low} to {high}",
        "{value} 不在 {low} 至 {high} 之间",
    ),
    "validation.span": ("the range is longer than {limit} days", "范围超过 {limit} 天"),
    "validation.amount": (
        "must be between 0 and {high} yuan",
        "必须在 0 到 {high} 元之间",
    ),
}

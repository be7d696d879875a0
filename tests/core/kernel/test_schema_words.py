"""Each rule of JSON Schema a published file can break, worded where and what in either language
(schema_words.py), not in jsonschema's English."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from branchguard.core.kernel.i18n import translate
from branchguard.core.kernel.schema_words import first_error, worded

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "key", "files"],
    "properties": {
        "kind": {"enum": ["a", "b"]},
        "format": {"const": "branchguard.library"},
        "key": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "note": {"type": "string", "minLength": 1, "maxLength": 5},
        "code": {"type": "string", "minLength": 3},
        "size": {"type": "integer", "minimum": 0, "maximum": 9},
        "files": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "object"}},
    },
}
GOOD = {"kind": "a", "key": "0123456789abcdef", "files": [{}]}


@pytest.mark.parametrize(
    ("change", "english", "chinese"),
    [
        ({"kind": "c"}, "field “kind”: is \"c\", not one of those allowed: \"a\", \"b\"",
         "字段“kind”：为 \"c\"，不是允许的取值：\"a\", \"b\""),
        ({"format": "x"}, "field “format”: is \"x\", where \"branchguard.library\" is expected",
         "字段“format”：为 \"x\"，应为 \"branchguard.library\""),
        ({"key": "XYZ"}, "field “key”: is \"XYZ\", not 16 hexadecimal digits (0-9, a-f)",
         "字段“key”：为 \"XYZ\"，不是由 16 位十六进制数字（0-9、a-f）组成的文本"),
        ({"note": ""}, "field “note”: is empty", "字段“note”：为空"),
        ({"note": "abcdefg"}, "field “note”: has 7 characters, more than the 5 allowed",
         "字段“note”：有 7 个字符，超过允许的 5 个"),
        ({"code": "ab"}, "field “code”: has 2 characters, fewer than the 3 required",
         "字段“code”：只有 2 个字符，少于要求的 3 个"),
        ({"size": -1}, "field “size”: is -1, less than the least allowed, 0",
         "字段“size”：为 -1，小于最小允许值 0"),
        ({"size": 10}, "field “size”: is 10, more than the most allowed, 9",
         "字段“size”：为 10，大于最大允许值 9"),
        ({"size": True}, "field “size”: is true or false, where a whole number is expected",
         "字段“size”：是布尔值（true 或 false），应为整数"),
        ({"files": []}, "field “files”: has 0 items, fewer than the 1 required",
         "字段“files”：只有 0 项，少于要求的 1 项"),
        ({"files": [{}, {}, {}]}, "field “files”: has 3 items, more than the 2 allowed",
         "字段“files”：有 3 项，超过允许的 2 项"),
        ({"files": [{}, 4]}, "field “files[2]”: is a whole number, where a group of fields is expected",
         "字段“files[2]”：是整数，应为字段组"),
        ({"extra": 1, "more": 2}, "the file as a whole: holds fields this format does not have: extra, more",
         "文件整体：含有此格式中没有的字段：extra, more"),
        ({"key": None}, "field “key”: is empty (null), where text is expected",
         "字段“key”：是空值（null），应为文本"),
    ],
)  # fmt: skip
def test_each_break_is_said_where_and_what(change: dict[str, Any], english: str, chinese: str) -> None:
    error = first_error(Draft202012Validator(SCHEMA).iter_errors({**GOOD, **change}))
    assert error is not None
    assert (translate(worded(error), "en"), translate(worded(error), "zh_CN")) == (english, chinese)


def test_a_missing_field_is_named_at_its_place() -> None:
    doc = {k: v for k, v in GOOD.items() if k != "key"}
    error = first_error(Draft202012Validator(SCHEMA).iter_errors(doc))
    assert error is not None
    assert translate(worded(error), "en") == "field “key”: missing"
    assert translate(worded(error), "zh_CN") == "字段“key”：缺失"


def test_the_first_record_in_the_file_s_order_is_said_first() -> None:
    """Record 3 before record 11 (sorted as text, "10" came before "2")."""
    records: list[object] = [{}] * 12
    records[2], records[10] = 5, 6
    validator = Draft202012Validator({"type": "array", "items": {"type": "object"}})
    error = first_error(validator.iter_errors(records))
    assert error is not None and list(error.path) == [2]

"""Text files from outside in the user's language: a key saved by Notepad with a BOM is a key, a
GB18030 YAML table is named as GBK at its line, with the way to save it as UTF-8 (as playbook import
names it), a zip or a PDF picked for a text file by its kind, and a YAML syntax error says its line
and column with a hint instead of the parser's English words."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from branchguard.core.headoffice.service import _public_key
from branchguard.core.kernel.i18n import Message, set_language
from branchguard.core.kernel.intake import InputRejected, Limits, load_yaml, utf8, without_bom
from branchguard.core.library_sync.service import public_key_from

LIMITS = Limits(max_bytes=1024 * 1024)
ENGLISH_WORDS = ("did not find", "expected", "mapping values", "found", "scanning", "unacceptable")


def _key() -> tuple[bytes, bytes, bytes]:
    public = Ed25519PrivateKey.generate().public_key()
    pem = public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return pem, raw, raw.hex().encode()


@pytest.mark.parametrize("kind", ["pem", "hex"])
def test_a_key_saved_with_a_bom_is_read_by_the_branch_and_by_head_office(kind: str) -> None:
    pem, raw, hex_digits = _key()
    data = codecs.BOM_UTF8 + (pem if kind == "pem" else hex_digits)
    assert public_key_from(data) == raw  # trust head-office (the branch)
    assert _public_key(data, "k.pem") == raw  # ho branch add (head office)


def test_without_bom_drops_only_a_leading_bom() -> None:
    assert without_bom(codecs.BOM_UTF8 + b"a\xef\xbb\xbfb") == b"a\xef\xbb\xbfb"
    assert without_bom(b"abc") == b"abc"


def _refused(data: bytes | str) -> InputRejected:
    with pytest.raises(InputRejected) as err:
        load_yaml(data, LIMITS, "field.file")
    return err.value


def test_a_file_that_is_not_utf8_is_named_by_its_encoding_at_its_line() -> None:
    gb = "format: x\nsource: 国务院通知\n".encode("gb18030")  # what Excel or Notepad save as "ANSI"
    err = _refused(gb)
    assert err.reason_message.key == "input.encoding_gb"
    assert err.reason_message.params["offset"] == gb.index("国".encode("gb18030")) and err.line == 2
    assert err.located().reason.startswith("第 2 行：文件是 GBK/GB18030 编码")
    assert "请另存为 UTF-8 编码" in err.reason
    assert _refused("a: 是\n".encode("utf-16")).reason_message.key == "input.encoding_utf16"
    other = _refused(b"a: \xff\xff\n")  # neither UTF-8 nor GB18030: its byte
    assert other.reason_message.key == "input.encoding" and other.reason_message.params["offset"] == 3
    assert _refused(b"a: 1\nb: \x00\n").line == 2  # a NUL is no text either
    assert utf8(codecs.BOM_UTF8 + "a: 是\n".encode(), "field.file") == "a: 是\n".encode()
    assert load_yaml(codecs.BOM_UTF8 + "a: 是\n".encode(), LIMITS, "field.file") == {"a": "是"}


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00manifest.json", "input.kind.zip"),  # a library, a backup, an .xlsx
        (b"PK\x05\x06" + bytes(18), "input.kind.zip"),  # an empty zip
        (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "input.kind.pdf"),  # valid UTF-8: YAML once said "indentation"
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), "input.kind.office"),
        (b"\x89PNG\r\n\x1a\n", "input.kind.picture"),
        (b"\xff\xd8\xff\xe0", "input.kind.picture"),
    ],
    ids=["zip", "empty-zip", "pdf", "xls", "png", "jpeg"],
)
def test_a_file_of_another_kind_is_named_by_its_kind(data: bytes, key: str) -> None:
    err = _refused(data)
    assert err.reason_message.key == key and err.line is None
    set_language("zh_CN")
    assert err.reason.startswith("文件是") and err.reason.endswith("不是文本文件")


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("x:\n  - a\n   b: 1\n", 3, 5, "input.yaml_hint.colon"),
        ("- a\nb: 1\n", 2, 1, "input.yaml_hint.indent"),
        ("a: 1\n\tb: 2\n", 2, 1, "input.yaml_hint.tab"),
        ('a: "open\nb: 2\n', 3, 1, "input.yaml_hint.quote"),
        ("a: [1, 2\n", 2, 1, "input.yaml_hint.bracket"),
    ],
)
def test_a_syntax_error_gives_line_and_column_and_a_hint_in_the_users_words(
    text: str, line: int, column: int, hint: str
) -> None:
    err = _refused(text.encode())
    assert err.line == line
    reason = err.reason_message
    assert (reason.key, reason.params["column"], reason.params["hint"]) == (
        "input.yaml_syntax_at",
        column,
        Message(hint),
    )
    for lang in ("zh_CN", "en"):
        words = err.located().reason_message.text(lang)
        assert str(line) in words and str(column) in words
    chinese = err.located().reason
    assert not any(w in chinese for w in ENGLISH_WORDS), chinese
    assert chinese.startswith(f"第 {line} 行：不是有效的 YAML（第 {column} 列附近）：")


def test_a_control_character_is_named_in_the_users_words_at_its_line() -> None:
    err = _refused(b"a: 1\n\nb: 2\x07\n")
    assert (err.reason_message.key, err.line) == ("input.yaml_character", 3)
    assert "U+0007" in err.reason


def test_sizes_are_said_as_a_person_reads_them() -> None:
    from branchguard.core.kernel.intake import MB, megabytes

    assert megabytes(20 * MB) == "20" and megabytes(int(67.1103 * MB)) == "67"
    assert megabytes(int(1.5 * MB)) == "1.5" and megabytes(1024) == "0.00098"


def test_a_limit_under_a_megabyte_is_said_in_kilobytes(tmp_path: Path) -> None:
    """A key file over its 64 KB was "gbk.yaml 超过 0.062 MB"."""
    from branchguard.core.kernel.intake import read_file, too_big

    big = tmp_path / "head-office.pem"
    big.write_bytes(b"x" * (64 * 1024 + 1))
    with pytest.raises(InputRejected) as err:
        read_file(big, 64 * 1024, "field.public_key")
    set_language("zh_CN")
    assert err.value.reason == "head-office.pem 超过 64 KB"
    assert too_big("a.zip", 20 * 1024 * 1024).text("en") == "a.zip is larger than 20 MB"
    assert too_big("a.txt", 1536).text("en") == "a.txt is larger than 1.5 KB"
    assert too_big("a.txt", 100).text("en") == "a.txt is larger than 100 bytes"


@pytest.mark.parametrize("value", ["2026-13-40", "2026-02-30"])
def test_a_date_not_on_the_calendar_is_named_with_its_line_not_in_the_parsers_english(value: str) -> None:
    """A scores file's action due 2026-02-30 was "not valid YAML (the parser says: day is out of
    range for month)", in English inside the Chinese sentence."""
    err = _refused(f"alarm: 90\nactions:\n  - {{text: 补充灭火器, due: {value}}}\n")
    assert err.reason_message.key == "input.no_such_date" and err.line == 3
    assert err.path == ("actions", 0, "due")
    assert err.located().reason == f"第 3 行：“{value}”不是日历上的日期（应为 YYYY-MM-DD）"
    assert load_yaml("due: 2026-02-28\n", LIMITS, "field.file") == {"due": date(2026, 2, 28)}

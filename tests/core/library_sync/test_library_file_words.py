"""Files handed in that are not what they should be are named in the user's words: a zip without
a manifest is no head-office library (not "holds a.txt, which its signed manifest does not list"),
a working-day table that is not UTF-8 or not valid YAML says its line (and column), and a period
package or a backup that is no zip says so without the zip module's English, and a library or a
backup handed to head office as a package is named for what it is."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.backup.archive import BackupError, check_backup
from branchguard.core.headoffice.service import Refused
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.intake import InputRejected
from branchguard.core.kernel.types import Actor
from branchguard.core.library_sync import archive
from branchguard.core.library_sync.rules import LibraryRefused
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    make_db,
)

TABLE = (
    "format: branchguard.working_days\nformat_version: 1\nyears:\n  - year: 2031\n    source: 国务院通知\n"
)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "members",
    [{"a.txt": b"hello"}, {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}],
    ids=["plain", "xlsx"],
)
def test_a_zip_without_a_manifest_is_no_library(tmp_path: Path, members: dict[str, bytes]) -> None:
    set_language("zh_CN")
    path = _zip(tmp_path / "given.zip", members)
    with pytest.raises(LibraryRefused) as caught:
        archive.read(path)
    assert caught.value.message == f"{path} 没有清单：不是总行资料库"


def test_a_working_day_table_not_utf8_or_not_yaml_says_its_line(
    ctx: Any, lead: Actor, tmp_path: Path
) -> None:
    set_language("zh_CN")
    library = ctx.services.library
    gb = tmp_path / "gb.yaml"
    gb.write_bytes(TABLE.encode("gb18030"))
    with pytest.raises(InputRejected) as caught:
        library.set_working_days(lead, gb)
    offset = TABLE.encode("gb18030").index("国".encode("gb18030"))
    assert caught.value.reason.startswith("第 5 行：文件是 GBK/GB18030 编码")
    assert f"不是 UTF-8（自第 {offset} 字节起）：请另存为 UTF-8 编码" in caught.value.reason
    bad = tmp_path / "bad.yaml"
    bad.write_text(TABLE.replace("    source", "   source"), encoding="utf-8")
    with pytest.raises(InputRejected) as caught:
        library.set_working_days(lead, bad)
    assert caught.value.reason.startswith("第 5 行：不是有效的 YAML（第 4 列附近）：请检查")


def test_a_backup_that_is_no_zip_says_so_in_chinese(tmp_path: Path) -> None:
    set_language("zh_CN")
    text = tmp_path / "a.zip"
    text.write_text("hello")
    with pytest.raises(BackupError) as caught:
        check_backup(text, [])
    assert (
        caught.value.message
        == f"{text} 不是 BranchGuard 备份（不是 zip 文件，或文件末尾已损坏）；未做任何改动"
    )


def test_a_package_that_is_no_zip_or_has_no_manifest_says_so_in_chinese(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    set_language("zh_CN")
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    text = tmp_path / "a.txt"
    text.write_text("hello")
    with pytest.raises(Refused) as caught:
        hos.import_package(admin, text)
    assert caught.value.reason.startswith("数据包文件 a.txt 已损坏或不是 zip 文件（")
    plain = _zip(tmp_path / "plain.zip", {"a.txt": b"hello"})
    with pytest.raises(Refused) as caught:
        hos.import_package(admin, plain)
    assert caught.value.reason == "plain.zip 不是 BranchGuard 数据包（缺少 manifest.json）"


@pytest.mark.parametrize(
    ("members", "said"),
    [
        (  # a signed library: manifest.json and manifest.sig, as a package has; once refused in English
            {"manifest.json": b'{"format": "branchguard.library", "version": 1}', "manifest.sig": b"00"},
            "lib.zip 是总行资料库，不是网点的期间数据包",
        ),
        (
            {"manifest.json": b'{"format": "branchguard.backup"}', "database/branchguard.sqlite": b""},
            "lib.zip 是 BranchGuard 备份（数据文件夹的归档），不是网点的期间数据包",
        ),
        ({"database/branchguard.sqlite": b""}, "lib.zip 是 BranchGuard 备份"),  # its manifest lost
    ],
    ids=["library", "backup", "backup-without-manifest"],
)
def test_a_library_or_a_backup_handed_to_head_office_is_named_for_what_it_is(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    members: dict[str, bytes],
    said: str,
) -> None:
    set_language("zh_CN")
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    with pytest.raises(Refused) as caught:
        hos.import_package(_actor(ho, "admin"), _zip(tmp_path / "lib.zip", members))
    assert caught.value.reason.startswith(said)
    assert caught.value.reason.endswith("拒绝导入")

"""A package that breaks the published schema where no message of ours foresaw it is refused naming
the record and the field, and what is wrong, in the user's language: it was jsonschema's English
("'x' is not of type 'integer'", "'status' is a required property") for a Chinese lead too."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice import rules
from branchguard.core.headoffice.service import Refused
from branchguard.core.kernel.i18n import translate
from tests.core.headoffice.ho_support import HO_PASSWORD

HAZARD = {
    "id": 7, "title": "金库门传感器失灵", "severity": "major", "status": "verified",
    "opened_at": "2026-11-02T01:00:00Z", "due_at": "2026-12-02T15:59:59Z", "closed_at": None,
    "steps": [], "events": [],
}  # fmt: skip
_NO_STATUS = {k: v for k, v in HAZARD.items() if k != "status"}


@pytest.mark.parametrize(
    ("record", "english", "chinese"),
    [
        ({**HAZARD, "id": "x"}, "record 2 (id x), field “id”: is text, where a whole number is expected",
         "第 2 条记录（id x）的字段“id”：是文本，应为整数"),
        (_NO_STATUS, "record 2 (id 7), field “status”: missing", "第 2 条记录（id 7）的字段“status”：缺失"),
        ({**HAZARD, "id": 0}, "record 2 (id 0), field “id”: is 0, less than the least allowed, 1",
         "第 2 条记录（id 0）的字段“id”：为 0，小于最小允许值 1"),
        ({**HAZARD, "closed_at": "yesterday"},
         "record 2 (id 7), field “closed_at”: is \"yesterday\", not a UTC time such as 2026-11-02T01:00:00Z",
         "第 2 条记录（id 7）的字段“closed_at”：为 \"yesterday\"，不是形如 2026-11-02T01:00:00Z 的 UTC 时间"),
        ({**HAZARD, "closed_at": 5},
         "record 2 (id 7), field “closed_at”: is a whole number, where text or empty (null) is expected",
         "第 2 条记录（id 7）的字段“closed_at”：是整数，应为文本或空值（null）"),
        ({**HAZARD, "steps": 3},
         "record 2 (id 7), field “steps”: is a whole number, where a list is expected",
         "第 2 条记录（id 7）的字段“steps”：是整数，应为列表"),
        ("x", "record 2: is text, where a group of fields is expected", "第 2 条记录：是文本，应为字段组"),
    ],
)  # fmt: skip
def test_a_record_breaking_the_schema_is_named_in_either_language(
    record: Any, english: str, chinese: str
) -> None:
    problem = rules.schema_problem("hazards", [HAZARD, record])
    assert problem is not None
    assert (translate(problem, "en"), translate(problem, "zh_CN")) == (english, chinese)


def _package(path: Path, body: dict[str, Any]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(package.MANIFEST, json.dumps(body))
        zf.writestr(package.SIGNATURE, "00" * 64)
    return path


def bad_manifest(path: Path) -> Path:
    """A package whose manifest lacks most of its fields."""
    return _package(path, {"format": package.FORMAT, "version": package.VERSION, "generator": {}, "x": 1})


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the package's manifest.json does not follow the published schema: "
               "field “branch”: missing"),
        ("zh_CN", "数据包中的 manifest.json 不符合公布的格式：字段“branch”：缺失"),
    ],
)  # fmt: skip
def test_an_import_refuses_a_manifest_in_the_users_language(
    head_office: AppContext, tmp_path: Path, lang: str, said: str
) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    with pytest.raises(Refused) as refused:
        head_office.services.headoffice.import_package(admin, bad_manifest(tmp_path / "p.zip"))
    text = refused.value.text(lang)
    assert said in text, text
    assert "required property" not in text and "is not of type" not in text

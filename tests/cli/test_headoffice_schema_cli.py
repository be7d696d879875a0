"""`ho import` of a package breaking the published schema says where and what in the language asked
(--lang), not in jsonschema's English."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchguard.context import open_context
from tests.cli.cli_support import as_user, runner
from tests.core.headoffice.ho_support import HO_PASSWORD
from tests.core.headoffice.test_schema_words import bad_manifest


def test_ho_import_words_a_schema_break_in_either_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = open_context(tmp_path / "ho")
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ho = runner(capsys, tmp_path / "ho")
    as_user(monkeypatch, "admin", HO_PASSWORD)
    bad = bad_manifest(tmp_path / "B001-2026-11.zip")
    for lang, said in (
        ("en", "does not follow the published schema: field “branch”: missing"),
        ("zh_CN", "不符合公布的格式：字段“branch”：缺失"),
    ):
        code, _out, err = ho("ho", "import", str(bad), lang=lang)
        assert code != 0
        assert said in err, err
        assert "required property" not in err

"""`library import --dry-run` of a library whose checklist starts a plan that would have no approved
version here: the preview said nothing, then the import refused with "approve that plan first".
Now the dry run names the item and says the library is applied whole; the import refuses, before
writing, with words for an import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.library_sync.service import LibraryService
from tests.cli.cli_support import invoke, with_lead
from tests.core.library_sync.test_library import _naming_plan, exported, head_office  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


def test_the_dry_run_names_the_item_and_the_import_refuses_in_words_for_an_import(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    exported: tuple[Path, Path, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zip_path, key, _ = exported
    proved = LibraryService.read

    def read(self: LibraryService, actor: Any, path: Path) -> Any:
        return _naming_plan(proved(self, actor, path), "HO_NEW", None)

    monkeypatch.setattr(LibraryService, "read", read)
    branch_dir = with_lead(tmp_path / "branch")
    code, out, err = invoke(capsys, branch_dir, ("trust", "head-office", str(key)), "en")
    assert code == 0, err
    code, out, err = invoke(capsys, branch_dir, ("library", "import", "--dry-run", str(zip_path)), "en")
    assert code == 0, err
    assert "cannot be imported: a signed library is applied whole or not at all" in out
    assert "the library's checklist HO_VAULT item 1 starts plan HO_NEW" in out and "Preview only" not in out
    code, out, err = invoke(capsys, branch_dir, ("library", "import", str(zip_path)), "zh_CN")
    assert code == 1 and "资料库的检查模板 HO_VAULT 第 1 项启动预案 HO_NEW" in err
    assert "请向总行索取包含该预案的资料库" in err and "请先批准该预案" not in err

"""On the command line, a head-office package damaged on its way is refused as a damaged file named
by its path, not as "it has no manifest.sig" (or a traceback), in either language; the other files
given with it are still imported or refused for their own reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchguard.context import open_context
from tests.cli.cli_support import as_user, invoke
from tests.zip_damage import DAMAGES, damaged, package_zip

HO_PASSWORD = "head-office-2026!"


@pytest.fixture
def head_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ho"
    ctx = open_context(folder)
    ctx.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    ctx.close()
    as_user(monkeypatch, "admin", HO_PASSWORD)
    return folder


@pytest.mark.parametrize("kind", DAMAGES)
def test_ho_import_says_a_damaged_package_is_damaged(
    head_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    bad = damaged(kind, tmp_path)
    unsigned = package_zip(tmp_path / "B002-2026-11.zip", signed=False)
    code, _out, err = invoke(capsys, head_office, ["ho", "import", str(bad), str(unsigned)], "en")
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 2, err
    said = next(line for line in lines if str(bad) in line)
    assert "the package file B001-2026-11.zip is damaged" in said and "manifest.sig" not in said, said
    other = next(line for line in lines if str(unsigned) in line)
    assert "is not a BranchGuard package (it has no manifest.sig)" in other, other
    code, _out, err = invoke(capsys, head_office, ["ho", "import", str(bad)], "zh_CN")
    assert code == 1 and "数据包文件 B001-2026-11.zip 已损坏" in err and "manifest.sig" not in err, err

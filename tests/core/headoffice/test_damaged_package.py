"""A package damaged on its way (a byte changed in the zip's list of files, a download cut short) is
refused as a damaged file, naming it: it was refused as "not a BranchGuard package (it has no
manifest.sig)", which reads to head office like a forgery or a wrong sender, or went up as a
traceback. A zip that reads whole but has no manifest.sig is still refused as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchguard.context import AppContext
from branchguard.core.headoffice.service import Refused
from tests.core.headoffice.ho_support import HO_PASSWORD
from tests.zip_damage import DAMAGES, damaged, package_zip


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_package_is_refused_as_damaged_naming_the_file(
    head_office: AppContext, tmp_path: Path, kind: str
) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    bad = damaged(kind, tmp_path)
    with pytest.raises(Refused) as refused:
        head_office.services.headoffice.import_package(admin, bad)
    assert refused.value.reason_message.key == "ho.package_damaged"
    english, chinese = refused.value.text("en"), refused.value.text("zh_CN")
    assert "the package file B001-2026-11.zip is damaged" in english, english
    assert "数据包文件 B001-2026-11.zip 已损坏" in chinese, chinese
    assert "manifest.sig" not in english and "not a BranchGuard package" not in english


def test_a_package_without_its_signature_is_still_refused_as_such(
    head_office: AppContext, tmp_path: Path
) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    unsigned = package_zip(tmp_path / "B001-2026-11.zip", signed=False)
    with pytest.raises(Refused) as refused:
        head_office.services.headoffice.import_package(admin, unsigned)
    said = refused.value.text("en")
    assert "B001-2026-11.zip is not a BranchGuard package (it has no manifest.sig)" in said, said
    assert "缺少 manifest.sig" in refused.value.text("zh_CN")

"""A package of a later format version (a branch that updated BranchGuard before head office did)
is refused saying so and what to do, in either language; not as a field breaking the schema in
jsonschema's English ("version: 1 was expected"). Nothing of it is written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from branchguard.context import AppContext
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice.service import Refused
from tests.core.headoffice.ho_support import HO_PASSWORD


def _package(path: Path, **manifest: object) -> Path:
    body = {"format": package.FORMAT, "version": package.VERSION, "generator": {"name": "BranchGuard"}}
    body.update(manifest)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(package.MANIFEST, json.dumps(body))
        zf.writestr(package.SIGNATURE, "00" * 64)
    return path


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["B001-2027-01.zip was made by a newer BranchGuard (3.1.0) in package format 2",
                "reads format 1", "update BranchGuard at head office"]),
        ("zh_CN", ["B001-2027-01.zip 由较新版本的 BranchGuard（3.1.0）生成", "第 2 版",
                   "请先升级总行的 BranchGuard"]),
    ],
)  # fmt: skip
def test_a_newer_packages_refusal_says_to_update(
    head_office: AppContext, tmp_path: Path, lang: str, words: list[str]
) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    made_by = {"name": "BranchGuard", "version": "3.1.0"}
    newer = _package(tmp_path / "B001-2027-01.zip", version=2, generator=made_by)
    with pytest.raises(Refused) as refused:
        head_office.services.headoffice.import_package(admin, newer)
    said = refused.value.text(lang)
    for part in words:
        assert part in said, said
    assert "expected" not in said
    assert head_office.services.headoffice.branches(admin) == []


def test_a_package_of_this_version_is_still_checked_against_the_schema(
    head_office: AppContext, tmp_path: Path
) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    with pytest.raises(Refused) as refused:
        head_office.services.headoffice.import_package(admin, _package(tmp_path / "p.zip"))
    assert "does not follow the published schema" in refused.value.text("en")

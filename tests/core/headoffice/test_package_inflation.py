"""Head office inflates nothing of a package beyond its manifest and signature until the signature
holds, and then no member past its signed size: a 510 KB package whose manifest.json inflates to
500 MB once took 1.6 GB of memory before it was refused. Measured in bytes inflated
(tests/inflation_support), on SQLite and PostgreSQL."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.exchange import rules as package
from branchguard.core.headoffice import package_zip
from branchguard.core.headoffice.service import Refused
from branchguard.core.kernel.i18n import set_language
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    _rezip,
    make_db,
)
from tests.inflation_support import count_inflated

BOMB = 8 * 1024 * 1024


def _head_office(make: Callable[[str], Any], key: Path | None = None) -> tuple[Any, Any]:
    ho = make("ho")
    ho.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    if key is not None:
        ho.services.headoffice.add_branch(admin, "DEMO-0101", "城东", key)
    return ho, admin


def test_a_manifest_is_read_within_its_small_cap(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ho, admin = _head_office(make_db)
    bomb = tmp_path / "hobomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(package.SIGNATURE, b"00")
        with zf.open(package.MANIFEST, "w") as w:
            w.write(b'{"branch": {"code": "DEMO-0101"}, "pad": "' + b"a" * BOMB + b'"}')
    set_language("en")
    inflated = count_inflated(monkeypatch)
    with pytest.raises(Refused) as caught:
        ho.services.headoffice.import_package(admin, bomb)
    assert inflated.total <= package_zip.MAX_MANIFEST + 1
    assert "manifest.json in the package is too large" in caught.value.message


def test_a_member_is_inflated_no_further_than_its_signed_size(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The branch's own signature holds, the manifest is untouched; one member grew into a bomb."""
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    path = tmp_path / "p.zip"
    a.services.exchange.export(lead, f"{date.today():%Y-%m}", path)
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho, admin = _head_office(make_db, tmp_path / "a.pem")
    grown = tmp_path / "grown.zip"
    member = f"{package.RECORDS}incidents.json"
    _rezip(path, grown, lambda name, data: b" " * BOMB if name == member else data)
    with zipfile.ZipFile(path) as zf:
        signed = sum(i.file_size for i in zf.infolist())
    set_language("en")
    inflated = count_inflated(monkeypatch)
    with pytest.raises(Refused) as caught:
        ho.services.headoffice.import_package(admin, grown)
    assert f"{member} in the package differs from its manifest" in caught.value.message
    assert inflated.total < signed + 1024 * 1024  # a chunk past the one that grew, not its 8 MB

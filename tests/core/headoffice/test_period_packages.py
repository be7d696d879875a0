"""The regional report's packages by period (a quarter counts its months' packages and its own; a
month only its own), and a package whose manifest was edited after signing refused as such, not as
signed by another key, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.exchange import rules as package
from branchguard.core.headoffice.service import Refused
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.kernel.i18n import set_language
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    _rezip,
    make_db,
)


def _quarter_so_far(today: date) -> tuple[str, list[str]]:
    """This quarter's name and its months up to this one."""
    first = 3 * ((today.month - 1) // 3) + 1
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}", [
        f"{today.year}-{m:02d}" for m in range(first, today.month + 1)
    ]


def _head_office(make: Callable[[str], Any], key: Path) -> tuple[Any, Any]:
    ho = make("ho")
    ho.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    ho.services.headoffice.add_branch(admin, "DEMO-0101", "城东", key)
    return ho, admin


def test_a_quarter_counts_the_packages_of_its_months_and_its_own(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    quarter, months = _quarter_so_far(date.today())
    zips = []
    for period in [*months, quarter]:  # each month's package, then the quarter's
        path = tmp_path / f"{period}.zip"
        a.services.exchange.export(lead, period, path)
        zips.append(path)
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho, admin = _head_office(make_db, tmp_path / "a.pem")
    hos = ho.services.headoffice
    for path in zips:
        assert hos.import_package(admin, path).outcome == ImportOutcome.IMPORTED

    name, [row] = hos.period_rows(admin, quarter)
    assert name == quarter and row.code == "DEMO-0101"
    assert row.packages == len(months) + 1
    name, [row] = hos.period_rows(admin, months[-1])
    assert name == months[-1] and row.packages == 1  # the month's own: not the quarter's
    year_before = f"{date.today().year - 1}-Q{(date.today().month - 1) // 3 + 1}"
    assert hos.period_rows(admin, year_before)[1][0].packages == 0
    # the records' figures are by their own dates: a quarter holds at least what its last month holds
    assert row.incidents <= hos.period_rows(admin, quarter)[1][0].incidents


def test_a_manifest_changed_after_signing_is_refused_as_changed(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    path = tmp_path / "p.zip"
    a.services.exchange.export(lead, f"{date.today():%Y-%m}", path)
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho, admin = _head_office(make_db, tmp_path / "a.pem")
    registered = ho.services.headoffice.held_heads(admin)[0].fingerprint

    def count_more(name: str, data: bytes) -> bytes:
        if name != package.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["counts"]["actions"] += 1
        return json.dumps(manifest, indent=1).encode()

    edited = tmp_path / "edited.zip"
    _rezip(path, edited, count_more)
    set_language("en")
    with pytest.raises(Refused) as caught:
        ho.services.headoffice.import_package(admin, edited)
    message = caught.value.message
    assert "manifest.json or manifest.sig was changed after the package was signed" in message
    assert f"under branch DEMO-0101's registered key {registered}, which the manifest names" in message
    assert "is not signed by" not in message

    def another_key(name: str, data: bytes) -> bytes:  # a manifest naming a key not registered
        if name != package.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["key"]["fingerprint"] = "0" * 16
        return json.dumps(manifest, indent=1).encode()

    foreign = tmp_path / "foreign.zip"
    _rezip(path, foreign, another_key)
    with pytest.raises(Refused) as caught:
        ho.services.headoffice.import_package(admin, foreign)
    assert f"is not signed by branch DEMO-0101's registered key {registered}" in caught.value.message
    assert "0" * 16 in caught.value.message
    assert ho.services.headoffice.import_package(admin, path).outcome == ImportOutcome.IMPORTED


def test_a_branchs_last_period_is_the_latest_it_sent_not_the_last_imported(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """A branch that sends this month's package and then last month's (a late one, or one sent
    again): head office's list says it has sent this month, whatever order they came in."""
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    today = date.today()
    now, before = f"{today:%Y-%m}", f"{today.year - (today.month == 1)}-{(today.month - 2) % 12 + 1:02d}"
    zips = [tmp_path / f"{period}.zip" for period in (now, before)]
    for period, path in zip((now, before), zips, strict=True):
        a.services.exchange.export(lead, period, path)
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho, admin = _head_office(make_db, tmp_path / "a.pem")
    hos = ho.services.headoffice
    for path in zips:  # in the order made: the earlier month's last
        assert hos.import_package(admin, path).outcome == ImportOutcome.IMPORTED
    [row] = hos.branches(admin)
    assert (row.packages, row.last_period) == (2, now)


def test_drill_rules_overdue_are_not_known_without_a_package_ending_with_the_period(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """A package carries the drill rules as of its period's end: for a period no package held ends
    with (a year under way, a month the branch sent nothing for), the report says it does not know,
    never "0 overdue" (the branch's own dashboard may say 1)."""
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    now = f"{date.today():%Y-%m}"
    a.services.exchange.export(lead, now, tmp_path / "now.zip")
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho, admin = _head_office(make_db, tmp_path / "a.pem")
    hos = ho.services.headoffice
    assert hos.import_package(admin, tmp_path / "now.zip").outcome == ImportOutcome.IMPORTED
    [held] = hos.period_rows(admin, now)[1]
    assert held.compliance_overdue is not None and held.compliance_overdue >= 0
    [unknown] = hos.period_rows(admin, str(date.today().year - 1))[1]
    assert unknown.compliance_overdue is None

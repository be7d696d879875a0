"""The Branches page's drill rules are as the package of the branch's latest period carried them
(each package carries them as of its period's end), not as the package imported last: a branch
that sends its first quarter after its November reads as it stood at the end of November. Their
names come with them, in both languages, for the window to name them."""

from __future__ import annotations

from datetime import UTC, datetime

from branchguard.context import AppContext
from branchguard.core.headoffice import rules
from branchguard.core.kernel.types import Text2
from branchguard.core.ledger.rules import GENESIS
from branchguard.db.models.exchange import HoBranchRow, HoPackageRow, HoRecordRow
from tests.core.headoffice.ho_support import HO_PASSWORD


def _package(ctx: AppContext, branch_id: int, period: str, ledger_to: int, fire: str) -> None:
    """A package of `period` as an import leaves it: its row and its drill rules' statuses."""
    with ctx.sessions.begin() as s:
        row = HoPackageRow(
            branch_id=branch_id,
            period=period,
            manifest_sha256=f"{ledger_to:064x}",
            created_at=datetime(2026, 12, 1, 8, ledger_to, tzinfo=UTC),
            imported_by="admin",
            ledger_from=ledger_to,
            ledger_to=ledger_to,
            ledger_hash=GENESIS,
            counts={},
            file_name=f"{period}.zip",
        )
        s.add(row)
        s.flush()
        for rule, status in (("FIRE_EVAC", fire), ("ROBBERY", "on_time")):
            facts = rules.facts("compliance", {"rule": rule, "status": status, "next_due": None}, period)
            name = {"zh": f"{rule} 演练", "en": f"{rule} drill"}
            s.add(HoRecordRow(branch_id=branch_id, package_id=row.id, kind="compliance", period=period,
                              data={"rule": rule, "status": status, "name": name}, **facts))  # fmt: skip


def test_drill_rules_are_the_latest_periods_not_the_last_imported(head_office: AppContext) -> None:
    admin = head_office.services.auth.login("admin", HO_PASSWORD)
    with head_office.sessions.begin() as s:
        branch = HoBranchRow(code="B001", name="城东", public_key="00" * 32, fingerprint="0" * 16,
                             added_by="admin", ledger_seq=2, ledger_hash=GENESIS)  # fmt: skip
        s.add(branch)
        s.flush()
        branch_id = branch.id
    _package(head_office, branch_id, "2026-11", 1, "on_time")
    _package(head_office, branch_id, "2026-Q1", 2, "overdue")  # sent after, as it stood on 31 March
    [row] = head_office.services.headoffice.branches(admin)
    assert row.last_period == "2026-11"
    assert row.compliance == {"FIRE_EVAC": "on_time", "ROBBERY": "on_time"}
    assert row.rule_names["FIRE_EVAC"] == Text2("FIRE_EVAC 演练", "FIRE_EVAC drill")  # for the window

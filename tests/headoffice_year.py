"""Two branches' packages over a year, for head office's annual regional report (tests of core,
window and command line). The year is the last whole one (YEAR); BEFORE the one before it.

DEMO-0101 (城东): the demo branch with its records and, with `history`, two years of a busy
branch's history (core/demo/history.py, as the head-office bench makes its branches); it sends
December of BEFORE, then YEAR's months but August, the second quarter as one package.
DEMO-0202 (城西): the demo branch with its records only; it sends November and December of YEAR.
Packages are made in that order, the order head office takes them in (each one's ledger goes on
from the one before)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from branchguard.context import open_context
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.kernel.types import Actor, Role

YEAR = date.today().year - 1
BEFORE = YEAR - 1
HO_NAME, HO_USER, HO_PASSWORD = "华东区总行", "admin", "head-office-2026!"
EAST, WEST = "DEMO-0101", "DEMO-0202"
NAMES = {EAST: "城东", WEST: "城西"}
SENT = {
    EAST: [f"{BEFORE}-12", *(f"{YEAR}-{m:02d}" for m in (1, 2, 3)), f"{YEAR}-Q2",
           *(f"{YEAR}-{m:02d}" for m in (7, 9, 10, 11, 12))],
    WEST: [f"{YEAR}-11", f"{YEAR}-12"],
}  # fmt: skip
MISSING = {EAST: (f"{YEAR}-08",), WEST: tuple(f"{YEAR}-{m:02d}" for m in range(1, 11))}


@dataclass(frozen=True)
class Fleet:
    folder: Path

    def key(self, code: str) -> Path:
        return self.folder / f"{code}.pem"

    def package(self, code: str, period: str) -> Path:
        return self.folder / f"{code}-{period}.zip"

    def packages(self) -> list[Path]:
        return [self.package(code, period) for code, periods in SENT.items() for period in periods]


def _lead(ctx: Any) -> Actor:
    info = ctx.services.auth.user_by_name("lead")
    assert info is not None
    return Actor(info.id, info.username, Role(info.role))


def build(folder: Path, records: Path, history: bool) -> Fleet:
    """Both branches' packages and keys in `folder`, each branch a copy of the data folder
    `records` (the demo with its records); their data folders removed after."""
    fleet = Fleet(folder)
    for n, (code, periods) in enumerate(SENT.items()):
        data = folder / "branches" / code
        shutil.copytree(records, data)
        ctx = open_context(data)
        try:
            lead = _lead(ctx)
            if history and code == EAST:
                ctx.services.demo.fill_history(2, n + 1, date.today() - timedelta(days=1))
            info = ctx.services.branch.get()
            ctx.services.branch.update(lead, name=NAMES[code], code=code, address=info.address)
            for period in periods:
                ctx.services.exchange.export(lead, period, fleet.package(code, period))
            ctx.services.exchange.export_key(lead, fleet.key(code))
        finally:
            ctx.close()
    shutil.rmtree(folder / "branches")
    return fleet


def take_in(ctx: Any, fleet: Fleet) -> Actor:
    """Make `ctx` head office's, register both branches and import every package; its administrator."""
    hos = ctx.services.headoffice
    hos.init(HO_NAME, HO_USER, HO_PASSWORD)
    info = ctx.services.auth.user_by_name(HO_USER)
    admin = Actor(info.id, info.username, Role(info.role))
    for code, name in NAMES.items():
        hos.add_branch(admin, code, name, fleet.key(code))
    for path in fleet.packages():
        assert hos.import_package(admin, path).outcome == ImportOutcome.IMPORTED, path.name
    return admin

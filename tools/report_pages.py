"""Renders the first page of the inspection report, of the hazard register and of this month's
periodic safety report (PDF) as PNG images, in Chinese and English, next to the window's
screenshots in docs/screenshots/.

    python -m tools.report_pages [--out docs/screenshots] [--lang zh_CN --lang en]

Qt-free: demo data in a temporary data folder, one inspection run with two failed items (one photo
since lost from the store), an amendment, and hand-entered hazards, one of them overdue. Needs
poppler's pdftoppm (poppler-utils), as the report tests do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from PIL import Image

from branchguard.context import AppContext, open_context
from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.demo.inspections import make_overdue
from branchguard.core.demo.service import DEMO_ACCOUNTS
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity
from branchguard.core.inspections.types import InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.types import Actor
from branchguard.reports.hazard_register import build_hazard_register
from branchguard.reports.inspection_report import build_inspection_report
from branchguard.reports.summary import build_summary_report

RESOLUTION = 80  # dots per inch: an A4 page about 660 pixels wide, readable on a README


def _login(ctx: AppContext, username: str) -> Actor:
    password = next(a[2] for a in DEMO_ACCOUNTS if a[0] == username)
    return ctx.services.auth.login(username, password)


def _demo_records(ctx: AppContext, folder: Path) -> int:
    """An inspection and a few hand-entered hazards; returns the inspection's id."""
    lead, staff = _login(ctx, "lead"), _login(ctx, "staff")
    insp, hazards = ctx.services.inspections, ctx.services.hazards
    iid = insp.start(staff, "FIRE_DAILY", InspectionInput(location="营业大厅")).info.id
    photos = []
    for name, colour in (("exit-blocked.jpg", "#8D6E63"), ("exit-sign.jpg", "#455A64")):
        path = folder / name
        Image.new("RGB", (800, 600), colour).save(path)
        photos.append(path)
    insp.answer(staff, iid, 2, ItemResult.FAIL, "西侧安全出口被纸箱堵塞，已当场清理", [photos[0]])
    lost = insp.answer(staff, iid, 3, ItemResult.FAIL, "二楼出口指示灯不亮", [photos[1]]).photos[0]
    insp.answer(staff, iid, 5, ItemResult.NA, "本网点无常闭式防火门")
    insp.answer_rest(staff, iid)
    insp.sign(staff, iid, SignatureRole.INSPECTOR, "张三")
    insp.sign(lead, iid, SignatureRole.REVIEWER, "王经理")
    insp.submit(staff, iid)
    insp.amend(lead, iid, 6, ItemResult.FAIL, "复核时消防控制室无人值守", note="值班人员离岗")
    (ctx.data_dir / "attachments" / lost.sha256[:2] / lost.sha256).unlink()
    vault = hazards.create(
        lead,
        HazardInput(
            "金库双人管库制度未落实，库房钥匙由一人保管",
            HazardSeverity.MAJOR,
            location="现金库房",
            owner="王经理",
        ),
    )
    make_overdue(hazards, ctx.sessions, lead, vault.info.id, found_days_ago=10, fix_days=7)
    hazards.create(lead, HazardInput("宣传栏松动", location="营业大厅入口", owner="李四"))
    return iid


def shoot_reports(ctx: AppContext, folder: Path, out: Path) -> list[Path]:
    """The two report pages as PNG files in `out`; the records are made in `ctx` first."""
    iid = _demo_records(ctx, folder)
    lead = _login(ctx, "lead")
    pdfs = {
        "inspection-report": folder / "inspection.pdf",
        "hazard-register-report": folder / "register.pdf",
        "safety-report": folder / "summary.pdf",
    }
    build_inspection_report(ctx.services, lead, iid, pdfs["inspection-report"])
    build_hazard_register(ctx.services, lead, HazardFilter(open_only=True), pdfs["hazard-register-report"])
    today = date.today()
    this_month = Period(PeriodKind.MONTH, today.year, today.month)
    build_summary_report(ctx.services, lead, this_month, pdfs["safety-report"])
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    for name, pdf in pdfs.items():
        stem = folder / name
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-singlefile",
                "-r",
                str(RESOLUTION),
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        target = out / f"{name}.png"
        shutil.move(stem.with_suffix(".png"), target)
        shots.append(target)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.report_pages", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", action="append", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    for lang in args.lang or ["zh_CN", "en"]:
        with tempfile.TemporaryDirectory(prefix="branchguard-report-pages-") as tmp:
            ctx = open_context(Path(tmp) / "data", lang=lang)
            try:
                ctx.services.demo.fill()
                for path in shoot_reports(ctx, Path(tmp), args.out / lang):
                    print(path)
            finally:
                ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

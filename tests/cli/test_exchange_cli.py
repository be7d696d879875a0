"""The exchange with head office on the command line: `export package` (its preview, the lead's
`--unmask` refused to staff), `key show|export`, and head office's `ho init` (password on standard
input), `ho branch add`, `ho import` of several files (out of order refused without quarantine, a
rewritten history quarantined, a second import changing nothing), `ho branches --json`, `ho report`
as PDF and xlsx, and each database refusing the other's commands."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, select, update

from branchguard.context import open_context
from branchguard.core.exchange import rules as package
from branchguard.core.incidents import log as incident_log
from branchguard.db.models.exchange import HoQuarantineRow
from branchguard.db.models.incidents import IncidentRow, LogEntryRow
from tests.cli.cli_support import LEAD_PASSWORD, STAFF_PASSWORD, Run, as_user, invoke
from tests.cli.test_refused_first_cli import refusals
from tests.ledger_forgery import forge

HO_PASSWORD = "head-office-2026!"
Runner = Callable[..., tuple[int, str, str]]


def _periods() -> tuple[str, str]:
    today = date.today()
    before = date(today.year - (today.month == 1), 12 if today.month == 1 else today.month - 1, 1)
    return f"{before:%Y-%m}", f"{today:%Y-%m}"


def _runner(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Runner:
    return lambda *args, lang="en": invoke(capsys, data_dir, args, lang)


def _demo_branch(
    capsys: pytest.CaptureFixture[str],
    demo_folder: Callable[[Path], Path],
    data_dir: Path,
    code: str | None = None,
) -> Runner:
    """A demo branch in `data_dir`, as `branchguard demo` fills it (a copy: filling it anew takes
    seconds), renamed to `code` when given (head office knows branches by it)."""
    run = _runner(capsys, demo_folder(data_dir))
    if code is not None:
        ctx = open_context(data_dir)
        try:
            info = ctx.services.branch.get()
            assert info is not None
            lead = ctx.services.auth.user_by_name("lead")
            assert lead is not None
            from branchguard.core.kernel.types import Actor, Role

            actor = Actor(lead.id, lead.username, Role(lead.role))
            ctx.services.branch.update(actor, name=f"{info.name}（二）", code=code, address=info.address)
        finally:
            ctx.close()
    return run


def _head_office(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> Runner:
    run = _runner(capsys, data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(HO_PASSWORD + "\n"))
    code, out, err = run("ho", "init", "--name", "华东区总行", "--user", "admin")
    assert code == 0, err
    assert "admin" in out
    return run


def test_demo_export_preview_package_and_key(demo_run: Run, tmp_path: Path) -> None:
    before, now = _periods()
    code, out, err = demo_run("export", "package", "--period", now, "--preview")  # no file named
    assert code == 0, err
    assert out.startswith("DEMO-0101 ") and f" {now}: " in out and "incidents 1" in out
    assert "ledger 1-" in out
    code, out, err = demo_run("export", "package", "--period", now, "--preview", lang="zh_CN")
    assert code == 0 and "事件 1" in out and "incidents" not in out, err  # each kind by name
    code, out, err = demo_run(
        "export", "package", "--period", now, "-o", str(tmp_path / "p.zip"), "--preview"
    )
    assert code == 0, err
    assert not (tmp_path / "p.zip").exists()  # a preview writes nothing
    code, out, err = demo_run("export", "package", "--period", now)
    assert code == 1 and "-o/--output is required" in err
    # a month still to come is refused: its package would claim the ledger so far
    future = date.today().replace(day=1) + timedelta(days=62)
    target = tmp_path / "f.zip"
    code, out, err = demo_run("export", "package", "--period", f"{future:%Y-%m}", "-o", str(target))
    assert code == 1 and f"{future:%Y-%m} has not begun" in err
    assert not target.exists()

    code, written, err = demo_run("export", "package", "--period", now, "-o", str(tmp_path / "p.zip"))
    assert code == 0, err
    assert f"period {now}" in written and "records: " in written
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(package.MANIFEST))
    assert {package.MANIFEST, package.SIGNATURE, package.LEDGER} <= names
    assert manifest["branch"]["code"] == "DEMO-0101" and manifest["period"]["name"] == now
    assert manifest["masked"] is True
    assert manifest["reports"] >= 1 and any(n.startswith(package.REPORTS) for n in names)
    # the month's periodic safety report (网点安全管理工作报告) goes with it, as head office asks
    assert f"{package.REPORTS}summary-{now}.pdf" in names and manifest["notes"] == []

    code, out, err = demo_run(
        "export", "package", "--period", before, "-o", str(tmp_path / "q.zip"), "--no-reports"
    )
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "q.zip") as zf:
        assert not any(n.startswith(package.REPORTS) for n in zf.namelist())
        second = json.loads(zf.read(package.MANIFEST))
    assert second["ledger"]["previous"] == manifest["ledger"]["head"]  # it goes on from the first
    assert second["notes"] == ["exchange.note.no_periodic_report"]  # said, without its reports

    code, shown, err = demo_run("key", "show")
    assert code == 0, err
    fingerprint = shown.split(":", 1)[1].strip()
    assert fingerprint.replace(" ", "").lower() == manifest["key"]["fingerprint"]
    code, out, err = demo_run("key", "export", "-o", str(tmp_path / "branch.pem"))
    assert code == 0, err
    assert fingerprint in out
    assert f"key {fingerprint}" in written  # as head office is told it, not "key 3f2a91c0…"
    assert (tmp_path / "branch.pem").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")

    code, out, err = demo_run("export", "package", "--period", "2026-13", "-o", str(tmp_path / "x.zip"))
    assert code == 1 and "2026-13" in err and "2026-Q4" in err
    assert not (tmp_path / "x.zip").exists()


def test_demo_staff_may_not_export_nor_unmask(
    demo_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _before, now = _periods()
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    for extra in (("--unmask",), ()):
        code, out, err = demo_run("export", "package", "--period", now, "-o", str(tmp_path / "s.zip"), *extra)
        assert code == 1 and out == ""
        assert "Staff 'staff' may not make a period package for head office" in err
        assert not (tmp_path / "s.zip").exists()
    code, _out, err = demo_run("key", "export", "-o", str(tmp_path / "s.pem"))
    assert code == 1 and not (tmp_path / "s.pem").exists()
    # the lead may unmask, and the manifest says so
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    code, _out, err = demo_run(
        "export", "package", "--period", now, "-o", str(tmp_path / "u.zip"), "--unmask", "--no-reports"
    )
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "u.zip") as zf:
        assert json.loads(zf.read(package.MANIFEST))["masked"] is False


def test_head_office_round_trip_on_the_command_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo_folder: Callable[[Path], Path],
) -> None:
    before, now = _periods()
    a = _demo_branch(capsys, demo_folder, tmp_path / "a")
    b = _demo_branch(capsys, demo_folder, tmp_path / "b", "DEMO-0202")
    zips: dict[str, Path] = {}
    for tag, run in (("a", a), ("b", b)):
        for period in (before, now):
            zips[f"{tag}-{period}"] = tmp_path / f"{tag}-{period}.zip"
            # one package as a branch sends it by default, with its PDF reports
            reports = [] if (tag, period) == ("a", now) else ["--no-reports"]
            code, _out, err = run(
                "export", "package", "--period", period, "-o", str(zips[f"{tag}-{period}"]), *reports
            )
            assert code == 0, err
        assert run("key", "export", "-o", str(tmp_path / f"{tag}.pem"))[0] == 0

    ho = _head_office(capsys, monkeypatch, tmp_path / "ho")
    as_user(monkeypatch, "admin", HO_PASSWORD)
    code, out, err = ho(
        "ho", "branch", "add", "DEMO-0101", "--name", "城东", "--key", str(tmp_path / "a.pem")
    )
    assert code == 0 and "DEMO-0101" in out, err
    code, out, err = ho(
        "ho", "branch", "add", "DEMO-0202", "--name", "城西", "--key", str(tmp_path / "b.pem")
    )
    assert code == 0, err
    code, _out, err = ho(
        "ho", "branch", "add", "DEMO-0202", "--name", "again", "--key", str(tmp_path / "b.pem")
    )
    assert code == 1 and "registered already" in err
    not_a_key = tmp_path / "not-a-key.pem"
    not_a_key.write_text("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n")
    code, _out, err = ho("ho", "branch", "add", "X-1", "--name", "bad key", "--key", str(not_a_key))
    assert code == 1 and "not an Ed25519 public key" in err
    # a package given for the key (a mix-up at the desk) is refused by its size, before it is read
    package = tmp_path / f"a-{before}.zip"
    code, _out, err = ho("ho", "branch", "add", "X-1", "--name", "bad key", "--key", str(package))
    assert code == 1 and package.name in err and "larger than" in err

    # the later package alone: a gap in the ledger, refused and not quarantined
    later, earlier = zips[f"a-{now}"], zips[f"a-{before}"]
    code, out, err = ho("ho", "import", str(later))
    assert code == 1 and out == ""
    assert f"{later}: " in err and "branch DEMO-0101's package starts at ledger entry" in err
    assert "quarantine" not in err
    assert not (tmp_path / "ho" / "quarantine").exists()
    # given together, the later first: each branch's taken in by where its ledger starts
    code, out, err = ho(
        "ho", "import", str(later), str(earlier), str(zips[f"b-{now}"]), str(zips[f"b-{before}"])
    )
    assert code == 0, err
    assert out.count("records") == 4 and f"period {now}" in out
    assert out.index(f"{earlier}: ") < out.index(f"{later}: ")

    # a second import of all four changes nothing
    code, out, err = ho("ho", "import", *map(str, zips.values()))
    assert code == 0, err
    assert out.count("imported before, nothing changed") == 4

    code, out, err = ho("ho", "branches", "--json")
    assert code == 0, err
    listed = {r["code"]: r for r in json.loads(out)}
    assert sorted(listed) == ["DEMO-0101", "DEMO-0202"]
    for r in listed.values():
        assert r["packages"] == 2 and r["last_period"] == now
        assert r["counts"]["incidents"] == 1 and r["counts"]["drills"] >= 1
        assert r["hazards_open"] == 3
    code, out, err = ho("ho", "branches")
    assert code == 0 and "DEMO-0202" in out, err
    # the demo's one incident record is its drill's run: no incident, as the regional report counts
    # them (the column said 1 beside a report's 0)
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("DEMO-")}
    assert [rows[c][3] for c in sorted(rows)] == ["0", "0"]

    # branch B sends this month again (its third package): said as sent again, not as one more month
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    again = tmp_path / f"b-{now}-again.zip"
    code, _out, err = b("export", "package", "--period", now, "-o", str(again), "--no-reports")
    assert code == 0, err
    as_user(monkeypatch, "admin", HO_PASSWORD)
    code, out, err = ho("ho", "import", str(again))
    assert code == 0, err
    assert f"period {now}: sent again (head office had this period's package, imported " in out, out

    for suffix in ("pdf", "xlsx"):
        target = tmp_path / f"regional.{suffix}"
        code, out, err = ho("ho", "report", "--period", now, "-o", str(target))
        assert code == 0, err
        assert out.strip() == str(target)
    assert (tmp_path / "regional.pdf").read_bytes().startswith(b"%PDF")
    sheet = load_workbook(tmp_path / "regional.xlsx").active
    assert sheet is not None
    column = [str(c.value) for c in sheet["A"] if c.value]
    assert "DEMO-0101" in column and "DEMO-0202" in column
    code, _out, err = ho("ho", "report", "--period", now, "-o", str(tmp_path / "regional.txt"))
    assert code == 2 and ".pdf or .xlsx" in err

    # branch A cuts a log tail and recomputes its ledger: its next package rewrites history
    ctx = open_context(tmp_path / "a")
    try:
        with ctx.engine.begin() as conn:
            iid = conn.scalar(select(IncidentRow.id).order_by(IncidentRow.id))
            entries = incident_log.read_entries(conn, iid)
            gone, keep = entries[-1], entries[-2]
            conn.execute(delete(LogEntryRow).where(LogEntryRow.id == gone.id))
            conn.execute(
                update(IncidentRow)
                .where(IncidentRow.id == iid)
                .values(last_seq=keep.seq, chain_head=keep.hash)
            )
            forge(
                conn, drop=lambda e: e.entity == "incident" and e.action == "append" and e.digest == gone.hash
            )
    finally:
        ctx.close()
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    cut = tmp_path / "a-cut.zip"
    assert a("export", "package", "--period", now, "-o", str(cut), "--no-reports")[0] == 0
    as_user(monkeypatch, "admin", HO_PASSWORD)
    code, out, err = ho("ho", "import", str(cut))
    assert code == 1 and out == ""
    assert "history was" in err and "kept in quarantine" in err
    ctx = open_context(tmp_path / "ho")
    try:
        with ctx.engine.connect() as conn:
            kept = conn.execute(select(HoQuarantineRow.stored, HoQuarantineRow.branch_code)).all()
    finally:
        ctx.close()
    assert len(kept) == 1 and kept[0][1] == "DEMO-0101" and Path(kept[0][0]).is_file()
    code, out, _err = ho("ho", "branches", "--json")
    assert {r["code"]: r["packages"] for r in json.loads(out)} == {"DEMO-0101": 2, "DEMO-0202": 3}


def test_a_package_head_office_never_got_is_sent_again_from_the_entry_it_holds(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo_folder: Callable[[Path], Path],
) -> None:
    """A package lost on the way (or refused) leaves head office behind the branch: the next one
    is refused naming the entry head office holds, and `--after` that entry sends the ledger again."""
    before, now = _periods()
    a = _demo_branch(capsys, demo_folder, tmp_path / "a")
    assert a("key", "export", "-o", str(tmp_path / "a.pem"))[0] == 0
    lost = tmp_path / "lost.zip"
    assert a("export", "package", "--period", before, "-o", str(lost), "--no-reports")[0] == 0
    lost.unlink()
    later = tmp_path / "later.zip"
    assert a("export", "package", "--period", now, "-o", str(later), "--no-reports")[0] == 0

    ho = _head_office(capsys, monkeypatch, tmp_path / "ho")
    as_user(monkeypatch, "admin", HO_PASSWORD)
    assert ho("ho", "branch", "add", "DEMO-0101", "--name", "城东", "--key", str(tmp_path / "a.pem"))[0] == 0
    code, _out, err = ho("ho", "import", str(later))
    assert code == 1 and "holds entries up to 0 only" in err and "export package --after 0" in err

    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    sent = json.loads(zipfile.ZipFile(later).read(package.MANIFEST))["ledger"]["head"]["seq"]
    beyond = str(sent + 1)  # an entry never sent: refused, nothing written
    refused = tmp_path / "x.zip"
    code, _out, err = a("export", "package", "--period", now, "-o", str(refused), "--after", beyond)
    assert code == 1 and f"give 0 to {sent}" in err
    assert not refused.exists()
    code, out, err = a("export", "package", "--period", now, "--preview", "--after", "0")
    assert code == 0 and "ledger 1-" in out, err
    again = tmp_path / "again.zip"
    code, out, err = a("export", "package", "--period", now, "-o", str(again), "--after", "0", "--no-reports")
    assert code == 0 and "ledger entries 1–" in out, err

    as_user(monkeypatch, "admin", HO_PASSWORD)
    code, out, err = ho("ho", "import", str(again))
    assert code == 0 and f"period {now}" in out, err
    # and the next package goes on from the one sent again
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    following = tmp_path / "following.zip"
    assert a("export", "package", "--period", now, "-o", str(following), "--no-reports")[0] == 0
    as_user(monkeypatch, "admin", HO_PASSWORD)
    code, out, err = ho("ho", "import", str(following))
    assert code == 0, err


def test_each_database_refuses_the_others_commands(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    demo_folder: Callable[[Path], Path],
) -> None:
    branch = _demo_branch(capsys, demo_folder, tmp_path / "branch")
    for args in (
        ("ho", "branches"),
        ("ho", "import", str(tmp_path / "none.zip")),
        ("ho", "report", "--period", "2026-11", "-o", str(tmp_path / "r.pdf")),
    ):
        code, out, err = branch(*args)
        assert code == 1 and out == "", args
        assert "this is a branch database" in err, args
    assert not (tmp_path / "r.pdf").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(HO_PASSWORD + "\n"))
    code, _out, err = branch("ho", "init", "--name", "总行", "--user", "admin")
    assert code == 1 and "holds a branch's data" in err

    ho = _head_office(capsys, monkeypatch, tmp_path / "ho")
    as_user(monkeypatch, "admin", HO_PASSWORD)
    for args in (
        ("incident", "list"),
        ("export", "package", "--period", "2026-11", "-o", str(tmp_path / "p.zip")),
        ("demo",),
    ):
        code, out, err = ho(*args)
        assert code == 1 and out == "", args
        assert f"this is a head-office database: `{args[0]}` is a branch command" in err, args
    assert not (tmp_path / "p.zip").exists()
    code, out, err = ho("ho", "branches", "--json")
    assert code == 0 and json.loads(out) == [], err
    code, out, err = ho("info", "--json")
    assert code == 0, err
    monkeypatch.setattr("sys.stdin", io.StringIO(HO_PASSWORD + "\n"))
    code, _out, err = ho("ho", "init", "--name", "again", "--user", "admin2")
    assert code == 1 and "a head office's already" in err


def test_an_auditor_importing_packages_is_refused_once_and_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ho = _head_office(capsys, monkeypatch, tmp_path / "ho")
    as_user(monkeypatch, "admin", HO_PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("viewer-password-2026\n"))
    code, _out, err = ho("user", "add", "viewer", "--role", "auditor")
    assert code == 0, err
    as_user(monkeypatch, "viewer", "viewer-password-2026")
    files = [str(tmp_path / f"{name}.zip") for name in ("a", "b", "c")]
    code, out, err = ho("ho", "import", *files)
    assert (code, out) == (1, "")
    assert err == "branchguard: error: Auditor 'viewer' may not import branch packages\n", err
    assert refusals(tmp_path / "ho") == [("viewer", "ho import (ho.import)")]

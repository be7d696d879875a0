"""Period packages up and the head-office roll-up, on SQLite and PostgreSQL: two branches export two
months each, head office imports all four, lists both with the right counts and changes nothing on
a second import; a changed byte, a foreign key and a rewritten ledger are refused with nothing
written (the last kept in quarantine)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jsonschema import Draft202012Validator
from sqlalchemy import delete, func, select, text, update

from branchguard.context import open_context
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice import rules
from branchguard.core.headoffice.service import Refused
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor, Level, Role
from branchguard.db.engine import sqlite_url
from branchguard.db.models.exchange import HoQuarantineRow
from branchguard.db.models.incidents import IncidentRow, LogEntryRow
from tests.conftest import copy_fresh_sqlite, copy_records, take_records, take_snapshot
from tests.ledger_forgery import forge
from tests.pg_fresh import FreshDatabases
from tests.zip_damage import damage_stream, deflated

ROOT = Path(__file__).resolve().parents[3]
HO_PASSWORD = "head-office-2026!"
HO_TABLES = ("head_office", "ho_branches", "ho_packages", "ho_ledger", "ho_records")


def _periods() -> tuple[str, str]:
    today = date.today()
    before = date(today.year - (today.month == 1), 12 if today.month == 1 else today.month - 1, 1)
    return f"{before:%Y-%m}", f"{today:%Y-%m}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def make_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Opens a context on a new database of its own, named, on the engine of the run; with
    `records=True`, on a copy of the demo branch with its records (its database and attachments)."""
    opened: list[Any] = []
    taken: list[tuple[FreshDatabases, str]] = []

    def make(name: str, records: bool = False) -> Any:
        data = tmp_path / name / "data"
        if request.param == "sqlite":
            db_file = tmp_path / name / "test.sqlite"
            if records:
                copy_records(request, data, db_file)
            else:
                copy_fresh_sqlite(request, db_file)
            url = sqlite_url(db_file)
        else:  # a fresh copy of the run's template, put back after the test (tests/pg_fresh.py)
            if records:
                taken.append(take_records(request, data))
            else:
                databases = request.getfixturevalue("pg_fresh")
                taken.append((databases, databases.take()))
            url = request.getfixturevalue("pg_cluster").url(taken[-1][1])
        ctx = open_context(data, db=url)
        opened.append(ctx)
        return ctx

    yield make
    for ctx in opened:
        ctx.close()
    for databases, dbname in taken:
        databases.give_back(dbname)


def _actor(ctx: Any, name: str) -> Actor:
    info = ctx.services.auth.user_by_name(name)
    assert info is not None
    return Actor(info.id, info.username, Role(info.role))


def _branch(make_db: Callable[..., Any], name: str, code: str | None, extra: int) -> tuple[Any, Actor]:
    """The demo branch with its records (a copy: filling them anew takes seconds), with `code` given
    that code and a name of its own, and `extra` incidents more."""
    ctx = make_db(name, records=True)
    lead = _actor(ctx, "lead")
    if code is not None:
        info = ctx.services.branch.get()
        ctx.services.branch.update(lead, name=f"{info.name}（二）", code=code, address=info.address)
    for n in range(extra):
        started = ctx.services.incidents.start(lead, None, Level.III, title=f"额外事件 {n}", location="大堂")
        ctx.services.incidents.log(lead, started.id, EntryKind.OBSERVATION, f"记录 {n}")
    return ctx, lead


def _incidents(ctx: Any) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(IncidentRow)) or 0)


def _schema_holds(zip_path: Path) -> None:
    """Every part of the package against the published schema (docs/schema/package-v1.json)."""
    published = json.loads((ROOT / "docs" / "schema" / "package-v1.json").read_text("utf-8"))
    with zipfile.ZipFile(zip_path) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
        Draft202012Validator(published).validate(manifest)
        for kind in package.KINDS:
            data = json.loads(zf.read(f"{package.RECORDS}{kind}.json"))
            Draft202012Validator({"$defs": published["$defs"], "$ref": f"#/$defs/{kind}"}).validate(data)
            assert len(data) == manifest["counts"][kind]
        entries = json.loads(zf.read(package.LEDGER))
        Draft202012Validator({"$defs": published["$defs"], "$ref": "#/$defs/ledger"}).validate(entries)
        assert (
            rules.chain_problem(entries, manifest["ledger"]["previous"], manifest["ledger"]["head"]) is None
        )


def _rezip(src: Path, dst: Path, change: Callable[[str, bytes], bytes]) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))


def _ho_snapshot(ho: Any) -> Any:
    return take_snapshot(ho.engine, only=HO_TABLES)


def test_round_trip_refusals_and_quarantine(make_db: Callable[[str], Any], tmp_path: Path) -> None:
    before, now = _periods()
    a, a_lead = _branch(make_db, "a", None, 0)
    b, b_lead = _branch(make_db, "b", "DEMO-0202", 2)
    out = tmp_path / "out"
    out.mkdir()
    zips: list[Path] = []
    for ctx, lead, tag in ((a, a_lead, "a"), (b, b_lead, "b")):
        for period in (before, now):
            path = out / f"{tag}-{period}.zip"
            ctx.services.exchange.export(lead, period, path)
            _schema_holds(path)
            zips.append(path)
    keys = {}
    for ctx, lead, tag in ((a, a_lead, "a"), (b, b_lead, "b")):
        keys[tag] = out / f"{tag}.pem"
        ctx.services.exchange.export_key(lead, keys[tag])

    ho = make_db("ho")
    hos = ho.services.headoffice
    with pytest.raises(ValidationError):  # a branch database is no head office
        a.services.headoffice.branches(a_lead)
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    zero = out / "zero.hex"  # a key of small order: anyone could sign "as" it (once registered)
    zero.write_text("0" * 64)
    with pytest.raises(ValidationError) as bad_key:
        hos.add_branch(admin, "DEMO-0909", "无", zero)
    assert "is not an Ed25519 public key" in bad_key.value.content.text("en")
    hos.add_branch(admin, "DEMO-0101", "城东", keys["a"])
    hos.add_branch(admin, "DEMO-0202", "城西", keys["b"])
    with pytest.raises(ValidationError) as twice:  # one installation's key under a second code
        hos.add_branch(admin, "DEMO-0303", "城南", keys["a"])
    assert twice.value.field == "field.key_file" and "branch DEMO-0101's" in twice.value.content.text("en")
    results = [hos.import_package(admin, z) for z in zips]
    assert [r.outcome for r in results] == [ImportOutcome.IMPORTED] * 4

    listed = {r.code: r for r in hos.branches(admin)}
    hazards = hos.records(admin, "DEMO-0101", "hazards")
    assert len(hazards) == listed["DEMO-0101"].hazards_open == 3 and all(h.summary for h in hazards)
    assert len(hos.records(admin, "DEMO-0202", "incidents")) == 3
    for code, kind, field in (
        ("DEMO-0101", "people", "field.record_kind"),
        ("NOPE", "hazards", "field.branch_code"),
    ):
        with pytest.raises(ValidationError) as refused:
            hos.records(admin, code, kind)
        assert refused.value.field == field
    assert sorted(listed) == ["DEMO-0101", "DEMO-0202"]
    assert listed["DEMO-0101"].counts["incidents"] == _incidents(a) == 1
    assert listed["DEMO-0202"].counts["incidents"] == _incidents(b) == 3
    assert listed["DEMO-0202"].incidents_by_level.get("III") == 2
    for code in listed:  # the records behind the Incidents figure: a drill's run marked, not counted
        held = hos.records(admin, code, "incidents")
        assert sum(not r.drill_run for r in held) == listed[code].incidents < len(held)
    assert listed["DEMO-0101"].packages == listed["DEMO-0202"].packages == 2
    assert listed["DEMO-0101"].last_period == now
    assert listed["DEMO-0101"].hazards_open == 3 and listed["DEMO-0101"].drill_score_average is not None

    # importing again changes nothing
    held = _ho_snapshot(ho)
    again = [hos.import_package(admin, z) for z in zips]
    assert [r.outcome for r in again] == [ImportOutcome.ALREADY] * 4
    assert _ho_snapshot(ho) == held

    # a byte changed in any file of a fresh package: refused, nothing written
    fresh = out / "a-fresh.zip"
    a.services.exchange.export(a_lead, now, fresh)
    with zipfile.ZipFile(fresh) as zf:
        members = zf.namelist()
    for member in members:
        bad = out / "changed.zip"

        def flip(name: str, data: bytes, member: str = member) -> bytes:
            return data if name != member else data[:-2] + bytes([data[-2] ^ 1]) + data[-1:]

        _rezip(fresh, bad, flip)
        with pytest.raises(Refused) as refused:
            hos.import_package(admin, bad)
        worded = refused.value.content.text("en")
        assert member in worded or "not signed by branch DEMO-0101" in worded, (member, worded)
        assert _ho_snapshot(ho) == held
    for member in deflated(fresh):  # a byte changed inside the compressed data (zlib.error)
        damage_stream(fresh, member, out / "damaged.zip")
        with pytest.raises(Refused) as refused:
            hos.import_package(admin, out / "damaged.zip")
        worded = refused.value.content.text("en")
        if member in (package.MANIFEST, package.SIGNATURE):  # what the others are held to: damaged
            assert f"the package's {member} is damaged" in worded and "differs" not in worded, worded
        else:
            assert f"{member} in the package differs from its manifest" in worded
        assert _ho_snapshot(ho) == held

    # signed by a key head office does not know for that branch
    stranger = Ed25519PrivateKey.generate()

    def resign(name: str, data: bytes) -> bytes:
        if name == package.MANIFEST:
            return data
        if name == package.SIGNATURE:
            with zipfile.ZipFile(fresh) as zf:
                return package.sign(stranger, zf.read(package.MANIFEST)).encode()
        return data

    foreign = out / "foreign.zip"
    _rezip(fresh, foreign, resign)
    with pytest.raises(Refused) as refused:
        hos.import_package(admin, foreign)
    # its manifest names the registered key: a foreign signature reads as a changed manifest.sig
    assert "under branch DEMO-0101's registered key" in refused.value.content.text("en")
    assert _ho_snapshot(ho) == held

    # staff of the branch cannot export; an auditor at head office cannot import
    with pytest.raises(PermissionDenied):
        a.services.exchange.export(_actor(a, "staff"), now, out / "staff.zip")
    assert not (out / "staff.zip").exists()

    # the fresh package is fine on its own
    assert hos.import_package(admin, fresh).outcome is ImportOutcome.IMPORTED
    held = _ho_snapshot(ho)

    # a log tail cut at the branch and the ledger recomputed: the next package does not extend
    # what head office holds; refused, kept in quarantine
    with a.engine.begin() as conn:
        iid = conn.scalar(select(IncidentRow.id).order_by(IncidentRow.id))
        entries = incident_log.read_entries(conn, iid)
        gone, keep = entries[-1], entries[-2]
        conn.execute(delete(LogEntryRow).where(LogEntryRow.id == gone.id))
        conn.execute(
            update(IncidentRow).where(IncidentRow.id == iid).values(last_seq=keep.seq, chain_head=keep.hash)
        )
        forge(conn, drop=lambda e: e.entity == "incident" and e.action == "append" and e.digest == gone.hash)
    cut = out / "a-cut.zip"
    a.services.exchange.export(a_lead, now, cut)
    _schema_holds(cut)  # a well-formed package: only head office's history tells
    with pytest.raises(Refused) as refused:
        hos.import_package(admin, cut)
    worded = refused.value.content.text("en")
    assert "history was rewritten" in worded or "history was dropped" in worded
    assert "quarantine" in worded
    assert _ho_snapshot(ho) == held
    with ho.engine.connect() as conn:
        kept = conn.execute(select(HoQuarantineRow.stored, HoQuarantineRow.reason_key)).all()
    assert len(kept) == 1 and Path(kept[0][0]).is_file()
    assert kept[0][1] in ("ho.ledger_rewritten", "ho.ledger_dropped")


def test_the_published_schema_is_the_one_the_app_checks_with() -> None:
    docs = (ROOT / "docs" / "schema" / "package-v1.json").read_bytes()
    bundled = (ROOT / "branchguard" / "resources" / "schema" / "package-v1.json").read_bytes()
    assert docs == bundled
    Draft202012Validator.check_schema(json.loads(docs))


def test_periods() -> None:
    assert package.period_of("2026-11").end == date(2026, 12, 1)
    q4 = package.period_of("2026-q4")
    assert (q4.name, q4.start, q4.end) == ("2026-Q4", date(2026, 10, 1), date(2027, 1, 1))
    for bad in ("2026-13", "2026-Q5", "26-11", "", "2026/11", "2026"):  # a year is no package period
        with pytest.raises(ValidationError) as refused:
            package.period_of(bad)
        assert refused.value.field == "field.period"


def test_a_head_office_database_refuses_branch_work(make_db: Callable[[str], Any]) -> None:
    ho = make_db("ho")
    ho.services.headoffice.init("总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    with pytest.raises(ValidationError):
        ho.services.headoffice.init("again", "admin2", HO_PASSWORD)
    with pytest.raises(ValidationError):  # no branch code: no package
        ho.services.exchange.export(admin, "2026-11", ho.data_dir / "x.zip")
    branch = make_db("branch")
    branch.services.demo.fill()
    with pytest.raises(ValidationError):
        branch.services.headoffice.init("总行", "admin", HO_PASSWORD)
    with ho.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM ho_branches")) == 0


def test_a_package_anchors_its_head_without_checking_every_record(
    ctx: Any, lead: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package prints no proof: its export anchors the head it carries without the full check
    of every record a proved document makes (head office checks the chain of the entries)."""
    from branchguard.core.ledger import verify

    def checked(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the export checked every record")

    monkeypatch.setattr(verify, "verify", checked)
    info = ctx.services.branch.get()
    ctx.services.branch.update(lead, name=info.name, code="DEMO-0303", address=info.address)
    path = tmp_path / "p.zip"
    result = ctx.services.exchange.export(lead, _periods()[1], path)
    assert result.anchor_problem is None
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
        anchors = json.loads(zf.read(package.ANCHORS))["anchors"]
    assert [a["ledger_seq"] for a in anchors] == [manifest["ledger"]["head"]["seq"]]
    assert [a["ledger_hash"] for a in anchors] == [manifest["ledger"]["head"]["hash"]]

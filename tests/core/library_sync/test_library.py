"""The head-office library end to end: head office (its own data folder, SQLite) changes a plan, adds
a checklist template, changes a compliance rule and keeps a working-day table for a year the
built-in data does not have, then exports the library signed by its key; the branch (`ctx`, on
SQLite and on PostgreSQL) trusts that key, previews and imports. Refusals write nothing: an
unsigned library, a changed member or manifest, a library signed by another key, an older one."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import text

from branchguard.core.audit.service import AuditFilter
from branchguard.core.inspections.types import Cadence, ItemCategory, TemplateContent, TemplateItem
from branchguard.core.kernel import working_days
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, PlaybookStatus, Role, Text2
from branchguard.core.library_sync import rules
from branchguard.core.library_sync.rules import LibraryRefused
from branchguard.db.engine import sqlite_url
from tests.conftest import copy_fresh_sqlite, take_snapshot
from tests.zip_damage import damage_stream, deflated

YEAR = working_days.covered_years()[1] + 5  # a year no built-in data covers (test table below)
TABLE = f"""format: branchguard.working_days
format_version: 1
years:
  - year: {YEAR}
    source: test table
    holidays:
      - {{name: New Year's Day, from: {YEAR}-01-01, to: {YEAR}-01-03}}
      - {{name: National Day, from: {YEAR}-10-01, to: {YEAR}-10-07}}
"""
HO = Actor(user_id=None, username="ho-lead", role=Role.LEAD)


pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


@pytest.fixture
def head_office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A second installation acting as head office, with its own data folder and key."""
    from branchguard.context import open_context

    db_file = tmp_path / "ho" / "ho.sqlite"
    copy_fresh_sqlite(request, db_file)
    context = open_context(tmp_path / "ho", db=sqlite_url(db_file))
    try:
        yield context
    finally:
        context.close()


def _change_head_office(ho: Any, tmp_path: Path) -> str:
    """Head office's own content: one plan changed, one template added, one rule changed, one
    working-day year. Returns the changed plan's code."""
    plans = ho.services.playbooks
    code = plans.list_playbooks(HO)[0].code
    current = plans.get(HO, code)
    plans.save_draft(HO, code, replace(current.content, title=Text2("总行修订版", "Head-office revision")))
    plans.approve(HO, code)
    item = TemplateItem(
        "vault_door", Text2("金库门已锁", "Vault door locked"), ItemCategory.CASH_VAULT, Text2()
    )
    tpl = TemplateContent("HO_VAULT", Text2("金库检查", "Vault check"), Cadence.DAILY, (item,))
    ho.services.inspections.save_draft(HO, tpl)
    ho.services.inspections.approve(HO, "HO_VAULT")
    notice = {r.code: r for r in ho.services.drills.compliance_rules(HO)}["FIRE_NOTICE"]
    ho.services.drills.save_rule(HO, replace(notice, active=True, notice_working_days=5))
    table = tmp_path / "days.yaml"
    table.write_text(TABLE, encoding="utf-8")
    changes = ho.services.library.set_working_days(HO, table)
    assert changes.added == (str(YEAR),)
    return code


@pytest.fixture
def exported(head_office: Any, tmp_path: Path) -> tuple[Path, Path, str]:
    code = _change_head_office(head_office, tmp_path)
    result = head_office.services.library.export(HO, tmp_path / "library.zip", tmp_path / "ho-key.pem")
    assert result.playbooks > 0 and result.templates > 0 and result.rules > 0 and YEAR in result.years
    working_days.install([])  # the branch starts from its own data, not head office's
    return tmp_path / "library.zip", tmp_path / "ho-key.pem", code


def _rewrite(src: Path, dst: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    change(members)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    dst.write_bytes(buf.getvalue())
    return dst


def test_round_trip_preview_apply_and_a_second_import_changes_nothing(
    ctx: Any, lead: Actor, exported: tuple[Path, Path, str]
) -> None:
    zip_path, key_path, code = exported
    library = ctx.services.library
    trusted = library.trust(lead, key_path)
    assert trusted.changed and trusted.replaced == ""
    read = library.read(lead, zip_path)
    preview = library.preview(lead, read)
    # the preview says what would change, by code and year, before anything is written
    assert code in preview.playbooks.updated and not preview.playbooks.added
    assert preview.templates.added == ("HO_VAULT",)
    assert "FIRE_NOTICE" in preview.rules.updated
    assert preview.years.added == (str(YEAR),)
    assert str(working_days.covered_years()[1]) not in preview.years.added  # built-in years: not new
    assert not working_days.covers(YEAR)  # a preview installs nothing

    done = library.apply(lead, read)
    assert done.applied and done.templates.added == ("HO_VAULT",)
    assert ctx.services.playbooks.get(lead, code).content.title.en == "Head-office revision"
    assert ctx.services.inspections.template(lead, "HO_VAULT").info.status.value == "approved"
    rule = {r.code: r for r in ctx.services.drills.compliance_rules(lead)}["FIRE_NOTICE"]
    assert (rule.active, rule.notice_working_days) == (True, 5)
    assert working_days.covers(YEAR)
    assert not working_days.is_working_day(date(YEAR, 10, 4))  # National Day week from the table
    assert working_days.holiday_name(date(YEAR, 1, 2)) == "New Year's Day"
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="library.import"))
    assert len(events) == 1
    report = ctx.services.ledger.verify(lead)  # the trusted key, the years and the import are ledgered
    assert report.problems == ()
    with ctx.engine.connect() as conn:
        entities = set(conn.execute(text("SELECT DISTINCT entity FROM ledger_entries")).scalars())
    assert {"trusted_key", "working_day_year", "library_import"} <= entities

    before = take_snapshot(ctx.engine)
    again = library.apply(lead, library.read(lead, zip_path))
    assert not again.any and not again.applied
    assert take_snapshot(ctx.engine) == before

    working_days.install([])  # a new process of the branch reads its years from the database
    from sqlalchemy import select

    from branchguard.core.library_sync.table import YEARS, install_from, row_table, stored
    from branchguard.db.models.library_sync import WorkingDayYearRow

    assert install_from(ctx.sessions) == (YEAR,)
    # read from the bare table, as through the model
    with ctx.sessions() as s:
        as_models = [
            row_table(r) for r in s.scalars(select(WorkingDayYearRow).order_by(WorkingDayYearRow.year))
        ]
        assert stored(s) == as_models and as_models[0].holidays
    model = WorkingDayYearRow.__table__.columns
    assert {c.name: type(c.type) for c in YEARS.columns} == {
        c.name: type(model[c.name].type) for c in YEARS.columns
    }


def test_unsigned_changed_and_foreign_libraries_are_refused_and_nothing_is_written(
    ctx: Any, lead: Actor, exported: tuple[Path, Path, str], tmp_path: Path
) -> None:
    zip_path, key_path, _ = exported
    library = ctx.services.library
    set_language("en")
    with pytest.raises(LibraryRefused) as caught:
        library.read(lead, zip_path)
    assert "no head-office key is trusted yet" in caught.value.message
    library.trust(lead, key_path)
    before = take_snapshot(ctx.engine)

    def refused(path: Path) -> str:
        with pytest.raises(LibraryRefused) as caught:
            library.apply(lead, library.read(lead, path))
        assert take_snapshot(ctx.engine) == before
        return caught.value.message

    unsigned = _rewrite(zip_path, tmp_path / "unsigned.zip", lambda m: m.pop(rules.SIGNATURE))
    assert "is not signed" in refused(unsigned)

    def change_member(m: dict[str, bytes]) -> None:
        m[rules.TEMPLATES] = m[rules.TEMPLATES].replace("金库门已锁".encode(), "金库门已开".encode())

    changed = _rewrite(zip_path, tmp_path / "changed.zip", change_member)
    assert "templates.json differs from what head office signed" in refused(changed)
    for member in deflated(zip_path):  # a byte changed inside the compressed data: once a traceback
        damage_stream(zip_path, member, tmp_path / "damaged.zip")
        assert "invalid block type" in refused(tmp_path / "damaged.zip"), member

    def change_manifest(m: dict[str, bytes]) -> None:
        m[rules.MANIFEST] = m[rules.MANIFEST].replace(b'"issuer": "', b'"issuer": "X')

    manifest = _rewrite(zip_path, tmp_path / "manifest.zip", change_manifest)
    assert "signature does not match the manifest" in refused(manifest)

    extra = _rewrite(zip_path, tmp_path / "extra.zip", lambda m: m.update({"evil.txt": b"x"}))
    assert "which its signed manifest does not list" in refused(extra)

    def sign_with_another_key(m: dict[str, bytes]) -> None:
        other = Ed25519PrivateKey.generate()
        raw = other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        data = {n: m[n] for n in rules.MEMBERS}
        m[rules.MANIFEST] = rules.manifest_bytes(data, _created(m), "forger", "Not head office", raw)
        m[rules.SIGNATURE] = rules.sign(other, m[rules.MANIFEST])

    foreign = _rewrite(zip_path, tmp_path / "foreign.zip", sign_with_another_key)
    message = refused(foreign)
    assert "signed by key" in message and "not by the trusted head-office key" in message


def _created(members: dict[str, bytes]) -> Any:
    import json

    return rules.manifest_of(json.loads(members[rules.MANIFEST])).created_at


def test_an_older_library_is_refused_over_a_newer_one(
    ctx: Any, lead: Actor, head_office: Any, tmp_path: Path
) -> None:
    _change_head_office(head_office, tmp_path)
    ho = head_office.services.library
    old = ho.export(HO, tmp_path / "old.zip", tmp_path / "key.pem")
    plans = head_office.services.playbooks
    code = plans.list_playbooks(HO)[1].code
    plans.save_draft(HO, code, replace(plans.get(HO, code).content, title=Text2("再修订", "Revised again")))
    plans.approve(HO, code)
    later = datetime.now(UTC).replace(year=datetime.now(UTC).year + 1)
    ho._clock = lambda: later  # head office's clock a year on
    new = ho.export(HO, tmp_path / "new.zip")
    working_days.install([])
    library = ctx.services.library
    library.trust(lead, tmp_path / "key.pem")
    library.apply(lead, library.read(lead, Path(new.path)))
    before = take_snapshot(ctx.engine)
    set_language("en")
    with pytest.raises(LibraryRefused) as caught:
        library.apply(lead, library.read(lead, Path(old.path)))
    assert "before the one already imported" in caught.value.message
    assert take_snapshot(ctx.engine) == before


def test_trust_is_the_leads_audited_and_refuses_what_is_not_a_public_key(
    ctx: Any, lead: Actor, staff: Actor, tmp_path: Path
) -> None:
    key = Ed25519PrivateKey.generate()
    pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    (tmp_path / "k.pem").write_bytes(pem)
    library = ctx.services.library
    with pytest.raises(PermissionDenied):
        library.trust(staff, tmp_path / "k.pem")
    with pytest.raises(PermissionDenied):
        library.read(staff, tmp_path / "k.pem")
    first = library.trust(lead, tmp_path / "k.pem")
    assert library.trust(lead, tmp_path / "k.pem").changed is False  # the same key: nothing written
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    (tmp_path / "k.hex").write_text(raw.hex() + "\n")
    second = library.trust(lead, tmp_path / "k.hex")
    assert second.changed and second.replaced == first.key.fingerprint
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="library.trust"))
    assert len(events) == 2
    for bad, words in (
        (b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n", "private key"),
        (b"hello", "not a public key"),
        (b"0" * 64, "anyone can sign for"),  # the zero key, of small order: once trusted
        (b"01" + b"0" * 62, "anyone can sign for"),  # the identity
        (b"ec" + b"f" * 60 + b"7f", "anyone can sign for"),  # p - 1, of order 2
    ):
        (tmp_path / "bad").write_bytes(bad)
        set_language("en")
        with pytest.raises(ValidationError) as caught:
            library.trust(lead, tmp_path / "bad")
        assert caught.value.field == "field.key_file" and words in caught.value.message


def test_dates_beyond_every_table_are_said_to_be_so() -> None:
    set_language("en")
    beyond = date(YEAR, 10, 1)
    with pytest.raises(working_days.BeyondTable) as caught:
        working_days.check(beyond)
    assert f"{YEAR}-10-01 is beyond every holiday table" in caught.value.message
    assert f"covers {working_days.spans(working_days.covered())}" in caught.value.message
    note = working_days.coverage_note({YEAR})
    assert note is not None and f"dates in {YEAR} avoid only weekends and the fixed-date holidays" in note
    working_days.install([working_days.YearTable(YEAR, {beyond: "National Day"}, frozenset())])
    assert working_days.check(beyond).source == ""
    assert not working_days.is_working_day(beyond) and working_days.coverage_note({YEAR}) is None
    _first, last = working_days.covered_years()
    assert last == YEAR and working_days.spans(working_days.covered()).endswith(f"{last - 5}, {YEAR}")


def _naming_plan(read: Any, plan: str, status: PlaybookStatus | None) -> Any:
    """`read` (a proved library) with HO_VAULT's item starting `plan` on failure; with a plan of
    that code among its plans, approved or draft, when `status` is given."""
    items = read.playbooks.items
    if status is not None:
        brought = replace(items[0], content=replace(items[0].content, code=plan), status=status)
        items = (*items, brought)
    templates = tuple(
        replace(c, items=(replace(c.items[0], on_fail_playbook=plan),)) if c.code == "HO_VAULT" else c
        for c in read.templates
    )
    return replace(read, playbooks=replace(read.playbooks, items=items), templates=templates)


@pytest.mark.parametrize("status", [None, PlaybookStatus.DRAFT])
def test_a_checklist_starting_a_plan_with_no_approved_version_is_refused_and_nothing_written(
    ctx: Any, lead: Actor, exported: tuple[Path, Path, str], status: PlaybookStatus | None
) -> None:
    """The preview names the item; the apply refuses in words for an import (ask head office), not
    the lead's approval's "approve that plan first": the branch cannot change a signed library."""
    zip_path, key_path, _ = exported
    library = ctx.services.library
    library.trust(lead, key_path)
    read = _naming_plan(library.read(lead, zip_path), "HO_NEW", status)
    preview = library.preview(lead, read)  # writes the built-in checklists and rules, as apply does first
    assert [(p.template, p.item, p.plan, p.exists) for p in preview.plan_problems] == [
        ("HO_VAULT", 1, "HO_NEW", False)
    ]
    before = take_snapshot(ctx.engine)
    with pytest.raises(LibraryRefused) as err:
        library.apply(lead, read)
    for lang, words in (
        (
            "en",
            "the library's checklist HO_VAULT item 1 starts plan HO_NEW, which is not approved here "
            "and not in this library: ask head office for a library that includes it",
        ),
        ("zh_CN", "资料库的检查模板 HO_VAULT 第 1 项启动预案 HO_NEW，该预案在本机没有已批准的版本"),
    ):
        said = err.value.text(lang)
        assert words in said and "approve that plan first" not in said, said
    assert take_snapshot(ctx.engine) == before


def test_a_checklist_may_start_a_plan_the_same_library_approves(
    ctx: Any, lead: Actor, exported: tuple[Path, Path, str]
) -> None:
    zip_path, key_path, _ = exported
    library = ctx.services.library
    library.trust(lead, key_path)
    library.apply(lead, _naming_plan(library.read(lead, zip_path), "HO_NEW", PlaybookStatus.APPROVED))
    vault = ctx.services.inspections.template(lead, "HO_VAULT").content
    assert vault.items[0].on_fail_playbook == "HO_NEW"
    assert ctx.services.playbooks.get(lead, "HO_NEW").info.status == PlaybookStatus.APPROVED

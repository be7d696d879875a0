"""Every report and export carries its integrity block and its signed anchor: each document is built
on the demo branch, its anchor read back from the file itself with the anchors store's reader (PDF
Keywords, the workbook's properties, the playbook export's comment line), found again in the anchor
file, checked against the ledger, and its integrity lines read on the page. An anchor folder that is
gone keeps the document and tells the caller why."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from openpyxl import load_workbook

from branchguard.context import open_context
from branchguard.core.anchors import store
from branchguard.core.anchors.types import AnchorWrite, SourceKind
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInput
from branchguard.core.hazards.types import HazardFilter
from branchguard.db.base import utcnow
from branchguard.reports.complaint_excel import build_complaint_workbook
from branchguard.reports.complaint_file import build_complaint_file
from branchguard.reports.complaint_register import build_complaint_register
from branchguard.reports.contact_card import build_contact_card
from branchguard.reports.handover import build_handover
from branchguard.reports.hazard_excel import build_hazard_workbook
from branchguard.reports.hazard_register import build_hazard_register
from branchguard.reports.initial_report import build_initial_report
from branchguard.reports.inspection_report import build_inspection_report
from branchguard.reports.playbook_card import build_playbook_card
from branchguard.reports.playbook_export import build_playbook_export
from tests.reports.conftest import Demo

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

Build = Callable[["Demo", Path, Callable[[AnchorWrite], None]], object]


@pytest.fixture
def demo(records_data_dir: Path) -> Iterator[Demo]:
    """The demo branch with its records (an inspection, hazards), an incident and a complaint."""
    ctx = open_context(records_data_dir)
    actor = ctx.services.auth.login("lead", "lead-demo-2026")
    ctx.services.incidents.start(actor, "FIRE", location="营业大厅东侧")
    _register_complaint(Demo(ctx, actor))
    yield Demo(ctx, actor)
    ctx.close()


def _register_complaint(demo: Demo) -> int:
    info = demo.ctx.services.complaints.register(
        demo.actor,
        ComplaintInput(
            channel="counter",
            received_at=utcnow() - timedelta(days=1),
            customer_name="张三丰",
            customer_phone="13800138000",
            category="attitude",
            request="柜员态度生硬，要求道歉",
        ),
    ).info
    return info.id


def _complaint(demo: Demo) -> int:
    return demo.ctx.services.complaints.list(demo.actor, ComplaintFilter())[0].id


def _inspection(demo: Demo) -> int:
    return demo.ctx.services.inspections.list(demo.actor)[0].id


def _incident(demo: Demo) -> int:
    return demo.ctx.services.incidents.list_incidents(demo.actor)[0].id


def _version(demo: Demo, code: str) -> int:
    return demo.ctx.services.playbooks.get(demo.actor, code).info.version_id


# (name, file suffix, build, the record the anchor names: a function of the demo, or None)
DOCUMENTS: list[tuple[str, str, Build, Callable[[Demo], str] | None]] = [
    (
        "inspection report",
        "pdf",
        lambda d, out, note: build_inspection_report(d.ctx.services, d.actor, _inspection(d), out, "", note),
        lambda d: f"inspection:{_inspection(d)}",
    ),
    (
        "initial report",
        "pdf",
        lambda d, out, note: build_initial_report(d.ctx.services, d.actor, _incident(d), out, "", note),
        lambda d: f"incident:{_incident(d)}",
    ),
    (
        "hazard register",
        "pdf",
        lambda d, out, note: build_hazard_register(d.ctx.services, d.actor, HazardFilter(), out, "", note),
        None,
    ),
    (
        "hazard register xlsx",
        "xlsx",
        lambda d, out, note: build_hazard_workbook(d.ctx.services, d.actor, HazardFilter(), out, note),
        None,
    ),
    (
        "complaint file",
        "pdf",
        lambda d, out, note: build_complaint_file(
            d.ctx.services, d.actor, _complaint(d), out, on_anchor=note
        ),
        lambda d: f"complaint:{_complaint(d)}",
    ),
    (
        "complaint register",
        "pdf",
        lambda d, out, note: build_complaint_register(
            d.ctx.services, d.actor, ComplaintFilter(), out, on_anchor=note
        ),
        None,
    ),
    (
        "complaint register xlsx",
        "xlsx",
        lambda d, out, note: build_complaint_workbook(
            d.ctx.services, d.actor, ComplaintFilter(), out, on_anchor=note
        ),
        None,
    ),
    (
        "contact card",
        "pdf",
        lambda d, out, note: build_contact_card(d.ctx.services, d.actor, out, "", note),
        None,
    ),
    (
        "handover",
        "pdf",
        lambda d, out, note: build_handover(d.ctx.services, d.actor, out, on_anchor=note),
        None,
    ),
    (
        "playbook card",
        "pdf",
        lambda d, out, note: build_playbook_card(d.ctx.services, d.actor, "FIRE", out, "", None, note),
        lambda d: f"playbook_version:{_version(d, 'FIRE')}",
    ),
    (
        "playbook export",
        "yaml",
        lambda d, out, note: build_playbook_export(d.ctx.services, d.actor, ["FIRE"], out, note),
        lambda d: f"playbook_version:{_version(d, 'FIRE')}",
    ),
]


def _text(path: Path, pdf: type[Pdf]) -> str:
    """What a reader sees of the document, without whitespace."""
    if path.suffix == ".pdf":
        return pdf.squashed(pdf.text(path))
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        rows = [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
        return pdf.squashed("".join(str(c) for row in rows for c in row if c))
    return pdf.squashed(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "suffix", "build", "record"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_each_document_carries_its_anchor_and_the_anchor_file_holds_it(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, name: str, suffix: str, build: Build, record: Any
) -> None:
    services = demo.ctx.services
    out = tmp_path / f"document.{suffix}"
    heard: list[AnchorWrite] = []
    build(demo, out, heard.append)
    assert len(heard) == 1 and heard[0].written, heard

    kind, found = store.read(out)
    assert kind == (SourceKind.PDF if suffix == "pdf" else SourceKind.EXPORT)
    assert len(found) == 1 and found[0].anchor is not None, found
    anchor = found[0].anchor
    assert anchor.record == (record(demo) if record else "")
    assert (anchor.record_seq is not None) == bool(record)
    assert anchor.fingerprint == services.anchors.key().fingerprint

    _kind, filed = store.read(services.anchors.anchor_file())
    assert [a.anchor for a in filed] == [anchor]  # the same signed line, appended once
    report = services.anchors.check(demo.actor, out)
    assert report.ok, report  # the data still holds what the document anchored

    text = _text(out, pdf)
    assert anchor.ledger_hash in text  # the ledger head printed in full
    assert f"账本头：第{anchor.ledger_seq}条" in text
    if anchor.record_hash is not None:
        assert anchor.record_hash in text and f"本记录的链头：第{anchor.record_seq}条" in text
    assert anchor.fingerprint.upper() in text and "签名密钥指纹" in text
    assert "已证明" in text and "哈希链一致" in text


def test_the_one_page_cards_stay_on_one_page_with_their_integrity_lines(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    card, plan = tmp_path / "card.pdf", tmp_path / "fire.pdf"
    build_contact_card(demo.ctx.services, demo.actor, card)
    build_playbook_card(demo.ctx.services, demo.actor, "FIRE", plan)
    assert pdf.pages(card) == 1 and pdf.pages(plan) == 1
    assert "账本头" in pdf.text(card) and "账本头" in pdf.text(plan)


def test_the_playbook_export_with_its_anchor_still_imports(demo: Demo, tmp_path: Path) -> None:
    out = build_playbook_export(demo.ctx.services, demo.actor, ["FIRE"], tmp_path / "fire.yaml")
    data = out.read_bytes()
    assert data.startswith(b"# ") and yaml.safe_load(data)["playbooks"][0]["code"] == "FIRE"
    plan = demo.ctx.services.playbooks.import_file(demo.actor, data, str(out), dry_run=True)
    assert plan is not None


@pytest.mark.parametrize(("name", "suffix", "build", "record"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_an_anchor_folder_that_is_gone_keeps_the_document_and_says_why(
    demo: Demo, tmp_path: Path, name: str, suffix: str, build: Build, record: Any
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    settings = demo.ctx.config.settings
    demo.ctx.services.anchors.choose_folder(
        demo.actor, stick, lambda value: settings.set("anchor_dir", value)
    )
    shutil.rmtree(stick)  # the stick pulled
    out = tmp_path / f"document.{suffix}"
    heard: list[AnchorWrite] = []
    build(demo, out, heard.append)
    assert out.stat().st_size > 0  # the document is kept
    assert len(heard) == 1 and not heard[0].written and heard[0].problem is not None
    assert "usb" in heard[0].problem.text() and not stick.exists()  # never recreated
    _kind, found = store.read(out)
    assert found and found[0].anchor is not None  # it still carries its own anchor

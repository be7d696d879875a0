"""The regional period report carries what head office can prove, as every other report does: its
own ledger head and proof, every branch's ledger head as head office holds it (printed whole), and
a signed anchor naming the digest of those heads, appended to the anchor file; on SQLite and
PostgreSQL, in PDF and xlsx."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from openpyxl import load_workbook

from branchguard.core.anchors.types import AnchorWrite, SourceKind
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice.rules import heads_digest
from branchguard.core.headoffice.types import HeldHead, ImportOutcome
from branchguard.core.kernel.i18n import t
from branchguard.reports.regional_report import build_regional_report, what
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    make_db,
)
from tests.reports.conftest import Pdf


def test_the_digest_covers_every_head_in_any_order() -> None:
    east = HeldHead("A", "城东", "ab" * 8, 2, 40, "1" * 64, "2026-11", "2" * 64)
    west = HeldHead("B", "城西", "cd" * 8, 0, 0, "0" * 64, "", "")
    digest = heads_digest([east, west])
    assert heads_digest([west, east]) == digest
    for changed in (
        replace(east, ledger_seq=41),
        replace(east, ledger_hash="3" * 64),
        replace(east, last_manifest="4" * 64),
        replace(east, fingerprint="ef" * 8),
        replace(east, packages=3),
    ):
        assert heads_digest([changed, west]) != digest
    assert heads_digest([east]) != digest  # a branch left out


def test_the_regional_report_prints_and_signs_the_heads_head_office_holds(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    a, a_lead = _branch(make_db, "a", "DEMO-0101", 0)
    period = f"{date.today():%Y-%m}"
    path, key = tmp_path / "a.zip", tmp_path / "a.pem"
    a.services.exchange.export(a_lead, period, path)
    a.services.exchange.export_key(a_lead, key)
    with zipfile.ZipFile(path) as zf:
        manifest_bytes = zf.read(package.MANIFEST)
    head = json.loads(manifest_bytes)["ledger"]["head"]

    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    hos.add_branch(admin, "DEMO-0101", "城东", key)
    other = tmp_path / "b.key"  # a branch registered that has sent nothing yet
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    other.write_text(raw.hex())
    hos.add_branch(admin, "DEMO-0202", "城西", other)
    assert hos.import_package(admin, path).outcome == ImportOutcome.IMPORTED

    heads = {h.code: h for h in hos.held_heads(admin)}
    east, west = heads["DEMO-0101"], heads["DEMO-0202"]
    assert (east.ledger_seq, east.ledger_hash) == (head["seq"], head["hash"])
    assert (east.packages, east.last_period) == (1, period)
    assert east.last_manifest == package.sha256(manifest_bytes)
    assert (west.packages, west.ledger_seq, west.last_manifest) == (0, 0, "")
    digest = heads_digest(list(heads.values()))
    own = ho.services.anchors.key().fingerprint

    for suffix in ("pdf", "xlsx"):
        out = tmp_path / f"regional.{suffix}"
        notes: list[AnchorWrite] = []
        assert build_regional_report(ho.services, admin, period, out, on_anchor=notes.append) == period
        assert [n.written for n in notes] == [True]
        checked = ho.services.anchors.check(admin, out)
        assert checked.ok and checked.kind == (SourceKind.PDF if suffix == "pdf" else SourceKind.EXPORT)
        [result] = checked.results
        assert result.anchor is not None and result.own_key
        assert result.anchor.what == what(period, digest) and result.anchor.fingerprint == own
        assert result.anchor.ledger_seq == checked.head.seq  # head office's own ledger head
    appended = ho.services.anchors.check(admin, ho.services.anchors.anchor_file())
    assert appended.ok and [r.anchor.what for r in appended.results if r.anchor] == [what(period, digest)] * 2

    text = Pdf.squashed(Pdf.text(tmp_path / "regional.pdf"))
    for printed in (east.ledger_hash, east.last_manifest, digest, t("anchor.report.heading")):
        assert Pdf.squashed(printed) in text, printed
    book = load_workbook(tmp_path / "regional.xlsx")
    cells = {str(c.value) for row in book[t("ho.report.heads.sheet")].iter_rows() for c in row}
    assert {east.ledger_hash, east.last_manifest, "DEMO-0202"} <= cells
    assert any(digest in c for c in cells)
    assert t("anchor.report.sheet") in book.sheetnames

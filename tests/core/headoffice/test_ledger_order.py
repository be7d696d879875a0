"""Files chosen together are imported each branch's in the order its ledger grew (package_zip.
ledger_order): by where each package's ledger ends, so a package sent again from the start
(`export package --after 0`) comes after the older ones it reaches past, which would otherwise be
refused as history dropped; a file that is no package keeps its place, first."""

from __future__ import annotations

import json
import os
import threading
import zipfile
from pathlib import Path

from branchguard.core.exchange import rules as package
from branchguard.core.headoffice.package_zip import ledger_order


def _package(folder: Path, name: str, code: str, previous: int, head: int) -> Path:
    path = folder / name
    manifest = {"branch": {"code": code}, "ledger": {"previous": {"seq": previous}, "head": {"seq": head}}}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(package.MANIFEST, json.dumps(manifest))
    return path


def test_each_branchs_packages_in_the_order_its_ledger_grew(tmp_path: Path) -> None:
    resent = _package(tmp_path, "B001-2026-11-again.zip", "B001", 0, 30)  # from the start, made last
    november = _package(tmp_path, "B001-2026-11.zip", "B001", 20, 25)
    quarter = _package(tmp_path, "B001-2026-Q3.zip", "B001", 0, 20)  # made first, sorts last by name
    other = _package(tmp_path, "B000-2026-11.zip", "B000", 0, 99)
    junk = tmp_path / "notes.zip"
    junk.write_text("not a zip")
    missing = tmp_path / "gone.zip"
    chosen = [resent, november, junk, quarter, other, missing]
    assert ledger_order(chosen) == [junk, missing, other, quarter, november, resent]


def test_a_fifo_among_the_files_is_not_waited_on(tmp_path: Path) -> None:
    """Peeking opens each file as the import does (intake.open_file): a FIFO chosen by mistake is
    left for the import to refuse, not opened and waited on until something writes to it."""
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    package = _package(tmp_path, "B001-2026-11.zip", "B001", 0, 10)
    ordered: list[list[Path]] = []
    peek = threading.Thread(target=lambda: ordered.append(ledger_order([package, fifo])), daemon=True)
    peek.start()
    peek.join(timeout=20)
    if peek.is_alive():  # release it: a writer lets the blocked open return
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert ordered == [[fifo, package]]

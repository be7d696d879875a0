"""A period package made while another PC writes: its records, its ledger entries and the head it
signs are read at one moment, whatever is committed on the shared database meanwhile.

On SQLite each of the package's reads saw what had been committed since the one before: an
incident logged on the lobby PC while the package was written went in with log entries the
package's ledger (read up to the head before them) does not hold.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

from branchguard.core.exchange import rules, store
from branchguard.core.incidents.types import EntryKind


def test_entries_logged_while_the_package_is_written_are_left_to_the_next(
    ctx, lead, staff, monkeypatch, tmp_path: Path
) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    inc.log(staff, iid, EntryKind.NOTE, "exit B clear")
    real = store.READERS["incidents"]

    def lobby_writes_meanwhile(*args, **kwargs):  # the head read; the records not yet
        for n in range(3):
            inc.log(staff, iid, EntryKind.NOTE, f"headcount {n}")
        return real(*args, **kwargs)

    monkeypatch.setitem(store.READERS, "incidents", lobby_writes_meanwhile)
    out = tmp_path / "p.zip"
    ctx.services.exchange.export(lead, f"{date.today():%Y-%m}", out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read(rules.MANIFEST))
        incidents = json.loads(zf.read(f"{rules.RECORDS}incidents.json"))
        ledger = json.loads(zf.read(rules.LEDGER))
    (incident,) = [r for r in incidents if r["id"] == iid]
    bodies = [entry["text"] for entry in incident["log"]]
    assert "exit B clear" in bodies and not [b for b in bodies if b.startswith("headcount")]
    head = manifest["ledger"]["head"]
    assert ledger[-1]["seq"] == head["seq"] and ledger[-1]["hash"] == head["hash"]
    assert ctx.services.ledger.verify(lead).head.seq > head["seq"]  # written meanwhile: the next package's

"""`verify` while another PC writes: every check reads the database as it was at one moment.

Found with the lead verifying on one PC while the lobby PC logged an incident on the same PostgreSQL
database: each of verify's reads saw the writes committed since the one before, and it reported
"the ledger's head names entry 2180, but its last entry is 2178" and "log entries 383-433 are not
in the ledger (added outside the app)": tampering, where nothing was wrong.
"""

from __future__ import annotations

from branchguard.core.incidents.types import EntryKind
from branchguard.core.ledger import verify as checks


def test_entries_written_on_another_pc_during_verify_are_not_reported_as_tampering(
    ctx, lead, staff, monkeypatch
) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    inc.log(staff, iid, EntryKind.NOTE, "exit B clear")
    real = checks._check_logs

    def lobby_writes_meanwhile(*args, **kwargs):  # the chain read; the logs not yet
        for n in range(3):
            inc.log(staff, iid, EntryKind.NOTE, f"headcount {n}")
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "_check_logs", lobby_writes_meanwhile)
    report = ctx.services.ledger.verify(lead)
    assert report.problems == ()
    monkeypatch.setattr(checks, "_check_logs", real)
    after = ctx.services.ledger.verify(lead)  # the entries written meanwhile, checked the next time
    assert after.problems == ()
    assert after.log_entries == report.log_entries + 3

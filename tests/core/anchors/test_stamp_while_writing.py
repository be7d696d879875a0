"""A report's proof while another PC writes: the ledger it proves the report against is read at one
moment, whatever is committed on the shared database meanwhile.

Each of the proof's reads saw what had been committed since the one before: the lobby PC logging
an incident while the lead printed its report had the report say the ledger's chain was broken
(its log entries "not in the ledger") where nothing was wrong.
"""

from __future__ import annotations

from branchguard.core.incidents.types import EntryKind
from branchguard.core.ledger import verify as checks
from branchguard.reports import anchoring


def test_a_report_printed_while_another_pc_logs_is_proved_unchanged(ctx, lead, staff, monkeypatch) -> None:
    services = ctx.services
    iid = services.incidents.start(lead, "FIRE").id
    services.incidents.log(staff, iid, EntryKind.NOTE, "exit B clear")
    first = anchoring.stamp(services, lead, "incident", iid, f"report incident {iid}")
    assert anchoring.finish(services, first, None).written
    real = checks._check_logs

    def lobby_writes_meanwhile(*args, **kwargs):  # the chain and the records read; the log not yet
        for n in range(3):
            services.incidents.log(staff, iid, EntryKind.NOTE, f"headcount {n}")
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "_check_logs", lobby_writes_meanwhile)
    during = anchoring.stamp(services, lead, "incident", iid, f"report incident {iid}")
    assert during.proof is not None and during.proof.key == "anchor.proof.unchanged", during.proof
    monkeypatch.setattr(checks, "_check_logs", real)
    after = anchoring.stamp(services, lead, "incident", iid, f"report incident {iid}")
    assert after.proof is not None and after.proof.key == "anchor.proof.unchanged"
    assert after.ledger.seq > during.ledger.seq  # the entries written meanwhile, proved the next time

"""A writer killed with SIGKILL at random moments loses nothing it reported as committed.

The child appends log entries through the service in a loop and prints each one only after the
append returned (that is: after the commit). The parent kills it at a random moment, 24 times,
each child continuing the same incident; afterwards every printed entry is in the log and every
chain verifies.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Actor

KILLS = 24

CHILD = """
import sys
from branchguard.core.kernel.types import Actor
from branchguard.context import open_context
from branchguard.core.incidents.types import EntryKind

ctx = open_context(sys.argv[1])
actor = Actor.system()
incident_id, run = int(sys.argv[2]), sys.argv[3]
i = 0
while True:
    i += 1
    entry = ctx.services.incidents.log(actor, incident_id, EntryKind.NOTE, f"run {run} entry {i} 现场记录")
    # One write per line: under PYTHONUNBUFFERED, print() writes its pieces separately, and a kill
    # between them left a bare sequence number the parent could not parse.
    sys.stdout.write(f"{entry.seq} {entry.text}\\n")
    sys.stdout.flush()
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_loses_no_committed_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ctx = open_context(data)
    incident_id = ctx.services.incidents.start(Actor.system(), "FIRE").id
    ctx.close()

    rng = random.Random(20261129)
    reported: dict[int, str] = {}
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    for run in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data), str(incident_id), str(run)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # the child is writing: now kill it at a random moment
        assert first, child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        for line in [first, *out.splitlines()]:
            if line.strip():
                seq, body = line.rstrip("\n").split(" ", 1)
                reported[int(seq)] = body

    ctx = open_context(data)
    try:
        entries = {e.seq: e.text for e in ctx.services.incidents.get(Actor.system(), incident_id).entries}
        missing = {seq: body for seq, body in reported.items() if entries.get(seq) != body}
        assert not missing, f"{len(missing)} committed entries lost, e.g. {next(iter(missing.items()))}"
        assert len(reported) >= KILLS
        report = ctx.services.incidents.verify(Actor.system())
        assert report.ok, report.problems
        assert report.entries == len(entries) >= len(reported) + 1
        # the log took more writes after all the kills, and they chain on
        ctx.services.incidents.log(Actor.system(), incident_id, EntryKind.NOTE, "after the crashes")
        assert ctx.services.incidents.verify(Actor.system()).ok
    finally:
        ctx.close()

"""A writer killed with SIGKILL at random moments loses nothing it reported as committed.

The writer appends log entries through the service in a loop and reports each one only after the
append returned (that is: after the commit). The test kills it at a random moment, 24 times, each
writer continuing the same incident; afterwards every reported entry is in the log and every chain
verifies.

Each writer is a process forked from one that has imported the app once, and opens the context
itself: a new interpreter importing it each time cost 0.5 s of the test's 15.
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

# Reads "RUN FIFO" lines; for each, forks a writer that reports its entries into the named pipe
# FIFO, then prints the writer's pid and, once it has ended, its wait status.
FORKER = """
import os
import sys
import threading
import traceback

from branchguard.context import open_context
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Actor

# A fork copies only the thread that forks: a lock another thread held would stay held for good.
assert threading.active_count() == 1, threading.enumerate()
data, incident_id = sys.argv[1], int(sys.argv[2])
for line in sys.stdin:
    run, fifo = line.split()
    pid = os.fork()
    if pid == 0:
        try:
            out = os.open(fifo, os.O_WRONLY)  # first: the test waits for it
            ctx = open_context(data)
            log, actor, i = ctx.services.incidents.log, Actor.system(), 0
            while True:
                i += 1
                entry = log(actor, incident_id, EntryKind.NOTE, f"run {run} entry {i} 现场记录")
                os.write(out, f"{entry.seq} {entry.text}\\n".encode())  # one write per line
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL, fork")
def test_killed_writer_loses_no_committed_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ctx = open_context(data)
    incident_id = ctx.services.incidents.start(Actor.system(), "FIRE").id
    ctx.close()

    rng = random.Random(20261129)
    reported: dict[int, str] = {}
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    forker = subprocess.Popen(
        [sys.executable, "-c", FORKER, str(data), str(incident_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert forker.stdin is not None and forker.stdout is not None
    try:
        for run in range(KILLS):
            fifo = tmp_path / f"writer-{run}"
            os.mkfifo(fifo)
            forker.stdin.write(f"{run} {fifo}\n")
            forker.stdin.flush()
            pid = int(forker.stdout.readline())
            with open(fifo, encoding="utf-8") as lines:  # returns once the writer has opened it
                first = lines.readline()  # the writer is writing: now kill it at a random moment
                assert first, "the writer reported nothing"
                time.sleep(rng.uniform(0.0, 0.25))
                os.kill(pid, signal.SIGKILL)
                rest = lines.read()
            status = int(forker.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            for line in [first, *rest.splitlines()]:
                if line.strip():
                    seq, body = line.rstrip("\n").split(" ", 1)
                    reported[int(seq)] = body
    except Exception as exc:
        forker.kill()  # a writer left running dies at its next write, into a pipe no one reads
        raise AssertionError(f"the forker said:\n{forker.communicate(timeout=30)[1]}") from exc
    _out, err = forker.communicate(timeout=30)  # which closes its input: the forker ends
    assert forker.returncode == 0, err

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

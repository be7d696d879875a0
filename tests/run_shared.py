"""Fixtures built once per run, however many xdist workers ask for them."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DONE = "built"  # written last in a shared folder: a folder without it is a build that failed part-way


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `build`. Under xdist it lives in the root the workers' temporary
    folders share (this run's, made new by the controller): the first worker to ask builds it under
    a lock, the others wait for it and then read it. A build that raised leaves no DONE, and the
    next worker to ask builds it again. In one process, it is this process's own folder."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent
    folder = root / name
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or when its process dies
        if not (folder / DONE).is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / DONE).touch()
    return folder

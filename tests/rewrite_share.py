"""The xdist workers share pytest's assertion rewriting of the test modules: each rewrites its
share before collecting, into pytest's own cache, and reads the others' from it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def rewrite_my_share(config: pytest.Config) -> int:
    """Rewrites this worker's share of the test modules (every N-th of them, N workers) into
    pytest's cache of rewritten modules (tests/**/__pycache__, git-ignored): how many it wrote.
    Rewriting the 480 modules took each worker about 6 s of CPU at every run, the larger part of
    its collection: PYTHONDONTWRITEBYTECODE (set here) keeps pytest from caching them, and on a
    new clone there is no cache to read anyway. pytest reads a cached module only when its source
    hash matches (a checked-hash pyc, PEP 552), and rewrites any module it finds no cache for,
    as before (a share not written yet). Outside xdist, or with another pytest's internals,
    nothing is done."""
    worker, count = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("PYTEST_XDIST_WORKER_COUNT")
    if not worker.startswith("gw") or not count or config.getoption("assertmode") != "rewrite":
        return 0
    try:
        from _pytest.assertion.rewrite import (
            PYC_TAIL,
            _read_pyc,
            _rewrite_test,
            _write_pyc,
            assertstate_key,
            get_cache_dir,
            try_makedirs,
        )
    except ImportError:
        return 0
    state = config.stash[assertstate_key]
    modules = sorted(p for p in TESTS.rglob("*.py") if p.name.startswith("test_") or p.name == "conftest.py")
    written = 0
    for source in modules[int(worker[2:]) :: int(count)]:
        cache_dir = get_cache_dir(source)
        pyc = cache_dir / (source.name[:-3] + PYC_TAIL)
        if _read_pyc(source, pyc) is None and try_makedirs(cache_dir):
            source_hash, code = _rewrite_test(source, config)
            written += _write_pyc(state, code, source_hash, pyc)
    return written

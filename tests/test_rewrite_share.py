"""Each xdist worker rewrites its share of the test modules into pytest's cache (tests/rewrite_share.py),
which pytest then reads instead of rewriting them again."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc

from tests import rewrite_share


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    for name in ("conftest.py", "test_a.py", "helpers.py", "deep/test_b.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("def test_x() -> None:\n    x = [1]\n    assert x == [1]\n")
    monkeypatch.setattr(rewrite_share, "TESTS", tmp_path)
    return [tmp_path / "conftest.py", tmp_path / "deep" / "test_b.py", tmp_path / "test_a.py"]  # sorted


def _cached(source: Path) -> bool:
    code = _read_pyc(source, source.parent / "__pycache__" / (source.name[:-3] + PYC_TAIL))
    return code is not None and "@pytest_ar" in code.co_names  # rewritten: it imports the rewrite helpers


def test_each_worker_rewrites_every_nth_test_module_once(
    modules: list[Path], pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "2")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert rewrite_share.rewrite_my_share(pytestconfig) == 1
    assert [_cached(m) for m in modules] == [False, True, False]
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert rewrite_share.rewrite_my_share(pytestconfig) == 2
    assert all(_cached(m) for m in modules)
    assert rewrite_share.rewrite_my_share(pytestconfig) == 0  # cached already
    assert not (modules[0].parent / "__pycache__" / f"helpers{PYC_TAIL}").exists()  # not a test module


def test_a_changed_module_is_rewritten_again_and_one_process_rewrites_nothing(
    modules: list[Path], pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert rewrite_share.rewrite_my_share(pytestconfig) == 0
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "1")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert rewrite_share.rewrite_my_share(pytestconfig) == 3
    modules[2].write_text(modules[2].read_text() + "\n# changed\n")
    assert not _cached(modules[2])  # pytest would not read it: its source hash differs
    assert rewrite_share.rewrite_my_share(pytestconfig) == 1
    assert _cached(modules[2])

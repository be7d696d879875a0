"""PySide's import hook reads a new module's file as bytes, and answers as its own scan did."""

from __future__ import annotations

import inspect
import linecache
import os
import subprocess
import sys
from pathlib import Path

import pytest

import branchguard.app  # noqa: F401  (installs the hook, as the window's start does)
from branchguard.gui.kit import pyside_hook

ROOT = Path(__file__).resolve().parents[3]


def _feature() -> object:
    return sys.modules[pyside_hook.FEATURE_MODULE]


def _pyside_scan(module: object) -> bool:
    """PySide's own question, asked as it asks it: the module's decoded source. (A module without
    a file, built-in or frozen, makes getsource raise: False, without asking, as asking a built-in
    module warns of a deprecated repr.)"""
    if getattr(module, "__file__", None) is None:
        return False
    try:
        return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
    except (TypeError, OSError):
        return False


def test_the_window_start_installs_the_byte_scan_before_its_own_imports() -> None:
    """In a fresh process, as `branchguard` starts the window: no module app.py imports after PySide6
    (config, i18n, the main window, ...) had its lines read into linecache by PySide's scan."""
    probe = (
        "import linecache, sys\n"
        "import branchguard.app\n"
        f"hook = sys.modules[{pyside_hook.FEATURE_MODULE!r}]._mod_uses_pyside\n"
        "print(hook.__module__)\n"
        "print(sorted(f for f in linecache.cache if 'branchguard' in f))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True, timeout=120
    ).stdout.splitlines()
    assert out == ["branchguard.gui.kit.pyside_hook", "[]"]


def test_a_new_module_is_marked_without_its_lines_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bg_hook_uses.py").write_text("# 界面\nfrom PySide6 import QtCore\n", encoding="utf-8")
    (tmp_path / "bg_hook_plain.py").write_text("# 纯数据\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature_dict = _feature().pyside_feature_dict  # type: ignore[attr-defined]
    for name in ("bg_hook_uses", "bg_hook_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.delitem(feature_dict, name, raising=False)
        __import__(name)  # an import statement: PySide's hook sits in __import__
    # PySide's hook ran on both imports and kept its verdicts: 0 uses PySide, -1 ignore
    assert feature_dict["bg_hook_uses"] == 0
    assert feature_dict["bg_hook_plain"] == -1
    # ... from the files' bytes: inspect.getsource would have left their lines in linecache
    assert str(tmp_path / "bg_hook_uses.py") not in linecache.cache
    assert str(tmp_path / "bg_hook_plain.py") not in linecache.cache


def test_the_byte_scan_answers_as_pysides_own_on_every_module_loaded() -> None:
    modules = [m for m in list(sys.modules.values()) if m is not None]
    differ = [m.__name__ for m in modules if pyside_hook.mentions_pyside(m) != _pyside_scan(m)]
    assert differ == []
    # the comparison covered both answers and modules without a source file
    answers = [pyside_hook.mentions_pyside(m) for m in modules]
    assert True in answers and False in answers
    assert any(getattr(m, "__file__", None) is None for m in modules)

"""Bytes inflated out of zip members, counted where zipfile hands them to the reader: a memory test
measures what an importer read before it refused, not the process's RSS (which a test cannot pin)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

import pytest


@dataclass
class Inflated:
    total: int = 0


def count_inflated(monkeypatch: pytest.MonkeyPatch) -> Inflated:
    """From now to the test's end, every byte any zip member gives its reader is added up."""
    counter = Inflated()
    for name in ("read", "read1"):
        original = getattr(zipfile.ZipExtFile, name)

        def counting(self: Any, n: int = -1, _original: Any = original) -> bytes:
            data: bytes = _original(self, n)
            counter.total += len(data)
            return data

        monkeypatch.setattr(zipfile.ZipExtFile, name, counting)
    return counter

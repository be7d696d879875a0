"""tools/report_pages.py: the report pages shown beside the window's screenshots come out as images."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

if TYPE_CHECKING:
    from tests.reports.conftest import Demo

ROOT = Path(__file__).resolve().parents[2]


def test_report_pages_render_as_a4_images(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT))  # tools/ is not an installed package
    from tools.report_pages import shoot_reports

    shots = shoot_reports(demo.ctx, tmp_path, tmp_path / "out")
    assert [p.name for p in shots] == [
        "inspection-report.png",
        "hazard-register-report.png",
        "safety-report.png",
    ]
    portrait, landscape, summary = (Image.open(p).size for p in shots)
    assert portrait[1] > portrait[0] > 600  # A4 upright
    assert landscape[0] > landscape[1] > 600  # the register lies on its side
    assert summary == portrait  # the periodic report opens on an upright page

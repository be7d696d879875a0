"""Where the bundled resources (icons, translations) are, in a checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; a checkout keeps them at the repo root.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"

"""Where the bundled resources (icons, translations, built-in content) are, in a checkout and
in a frozen build. Qt-free: the services read built-in content from here too."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache  # asked for every icon and data file; resolving the path each time shows in the start-up
def resources_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; a checkout keeps them at the repo root.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def starter_playbooks_file() -> Path:
    return resources_dir() / "playbooks" / "starter_library.yaml"

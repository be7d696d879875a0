"""Where the bundled resources (icons, translations, built-in content) are. Qt-free: the services
read built-in content from here too."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache  # asked for every icon and data file; resolving the path each time shows in the start-up
def resources_dir() -> Path:
    # Inside the package, so a checkout, an installed wheel and the frozen build (which sets a
    # module's __file__ to its place under sys._MEIPASS, where the spec puts branchguard/resources)
    # all find it beside this file.
    return Path(__file__).resolve().parent / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def starter_playbooks_file() -> Path:
    return resources_dir() / "playbooks" / "starter_library.yaml"

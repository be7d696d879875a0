"""Translations: complete .ts files, and no text in the wrong language anywhere in the shell.

Regenerate the sources after changing GUI strings (then translate the new zh_CN entries):
    .venv/bin/pyside6-lupdate -locations none $(find branchguard/gui -name '*.py') \
        -ts branchguard/resources/i18n/branchguard_zh_CN.ts branchguard/resources/i18n/branchguard_en.ts
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabWidget,
    QWidget,
)

from branchguard.core.demo.service import DEMO_ACCOUNTS, DEMO_BRANCH, DEMO_CONTACTS, DEMO_PEOPLE
from branchguard.gui.shell.main_window import MainWindow
from branchguard.paths import i18n_dir

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TS_FILES = sorted(i18n_dir().glob("branchguard_*.ts"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name", ""), msg.findtext("source", "")): msg.find("translation")  # type: ignore[misc]
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_both_languages_have_a_ts_file() -> None:
    assert [p.name for p in TS_FILES] == ["branchguard_en.ts", "branchguard_zh_CN.ts"]


def translations(element: ET.Element) -> list[str]:
    """The text of a <translation>, or of each plural form it holds."""
    forms = element.findall("numerusform")
    return [(f.text or "") for f in forms] if forms else [element.text or ""]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_translation_is_finished(ts: Path) -> None:
    entries = messages(ts)
    unfinished = [
        key for key, tr in entries.items()
        if tr.get("type") == "unfinished" or not all(text.strip() for text in translations(tr))
    ]
    assert unfinished == []
    if ts.stem.endswith("zh_CN"):
        # A Chinese translation with no Chinese in it is an English string that slipped through.
        english_only = [
            key for key, tr in entries.items()
            if re.search(r"[A-Za-z]{3,}", key[1]) and not CJK.search(" ".join(translations(tr)))
            and key[1] != "Ctrl+1 … Ctrl+9"
        ]
        assert english_only == []


def test_ts_files_cover_every_string_in_the_sources(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "branchguard" / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True)
    in_sources = set(messages(fresh))
    for ts in TS_FILES:
        committed = {k for k, tr in messages(ts).items() if tr.get("type") not in ("vanished", "obsolete")}
        assert in_sources - committed == set(), f"{ts.name} lacks strings: run lupdate (see module docstring)"


# -- walking the shell ------------------------------------------------------------------------
DATA = sorted(
    {*DEMO_BRANCH.values(), *(a[3] for a in DEMO_ACCOUNTS), *(p.name for p in DEMO_PEOPLE),
     *(p.notes for p in DEMO_PEOPLE if p.notes), *(c.name for c in DEMO_CONTACTS)},
    key=len, reverse=True,
)


def visible_texts(widget: QWidget) -> Iterator[str]:
    """The UI text a user can see in `widget` and below (menus of a main window included)."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield w.currentText()
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()) if w.isTabVisible(i))
        elif isinstance(w, QListWidget):
            yield from (w.item(i).text() for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            headers = (model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))
            yield from (str(h or "") for h in headers)
        if w.isWindow():
            yield w.windowTitle()
    if isinstance(widget, MainWindow):
        for menu in widget.menuBar().findChildren(QMenu):
            yield menu.title()
            yield from (a.text() for a in menu.actions())


def walk_every_page(window: MainWindow) -> list[str]:
    texts: list[str] = []
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        tabs = page.findChildren(QTabWidget)
        for tab_widget in tabs or [None]:
            for index in range(tab_widget.count()) if tab_widget else [None]:
                if tab_widget is not None and index is not None:
                    if not tab_widget.isTabVisible(index):
                        continue
                    tab_widget.setCurrentIndex(index)
                texts.extend(visible_texts(window))
    return [t for t in texts if t]


# The signing key's fingerprint (Settings, Anchors): four groups of hex digits, data in any language.
FINGERPRINT = re.compile(r"\b[0-9A-F]{4}( [0-9A-F]{4}){3}\b")


def strip_data(text: str) -> str:
    for value in DATA:
        text = text.replace(value, "")
    return FINGERPRINT.sub("", text)


def test_english_shell_shows_no_chinese(open_window) -> None:
    window = open_window("lead")
    offending = {t for t in walk_every_page(window) if CJK.search(strip_data(t))}
    # The language picker names each language in itself; only its current entry is visible.
    assert offending == set()


# Names, codes and technical terms that stay as they are in the Chinese UI.
ALLOWED_LATIN = re.compile(
    r"BranchGuard|PostgreSQL|BRANCHGUARD_DB|TrueType|PDF|URL|--db|sqlite:\S*|postgresql\S*|/\S+|"
    r"[A-Za-z]:\\\S*|WenQuanYi\w*|STSong-Light|DEMO-\d+|\b(?:lead|staff|auditor)\b|Ctrl\+\S+|F\d+|"
    r"Qt for Python|SQLAlchemy|Alembic|ReportLab|argon2-cffi|LGPL-3\.0|MIT|BSD|\*\.tt[fc]|ID|"
    r"\(&[A-Z]\)|\b\d+\b"
)


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_chinese_shell_shows_no_english_only_text(open_window, lang: str) -> None:
    window = open_window("lead")
    offending = set()
    for text in walk_every_page(window):
        rest = ALLOWED_LATIN.sub("", strip_data(text))
        if re.search(r"[A-Za-z]{2,}", rest) and not CJK.search(text):
            offending.add(text)
    assert offending == set()

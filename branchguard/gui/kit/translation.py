"""Installs the window's translators (ours and Qt's own) and switches language while running."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from branchguard.core.kernel.i18n import normalize_language, set_language
from branchguard.paths import i18n_dir

_installed: list[QTranslator] = []
_installed_code: list[str] = []  # the language of the translators in _installed
_readers: dict[str, QTranslator] = {}  # one per language, read for translate_in, never installed


def qm_path(lang: str) -> Path:
    return i18n_dir() / f"branchguard_{lang}.qm"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compile_translations() -> list[Path]:
    """Compile each .ts whose .qm is missing or older (a checkout without `make i18n`).

    A frozen build ships the .qm files and has no lrelease: then this does nothing.
    """
    tool = _lrelease()
    compiled = []
    for ts in sorted(i18n_dir().glob("branchguard_*.ts")):
        qm = ts.with_suffix(".qm")
        if tool and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            import subprocess  # only when compiling: it costs ms before the first frame

            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
            compiled.append(qm)
    return compiled


def install(lang: str) -> str:
    """Replace the installed translators by those of `lang`; also switches the Qt-free catalogue.

    Installing or removing a translator sends every widget a LanguageChange event, which is how
    open windows re-translate themselves.
    """
    app = QCoreApplication.instance()
    assert app is not None
    code = set_language(normalize_language(lang))
    if _installed_code == [code]:  # already this language's: no window re-translates (and re-reads)
        return code
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if code == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    ours = QTranslator(app)
    if ours.load(str(qm_path(code))):
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_name = "qtbase_zh_CN" if code == "zh_CN" else "qtbase_en"
    qt = QTranslator(app)
    if qt.load(qt_name, qt_dir):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    _installed_code[:] = [code]
    return code


def translate_in(lang: str, context: str, source: str) -> str:
    """`source` in the language `lang`, whichever language the window shows (its .qm read once):
    Go to page finds a page by its name in either language."""
    reader = _readers.get(lang)
    if reader is None:
        reader = _readers[lang] = QTranslator()
        reader.load(str(qm_path(lang)))
    return reader.translate(context, source) or source

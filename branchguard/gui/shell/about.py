"""About: version, where the data lives, schema revision, the report font in use, licence."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from branchguard import APP_NAME, __version__
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:  # ReportLab is imported when a font is looked up, not when the window starts
    from branchguard.reports.fonts import FontChoice

THIRD_PARTY = "Qt for Python (LGPL-3.0), SQLAlchemy (MIT), Alembic (MIT), ReportLab (BSD), argon2-cffi (MIT)"


def declared_licence() -> str:
    """The licence the installed package declares; empty when the build declares none."""
    try:
        meta = metadata.metadata("branchguard")
    except metadata.PackageNotFoundError:
        return ""
    # get_all, not meta[...]: importlib_metadata (which keyring brings) raises KeyError for a field
    # the build does not declare
    for field in ("License-Expression", "License"):
        declared = [v for v in meta.get_all(field) or [] if v]
        if declared:
            return str(declared[0])
    return ""


def value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def find_report_font(setting: str) -> FontChoice:
    """The font the report engine will embed (imports ReportLab and parses fonts: run it off-thread)."""
    from branchguard.reports.fonts import find_cjk_font

    return find_cjk_font(setting)


def font_description(choice: FontChoice, tr_embedded: str) -> str:
    where = f" ({choice.path})" if choice.path else ""
    return f"{choice.name}{where}" + (f" - {tr_embedded}" if choice.embedded else "")


class AboutPage(Page):
    page_id = "about"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._heading = QLabel()
        self._heading.setProperty("role", "page-title")
        self._tagline = QLabel()
        self._tagline.setProperty("role", "hint")
        self._tagline.setWordWrap(True)
        self._box = QGroupBox()
        self._form = QFormLayout(self._box)
        self._form.setHorizontalSpacing(18)
        self._form.setVerticalSpacing(10)
        self.version = value_label(f"{APP_NAME} {__version__}")
        self.data_dir = value_label()
        self.database = value_label()
        self.schema = value_label()
        self.font_value = value_label()
        self.font_value.setObjectName("about_font")
        self.font_warning = value_label()
        self.font_warning.setObjectName("about_font_warning")
        self.font_warning.setProperty("role", "warning")
        self.font_warning.hide()
        self.licence = value_label()
        self._captions = [QLabel() for _ in range(6)]
        values = (self.version, self.data_dir, self.database, self.schema, self.font_value, self.licence)
        for caption, value in zip(self._captions, values, strict=True):
            self._form.addRow(caption, value)
        self._form.addRow(QLabel(), self.font_warning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(self._heading)
        layout.addWidget(self._tagline)
        layout.addWidget(self._box)
        layout.addStretch(1)
        self.font_choice: FontChoice | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._heading.setText(self.tr("About BranchGuard"))
        self._tagline.setText(
            self.tr("Emergency playbooks, live incident response, drills and inspections for a bank branch.")
        )
        self._box.setTitle(self.tr("This installation"))
        for caption, text in zip(
            self._captions,
            (
                self.tr("Version"),
                self.tr("Data folder"),
                self.tr("Database"),
                self.tr("Schema revision"),
                self.tr("Report font"),
                self.tr("Licence"),
            ),
            strict=True,
        ):
            caption.setText(text)
        if self.font_choice is not None:
            self.refresh()  # the font warning comes from the report engine in the language of the day
        licence = declared_licence()
        own = licence if licence else self.tr("no licence declared in this build")
        text = self.tr("BranchGuard: %1. Built with %2.")
        self.licence.setText(text.replace("%1", own).replace("%2", THIRD_PARTY))
        self._show_font()

    def refresh(self) -> None:
        ctx = self.session.ctx
        self.data_dir.setText(str(ctx.data_dir))
        self.database.setText(ctx.engine.url.render_as_string(hide_password=True))
        self.schema.setText(ctx.schema.to_revision)
        if self.font_choice is None:
            self.font_value.setText(self.tr("Checking…"))
        setting = ctx.config.settings.get("report_font")
        # Parsing a CJK font file takes a noticeable fraction of a second (cached afterwards); the
        # setting may have changed on the Settings page since the last look.
        run_task(
            lambda _p: find_report_font(setting), on_done=self._font_found, on_error=self.font_value.setText
        )

    def _font_found(self, choice: FontChoice) -> None:
        self.font_choice = choice
        self._show_font()

    def _show_font(self) -> None:
        choice = self.font_choice
        if choice is None:
            return
        self.font_value.setText(font_description(choice, self.tr("embedded in every PDF")))
        self.font_warning.setVisible(bool(choice.warning))
        if choice.warning:
            self.font_warning.setText(choice.warning)

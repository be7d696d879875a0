"""Settings: language (applied live), start at logon, report font, branch settings, user accounts,
backups (the lead's), database in use."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.branch.service import DEFAULT_LOCKOUT_MINUTES, DEFAULT_LOCKOUT_THRESHOLD
from branchguard.core.kernel.errors import BranchGuardError, StaleRecord, ValidationError
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.roles import may
from branchguard.gui.kit import translation
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.refused import refused_tip
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tabs import tab_home
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings import autostart
from branchguard.gui.settings.anchors import AnchorsPanel
from branchguard.gui.settings.backups import BackupsPanel
from branchguard.gui.settings.lead_only import lead_only_note
from branchguard.gui.settings.library import LibraryPanel
from branchguard.gui.settings.library_ho import HeadOfficeLibraryPanel
from branchguard.gui.settings.local import store
from branchguard.gui.settings.users import UsersPanel
from branchguard.gui.shell.about import find_report_font, font_description
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:  # ReportLab is imported when a font is looked up, not when the window starts
    from branchguard.core.branch.types import BranchInfo
    from branchguard.reports.fonts import FontChoice

W = TypeVar("W", bound=QWidget)

# Each language is offered in its own name, so someone who cannot read the current one finds theirs.
LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def _say(label: QLabel, text: str, *, error: bool) -> None:
    label.setProperty("role", "error" if error else "hint")
    label.style().polish(label)
    label.setText(text)
    label.show()


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.branch_loader = Loader(self, on_error=self._branch_failed)
        self._heading = QLabel()
        self._heading.setProperty("role", "page-title")
        self.tabs = QTabWidget(self)  # made where it stays, as is every tab's content (kit/tabs.py)
        self.tabs.setObjectName("settings_tabs")
        # A tab's content is made, and its data read, when the tab is first shown (or asked for):
        # the six made at the page's first show were laid out and painted in the turn that showed
        # it, ~80 ms of its 115 at ten years, for the one tab seen.
        self._holders: list[tuple[QWidget, QVBoxLayout]] = []  # each tab's page and its layout
        self._made = {0}  # the tabs whose content is made
        self._stale: set[int] = set()  # made tabs to read again when next shown
        self._refreshed = False  # whether the page was asked for its data: a tab made since reads its own
        self._users: UsersPanel | None = None
        self._backups: BackupsPanel | None = None
        self._anchors: AnchorsPanel | None = None
        self._library: LibraryPanel | HeadOfficeLibraryPanel | None = None
        self._branch_shown: BranchInfo | None = None  # the record the branch form shows (its save compares)
        self._holder("settings")
        self._scrolling(0, self._build_general)
        self._holder("people")
        # Head office has no branch record (its name is set by `ho init`): a name saved here would
        # make one in its database. Its accounts lock after the default number of wrong passwords.
        self.tabs.setTabVisible(1, not session.head_office)
        self._users_tab = self._holder("user")
        # Hidden rather than disabled: the accounts list is none of a staff member's business,
        # and the auth service refuses them anyway.
        self.tabs.setTabVisible(self._users_tab, may(session.actor, "user.list"))
        self._backups_tab = self._holder("save")
        self.tabs.setTabVisible(self._backups_tab, may(session.actor, "backup.create"))
        self._anchors_tab = self._holder("lock")
        self._library_tab = self._holder("export" if session.head_office else "import")
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self._heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- each tab made when first shown ---------------------------------------------------------
    def _holder(self, icon_name: str) -> int:
        """An empty tab, made in the tabs' stack, its content made in it later; its index."""
        holder = QWidget(tab_home(self.tabs))
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self._holders.append((holder, box))
        return self.tabs.addTab(holder, icon(icon_name), "")

    def _scrolling(self, index: int, make: Callable[[QWidget], W]) -> W:
        """The tab's content made by `make(parent)` in an area that scrolls rather than making the
        window taller than a small screen."""
        holder, box = self._holders[index]
        area = QScrollArea(holder)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop where nothing showed the focus
        content = make(area.viewport())
        area.setWidget(content)
        box.addWidget(area)
        return content

    def _tab_shown(self, index: int) -> None:
        """Tab `index` made, and read if stale: shown, or its panel asked for."""
        self._make(index)
        self._read_if_stale(index)

    def _make(self, index: int) -> None:
        """Tab `index`'s content, unless made already, inside the tab it stays in; read when shown
        if the page was asked for its data."""
        if index in self._made:
            return
        self._made.add(index)
        holder, box = self._holders[index]
        if index == 1:
            box.addWidget(self._build_branch(holder))
            self._retranslate_branch()
        elif index == self._users_tab:
            self._users = UsersPanel(self.session, holder)
            self._users.setObjectName("users_panel")
            box.addWidget(self._users)
        elif index == self._backups_tab:
            self._backups = self._scrolling(index, lambda parent: BackupsPanel(self.session, parent))
            self._backups.setObjectName("backups_panel")
        elif index == self._anchors_tab:
            self._anchors = self._scrolling(index, lambda parent: AnchorsPanel(self.session, parent))
            self._anchors.setObjectName("anchors_panel")
        else:
            office = self.session.head_office
            library = HeadOfficeLibraryPanel if office else LibraryPanel  # exports / imports
            self._library = self._scrolling(index, lambda parent: library(self.session, parent))
            self._library.setObjectName("library_panel")
        if self._refreshed:
            self._stale.add(index)

    def _read_if_stale(self, index: int) -> None:
        """The tab's data read, if not since the page's last refresh."""
        if index not in self._stale:
            return
        self._stale.discard(index)
        if index == 0:
            self._read_general()
        elif index == 1:
            self._load_branch()
        elif index == self._users_tab:
            if may(self.session.actor, "user.list"):
                self.users.refresh()
        elif index == self._backups_tab:
            if may(self.session.actor, "backup.create"):
                self.backups.refresh()
        elif index == self._anchors_tab:
            self.anchors.refresh()
        else:
            assert self._library is not None
            self._library.refresh()

    @property
    def users(self) -> UsersPanel:
        self._tab_shown(self._users_tab)
        assert self._users is not None
        return self._users

    @property
    def backups(self) -> BackupsPanel:
        self._tab_shown(self._backups_tab)
        assert self._backups is not None
        return self._backups

    @property
    def anchors(self) -> AnchorsPanel:
        self._tab_shown(self._anchors_tab)
        assert self._anchors is not None
        return self._anchors

    @property
    def library(self) -> LibraryPanel:
        self._tab_shown(self._library_tab)
        assert isinstance(self._library, LibraryPanel)
        return self._library

    @property
    def office_library(self) -> HeadOfficeLibraryPanel:
        self._tab_shown(self._library_tab)
        assert isinstance(self._library, HeadOfficeLibraryPanel)
        return self._library

    # -- general: language, report font, database ----------------------------------------------
    def _build_general(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.language_box = QGroupBox(tab)  # in the tab before the boxes below: Tab reads top down
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.setMaximumWidth(320)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = _hint()
        self.language_message = error_label("language_message")
        row = QVBoxLayout(self.language_box)
        row.addWidget(self.language)
        row.addWidget(self.language_note)
        row.addWidget(self.language_message)

        # Per Windows or Linux account, not a branch setting: anyone may choose it for themselves.
        self.autostart: autostart.Autostart | None = autostart.for_this_system()
        self.logon_box = QGroupBox(tab)  # a parent before setVisible: never a window of its own
        self.start_at_logon = QCheckBox()
        self.start_at_logon.setObjectName("start_at_logon")
        self.start_at_logon.toggled.connect(self.set_start_at_logon)
        self.logon_note = _hint()
        self.logon_message = error_label("logon_message")
        row = QVBoxLayout(self.logon_box)
        row.addWidget(self.start_at_logon)
        row.addWidget(self.logon_note)
        row.addWidget(self.logon_message)
        self.logon_box.setVisible(self.autostart is not None)

        self.font_box = QGroupBox()
        self.font_path = QLineEdit()
        self.font_path.setObjectName("report_font")
        self.font_path.setReadOnly(True)
        self.font_choose = QPushButton(icon("folder"), "")
        self.font_choose.setObjectName("choose_font")
        self.font_choose.clicked.connect(self.choose_font)
        self.font_clear = QPushButton("")
        self.font_clear.setObjectName("clear_font")
        self.font_clear.clicked.connect(lambda: self.set_report_font(""))
        for button in (self.font_choose, self.font_clear):  # every report made here embeds it
            button.setEnabled(may(self.session.actor, "report.choose_font"))
        self.font_in_use = QLabel()
        self.font_in_use.setObjectName("font_in_use")
        self.font_in_use.setWordWrap(True)
        self.font_warning = QLabel()
        self.font_warning.setObjectName("font_warning")
        self.font_warning.setProperty("role", "warning")
        self.font_warning.setWordWrap(True)
        self.font_warning.hide()
        self.font_message = error_label("font_message")
        self.font_lead_only = lead_only_note("font_lead_only", may(self.session.actor, "report.choose_font"))
        pick = QHBoxLayout()
        pick.addWidget(self.font_path, 1)
        pick.addWidget(self.font_choose)
        pick.addWidget(self.font_clear)
        box = QVBoxLayout(self.font_box)
        box.addLayout(pick)
        box.addWidget(self.font_lead_only)
        box.addWidget(self.font_in_use)
        box.addWidget(self.font_warning)
        box.addWidget(self.font_message)
        self.font_choice: FontChoice | None = None
        self._font_checks = 0  # asked for since the running check started (0: none runs)

        self.db_box = QGroupBox()
        self.db_url = QLineEdit()
        self.db_url.setObjectName("db_url")
        self.db_url.setReadOnly(True)
        self.db_note = _hint()
        box = QVBoxLayout(self.db_box)
        box.addWidget(self.db_url)
        box.addWidget(self.db_note)

        layout = QVBoxLayout(tab)
        layout.setContentsMargins(16, 16, 16, 16)
        for widget in (self.language_box, self.logon_box, self.font_box, self.db_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        return tab

    def _language_chosen(self, index: int) -> None:
        code = str(self.language.itemData(index))
        if code == current_language():
            return
        self.language_message.hide()
        if not store(self.session.ctx.config.settings, "language", code, self._language_refused):
            return
        # Reinstalling the translators sends LanguageChange to every widget; the main window
        # then re-translates its menus and every page, this one included.
        translation.install(code)

    def _language_refused(self, message: str) -> None:
        """settings.ini was not written: said, and the language in use shown again."""
        _say(self.language_message, message, error=True)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.blockSignals(False)

    def set_start_at_logon(self, on: bool) -> None:
        """Write (or remove) this account's start-at-logon entry for the running BranchGuard."""
        if self.autostart is None:
            return
        self.logon_message.hide()
        try:
            if on:
                folder, default = self.session.ctx.config.data_dir, autostart.default_data_dir_for_logon()
                self.autostart.enable(autostart.launch_command(folder, default))
            else:
                self.autostart.disable()
        except OSError as exc:
            _say(self.logon_message, exc.strerror or str(exc), error=True)
        self._show_start_at_logon()

    def _show_start_at_logon(self) -> None:
        if self.autostart is None:
            return
        try:
            on = self.autostart.enabled()
        except OSError:
            on = False
        self.start_at_logon.blockSignals(True)
        self.start_at_logon.setChecked(on)
        self.start_at_logon.blockSignals(False)

    def choose_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Chinese TrueType font"),
            self.font_path.text(),
            self.tr("TrueType fonts (*.ttf *.ttc)"),
        )
        if path:
            self.set_report_font(path)

    def set_report_font(self, path: str) -> None:
        """Stored in settings.ini, then checked; a refused write said, the font stored kept."""
        if not may(self.session.actor, "report.choose_font"):
            return
        self.font_message.hide()
        if store(self.session.ctx.config.settings, "report_font", path, self._font_refused):
            self.font_path.setText(path)
            self.check_font()

    def _font_refused(self, message: str) -> None:
        _say(self.font_message, message, error=True)

    def check_font(self) -> None:
        """Ask the report engine which font it will embed with the current setting (off-thread)."""
        setting = self.session.ctx.config.settings.get("report_font")
        self.font_in_use.setText(self.tr("Checking the font…"))
        self._font_checks += 1
        if self._font_checks > 1:
            return  # asked again while a check runs: it checks again when that one is back
        run_task(
            lambda _p: find_report_font(setting),
            on_done=self._font_found,
            on_error=self._font_failed,
        )

    def _font_found(self, choice: FontChoice) -> None:
        if self._font_check_back():
            self.font_choice = choice
            self._show_font()

    def _font_failed(self, message: str) -> None:
        if self._font_check_back():
            _say(self.font_in_use, message, error=True)

    def _font_check_back(self) -> bool:
        """A check came back: whether its answer is the one to show, else the next check starts (the
        setting or the language changed meanwhile). One check at a time: the page's first show and
        a refresh at once each parsed the CJK font on a thread of the pool's two, and the page's
        own reads waited behind them."""
        again = self._font_checks > 1
        self._font_checks = 0
        if again:
            self.check_font()
        return not again

    def _show_font(self) -> None:
        choice = self.font_choice
        if choice is None:
            return
        used = font_description(choice, self.tr("embedded in every PDF"))
        self.font_in_use.setText(self.tr("Reports use: %1").replace("%1", used))
        self.font_warning.setVisible(bool(choice.warning))
        self.font_warning.setText(choice.warning or "")

    # -- branch ---------------------------------------------------------------------------------
    def _build_branch(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.branch_form = FieldForm()
        self.branch_name = QLineEdit()
        self.branch_code = QLineEdit()
        self.branch_address = QLineEdit()
        self.lockout_threshold = QSpinBox()
        self.lockout_threshold.setRange(1, 20)
        self.lockout_minutes = QSpinBox()
        self.lockout_minutes.setRange(1, 24 * 60)
        for key, widget, core in (
            ("branch_name", self.branch_name, "field.branch_name"),
            ("branch_code", self.branch_code, "field.branch_code"),
            ("branch_address", self.branch_address, "field.address"),
            ("lockout_threshold", self.lockout_threshold, "field.lockout_threshold"),
            ("lockout_minutes", self.lockout_minutes, "field.lockout_minutes"),
        ):
            self.branch_form.add_field(key, "", widget, core)
        self.branch_save = QPushButton("")
        self.branch_save.setObjectName("save_branch")
        self.branch_save.setProperty("accent", True)
        self.branch_save.clicked.connect(self.save_branch)
        self.branch_note = _hint()
        self.branch_message = error_label("branch_message")
        editable = may(self.session.actor, "branch.update")
        for line in (self.branch_name, self.branch_code, self.branch_address):
            line.setReadOnly(not editable)
        for spin in (self.lockout_threshold, self.lockout_minutes):
            spin.setEnabled(editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.branch_save)
        buttons.addStretch(1)
        form_holder = QWidget()
        form_holder.setMaximumWidth(760)
        form_holder.setLayout(self.branch_form)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(form_holder)
        layout.addWidget(self.branch_note)
        layout.addLayout(buttons)
        layout.addWidget(self.branch_message)
        layout.addStretch(1)
        self.branch_save.setVisible(editable)  # once in the tab: never a window of its own
        self.branch_note.setVisible(not editable)
        return tab

    def _load_branch(self) -> None:
        self.branch_loader.run(self.session.services.branch.get, self._show_branch)

    def _branch_failed(self, message: str) -> None:
        _say(self.branch_message, message, error=True)

    def _show_branch(self, branch: BranchInfo | None) -> None:
        self._branch_shown = branch
        if branch is None:  # not set up yet: the policy logins follow until then, not the spin boxes' least
            self.lockout_threshold.setValue(DEFAULT_LOCKOUT_THRESHOLD)
            self.lockout_minutes.setValue(DEFAULT_LOCKOUT_MINUTES)
            return
        self.branch_name.setText(branch.name)
        self.branch_code.setText(branch.code)
        self.branch_address.setText(branch.address)
        self.lockout_threshold.setValue(branch.lockout_threshold)
        self.lockout_minutes.setValue(branch.lockout_minutes)

    def save_branch(self) -> None:
        """Save every field of the form on the writer's thread, its button waiting (a second press
        meanwhile saves nothing), unless the record changed elsewhere since the form showed it:
        then say so and show the record as it is now (the service refuses, StaleRecord)."""
        if not self.branch_save.isEnabled():
            return
        self.branch_form.clear_errors()
        self.branch_message.hide()
        branch, actor, opened = self.session.services.branch, self.session.actor, self._branch_shown
        name, code, address = self.branch_name.text(), self.branch_code.text(), self.branch_address.text()
        threshold, minutes = self.lockout_threshold.value(), self.lockout_minutes.value()

        def work() -> BranchInfo | BranchGuardError:
            try:
                return branch.update(
                    actor, name=name, code=code, address=address, lockout_threshold=threshold,
                    lockout_minutes=minutes, opened=opened,
                )  # fmt: skip
            except BranchGuardError as exc:  # brought back whole: its field key, its kind
                return exc

        self.branch_save.setEnabled(False)
        writer().submit(work, on_done=self._branch_saved, on_error=self._branch_save_failed)

    def _branch_saved(self, result: BranchInfo | BranchGuardError) -> None:
        self.branch_save.setEnabled(True)
        if isinstance(result, BranchGuardError):
            if not (isinstance(result, ValidationError) and self.branch_form.show_validation(result)):
                _say(self.branch_message, result.message, error=True)
            if isinstance(result, StaleRecord):
                self._load_branch()
            return
        self._branch_shown = result  # what the form holds now, before the page's read comes back
        _say(self.branch_message, self.tr("Branch settings saved."), error=False)
        self.session.data_changed.emit("branch")

    def _branch_save_failed(self, message: str) -> None:
        self.branch_save.setEnabled(True)
        _say(self.branch_message, message, error=True)

    # -- page -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The shown tab's data read again; every other tab made reads its own when next shown."""
        self._refreshed = True
        self._stale = set(self._made)
        self._tab_shown(self.tabs.currentIndex())

    def _read_general(self) -> None:
        ctx = self.session.ctx
        self.font_path.setText(ctx.config.settings.get("report_font"))
        self.db_url.setText(ctx.engine.url.render_as_string(hide_password=True))
        self._show_start_at_logon()
        if self.font_choice is None:  # in a turn of its own: parsing fonts holds the GIL
            QTimer.singleShot(1, self, self.check_font)

    def retranslate(self) -> None:
        self._heading.setText(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Branch"))
        self.tabs.setTabText(self._users_tab, self.tr("User accounts"))
        self.tabs.setTabText(self._backups_tab, self.tr("Backups"))
        self.tabs.setTabText(self._anchors_tab, self.tr("Anchors"))
        office = self.session.head_office
        library = self.tr("Library for branches") if office else self.tr("Head-office library")
        self.tabs.setTabText(self._library_tab, library)
        self.language_box.setTitle(self.tr("Language"))
        self.language_note.setText(
            self.tr("Applies at once to the window; the command line and new reports use it too.")
        )
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.blockSignals(False)
        self.logon_box.setTitle(self.tr("Start"))
        self.start_at_logon.setText(self.tr("Start BranchGuard when I log on"))
        self.logon_note.setText(
            self.tr("So that reminders come even when nobody opened it. Only for this account on this PC.")
        )
        self.font_box.setTitle(self.tr("Chinese font for PDF reports"))
        self.font_lead_only.setText(self.tr("Only the safety lead can choose the report font."))
        self.font_path.setPlaceholderText(self.tr("Automatic: search the fonts installed on this PC"))
        self.font_choose.setText(self.tr("Choose…"))
        self.font_clear.setText(self.tr("Use automatic search"))
        for button in (self.font_choose, self.font_clear):
            button.setToolTip(refused_tip(self.session.actor, "report.choose_font"))
        self.db_box.setTitle(self.tr("Database in use"))
        self.db_note.setText(
            self.tr(
                "Read-only here. Start BranchGuard with --db URL or set the environment variable "
                "BRANCHGUARD_DB to use a shared PostgreSQL database instead of the file in the data folder."
            )
        )
        if 1 in self._made:
            self._retranslate_branch()
        for panel in (self._users, self._backups, self._anchors, self._library):
            if panel is not None:
                panel.retranslate()
        if self.font_choice is not None:
            self.check_font()  # its warning comes from the report engine in the language of the day

    def _retranslate_branch(self) -> None:
        for key, text in (
            ("branch_name", self.tr("Branch name")),
            ("branch_code", self.tr("Branch code")),
            ("branch_address", self.tr("Address")),
            ("lockout_threshold", self.tr("Wrong passwords before an account locks")),
            ("lockout_minutes", self.tr("Lock duration (minutes)")),
        ):
            self.branch_form.set_label(key, text)
        self.branch_save.setText(self.tr("Save branch settings"))
        self.branch_note.setText(self.tr("Only the safety lead can change the branch settings."))

"""People → Staff → *Import roster…*: HR's sheet saved as CSV (core/people/roster.py), read and
checked whole on the writer's thread, the people it would add named and asked, then added in one
transaction; a file refused says what and where (file, line, column) and adds nobody."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from branchguard.core.people.roster import MAX_BYTES, Roster, read_roster
from branchguard.core.people.types import PersonInfo
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

NAMES_SHOWN = 30  # in the question; the rest counted
_B = QMessageBox.StandardButton


class RosterImport(QObject):
    """The button, and what it starts; `imported` once people were added (the list reads again)."""

    imported = Signal()

    def __init__(self, session: GuiSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session, self.widget = session, widget
        self.button = QPushButton(icon("import"), "")
        self.button.setObjectName("person_import_button")
        self.button.clicked.connect(self.choose)
        self.message: QMessageBox | None = None  # the box last opened (the tests answer it)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Import roster…"))
        self.button.setToolTip(
            self.tr("Add the staff of HR's sheet saved as CSV: 姓名, 岗位, 手机, 电话, 在岗, 备注")
        )

    def choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Import staff roster"),
            str(documents_folder()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if chosen:
            self.check(Path(chosen))

    def check(self, path: Path) -> None:
        """The file read and every row checked (a dry run: nothing written), then the question."""
        from branchguard.core.kernel.intake import read_file

        people, actor = self.session.services.people, self.session.actor

        def work() -> tuple[Roster, list[PersonInfo]]:
            roster = read_roster(read_file(path, MAX_BYTES, "field.file"), path.name)
            return roster, people.import_roster(actor, roster, dry_run=True)

        self.button.setEnabled(False)
        writer().submit(work, on_done=lambda found: self._ask(*found), on_error=self._refused)

    def _ask(self, roster: Roster, people: list[PersonInfo]) -> None:
        self.button.setEnabled(True)
        names = "、".join(p.name for p in people[:NAMES_SHOWN])
        if len(people) > NAMES_SHOWN:
            names += " " + self.tr("and %1 more").replace("%1", str(len(people) - NAMES_SHOWN))
        box = self._box(
            QMessageBox.Icon.Question,
            self.tr("Add %n people to the staff roster?", "", len(people)),
            names,
        )
        box.setStandardButtons(_B.Ok | _B.Cancel)
        box.button(_B.Ok).setText(self.tr("Add them"))
        box.accepted.connect(lambda: self.apply(roster))
        box.open()

    def apply(self, roster: Roster) -> None:
        people, actor = self.session.services.people, self.session.actor
        self.button.setEnabled(False)

        def add() -> list[PersonInfo]:
            return people.import_roster(actor, roster)

        writer().submit(add, on_done=self._added, on_error=self._refused)

    def _added(self, people: list[PersonInfo]) -> None:
        self.button.setEnabled(True)
        self.imported.emit()
        box = self._box(
            QMessageBox.Icon.Information, self.tr("%n people added to the staff roster.", "", len(people)), ""
        )
        box.setStandardButtons(_B.Close)
        box.open()

    def _refused(self, message: str) -> None:
        self.button.setEnabled(True)
        box = self._box(QMessageBox.Icon.Warning, self.tr("Nobody was added from the roster file."), message)
        box.setStandardButtons(_B.Close)
        box.open()

    def _box(self, kind: QMessageBox.Icon, text: str, details: str) -> QMessageBox:
        box = plain(QMessageBox(self.widget))  # names and the file's cells, as they are
        box.setObjectName("person_import_message")
        box.setIcon(kind)
        box.setWindowTitle(self.tr("Import staff roster"))
        box.setText(text)
        if details:
            box.setInformativeText(details)
        self.message = box
        return box

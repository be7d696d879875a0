"""The runner's signatures: the inspector (while the run is a draft) and a different reviewer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from branchguard.core.accounts.names import Names
from branchguard.core.inspections.types import InspectionDetail, InspectionStatus, SignatureRole
from branchguard.gui.inspections.runner.names import NamePicker
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.times import date_time


class SignaturesBox(QGroupBox):
    """`sign_requested(role, name)` when a Sign button is pressed with a name filled in."""

    sign_requested = Signal(SignatureRole, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_signatures")
        self.inspector = NamePicker("inspection_inspector")
        self.reviewer = NamePicker("inspection_reviewer")
        self.inspector_label = QLabel()
        self.reviewer_label = QLabel()
        self.inspector_state = plain(QLabel())
        self.inspector_state.setObjectName("inspection_inspector_state")
        self.reviewer_state = plain(QLabel())
        self.reviewer_state.setObjectName("inspection_reviewer_state")
        for state in (self.inspector_state, self.reviewer_state):
            state.setProperty("role", "hint")
            state.setWordWrap(True)  # "Signed by … (recorded by …)" widened the window past 1024 px
        self._who = Names()  # logins as people (`set_names`): "recorded by wangjg" named no one
        self._detail: tuple[InspectionDetail, bool] | None = None
        self.sign_inspector = QPushButton()
        self.sign_inspector.setObjectName("inspection_sign_inspector")
        self.sign_inspector.clicked.connect(lambda: self._request(SignatureRole.INSPECTOR))
        self.sign_reviewer = QPushButton()
        self.sign_reviewer.setObjectName("inspection_sign_reviewer")
        self.sign_reviewer.clicked.connect(lambda: self._request(SignatureRole.REVIEWER))
        self.error = error_label("inspection_signature_error")
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.inspector_label, 0, 0)
        grid.addWidget(self.inspector, 0, 1)
        grid.addWidget(self.sign_inspector, 0, 2)
        grid.addWidget(self.inspector_state, 1, 1, 1, 2)
        grid.addWidget(self.reviewer_label, 2, 0)
        grid.addWidget(self.reviewer, 2, 1)
        grid.addWidget(self.sign_reviewer, 2, 2)
        grid.addWidget(self.reviewer_state, 3, 1, 1, 2)
        grid.addWidget(self.error, 4, 0, 1, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Signatures"))
        self.inspector_label.setText(self.tr("Inspector"))
        self.reviewer_label.setText(self.tr("Reviewer"))
        self.sign_inspector.setText(self.tr("Sign"))
        self.sign_reviewer.setText(self.tr("Sign"))
        self.reviewer.setToolTip(self.tr("The reviewer must be a different person from the inspector"))

    def names(self) -> tuple[str, str]:
        return self.inspector.name(), self.reviewer.name()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def problem(self) -> str:
        """What is wrong with the names as filled in (empty: nothing)."""
        inspector, reviewer = self.names()
        if reviewer and inspector and reviewer.casefold() == inspector.casefold():
            return self.tr("The reviewer must be a different person from the inspector.")
        return ""

    def _request(self, role: SignatureRole) -> None:
        name = self.inspector.name() if role == SignatureRole.INSPECTOR else self.reviewer.name()
        if not name:
            self.show_error(self.tr("Type or pick the name of the person who signs."))
            return
        problem = self.problem()
        self.show_error(problem)
        if not problem:
            self.sign_requested.emit(role, name)

    def set_roster(self, names: list[str], who: Names, login: str) -> None:
        """The pickers' roster; the inspector's name starts as the user's display name (`login`'s)."""
        self.inspector.set_names(names, who.by_login.get(login, login))
        self.reviewer.set_names(names)

    def set_names(self, who: Names) -> None:
        self._who = who
        if self._detail is not None:
            self.set_detail(*self._detail)

    def set_detail(self, detail: InspectionDetail, may_sign: bool) -> None:
        self._detail = (detail, may_sign)
        draft = detail.info.status == InspectionStatus.DRAFT
        for role, picker, state, button in (
            (SignatureRole.INSPECTOR, self.inspector, self.inspector_state, self.sign_inspector),
            (SignatureRole.REVIEWER, self.reviewer, self.reviewer_state, self.sign_reviewer),
        ):
            signature = detail.signature(role)
            # Signatures change while the run is a draft; after submit only a missing review is added.
            allowed = draft or (role == SignatureRole.REVIEWER and signature is None)
            if signature is not None:
                picker.set_name(signature.name)
                state.setText(
                    self.tr("Signed by %1 on %2 (recorded by %3)")
                    .replace("%1", signature.name)
                    .replace("%2", date_time(signature.signed_at))
                    .replace("%3", self._who(signature.signed_by))
                )
            else:
                state.setText(self.tr("Not signed yet"))
            picker.setEnabled(may_sign and allowed)
            button.setVisible(may_sign and allowed)
            button.setText(self.tr("Sign again") if signature is not None else self.tr("Sign"))

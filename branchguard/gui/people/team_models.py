"""Table models of the Team tab: the plan roles with their holders, and the training records with
their certificates' expiry in colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from branchguard.core.kernel.i18n import t
from branchguard.core.team.library import kind_name
from branchguard.core.team.rules import shown_name
from branchguard.core.team.types import Expiry, TeamRole, TrainingRecord
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel

_R = Qt.ItemDataRole
EXPIRY_COLOURS = {Expiry.EXPIRED: style.ERROR, Expiry.EXPIRING: style.WARNING, Expiry.VALID: style.OK}


class TeamRolesModel(RowsModel[TeamRole]):
    COL_ROLE, COL_HOLDER, COL_BACKUP, COL_NEEDS, COL_GAPS = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Role"),
            self.tr("Holder"),
            self.tr("Backup"),
            self.tr("Training needed"),
            self.tr("Gaps"),
        ]

    def gaps_text(self, item: TeamRole) -> str:
        return t("incident.list_sep").join(g.gap.label for g in item.gaps)

    def cell(self, item: TeamRole, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            if column == self.COL_ROLE:
                return shown_name(item)
            if column == self.COL_HOLDER:
                return item.holder.name if item.holder else self.tr("(nobody)")
            if column == self.COL_BACKUP:
                return item.backup.name if item.backup else ""
            if column == self.COL_NEEDS:
                return t("incident.list_sep").join(kind_name(k).text for k in item.needs)
            if column == self.COL_GAPS:
                return self.gaps_text(item) or "✓"
            return None
        if role == SORT_ROLE and column == self.COL_GAPS:
            return len(item.gaps)
        if role == _R.ForegroundRole:
            if column == self.COL_GAPS:
                return QColor(style.ERROR if item.gaps else style.OK)
            person = {self.COL_HOLDER: item.holder, self.COL_BACKUP: item.backup}.get(column)
            if person is not None and not person.on_duty:
                return QColor(style.MUTED)  # off duty
            if column == self.COL_HOLDER and item.holder is None:
                return QColor(style.ERROR)
            return None
        if role == _R.ToolTipRole and column == self.COL_GAPS and item.gaps:
            return tip(
                "\n".join(f"{g.gap.label}: {g.person}" if g.person else g.gap.label for g in item.gaps)
            )
        return None


class TrainingModel(RowsModel[TrainingRecord]):
    COL_PERSON, COL_KIND, COL_TRAINED, COL_EXPIRES, COL_STATUS, COL_CERTIFICATE = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Person"),
            self.tr("Training"),
            self.tr("Training date"),
            self.tr("Expires"),
            self.tr("Status"),
            self.tr("Certificate"),
        ]

    def status_text(self, item: TrainingRecord) -> str:
        return self.tr("renewed") if item.renewed else item.expiry.label

    def cell(self, item: TrainingRecord, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            if column == self.COL_PERSON:
                return item.person
            if column == self.COL_KIND:
                return item.kind_name.text
            if column == self.COL_TRAINED:
                return item.trained_on.isoformat()
            if column == self.COL_EXPIRES:
                return item.expires_on.isoformat() if item.expires_on else ""
            if column == self.COL_STATUS:
                return self.status_text(item)
            if column == self.COL_CERTIFICATE:
                return item.certificate
            return None
        if role == SORT_ROLE and column == self.COL_EXPIRES:
            return item.expires_on.isoformat() if item.expires_on else "9999"
        if role == _R.ForegroundRole and column in (self.COL_EXPIRES, self.COL_STATUS):
            if item.renewed:
                return QColor(style.MUTED)
            colour = EXPIRY_COLOURS.get(item.expiry)
            return QColor(colour) if colour else None
        if role == _R.ToolTipRole and item.notes:
            return tip(item.notes)
        return None

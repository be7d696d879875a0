"""Work a user started that still runs when another user logs in (after the lock, Ctrl+L).

The pages of the user before are dropped: the new one gets pages built for their own role. Their
work is not stopped with them: a backup, an export or an import runs on to its end, whole, as it
would have. What it ends with is not handed to the dropped pages: their follow-ups (the question
"Apply this import?", a re-read, a message on the page) were the user's before and would now run as
the new one. The window says instead how the work ended, named by its progress title: in the status
bar when it is done, in a warning when it failed (a backup not written must not go unseen).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from branchguard.gui.kit.tasks import running_under


def carry_on(window: QMainWindow, page: QWidget) -> None:
    """The work under way on `page`, which is being dropped, reported by `window` when it ends."""
    for handle in running_under(page):
        handle.detach()
        title = handle.title
        handle.finished.connect(lambda _result, title=title: _ended(window, title))
        handle.failed.connect(lambda message, title=title: _failed(window, title, message))


def _ended(window: QMainWindow, title: str) -> None:
    if shiboken6.isValid(window):
        said = QCoreApplication.translate("left_work", "Work begun before the user changed has ended: %1")
        window.statusBar().showMessage(said.replace("%1", title))


def _failed(window: QMainWindow, title: str, message: str) -> None:
    if not shiboken6.isValid(window):
        return
    said = QCoreApplication.translate("left_work", "Work begun before the user changed has failed: %1")
    text = said.replace("%1", title)
    box = QMessageBox(QMessageBox.Icon.Warning, title, f"{text}\n{message}", parent=window)
    box.setObjectName("left_work_failed")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the title may name a file as typed
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()

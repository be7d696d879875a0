"""Settings → Branch on two PCs: a save from the form shown before the other PC's change is refused
and the form shows the record as it is now, instead of silently undoing the login lockout policy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from branchguard.context import AppContext, open_context
from branchguard.core.branch.types import BranchInfo
from branchguard.gui.settings.page import SettingsPage


def _other_pc_sets_the_lockout(ctx: AppContext, shown: BranchInfo) -> None:
    """A second context on the same data folder (another PC's window) sets 3 tries / 60 minutes."""
    other_pc = open_context(ctx.data_dir, lang="en")
    try:
        lead = other_pc.services.auth.login("lead", "lead-demo-2026")
        other_pc.services.branch.update(
            lead,
            name=shown.name,
            code=shown.code,
            address=shown.address,
            lockout_threshold=3,
            lockout_minutes=60,
        )
    finally:
        other_pc.close()


def _stored(ctx: AppContext) -> tuple[str, int, int]:
    info = ctx.services.branch.get()
    assert info is not None
    return info.address, info.lockout_threshold, info.lockout_minutes


def _shown(page: SettingsPage) -> tuple[str, int, int]:
    return page.branch_address.text(), page.lockout_threshold.value(), page.lockout_minutes.value()


def test_a_save_over_another_pcs_lockout_change_is_refused_and_the_form_reread(
    gui_ctx: AppContext, open_window, qtbot
) -> None:
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    page.tabs.setCurrentIndex(1)
    shown = gui_ctx.services.branch.get()
    assert shown is not None and page.lockout_threshold.value() == shown.lockout_threshold != 3
    _other_pc_sets_the_lockout(gui_ctx, shown)

    page.branch_address.setText("城东区建设路 90 号")
    qtbot.mouseClick(page.branch_save, Qt.MouseButton.LeftButton)
    assert page.branch_message.text().startswith("Branch was changed by someone else")
    assert _stored(gui_ctx) == _shown(page) == (shown.address, 3, 60)

    page.branch_address.setText("城东区建设路 90 号")  # made again on the record as it is now
    qtbot.mouseClick(page.branch_save, Qt.MouseButton.LeftButton)
    assert page.branch_message.text() == "Branch settings saved."
    assert _stored(gui_ctx) == ("城东区建设路 90 号", 3, 60)

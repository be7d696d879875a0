"""Settings → Anchors: everyone sees the key's fingerprint as reports print it; only the lead
chooses the anchor folder, which must exist, is stored in settings.ini and is audited."""

from __future__ import annotations

from pathlib import Path

from branchguard.context import AppContext
from branchguard.core.anchors.rules import grouped
from branchguard.core.audit.service import AuditFilter
from branchguard.gui.settings.page import SettingsPage


def _settings(window) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_the_fingerprint_is_shown_and_the_lead_chooses_the_folder(
    gui_ctx: AppContext, open_window, tmp_path: Path
) -> None:
    page = _settings(open_window("lead"))
    panel = page.anchors
    assert page.tabs.tabText(page._anchors_tab) == "Anchors"
    assert panel.fingerprint.text() == grouped(gui_ctx.services.anchors.key().fingerprint)
    assert panel.folder.text() == str(gui_ctx.data_dir / "backups")  # beside the backups

    panel.set_folder(tmp_path / "not-plugged-in")
    assert "not-plugged-in" in panel.status.text() and panel.status.property("role") == "error"
    assert gui_ctx.config.settings.get("anchor_dir") == ""

    stick = tmp_path / "usb"
    stick.mkdir()
    panel.set_folder(stick)
    assert gui_ctx.config.anchor_dir == stick.resolve() and panel.folder.text() == str(stick.resolve())
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    events = gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor.configure"))
    assert [e.after for e in events] == [{"folder": str(stick.resolve())}]


def test_staff_see_the_fingerprint_but_cannot_choose_the_folder(open_window) -> None:
    panel = _settings(open_window("staff")).anchors
    assert len(panel.fingerprint.text().split()) == 4
    assert not panel.choose.isEnabled()

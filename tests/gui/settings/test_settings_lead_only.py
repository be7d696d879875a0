"""Staff see the settings only the safety lead may change with their buttons disabled and a line
that says so (the report font, the anchor folder, head office's key and library), as the Branch tab
says it; the lead sees no such line. A disabled button alone said nothing, and Tab passed it by."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from branchguard.gui.settings.page import SettingsPage

NOTES = {
    "font_lead_only": "Only the safety lead can choose the report font.",
    "anchor_lead_only": "Only the safety lead can choose the anchor folder.",
    "library_lead_only": "Only the safety lead can trust head office's key and import its library.",
}


def _notes(window) -> tuple[SettingsPage, dict[str, QLabel]]:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    panels = (page, page.anchors, page.library)  # the tabs' panels, made as they are shown
    page.findChild(QTabWidget).setCurrentIndex(0)
    labels: dict[str, QLabel] = {}
    for name in NOTES:
        found = [label for label in (p.findChild(QLabel, name) for p in panels) if label is not None]
        assert found, name
        labels[name] = found[0]
    return page, labels


def test_staff_are_told_who_may_change_what_they_cannot(open_window) -> None:
    page, notes = _notes(open_window("staff"))
    assert not page.font_choose.isEnabled() and not page.anchors.choose.isEnabled()
    assert not page.library.trust_button.isEnabled() and not page.library.import_button.isEnabled()
    for name, text in NOTES.items():
        assert notes[name].text() == text and not notes[name].isHidden(), name
    assert notes["font_lead_only"].isVisible()  # in the tab in front


def test_the_lead_sees_no_such_line(open_window) -> None:
    page, notes = _notes(open_window("lead"))
    assert page.font_choose.isEnabled() and page.anchors.choose.isEnabled()
    assert all(note.isHidden() for note in notes.values())

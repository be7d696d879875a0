"""The table of the main window's pages; importing it registers them without importing any page.

Each entry names the module and class a page lives in (see branchguard/gui/page.py for how to add
one). The sidebar label is marked for lupdate in the page class's context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from branchguard.core.domain import Role
from branchguard.gui.page import PageInfo, register_page

EVERYONE = frozenset(Role)

register_page(PageInfo(
    page_id="incidents",
    module="branchguard.gui.pages.incidents",
    class_name="IncidentsPage",
    nav_text=QT_TRANSLATE_NOOP("IncidentsPage", "Incidents"),
    icon_name="incident",
    order=7,  # after the plans; in a crisis F9, Shift+F9 and the banner lead here from anywhere
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="playbooks",
    module="branchguard.gui.pages.playbooks",
    class_name="PlaybooksPage",
    nav_text=QT_TRANSLATE_NOOP("PlaybooksPage", "Playbooks"),
    icon_name="playbook",
    order=5,
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="calendar",
    module="branchguard.gui.pages.calendar",
    class_name="CalendarPage",
    nav_text=QT_TRANSLATE_NOOP("CalendarPage", "Calendar"),
    icon_name="calendar",
    order=20,
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="drills",
    module="branchguard.gui.pages.drills",
    class_name="DrillsPage",
    nav_text=QT_TRANSLATE_NOOP("DrillsPage", "Drills"),
    icon_name="drill",
    order=15,  # before the calendar that shows their dates
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="inspections",
    module="branchguard.gui.pages.inspections",
    class_name="InspectionsPage",
    nav_text=QT_TRANSLATE_NOOP("InspectionsPage", "Inspections"),
    icon_name="inspection",
    order=16,  # with the drills: the routine work the calendar schedules
    roles=EVERYONE,  # auditors read; the page hides what their role cannot do
))
register_page(PageInfo(
    page_id="hazards",
    module="branchguard.gui.pages.hazards",
    class_name="HazardsPage",
    nav_text=QT_TRANSLATE_NOOP("HazardsPage", "Hazards"),
    icon_name="hazard",
    order=17,
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="people",
    module="branchguard.gui.pages.people",
    class_name="PeoplePage",
    nav_text=QT_TRANSLATE_NOOP("PeoplePage", "People & contacts"),
    icon_name="people",
    order=10,
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="audit",
    module="branchguard.gui.pages.audit",
    class_name="AuditPage",
    nav_text=QT_TRANSLATE_NOOP("AuditPage", "Audit"),
    icon_name="audit",
    order=90,
    roles=frozenset({Role.LEAD, Role.AUDITOR}),
))
register_page(PageInfo(
    page_id="settings",
    module="branchguard.gui.pages.settings",
    class_name="SettingsPage",
    nav_text=QT_TRANSLATE_NOOP("SettingsPage", "Settings"),
    icon_name="settings",
    order=900,
    roles=EVERYONE,
))
register_page(PageInfo(
    page_id="about",
    module="branchguard.gui.pages.about",
    class_name="AboutPage",
    nav_text=QT_TRANSLATE_NOOP("AboutPage", "About"),
    icon_name="about",
    order=1000,
    roles=EVERYONE,
))

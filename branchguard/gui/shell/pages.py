"""The table of the main window's pages; importing it registers them without importing any page.

Each entry names the module and class a page lives in (see branchguard/gui/kit/page.py for how to add
one). The sidebar label is marked for lupdate in the page class's context. Who sees a page is the
role table's answer for its action (core/kernel/roles.py); the action is a plain string here so that
reading the table imports no role enum.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from branchguard.gui.kit.page import PageInfo, register_page

register_page(PageInfo(
    page_id="dashboard",
    module="branchguard.gui.dashboard.page",
    class_name="DashboardPage",
    nav_text=QT_TRANSLATE_NOOP("DashboardPage", "Dashboard"),
    icon_name="dashboard",
    order=1,  # the lead's and the auditor's landing page: what is due and overdue, at a glance
    action="page.dashboard.view",
))
register_page(PageInfo(
    page_id="headoffice",
    module="branchguard.gui.headoffice.page",
    class_name="HeadOfficePage",
    nav_text=QT_TRANSLATE_NOOP("HeadOfficePage", "Branches"),
    icon_name="dashboard",
    order=2,  # head office's landing page: its branches side by side
    action="page.headoffice.view",
    where="head_office",
))
register_page(PageInfo(
    page_id="incidents",
    module="branchguard.gui.incidents.page",
    class_name="IncidentsPage",
    nav_text=QT_TRANSLATE_NOOP("IncidentsPage", "Incidents"),
    icon_name="incident",
    order=7,  # after the plans; in a crisis F9, Shift+F9 and the banner lead here from anywhere
    action="page.incidents.view",
))
register_page(PageInfo(
    page_id="warnings",
    module="branchguard.gui.early_warnings.page",
    class_name="WarningsPage",
    nav_text=QT_TRANSLATE_NOOP("WarningsPage", "Warnings"),
    icon_name="warning",
    order=8,  # beside the incidents a red or orange warning starts
    action="page.warnings.view",
))
register_page(PageInfo(
    page_id="playbooks",
    module="branchguard.gui.playbooks.page",
    class_name="PlaybooksPage",
    nav_text=QT_TRANSLATE_NOOP("PlaybooksPage", "Playbooks"),
    icon_name="playbook",
    order=5,
    action="page.playbooks.view",
))
register_page(PageInfo(
    page_id="calendar",
    module="branchguard.gui.schedules.calendar_page",
    class_name="CalendarPage",
    nav_text=QT_TRANSLATE_NOOP("CalendarPage", "Calendar"),
    icon_name="calendar",
    order=20,
    action="page.calendar.view",
))
register_page(PageInfo(
    page_id="drills",
    module="branchguard.gui.drills.page",
    class_name="DrillsPage",
    nav_text=QT_TRANSLATE_NOOP("DrillsPage", "Drills"),
    icon_name="drill",
    order=15,  # before the calendar that shows their dates
    action="page.drills.view",
))
register_page(PageInfo(
    page_id="inspections",
    module="branchguard.gui.inspections.page",
    class_name="InspectionsPage",
    nav_text=QT_TRANSLATE_NOOP("InspectionsPage", "Inspections"),
    icon_name="inspection",
    order=16,  # with the drills: the routine work the calendar schedules
    action="page.inspections.view",  # auditors read; the page hides what their role cannot do
))
register_page(PageInfo(
    page_id="hazards",
    module="branchguard.gui.hazards.page",
    class_name="HazardsPage",
    nav_text=QT_TRANSLATE_NOOP("HazardsPage", "Hazards"),
    icon_name="hazard",
    order=17,
    action="page.hazards.view",
))
register_page(PageInfo(
    page_id="complaints",
    module="branchguard.gui.complaints.page",
    class_name="ComplaintsPage",
    nav_text=QT_TRANSLATE_NOOP("ComplaintsPage", "Complaints"),
    icon_name="contact",
    order=18,  # with the hazards: the branch's open matters with a deadline
    action="page.complaints.view",
))
register_page(PageInfo(
    page_id="people",
    module="branchguard.gui.people.page",
    class_name="PeoplePage",
    nav_text=QT_TRANSLATE_NOOP("PeoplePage", "People & contacts"),
    icon_name="people",
    order=10,
    action="page.people.view",
))
register_page(PageInfo(
    page_id="audit",
    module="branchguard.gui.audit.page",
    class_name="AuditPage",
    nav_text=QT_TRANSLATE_NOOP("AuditPage", "Audit"),
    icon_name="audit",
    order=90,
    action="page.audit.view",
    where="both",
))
register_page(PageInfo(
    page_id="settings",
    module="branchguard.gui.settings.page",
    class_name="SettingsPage",
    nav_text=QT_TRANSLATE_NOOP("SettingsPage", "Settings"),
    icon_name="settings",
    order=900,
    action="page.settings.view",
    where="both",
))
register_page(PageInfo(
    page_id="about",
    module="branchguard.gui.shell.about",
    class_name="AboutPage",
    nav_text=QT_TRANSLATE_NOOP("AboutPage", "About"),
    icon_name="about",
    order=1000,
    action="page.about.view",
    where="both",
))

"""The look: calm, high-contrast colours with one accent, level and DRILL colours, the stylesheet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

# One accent (a calm teal) that no alert level uses, so selection is never read as a warning.
ACCENT = "#00796B"
ACCENT_DARK = "#005B50"
ON_ACCENT = "#FFFFFF"
TEXT = "#1B1F23"
MUTED = "#5F6B73"
ICON = "#37474F"
WINDOW = "#F4F6F7"
SURFACE = "#FFFFFF"
BORDER = "#C9D1D6"
SIDEBAR = "#E8EDEF"
ERROR = "#B71C1C"
WARNING = "#B45309"  # orange dark enough for text on white
OK = "#2E7D32"
# The keyboard focus: a dark ring that shows on the teal of a default button or the sidebar's row
# (3.8:1) as on white; Fusion's own ring barely showed on teal, and the sidebar had none.
FOCUS = TEXT
HEADER_PAD = 8  # pixels each side of a column's title (gui/kit/text_scale.py sizes columns by it)


@dataclass(frozen=True)
class Swatch:
    """A background with the text colour that stays readable on it."""

    background: str
    foreground: str


# Incident levels I/II/III and the national blue warning: badges, banners and reports use these.
LEVEL_COLOURS: dict[str, Swatch] = {
    "I": Swatch("#C62828", "#FFFFFF"),
    "II": Swatch("#EF6C00", "#FFFFFF"),
    "III": Swatch("#F9C80E", "#1B1F23"),
    "blue": Swatch("#1565C0", "#FFFFFF"),
}
# The national four-colour warning (蓝/黄/橙/红色预警), by WarningLevel value.
WARNING_COLOURS: dict[str, Swatch] = {
    "blue": Swatch("#1565C0", "#FFFFFF"),
    "yellow": Swatch("#F9C80E", "#1B1F23"),
    "orange": Swatch("#EF6C00", "#FFFFFF"),
    "red": Swatch("#C62828", "#FFFFFF"),
}
# A drill must never be mistaken for a real incident: its own colour, used with the word DRILL.
DRILL = Swatch("#6A1B9A", "#FFFFFF")


def level_swatch(level: str) -> Swatch:
    return LEVEL_COLOURS[level]


def palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, WINDOW),
        (roles.WindowText, TEXT),
        (roles.Base, SURFACE),
        (roles.AlternateBase, "#F7F9FA"),
        (roles.Text, TEXT),
        (roles.Button, "#EEF1F2"),
        (roles.ButtonText, TEXT),
        (roles.Highlight, ACCENT),
        (roles.HighlightedText, ON_ACCENT),
        (roles.ToolTipBase, SURFACE),
        (roles.ToolTipText, TEXT),
        (roles.PlaceholderText, MUTED),
        (roles.Link, ACCENT_DARK),
    ):
        pal.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        pal.setColor(disabled, role, QColor("#8A959C"))
    return pal


STYLESHEET = f"""
QListWidget#sidebar {{
    background: {SIDEBAR}; border: none; border-right: 1px solid {BORDER};
    padding: 8px 0; outline: none;
}}
QListWidget#sidebar::item {{ padding: 9px 14px; margin: 1px 8px; border-radius: 6px; color: {TEXT}; }}
QListWidget#sidebar::item:hover {{ background: #DCE4E7; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: {ON_ACCENT}; }}
QListWidget#sidebar::item:focus {{ border: 2px solid {FOCUS}; }}
QLabel[role="page-title"] {{ font-size: 18pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="warning"] {{ color: {WARNING}; font-weight: 600; }}
QLabel[role="ledger-band"] {{
    background: #FDECEA; color: {ERROR}; border: 1px solid {ERROR}; border-radius: 4px; padding: 6px 10px;
}}
QGroupBox {{
    border: 1px solid {BORDER}; border-radius: 6px; margin-top: 14px; padding: 12px 10px 10px 10px;
    background: {SURFACE};
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600; }}
QPushButton {{
    border: 1px solid {BORDER}; border-radius: 5px; padding: 5px 14px; background: #F7F9FA;
    min-height: 20px;
}}
QPushButton:hover {{ background: #EAF1F0; border-color: {ACCENT}; }}
QPushButton:default, QPushButton[accent="true"] {{
    background: {ACCENT}; color: {ON_ACCENT}; border-color: {ACCENT_DARK};
}}
QPushButton:default:hover, QPushButton[accent="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 4px 13px; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; border-radius: 4px; }}
QPushButton:disabled {{ color: #8A959C; background: #F0F2F3; border-color: #DDE2E5; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 6px; background: {SURFACE};
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {ACCENT}; }}
QLineEdit:read-only {{ background: #F0F2F3; color: {MUTED}; }}
QLineEdit[invalid="true"] {{ border: 1px solid {ERROR}; }}
QAbstractItemView {{ qproperty-tabKeyNavigation: false; }}
QTableView, QTreeView {{
    border: 1px solid {BORDER}; gridline-color: #E3E8EA; background: {SURFACE};
    selection-background-color: {ACCENT}; selection-color: {ON_ACCENT};
}}
QTableView:focus, QTreeView:focus {{ border-color: {ACCENT}; }}
QListWidget[role="photos"]::item:focus {{ border: 2px solid {FOCUS}; border-radius: 4px; }}
QHeaderView::section {{
    background: #EEF1F2; color: {TEXT}; border: none; border-bottom: 1px solid {BORDER};
    border-right: 1px solid #E3E8EA; padding: 5px {HEADER_PAD}px; font-weight: 600;
}}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 4px; background: {SURFACE}; top: -1px; }}
QTabBar::tab {{ padding: 6px 16px; border: 1px solid transparent; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
QTabBar::tab:focus {{ border: 2px solid {FOCUS}; border-radius: 4px; padding: 5px 15px; }}
QStatusBar {{ background: {SIDEBAR}; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QToolTip {{ border: 1px solid {BORDER}; padding: 4px; }}
"""


def apply(app: QApplication) -> None:
    """Fusion style with our palette, so the window looks the same on Windows and Linux.

    Once: setting a style or a style sheet restyles every widget there is, even to the same values
    (0.1-0.5 s with a few hundred widgets). Our style sheet in place says it was done (the style is
    then Qt's style-sheet style, whose name is empty); an equal palette changes nothing."""
    first = app.styleSheet() != STYLESHEET
    if first:
        app.setStyle("Fusion")
    app.setPalette(palette())
    if first:
        app.setStyleSheet(STYLESHEET)


def say(label: QLabel, text: str, role: str = "hint") -> None:
    """Put `text` on a status line in the look its role names ("hint", "error"): the style sheet
    reads the property only when the label is polished again."""
    label.setProperty("role", role)
    label.style().polish(label)
    label.setText(text)


def error_label(name: str = "") -> QLabel:
    """The line a form, a dialog or a page says what went wrong on: hidden until it has something
    to say, wrapped, in the error look, its text shown as typed (a refusal may quote a title or a
    file name the user gave, which Qt would otherwise read as markup)."""
    from branchguard.gui.kit.plain import plain  # not at the top: the first frame, which imports
    # this module, paints without PySide's Qt namespace (tests/test_launcher.py)

    label = plain(QLabel())
    if name:
        label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


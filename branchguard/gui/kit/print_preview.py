"""The one print preview every report opens: the real PDF pages, Print…, Save as PDF….

A page hands over a function that writes its report to a path; everything else is here:

    from branchguard.gui.kit.print_preview import preview_report

    def build(out: Path, note: AnchorNote) -> FontChoice:   # runs off the GUI thread
        return build_drill_report(services, actor, plan_id, out, font_setting, note)

    preview_report(self, self.tr("Drill report"), build, file_name=f"drill-{plan_id}.pdf")

`build` writes the PDF to the path it is given (a temporary file the preview owns), hands `note`
to the report builder as its `on_anchor` (gui/kit/anchor_note.py), and may return the report's
FontChoice (or anything with a `warning` text). The font's warning and "anchor not written" (with
why: the anchor folder gone, no signing key) are shown under the pages, as the CLI warns.
The preview builds in the background with a busy bar (closing it stops the build at the next page
it lays out: reports/progress.py), then renders the pages with PDFium
(reports/pdf_pages.py) lazily, only those in view, at the screen's resolution; Print… opens the
system print dialog and paints each page, rendered at the printer's resolution (at most
pdf_printing.PRINT_DPI), off the GUI thread with progress; Save as PDF… copies the very file shown.

PDFium is not thread-safe: every call into it runs on one single-thread pool (gui/kit/pdf_printing.py,
`pdf_pool`), in the order asked, besides the module lock of reports/pdf_pages.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.progress import stage_text
from branchguard.gui.kit import discard
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.building_note import BuildingNote
from branchguard.gui.kit.files import ask_save_path, saved_message
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.pdf_printing import pdf_pool, print_pages, to_image
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.tasks import TaskCancelled, TaskHandle, TaskProgress, run_task
from branchguard.reports.pdf_pages import POINTS_PER_INCH, PdfPages
from branchguard.reports.progress import thinned, watching
from branchguard.reports.template import write_atomically

PAGE_GAP = 12
KEEP_AROUND = 3  # rendered pages kept either side of those in view; further ones are dropped
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS: tuple[float | str, ...] = (FIT_WIDTH, FIT_PAGE, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class _PageView(QWidget):
    """One page of the preview: its rendered image, or a blank sheet until it comes."""

    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        self.image: QImage | None = None
        self.scale = 0.0  # pixels per point of `image`

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        if self.image is not None:
            painter.drawImage(rect, self.image)
        else:
            painter.fillRect(rect, Qt.GlobalColor.white)
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))


class PreviewDialog(QDialog):
    """Builds the report, shows its pages, prints it or saves it. See the module's docstring."""

    def __init__(
        self,
        title: str,
        build: Callable[[Path, AnchorNote], Any],
        file_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(title)
        self.title = title
        self.file_name = file_name
        self._build = build
        self._folder = tempfile.TemporaryDirectory(prefix="branchguard-preview-")
        self.pdf_path = Path(self._folder.name) / "report.pdf"
        self.pages: PdfPages | None = None
        self.views: list[_PageView] = []
        self.warning = ""
        self.anchor_problem = ""  # why the report's anchor was not written; "" when it was
        self.last_saved: Path | None = None
        self._zoom: float | str = FIT_WIDTH
        self._rendering: int | None = None  # the page whose render is under way
        self._task: TaskHandle | None = None  # the build, while under way
        self._busy = 0  # prints and saves under way: their progress dialogs are the preview's
        self._closed = False
        self._build_ui()
        self.retranslate()
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self.render_visible)
        self.finished.connect(self._release)
        self._size_to_screen()
        self._start_build()

    # -- building the dialog -------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("preview_previous")
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QPushButton()
        self.next_button.setObjectName("preview_next")
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box = QSpinBox()
        self.page_box.setObjectName("preview_page")
        self.page_box.setProperty(discard.DISCARDABLE, True)  # paging, not typing: Esc asks nothing
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.count_label = QLabel()
        self.count_label.setObjectName("preview_count")
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("preview_zoom")
        for _zoom in ZOOMS:
            self.zoom_box.addItem("")
        self.zoom_box.currentIndexChanged.connect(lambda i: self.set_zoom(ZOOMS[i]))
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.page_box, self.count_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.zoom_label = QLabel()
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_box)

        self.sheet = QWidget()
        self.sheet.setObjectName("preview_sheet")
        self.sheet_box = QVBoxLayout(self.sheet)
        self.sheet_box.setSpacing(PAGE_GAP)
        self.sheet_box.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.sheet_box.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area = QScrollArea()
        self.area.setObjectName("preview_scroll")
        self.area.setWidget(self.sheet)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area.setStyleSheet("#preview_scroll, #preview_sheet { background: #7A828A; }")
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.area.horizontalScrollBar().valueChanged.connect(lambda _v: self._visible_timer.start())

        self.building = BuildingNote()
        self.busy_label, self.busy_bar = self.building.label, self.building.bar
        self.stack = QStackedWidget()
        self.stack.addWidget(self.building)
        self.stack.addWidget(self.area)

        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.hide()
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("preview_print")
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setObjectName("preview_save")
        self.save_button.clicked.connect(self.ask_save)
        self.close_button = QPushButton()
        self.close_button.setObjectName("preview_close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        # Enter prints; the page buttons never take it (a dialog's first button otherwise would).
        for button in (self.prev_button, self.next_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.setDefault(True)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.stack, 1)
        box.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Print, self, self.ask_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        self._set_ready(False)

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.zoom_label.setText(self.tr("Zoom"))
        names = {FIT_WIDTH: self.tr("Fit width"), FIT_PAGE: self.tr("Whole page")}
        for i, zoom in enumerate(ZOOMS):
            self.zoom_box.setItemText(i, names[zoom] if isinstance(zoom, str) else f"{round(zoom * 100)}%")
        self.busy_label.setText(self.tr("Building the report…"))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Send the pages to a printer (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save the report shown as a PDF file (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))
        self._show_count()

    def _size_to_screen(self) -> None:
        """Large enough to read a page, never larger than the screen (1024×768 included)."""
        resize_within_screen(self, 900, 760)

    # -- building the report -------------------------------------------------------------------
    def _start_build(self) -> None:
        build, out, folder = self._build, self.pdf_path, self._folder

        def work(progress: TaskProgress) -> tuple[str, str, PdfPages]:
            note = AnchorNote()

            def said(done: int, total: int, stage: str) -> None:  # the proof, the rows, each page
                progress.check()  # closing cancels: the build stops here (reports/progress.py)
                progress.report(done, total, stage)

            try:
                with watching(thinned(said)):
                    result = build(out, note)
                progress.check()  # closed meanwhile: nobody will look at it
            except TaskCancelled:
                folder.cleanup()
                raise
            warning = result if isinstance(result, str) else getattr(result, "warning", "") or ""
            return warning, note.problem, PdfPages(out)

        def done(result: tuple[str, str, PdfPages]) -> None:
            if shiboken6.isValid(self) and not self._closed:
                self._built(result)
            else:
                _close_later(result[2], folder)

        self._task = run_task(work, on_done=done, on_error=self._guard(self._failed))
        self._task.progressed.connect(self._guard(self._progressed))

    def _progressed(self, done: int, total: int, stage: str) -> None:
        said = self.tr("Building the report… %1 of %2") if total else self.tr("Laying out page %1…")
        text = stage_text(done, total, stage) or said.replace("%1", str(done)).replace("%2", str(total))
        self.building.show_progress(done, total, text)

    def _guard(self, slot: Callable[..., None]) -> Callable[..., None]:
        """A callback that does nothing once the dialog is gone (closed and deleted)."""

        def call(*args: Any) -> None:
            if shiboken6.isValid(self) and not self._closed:
                slot(*args)

        return call

    def _built(self, result: tuple[str, str, PdfPages]) -> None:
        self._task = None
        self.warning, self.anchor_problem, self.pages = result
        self.views = [_PageView(i, self.sheet) for i in range(self.pages.count)]
        for view in self.views:
            self.sheet_box.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.page_box.setMaximum(max(1, self.pages.count))
        self._show_count()
        self.stack.setCurrentIndex(1)
        self._set_ready(True)
        said = []
        if self.anchor_problem:
            said.append(self.anchor_problem)  # a whole sentence: the anchor was NOT written to …, why
        if self.warning:
            said.append(self.tr("The report font fell back: %1").replace("%1", self.warning))
        if said:
            self.say("\n".join(said), warn=True)
        self._layout_pages()
        self._scrolled()  # the page number and which of Previous / Next apply

    def _failed(self, message: str) -> None:
        self._task = None
        self.building.stop(self.tr("The report could not be built: %1").replace("%1", message))

    def _set_ready(self, ready: bool) -> None:
        for widget in (
            self.print_button,
            self.save_button,
            self.prev_button,
            self.next_button,
            self.page_box,
            self.zoom_box,
        ):
            widget.setEnabled(ready)

    @property
    def page_count(self) -> int:
        return self.pages.count if self.pages is not None else 0

    def _show_count(self) -> None:
        count = self.page_count
        self.count_label.setText(self.tr("of %n page(s)", "", count) if count else "")

    def say(self, text: str, warn: bool = False) -> None:
        self.message.setProperty("role", "warning" if warn else "hint")
        self.message.setText(text)
        self.message.show()

    # -- showing pages -------------------------------------------------------------------------
    def pixels_per_point(self) -> float:
        """The zoom as screen pixels (logical) per PDF point."""
        base = self.logicalDpiX() / POINTS_PER_INCH
        if not isinstance(self._zoom, str) or self.pages is None or not self.pages.count:
            return base * float(self._zoom)
        viewport = self.area.viewport().size()
        width = max(w for w, _h in self.pages.sizes)
        across = viewport.width()
        scroll = self.area.verticalScrollBar()
        if not scroll.isVisible():  # room for the bar the pages at this width will bring: else it
            across -= scroll.sizeHint().width()  # narrows the view and a horizontal bar follows
        room_w = (across - 2 * PAGE_GAP) / width
        if self._zoom == FIT_WIDTH:
            return max(room_w, 0.1)
        height = max(h for _w, h in self.pages.sizes)
        return max(min(room_w, (viewport.height() - 2 * PAGE_GAP) / height), 0.1)

    def set_zoom(self, zoom: float | str) -> None:
        self._zoom = zoom
        self._layout_pages()

    def step_zoom(self, step: int) -> None:
        fixed = [i for i, z in enumerate(ZOOMS) if not isinstance(z, str)]
        now = self.pixels_per_point() / (self.logicalDpiX() / POINTS_PER_INCH)
        if step > 0:
            later = [i for i in fixed if float(ZOOMS[i]) > now + 0.01]
            choice = later[0] if later else fixed[-1]
        else:
            earlier = [i for i in fixed if float(ZOOMS[i]) < now - 0.01]
            choice = earlier[-1] if earlier else fixed[0]
        self.zoom_box.setCurrentIndex(choice)

    def _layout_pages(self) -> None:
        if self.pages is None:
            return
        scale = self.pixels_per_point()
        for view, (w, h) in zip(self.views, self.pages.sizes, strict=True):
            view.setFixedSize(round(w * scale), round(h * scale))
        self._visible_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if isinstance(self._zoom, str):
            self._layout_pages()

    def visible_pages(self) -> list[int]:
        top = self.area.verticalScrollBar().value()
        bottom = top + self.area.viewport().height()
        return [v.index for v in self.views if v.y() < bottom and v.y() + v.height() > top]

    def current_page(self) -> int:
        """The page at the top third of the view (from 0)."""
        mark = self.area.verticalScrollBar().value() + self.area.viewport().height() // 3
        for view in self.views:
            if view.y() + view.height() + PAGE_GAP > mark:
                return view.index
        return max(0, len(self.views) - 1)

    def go_to(self, index: int) -> None:
        if not self.views:
            return
        index = max(0, min(index, len(self.views) - 1))
        self.area.verticalScrollBar().setValue(self.views[index].y() - PAGE_GAP)
        self._scrolled()

    def _scrolled(self, _value: int = 0) -> None:
        if self.views:
            current = self.current_page()
            self.page_box.blockSignals(True)
            self.page_box.setValue(current + 1)
            self.page_box.blockSignals(False)
            self.prev_button.setEnabled(current > 0)
            self.next_button.setEnabled(current < len(self.views) - 1)
        self._visible_timer.start()

    def render_visible(self) -> None:
        """Render the first page in view that is not rendered at the zoom shown; one at a time."""
        if self.pages is None or self._closed or self._rendering is not None:
            return
        visible = self.visible_pages()
        if visible:
            keep = range(visible[0] - KEEP_AROUND, visible[-1] + KEEP_AROUND + 1)
            for view in self.views:
                if view.image is not None and view.index not in keep:
                    view.image, view.scale = None, 0.0
        scale = self.pixels_per_point()
        ratio = self.devicePixelRatioF()
        wanted = next((i for i in visible if abs(self.views[i].scale - scale) > 1e-6), None)
        if wanted is None:
            return
        pages, dpi = self.pages, scale * ratio * POINTS_PER_INCH
        self._rendering = wanted

        def work(_progress: TaskProgress) -> tuple[int, float, QImage]:
            image = to_image(pages.render(wanted, dpi))
            image.setDevicePixelRatio(ratio)
            return wanted, scale, image

        run_task(
            work,
            on_done=self._guard(self._rendered),
            on_error=self._guard(self._render_failed),
            pool=pdf_pool(),
        )

    def _rendered(self, result: tuple[int, float, QImage]) -> None:
        index, scale, image = result
        self._rendering = None
        view = self.views[index]
        view.image, view.scale = image, scale
        view.update()
        self._visible_timer.start()

    def _render_failed(self, message: str) -> None:
        self._rendering = None
        self.say(self.tr("A page could not be shown: %1").replace("%1", message), warn=True)

    def rendered_pages(self) -> list[int]:
        return [v.index for v in self.views if v.image is not None]

    # -- printing and saving -------------------------------------------------------------------
    def ask_print(self) -> None:
        if self.pages is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages.count)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> TaskHandle | None:
        """Print the pages the printer's range asks for (all by default), off the GUI thread."""
        if self.pages is None:
            return None
        count = self.pages.count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or count, count)
            indexes = list(range(first - 1, last))
        else:
            indexes = list(range(count))
        if not indexes:
            return None
        pages = self.pages
        self.print_button.setEnabled(False)
        self._busy += 1

        def settled() -> None:
            self._busy -= 1
            self.print_button.setEnabled(True)

        def done(opened: bool) -> None:
            settled()
            if opened:
                self.say(self.tr("%n page(s) sent to the printer.", "", len(indexes)))
            else:
                self.say(self.tr("The printer could not be opened."), warn=True)

        def failed(message: str) -> None:
            settled()
            self.say(self.tr("Printing failed: %1").replace("%1", message), warn=True)

        return run_task(
            lambda progress: print_pages(printer, pages, indexes, progress),
            on_done=self._guard(done),
            on_error=self._guard(failed),
            on_cancel=self._guard(settled),
            parent=self,
            title=self.tr("Printing…"),
            cancellable=True,
            pool=pdf_pool(),
        )

    def ask_save(self) -> None:
        if self.pages is None:
            return
        chosen = ask_save_path(
            self,
            self.tr("Save as PDF"),
            self.file_name,
            self.tr("PDF files (*.pdf)"),
            (".pdf",),
        )
        if chosen is not None:
            self.save_to(chosen)

    def save_to(self, out: Path) -> TaskHandle:
        """Copy the report shown to `out`, whole or not at all, off the GUI thread."""
        source = self.pdf_path
        self._busy += 1

        def work(_progress: TaskProgress) -> Path:
            write_atomically(out, source.read_bytes())
            return out

        def done(path: Path) -> None:
            self._busy -= 1
            self.last_saved = path
            self.say(saved_message(path, link=True))

        def failed(message: str) -> None:
            self._busy -= 1
            self.say(self.tr("The PDF could not be saved: %1").replace("%1", message), warn=True)

        return run_task(
            work,
            on_done=self._guard(done),
            on_error=self._guard(failed),
            parent=self,
            title=self.tr("Saving the PDF…"),
        )

    # -- closing -------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self._busy:  # a print or a save is under way; its progress dialog has Cancel
            return
        super().done(result)

    def _release(self) -> None:
        """Once closed: the document is closed after any render or print under way, and the
        temporary folder removed with it (by the build itself when it is still running)."""
        if self._closed:
            return
        self._closed = True
        if self._task is not None:
            self._task.cancel()  # the build stops; it removes the folder
        if self.pages is not None:
            _close_later(self.pages, self._folder)
            self.pages = None
        elif self._task is None:
            self._folder.cleanup()


def _close_later(pages: PdfPages, folder: tempfile.TemporaryDirectory[str]) -> None:
    """Close `pages` on the PDF pool, after whatever it still has to render or print."""

    def work(_progress: TaskProgress) -> None:
        pages.close()
        folder.cleanup()

    run_task(work, pool=pdf_pool(), on_error=lambda _message: None)


def preview_report(
    parent: QWidget | None,
    title: str,
    build: Callable[[Path, AnchorNote], Any],
    *,
    file_name: str = "report.pdf",
) -> PreviewDialog:
    """Open the print preview of the report `build(path, note)` writes (off the GUI thread); returns the
    dialog, already shown. `file_name` is what Save as PDF… suggests. One preview of a report per
    window: asked again while it is open (a double click on Preview / Print…), the open one comes
    forward and is returned; the report is not built again, nor a second anchor written for it."""
    if (shown := open_preview(parent, title, file_name)) is not None:
        shown.raise_()
        shown.activateWindow()
        return shown
    dialog = PreviewDialog(title, build, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_preview(parent: QWidget | None, title: str, file_name: str) -> PreviewDialog | None:
    """The preview of this report open in `parent`'s window, not yet closed (none without a parent)."""
    shown = parent.window().findChildren(PreviewDialog) if parent is not None else []
    return next((d for d in shown if not d._closed and (d.title, d.file_name) == (title, file_name)), None)

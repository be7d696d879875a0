"""The shared print preview (gui/kit/print_preview.py): the real pages of the PDF a report builds,
printed through a QPrinter (a PDF printer here: no real printer needed) and saved as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from branchguard.gui.kit import print_preview
from branchguard.gui.kit.pdf_printing import pdf_pool
from branchguard.gui.kit.print_preview import PreviewDialog, preview_report
from branchguard.reports.pdf_pages import PdfPages, page_count

PAGES = 5
WIDE = 3  # the fourth page is landscape, as a wide register's pages are


def write_pages(out: Path, pages: int = PAGES) -> None:
    """A PDF of `pages` pages, each a big black block and its number; page WIDE+1 landscape."""
    canvas = Canvas(str(out), pagesize=A4)
    for n in range(pages):
        canvas.setPageSize(landscape(A4) if n == WIDE else A4)
        canvas.rect(50, 400, 300, 300, fill=1)
        canvas.drawString(60, 380, f"page {n + 1}")
        canvas.showPage()
    canvas.save()


class Font:
    def __init__(self, warning: str) -> None:
        self.warning = warning


def built(out: Path, _note: Any = None) -> Font:
    write_pages(out)
    return Font("")


@pytest.fixture
def dialog(app: Any, qtbot: Any) -> PreviewDialog:
    shown = preview_report(None, "Test report", built, file_name="test-report.pdf")
    qtbot.addWidget(shown)
    return shown


def dark_pixels(dialog: PreviewDialog, index: int) -> int:
    image = dialog.views[index].image
    assert image is not None
    return sum(
        1
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
        if QColor(image.pixel(x, y)).lightness() < 50
    )


def test_the_preview_shows_every_page_and_renders_those_in_view(dialog: PreviewDialog, qtbot: Any) -> None:
    assert dialog.page_count == PAGES
    assert dialog.count_label.text() == f"of {PAGES} pages"
    assert len(dialog.views) == PAGES and dialog.page_box.maximum() == PAGES
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.rendered_pages() != [])
    shown = dialog.rendered_pages()
    assert shown and set(shown) <= set(dialog.visible_pages()) and 0 in shown
    assert dark_pixels(dialog, 0) > 50  # the black block: the PDF's own pixels, not a blank sheet
    assert PAGES - 1 not in shown  # pages out of view wait until they are scrolled to

    dialog.go_to(PAGES - 1)
    qtbot.waitUntil(lambda: PAGES - 1 in dialog.rendered_pages())
    assert dialog.page_box.value() == PAGES
    wide = dialog.views[WIDE]
    assert wide.width() > wide.height()  # the landscape page is shown landscape


def test_zoom_changes_the_page_size_and_renders_again(dialog: PreviewDialog, qtbot: Any) -> None:
    dialog.zoom_box.setCurrentIndex(print_preview.ZOOMS.index(1.0))
    at_100 = dialog.views[0].width()
    assert at_100 == round(A4[0] * dialog.logicalDpiX() / 72)
    dialog.zoom_box.setCurrentIndex(print_preview.ZOOMS.index(2.0))
    assert dialog.views[0].width() == pytest.approx(2 * at_100, abs=1)
    first = dialog.views[0]
    qtbot.waitUntil(lambda: first.image is not None and first.image.width() >= 2 * at_100 - 1)
    dialog.step_zoom(-1)
    assert print_preview.ZOOMS[dialog.zoom_box.currentIndex()] == 1.5


def test_print_to_a_pdf_printer_gives_the_same_pages(dialog: PreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)

    printed = PdfPages(tmp_path / "printed.pdf")
    try:
        assert printed.count == PAGES
        for n, (width, height) in enumerate(printed.sizes):  # A4 on A4, the wide page on its side
            assert (width > height) == (n == WIDE)
            assert sorted((width, height)) == pytest.approx(sorted(A4), abs=2)
        image = printed.render(0, 20)  # the block is printed where the PDF has it
        assert image.pixels.count(b"\x00\x00\x00") > 100
    finally:
        printed.close()
    assert dialog.message.text() == f"{PAGES} pages sent to the printer."


def test_a_page_range_prints_only_those_pages(dialog: PreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    dialog.print_to(printer)
    assert page_count(tmp_path / "two.pdf") == 2


def test_save_as_pdf_writes_the_file_shown(
    dialog: PreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def save_name(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "kept"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog.save_button.click()
    assert Path(asked[0]).name == "test-report.pdf"
    out = tmp_path / "kept.pdf"
    assert dialog.last_saved == out
    assert out.read_bytes() == dialog.pdf_path.read_bytes()
    assert str(out) in dialog.message.text()


def test_a_font_fallback_is_said_and_a_failed_build_says_why(app: Any, qtbot: Any) -> None:
    def fell_back(out: Path, _note: Any) -> Font:
        write_pages(out, 1)
        return Font("no Chinese font found")

    warned = preview_report(None, "Report", fell_back)
    qtbot.addWidget(warned)
    assert warned.page_count == 1 and "no Chinese font found" in warned.message.text()

    def broken(_out: Path, _note: Any) -> None:
        raise OSError("disk full")

    failed = preview_report(None, "Report", broken)
    qtbot.addWidget(failed)
    assert failed.page_count == 0 and "disk full" in failed.busy_label.text()
    assert not failed.print_button.isEnabled() and not failed.save_button.isEnabled()


def test_an_anchor_not_written_is_said_under_the_pages(app: Any, qtbot: Any) -> None:
    from branchguard.core.anchors.types import AnchorWrite
    from branchguard.core.kernel.i18n import Message

    def unanchored(out: Path, note: Any) -> Font:
        write_pages(out, 1)
        note(AnchorWrite("/gone/x.jsonl", True))  # one written: nothing to say of it
        gone = Message("anchor.not_written", path="/media/usb/branchguard-anchors.jsonl", error="gone")
        note(AnchorWrite("/media/usb/branchguard-anchors.jsonl", False, gone))
        return Font("")

    shown = preview_report(None, "Report", unanchored)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.page_count == 1)
    assert shown.anchor_problem and "/media/usb/branchguard-anchors.jsonl" in shown.message.text()
    assert shown.message.property("role") == "warning"
    assert shown.message.text().count("branchguard-anchors.jsonl") == 1


def test_closing_removes_the_temporary_file(app: Any) -> None:
    dialog = preview_report(None, "Test report", built)  # deleted on close: not qtbot's to close
    folder = dialog.pdf_path.parent
    assert folder.is_dir()
    dialog.close()
    assert not folder.exists()


def test_it_fits_a_1024_by_768_screen(dialog: PreviewDialog) -> None:
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    assert dialog.width() <= 1024 and dialog.height() <= 768


def test_building_rendering_and_printing_run_off_the_gui_thread(
    app: Any, qtbot: Any, pool_tasks: Any, tmp_path: Path
) -> None:
    pool_tasks.watch(PdfPages, "render")
    builds: list[int] = []

    def build(out: Path, _note: Any) -> Font:
        import threading

        builds.append(threading.get_ident())
        return built(out)

    shown = preview_report(None, "Report", build)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.rendered_pages() != [])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    shown.print_to(printer)
    # A bound on waiting, not a timing: a full clean-clone run beside other work took over pytest-qt's
    # default 5 s to draw the pages at the printer's resolution.
    qtbot.waitUntil(lambda: shown.print_button.isEnabled(), timeout=60_000)
    assert builds and pool_tasks.gui_thread not in builds
    assert pool_tasks.ran_off_the_gui_thread("render")
    assert page_count(tmp_path / "printed.pdf") == PAGES
    shown.close()
    pdf_pool().waitForDone()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)


def test_previous_and_next_follow_the_page_in_view(dialog: PreviewDialog, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: dialog.rendered_pages() != [])
    assert not dialog.prev_button.isEnabled() and dialog.next_button.isEnabled()
    assert dialog.print_button.isDefault() and not dialog.prev_button.autoDefault()
    dialog.next_button.click()
    assert dialog.page_box.value() == 2 and dialog.prev_button.isEnabled()
    dialog.page_box.setValue(PAGES)
    assert dialog.current_page() == PAGES - 1 and not dialog.next_button.isEnabled()


def test_closing_while_the_report_builds_stops_it_at_its_next_page(
    app: Any, qtbot: Any, pool_tasks: Any
) -> None:
    import threading

    from branchguard.reports import progress

    started, closed = threading.Event(), threading.Event()
    pages_after_close: list[str] = []

    def build(out: Path, _note: Any) -> Font:  # as template.render_pdf reports each page it lays out
        started.set()
        assert closed.wait(30)
        for page in range(1, 100):
            progress.step(page, 0)
            pages_after_close.append(f"page {page}")
        write_pages(out)
        return Font("")

    shown = preview_report(None, "Ten years", build)
    folder = shown.pdf_path.parent
    assert started.wait(30)
    shown.close()
    closed.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)
    assert pages_after_close == []  # stopped at the first page laid out after the close
    assert not folder.exists()


def test_while_it_builds_the_preview_says_how_far_the_report_is(
    app: Any, qtbot: Any, pool_tasks: Any
) -> None:
    import threading

    from branchguard.reports import progress

    laid_out = threading.Event()

    def build(out: Path, _note: Any) -> Font:
        for row in range(1, 301):  # as a register reads its rows in, then lays out its pages
            progress.step(row, 300)
        for page in (1, 2):
            progress.step(page, 0)
        assert laid_out.wait(30)
        write_pages(out)
        return Font("")

    shown = preview_report(None, "Ten years", build)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: "2" in shown.busy_label.text())
    assert shown.busy_label.text() == "Laying out page 2…"
    assert (shown.busy_bar.minimum(), shown.busy_bar.maximum()) == (0, 0)  # busy: the pages to come unknown
    laid_out.set()
    qtbot.waitUntil(lambda: shown.rendered_pages() != [])
    shown.close()
    QThreadPool.globalInstance().waitForDone()


def test_while_its_proof_runs_the_preview_says_which_and_how_far(
    app: Any, qtbot: Any, pool_tasks: Any
) -> None:
    import threading

    from branchguard.reports import progress

    proved = threading.Event()

    def build(out: Path, _note: Any) -> Font:  # as a stamp's ledger check reports (core/ledger/verify.py)
        progress.step(5000, 340_000, progress.LEDGER)
        assert proved.wait(30)
        write_pages(out)
        return Font("")

    shown = preview_report(None, "Ten years", build)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: "5,000" in shown.busy_label.text())
    assert shown.busy_label.text() == "Checking the evidence ledger: entry 5,000 of 340,000"
    assert (shown.busy_bar.minimum(), shown.busy_bar.maximum(), shown.busy_bar.value()) == (0, 340_000, 5000)
    proved.set()
    qtbot.waitUntil(lambda: shown.rendered_pages() != [])
    shown.close()
    QThreadPool.globalInstance().waitForDone()

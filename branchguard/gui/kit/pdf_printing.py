"""PDF pages on the GUI's side: the one thread every PDFium call runs on, pages as QImages, and
printing a PDF's pages on a QPrinter (used by the print preview, gui/kit/print_preview.py).

PDFium is not thread-safe: every call into it runs on one single-thread pool (`pdf_pool`), in the
order asked, besides the module lock of reports/pdf_pages.py.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QThreadPool
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from branchguard.gui.kit.tasks import TaskCancelled, TaskProgress
from branchguard.reports.pdf_pages import PageImage, PdfPages

PRINT_DPI = 300  # a page at 600 or 1200 dpi is 140–550 MB of pixels; 300 dpi prints sharp text

_pool: QThreadPool | None = None


def pdf_pool() -> QThreadPool:
    """One thread for every PDFium call of the window (rendering, printing, closing), in order."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(30_000)
    return _pool


def to_image(page: PageImage) -> QImage:
    """Rendered pixels as a QImage that owns its copy (safe to make on any thread)."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


def print_pages(
    printer: QPrinter, pages: PdfPages, indexes: list[int], progress: TaskProgress | None
) -> bool:
    """Paint `indexes` of `pages` on `printer`, each the size of the paper it goes on (A4 on A4 is
    one to one; another paper scales it to fit). False when the printer could not be opened.
    Runs on the PDF pool: QPainter may paint on a QPrinter from another thread."""
    dpi = min(printer.resolution(), PRINT_DPI)
    printer.setFullPage(True)  # the PDF's own margins stand; the printer's are not added to them
    _orient(printer, pages.sizes[indexes[0]])
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, index in enumerate(indexes):
            if progress is not None:
                if progress.cancelled:
                    printer.abort()
                    raise TaskCancelled
                progress.report(n, len(indexes))
            if n:
                _orient(printer, pages.sizes[index])
                printer.newPage()
            image = to_image(pages.render(index, dpi))
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target = _fitted(paper, image.width(), image.height())
            painter.drawImage(target, image)
        if progress is not None:
            progress.report(len(indexes), len(indexes))
    finally:
        painter.end()
    return True


def _orient(printer: QPrinter, size: tuple[float, float]) -> None:
    """A landscape page (a wide register) goes on landscape paper, from the page it starts on."""
    wide = size[0] > size[1]
    orientation = QPageLayout.Orientation
    printer.setPageOrientation(orientation.Landscape if wide else orientation.Portrait)


def _fitted(box: QRectF, width: float, height: float) -> QRectF:
    scale = min(box.width() / width, box.height() / height)
    w, h = width * scale, height * scale
    return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)

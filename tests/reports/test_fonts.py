"""The report font search: settings first, then system fonts, then the stated CID fallback."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import reportlab

from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import FALLBACK_FONT, FontCandidate, default_candidates, find_cjk_font

LATIN_ONLY = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


@pytest.fixture
def system_font() -> Path:
    """The system CJK font the Makefile installs (fonts-wqy-microhei on Debian)."""
    found = next((c.path for c in default_candidates() if c.path.is_file()), None)
    assert found is not None, "no CJK TrueType font installed; `make test` installs fonts-wqy-microhei"
    return found


def test_system_font_is_found_and_embeddable(system_font: Path) -> None:
    font = find_cjk_font("")
    assert font.embedded and font.path == system_font
    assert font.warning is None
    assert font.name != FALLBACK_FONT


def test_font_set_in_settings_wins(system_font: Path) -> None:
    font = find_cjk_font(str(system_font), candidates=[])
    assert font.embedded and font.path == system_font and font.warning is None


def test_no_font_anywhere_falls_back_to_stsong_and_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "fonts"
    empty.mkdir()
    candidates = [FontCandidate(empty / "wqy-microhei.ttc"), FontCandidate(empty / "msyh.ttc")]
    font = find_cjk_font("", candidates=candidates)
    assert font.name == FALLBACK_FONT
    assert font.path is None and not font.embedded
    assert font.warning and FALLBACK_FONT in font.warning and "中文" in font.warning


def test_fallback_warning_in_english(tmp_path: Path) -> None:
    set_language("en")
    font = find_cjk_font("", candidates=[FontCandidate(tmp_path / "none.ttf")])
    assert font.warning and "not embedded" in font.warning


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.ttf", b"this is not a font at all" * 10, "不是可读取的 TrueType 字体"),
        ("照片 1.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "不是可读取的 TrueType 字体"),  # not "version=0x…"
        # The sfnt header of a CFF-outline font such as Noto Sans CJK, which ReportLab cannot embed.
        ("NotoSansCJK-Regular.otf", b"OTTO" + bytes(200), "PostScript（CFF）轮廓，无法嵌入"),
        ("missing.ttf", None, "文件不存在"),
        ("Vera.ttf", LATIN_ONLY.read_bytes(), "不含中文"),
    ],
)
def test_bad_font_setting_is_skipped_and_search_continues(
    tmp_path: Path, system_font: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    font = find_cjk_font(str(path))
    assert font.embedded and font.path == system_font
    assert font.warning and str(path) in font.warning and reason in font.warning
    assert "version=" not in font.warning and "TTF file" not in font.warning  # ReportLab's English


def test_bad_setting_and_no_system_font_reports_both(tmp_path: Path) -> None:
    font = find_cjk_font(str(tmp_path / "gone.ttc"), candidates=[])
    assert not font.embedded
    assert font.warning and "gone.ttc" in font.warning and FALLBACK_FONT in font.warning


def test_report_modules_do_not_load_qt() -> None:
    code = (
        "import sys, branchguard.reports.contact_card, branchguard.reports.template, "
        "branchguard.reports.fonts; sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0


def _drawn(tmp_path: Path, name: str, text: str) -> bytes:
    """The first page of a one-line PDF of `text` in the report font, as PNG bytes."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from branchguard.reports.template import para

    font = find_cjk_font()
    pdf = tmp_path / f"{name}.pdf"
    SimpleDocTemplate(str(pdf)).build([para(text, ParagraphStyle(name, fontName=font.name, fontSize=24))])
    return _png(pdf)


def _png(pdf: Path) -> bytes:
    """The PDF's first page as PNG bytes."""
    page = ["pdftoppm", "-png", "-r", "40", "-singlefile", str(pdf), str(pdf.with_suffix(""))]
    subprocess.run(page, check=True)
    return pdf.with_suffix(".png").read_bytes()


def test_a_character_the_font_lacks_is_drawn_as_the_missing_mark(system_font: Path, tmp_path: Path) -> None:
    """吉𠮷 (a surname character of CJK Extension B) and an emoji were drawn as nothing: the name
    lost a character without a trace. They are drawn as 〓, as Chinese typesetting marks it."""
    marked = _drawn(tmp_path, "marked", "吉〓祥 火〓警")
    assert _drawn(tmp_path, "rare", "吉\U00020bb7祥 火\U0001f525警") == marked
    assert _drawn(tmp_path, "blank", "吉 祥 火 警") != marked


def _drawn_plain(tmp_path: Path, name: str, text: str) -> bytes:
    """`text` drawn as the long tables draw their cells (the canvas, no markup), as PNG bytes."""
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont(find_cjk_font().name, 24)
    canvas.drawString(40, 700, text)
    canvas.save()
    return _png(pdf)


def test_a_tab_pasted_from_a_spreadsheet_prints_as_a_space_not_the_mark(
    system_font: Path, tmp_path: Path
) -> None:
    """The hazard register draws its cells on the canvas: a tab pasted from Excel printed as 〓."""
    tab = _drawn_plain(tmp_path, "tab", "检查结果：\t压力表")
    assert tab == _drawn_plain(tmp_path, "space", "检查结果： 压力表")
    assert tab != _drawn_plain(tmp_path, "mark", "检查结果：〓压力表")


def test_two_threads_asking_at_once_parse_the_font_once(system_font: Path, monkeypatch) -> None:
    """The Settings page's check and a report built beside it each parsed the CJK collection
    (140-190 ms of the GIL each): the cache was filled only when a parse ended."""
    from branchguard.reports import fonts

    fonts._parse.cache_clear()
    parsed: list[str] = []
    first_inside, second_asks = threading.Event(), threading.Event()
    parse = fonts.TTFont

    def slow_parse(*args, **kwargs):
        parsed.append(threading.current_thread().name)
        if len(parsed) == 1:  # the first parse waits until the second thread asks too
            first_inside.set()
            second_asks.wait(10)
        return parse(*args, **kwargs)

    monkeypatch.setattr(fonts, "TTFont", slow_parse)
    found: dict[str, str] = {}

    def ask(name: str, before=None) -> None:
        if before is not None:
            before.set()
        found[name] = fonts.find_cjk_font(str(system_font)).name

    first = threading.Thread(target=ask, args=("first",))
    first.start()
    assert first_inside.wait(10)
    second = threading.Thread(target=ask, args=("second", second_asks))
    second.start()
    first.join(10)
    second.join(10)
    assert len(parsed) == 1  # the second one waited for the first and took its font
    assert found["first"] == found["second"] != FALLBACK_FONT

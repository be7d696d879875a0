"""English reports draw Latin text in a Latin face and Chinese in the Chinese font (reports/latin.py);
Chinese reports keep the Chinese font alone."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import FALLBACK_FONT, FontCandidate, find_cjk_font
from branchguard.reports.latin import LatinFace, PairedFont, latin_candidates, with_latin
from branchguard.reports.template import ReportMeta, make_styles, para, render_pdf
from tests.reports.conftest import Pdf

QUOTED = "Lead said: “Start incident” — it’s the customer’s card… 38 °C, 2×3 m, ≤ 5 min → 城东支行"


def _render(tmp_path: Path) -> Path:
    font = find_cjk_font("")
    styles = make_styles(font)
    story = [para(QUOTED, styles.body), para(QUOTED, styles.cell_bold)]
    meta = ReportMeta(title="“Start incident” report", branch_name="城东支行")  # the header band's strings
    data, _pages = render_pdf(meta, story, font)
    out = tmp_path / "report.pdf"
    out.write_bytes(data)
    return out


def _face(base_font: str) -> str:
    """A PDF font's face: WenQuanYiMicroHei for AAAAAB+WenQuanYiMicroHei-0 (subset tag, face index)."""
    return re.sub(r"^[A-Z]{6}\+|-\d+$", "", base_font)


def _drawn(path: Path) -> dict[str, set[str]]:
    """Each character the PDF shows -> the faces it is drawn in."""
    faces: dict[str, set[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object) -> None:
        if font is not None:
            face = _face(str(font["/BaseFont"])[1:])
            for ch in text.strip():
                faces.setdefault(ch, set()).add(face)

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return faces


def _latin_names() -> set[str]:
    face = next(f for f in latin_candidates() if f.path.is_file())
    return {Path(face.path).stem, Path(face.bold_path).stem}


def test_english_report_draws_latin_in_a_latin_face_and_chinese_in_the_chinese_font(tmp_path: Path) -> None:
    set_language("en")
    out = _render(tmp_path)
    faces = _drawn(out)
    cjk = find_cjk_font("").name
    latin = _latin_names()
    for ch in "“”’—…°×≤→LS2":  # in the page, the header band (canvas strings) and a bold cell
        assert faces[ch] and faces[ch] <= latin, (ch, faces[ch])
    for ch in "城东支行":
        assert faces[ch] == {cjk}, (ch, faces[ch])
    fonts = Pdf.fonts(out)
    assert all(f.embedded for f in fonts), fonts
    assert {_face(f.name) for f in fonts} == latin | {cjk}


def test_chinese_report_keeps_the_chinese_font_alone(tmp_path: Path) -> None:
    set_language("zh_CN")
    out = _render(tmp_path)
    assert {face for faces in _drawn(out).values() for face in faces} == {find_cjk_font("").name}
    # Its quotes stay full-width, as Chinese typesetting sets them.
    assert stringWidth("“", make_styles(find_cjk_font("")).body.fontName, 10) == 10


def test_widths_are_each_run_in_its_own_font() -> None:
    set_language("en")
    font = with_latin(find_cjk_font(""))
    paired = getFont(font.name)
    assert isinstance(paired, PairedFont)
    assert [(f.fontName, run) for f, run in paired.runs("Say “hi” 你好.")] == [
        (paired.latin.fontName, "Say “hi” "),
        (paired.cjk.fontName, "你好"),
        (paired.latin.fontName, "."),
    ]
    latin, cjk = paired.latin.fontName, paired.cjk.fontName
    expected = stringWidth("It’s ", latin, 10) + stringWidth("城东", cjk, 10)
    assert stringWidth("It’s 城东", font.name, 10) == expected
    assert stringWidth("“", font.name, 10) < 6  # not the Chinese font's full em
    # A character neither face has goes to the Chinese font, which prints its mark for it.
    assert [f.fontName for f, _run in paired.runs("𠮷")] == [cjk]
    assert with_latin(font) == font


def test_without_a_latin_face_or_a_truetype_font_the_report_font_stays(tmp_path: Path) -> None:
    set_language("en")
    font = find_cjk_font("")
    missing = LatinFace(tmp_path / "none.ttf", tmp_path / "none-bold.ttf")
    assert with_latin(font, [missing]) == font
    fallback = find_cjk_font("", candidates=[FontCandidate(tmp_path / "none.ttc")])
    assert fallback.name == FALLBACK_FONT and with_latin(fallback) == fallback


def test_an_unreadable_latin_face_is_passed_over(tmp_path: Path) -> None:
    set_language("en")
    working = next(f for f in latin_candidates() if f.path.is_file())
    broken = tmp_path / "cut short.ttf"  # a copy broken off: ReportLab raises struct.error
    broken.write_bytes(working.path.read_bytes()[:5000])
    font = with_latin(find_cjk_font(""), [LatinFace(broken, broken), working])
    assert getFont(font.name).latin.fontName == Path(working.path).stem  # type: ignore[attr-defined]

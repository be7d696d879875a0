"""Names and text from outside: attachment file names cleaned, terminal text stripped, which files
"open" may hand to a viewer; numbers and dates out of range refused with the field named."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.names import NAME_LIMIT, clean_file_name, opens_as_document, printable


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("..", "attachment"),
        (".", "attachment"),
        ("", "attachment"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\li\\photo.jpg", "photo.jpg"),
        ("D:payload.exe", "payload.exe"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("NUL .pdf", "_NUL .pdf"),
        ("COM1.pdf", "_COM1.pdf"),
        ("lpt9", "_lpt9"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("report.pdf.exe. . ", "report.pdf.exe"),
        ("bell\x07\x1b[2J.png", "bell[2J.png"),
        ('a<b>c:d"e|f?g*h.txt', "a_b_c_d_e_f_g_h.txt"),
        ("现场 照片.png", "现场 照片.png"),
    ],
)
def test_attachment_names_are_cleaned(given: str, kept: str) -> None:
    assert clean_file_name(given) == kept
    assert clean_file_name(kept) == kept  # cleaning twice changes nothing


def test_a_long_name_keeps_its_extension() -> None:
    name = clean_file_name("x" * 500 + ".pdf")
    assert len(name) == NAME_LIMIT and name.endswith(".pdf")


def test_printable_strips_escapes_controls_and_bidi() -> None:
    assert printable("\x1b[31mred\x1b[0m\x1b]0;title\x07 ok") == "red ok"
    assert printable("a\u202eb\u2066c\x00d\x9b2Je") == "abcde"
    assert printable("one\ntwo\tthree") == "one two three"
    assert printable("one\r\ntwo\n", keep_newlines=True) == "one\ntwo\n"
    assert printable("普通的文字") == "普通的文字"


@pytest.mark.parametrize(
    ("name", "opens"),
    [
        ("plan.pdf", True),
        ("photo.JPG", True),
        ("sheet.xlsx", True),
        ("payload.exe", False),
        ("run.bat", False),
        ("link.lnk", False),
        ("macro.xlsm", False),
        ("script.js", False),
        ("README", False),
        ("photo\u202egpj.exe", False),
        ("plan.pdf.", False),
    ],
)
def test_only_documents_and_pictures_open_in_a_viewer(name: str, opens: bool) -> None:
    assert opens_as_document(name) is opens


def check(call: object) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        call()  # type: ignore[operator]
    return err.value


def test_dates_outside_1900_to_2200_are_refused_with_the_field() -> None:
    assert check(lambda: validation.day(date(1, 1, 1), "field.date")).is_about("field.date")
    assert check(lambda: validation.day(date(9999, 12, 31), "field.date")).is_about("field.date")
    assert validation.day(date(2026, 12, 31), "field.date") == date(2026, 12, 31)
    moment = datetime(2201, 1, 1, tzinfo=UTC)
    assert check(lambda: validation.moment(moment, "field.start")).is_about("field.start")


def test_a_span_is_capped() -> None:
    err = check(lambda: validation.span(date(2020, 1, 1), date(2030, 1, 1), "field.date_range"))
    assert err.is_about("field.date_range") and err.reason_message.key == "validation.span"
    validation.span(date(2026, 1, 1), date(2026, 12, 31), "field.date_range")


def test_amounts_and_non_numbers_are_refused() -> None:
    assert check(lambda: validation.amount_cents(-1, "field.losses")).is_about("field.losses")
    assert check(lambda: validation.amount_cents(10**20, "field.losses")).is_about("field.losses")
    assert validation.amount_cents(None, "field.losses") is None
    assert check(lambda: validation.finite(float("nan"), "field.scores")).is_about("field.scores")
    assert check(lambda: validation.finite(float("1e400"), "field.scores")).is_about("field.scores")

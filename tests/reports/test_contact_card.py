"""The emergency contact card, read back as a user would: text, fonts and page count of the PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import branchguard.reports.contact_card as contact_card
from branchguard.core.kernel.i18n import set_language
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput
from branchguard.reports.contact_card import build_contact_card, render_contact_card
from branchguard.reports.fonts import FALLBACK_FONT, FontCandidate, find_cjk_font

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf

BRANCH = "示范银行城东支行营业部"


def test_demo_card_is_one_page_with_numbers_and_names(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    font = build_contact_card(demo.ctx.services, demo.actor, out)
    assert font.embedded and font.warning is None
    assert pdf.pages(out) == 1
    text = pdf.text(out)
    for needle in (BRANCH, "应急联络卡", "110", "119", "120", "96110", "报警", "火警", "急救"):
        assert needle in text
    for name in ("王建国", "赵敏", "李晓梅", "张伟", "刘洋", "孙丽", "周强", "吴刚", "郑浩"):
        assert name in text
    for number in ("13901010001", "010-63210001", "010-66880110", "400-820-8820", "95598"):
        assert number in text  # whole: phone numbers never break over two lines
    assert "分行安全保卫部值班室" in text and "城东物业服务中心" in text and "安达报警服务公司" in text
    assert "示范市城东区建设路" in text
    fonts = pdf.fonts(out)
    assert fonts and all(f.embedded for f in fonts), fonts
    assert any("WenQuanYi" in f.name for f in fonts)


def test_on_duty_is_marked_and_off_duty_is_not(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    build_contact_card(demo.ctx.services, demo.actor, out)
    lines = pdf.text(out, layout=True).splitlines()

    def status_after(name: str) -> str:
        line = next(line for line in lines if name in line)
        # Two roster columns share a line: read only what follows this name up to the next one.
        return line.split(name, 1)[1].split("在岗", 1)[0] + "在岗"

    assert status_after("孙丽").endswith("不在岗")
    assert status_after("吴刚").endswith("不在岗")
    assert not status_after("王建国").endswith("不在岗")
    assert not status_after("周强").endswith("不在岗")


def test_realistic_branch_still_fits_one_page(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    people, services, actor = demo.ctx.services.people, demo.ctx.services, demo.actor
    roles = list(BranchRole)
    for i in range(21):  # 9 demo staff + 21 = 30
        people.add_person(actor, PersonInput(
            f"员工{i:02d}", roles[i % len(roles)], f"1390202{i:04d}", f"010-6321{i:04d}", on_duty=i % 5 != 0,
        ))
    kinds = [ContactKind.SUPERIOR_SECURITY, ContactKind.PROPERTY_MANAGEMENT, ContactKind.ALARM_COMPANY,
             ContactKind.IT_HELPDESK, ContactKind.POWER_COMPANY, ContactKind.OTHER]
    for i in range(9):  # 6 demo contacts + 9 = 15
        people.add_contact(actor, ContactInput(
            f"合作单位{i}号联络中心", kinds[i % len(kinds)], f"010-6688{i:04d}", f"1380013{i:04d}"
        ))
    out = tmp_path / "card.pdf"
    build_contact_card(services, actor, out)
    assert pdf.pages(out) == 1
    text = pdf.text(out)
    for i in range(21):
        assert f"员工{i:02d}" in text and f"1390202{i:04d}" in text and f"010-6321{i:04d}" in text
    for i in range(9):
        assert f"合作单位{i}号联络中心" in text and f"010-6688{i:04d}" in text
    assert "110" in text and "96110" in text


def test_staff_are_grouped_by_post_in_rank_order(pdf: type[Pdf], tmp_path: Path) -> None:
    people = [
        _person(1, "保安甲", BranchRole.SECURITY_GUARD),
        _person(2, "柜员二", BranchRole.TELLER),
        _person(3, "负责人甲", BranchRole.BRANCH_HEAD),
        _person(4, "柜员一", BranchRole.TELLER),
    ]
    out = _render(tmp_path, people=people)
    text = pdf.text(out, layout=True)
    expected = (
        "网点负责人（1 人）", "负责人甲", "柜员（2 人）", "柜员一", "柜员二", "保安（1 人）", "保安甲",
    )
    order = [text.index(s) for s in expected]
    assert order == sorted(order)
    assert text.count("柜员（2 人）") == 1  # one group per post, however the list came in


def test_card_without_branch_has_a_neutral_title(pdf: type[Pdf], tmp_path: Path) -> None:
    out = _render(tmp_path, branch=None, people=[], contacts=[])
    text = pdf.text(out)
    assert "应急联络卡" in text
    assert text.count("尚未登记。") == 2  # no other contacts, no staff
    assert pdf.pages(out) == 1


def test_english_card(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    out = tmp_path / "card.pdf"
    build_contact_card(demo.ctx.services, demo.actor, out)
    text = pdf.text(out)
    for label in ("Emergency contact card", "Police", "Fire", "Ambulance", "Anti-fraud hotline",
                  "Other contacts", "Staff by post", "On duty", "Off duty", "Branch head (1)",
                  "Page 1 of 1", "Internal — confidential"):
        assert label in text
    for chinese in ("紧急电话", "其他联系电话", "在岗", "内部资料"):
        assert chinese not in text  # no Chinese label left over
    assert BRANCH in text and "王建国" in text  # the data stays as entered


def test_fallback_font_card_still_renders(pdf: type[Pdf], tmp_path: Path) -> None:
    font = find_cjk_font("", candidates=[FontCandidate(tmp_path / "none.ttc")])
    assert font.name == FALLBACK_FONT
    out = tmp_path / "card.pdf"
    data, pages = render_contact_card(None, [_person(1, "王建国", BranchRole.BRANCH_HEAD)], _public(), font)
    out.write_bytes(data)
    assert pages == 1 and pdf.pages(out) == 1
    fonts = pdf.fonts(out)
    assert [f.name for f in fonts] == [FALLBACK_FONT] and not fonts[0].embedded
    assert "110" in pdf.text(out)


def test_bad_font_setting_is_reported_but_card_is_written(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    font = build_contact_card(demo.ctx.services, demo.actor, out, str(tmp_path / "nope.ttf"))
    assert font.embedded and font.warning and "nope.ttf" in font.warning
    assert "王建国" in pdf.text(out)


def test_failed_render_leaves_the_old_card_untouched(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    out = folder / "card.pdf"
    out.write_bytes(b"%PDF-previous card")

    def broken(*args: object, **kwargs: object) -> tuple[bytes, int]:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(contact_card, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        build_contact_card(demo.ctx.services, demo.actor, out)
    assert out.read_bytes() == b"%PDF-previous card"
    assert [p.name for p in folder.iterdir()] == ["card.pdf"]


def test_card_into_missing_folder_fails_without_leftovers(demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "card.pdf"
    with pytest.raises(FileNotFoundError) as raised:
        build_contact_card(demo.ctx.services, demo.actor, out)
    assert raised.value.filename == str(out)


def test_every_role_may_print_the_card(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    for username, password in (("staff", "staff-demo-2026"), ("auditor", "auditor-demo-2026")):
        actor = demo.ctx.services.auth.login(username, password)
        out = tmp_path / f"{username}.pdf"
        build_contact_card(demo.ctx.services, actor, out)
        assert "王建国" in pdf.text(out)


def _person(pid: int, name: str, role: BranchRole, on_duty: bool = True) -> contact_card.PersonInfo:
    return contact_card.PersonInfo(
        id=pid, name=name, branch_role=role, mobile=f"1380000{pid:04d}", phone="", on_duty=on_duty,
        notes="", updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def _public() -> list[contact_card.ContactInfo]:
    return [
        contact_card.ContactInfo(id=i, name="", kind=kind, phone=number, alt_phone="", notes="",
                                 builtin=True, sort_order=i)
        for i, (kind, number) in enumerate(
            ((ContactKind.POLICE, "110"), (ContactKind.FIRE, "119"), (ContactKind.AMBULANCE, "120")), start=1
        )
    ]


def _render(
    tmp_path: Path,
    *,
    branch: contact_card.BranchInfo | None = None,
    people: list[contact_card.PersonInfo] | None = None,
    contacts: list[contact_card.ContactInfo] | None = None,
) -> Path:
    data, _pages = render_contact_card(
        branch, people or [], _public() if contacts is None else contacts, find_cjk_font()
    )
    out = tmp_path / "card.pdf"
    out.write_bytes(data)
    return out

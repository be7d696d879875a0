"""The incident report read back as a user would: its text, struck-through corrections, pictures,
missing files, drill marks on every page, and a 2,000-entry log."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from branchguard.core.incidents.log import MAX_ENTRY_TEXT
from branchguard.core.incidents.types import CloseInput, EntryKind, FollowUpInput, IncidentDetail, LogEntry
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Level
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.incident_report import build_incident_report, render_incident_report
from tests.pc_clock import incidents_back_then

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf

BRANCH = "示范银行城东支行营业部"
BACK_THEN = datetime(2020, 1, 1, 2, 0, tzinfo=UTC)  # the fire's time, from its start to its close


@dataclass
class Fire:
    id: int
    photo_sha: str
    gone_sha: str
    corrected_seq: int


@pytest.fixture
def fire(demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fire:
    """A fire drill with every kind of entry: steps, a correction, a level change, a photo, a
    file since deleted from the store, the initial report, and a close with two actions."""
    inc, lead = demo.ctx.services.incidents, demo.actor
    staff = demo.ctx.services.auth.login("staff", "staff-demo-2026")
    with incidents_back_then(monkeypatch, BACK_THEN):  # its action due on 5 January: overdue since
        iid = inc.start(lead, "FIRE", drill=True, location="营业大厅东侧").id
        inc.mark_step(staff, iid, 1)
        inc.log(lead, iid, EntryKind.COMMUNICATION, "已拨打119报告地址与火情")
        wrong = inc.log(staff, iid, EntryKind.OBSERVATION, "烟雾来自自助银行机房")
        inc.log(staff, iid, EntryKind.OBSERVATION, "烟雾来自配电间", corrects=wrong.seq)
        inc.mark_step(lead, iid, 2, done=False, reason="无人受伤")
        inc.change_level(lead, iid, Level.I, "火势蔓延至二楼")
        inc.log(lead, iid, EntryKind.DECISION, "疏散全部客户及员工至停车场集合点。" * 8)
        # A large photo: the report must carry a thumbnail, not the whole picture.
        Image.new("RGB", (2400, 1800), "orange").save(tmp_path / "现场.png")
        photo = inc.attach(lead, iid, tmp_path / "现场.png", note="现场照片")
        Image.new("RGB", (300, 900), "teal").save(tmp_path / "gone.jpg")
        gone = inc.attach(lead, iid, tmp_path / "gone.jpg")
        (demo.ctx.data_dir / "attachments" / gone.data["sha256"][:2] / gone.data["sha256"]).unlink()
        inc.set_report_fields(
            lead, iid, {"cause": "配电间线路老化短路", "harm_scope": "无人员伤亡，营业中断2小时"}
        )
        actions = (
            FollowUpInput("更换配电线路", "张三", date(2020, 1, 5)),
            FollowUpInput("开展消防培训", "李四"),
        )
        inc.close(
            lead,
            iid,
            CloseInput("火情扑灭，恢复营业", losses_cents=1234567, root_cause="线路老化", actions=actions),
        )
    return Fire(iid, photo.data["sha256"], gone.data["sha256"], wrong.seq)


def test_report_in_chinese(demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "incident.pdf"
    font = build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    assert font.embedded and all(f.embedded for f in pdf.fonts(out))
    text = pdf.squashed(pdf.text(out))
    detail = demo.ctx.services.incidents.get(demo.actor, fire.id)
    for needle in (
        BRANCH,
        f"事件报告#{fire.id}",
        "火灾与疏散现场处置方案",
        "FIRE（第1版）",
        "I级（特大）",
        # the initial report to head office, in its fixed order, the empty fields said so
        "向上级报告（初报）",
        f"报告机构{BRANCH}",
        "机构及地点营业大厅东侧",
        "事件起因配电间线路老化短路",
        "事件性质火灾与疏散",
        "涉及金额及人员未填写",
        "危害程度及影响范围无人员伤亡，营业中断2小时",
        # steps against their targets
        "处置步骤用时",
        "按时",
        "跳过：无人受伤",
        "待办",
        "级别调整",
        "启动时为II级（重大）",
        "II级（重大）→I级（特大）",
        "火势蔓延至二楼",
        # the timeline, every entry, the correction pointing at what it corrects
        f"处置记录（共{detail.summary.entry_count}条）",
        "已拨打119报告地址与火情",
        "烟雾来自自助银行机房",
        f"已被第{fire.corrected_seq + 1}条更正",
        f"更正第{fire.corrected_seq}条：烟雾来自配电间",
        "第1步完成：发现火情立即大声呼叫",
        "第2步跳过：无人受伤",
        # files by name, size and full hash
        "现场.png",
        f"SHA-256{fire.photo_sha}",
        f"SHA-256{fire.gone_sha}",
        # outcome and actions
        "火情扑灭，恢复营业",
        "12,345.67元",
        "线路老化",
        "更换配电线路",
        "张三",
        "2020-01-05",
        "已逾期",
        "开展消防培训",
        "未完成",
        "网点负责人（签字）",
        "经办人（签字）",
    ):
        assert needle in text, needle
    # Every entry is in the timeline with its number, time (full date) and who.
    stamps = {e.at.astimezone().strftime("%Y-%m-%d%H:%M:%S") for e in detail.entries}
    assert all(stamp in text for stamp in stamps)


def test_chain_head_and_count_are_on_the_last_page(
    demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path
) -> None:
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    summary = demo.ctx.services.incidents.get(demo.actor, fire.id).summary
    last = pdf.squashed(pdf.text(out, pdf.pages(out)))
    assert summary.chain_head in last and len(summary.chain_head) == 64
    assert f"本报告所列处置记录共{summary.entry_count}条" in last
    assert "网点负责人（签字）" in last


def test_the_corrected_entry_is_struck_through(
    demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path
) -> None:
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    page = next(p for p in range(1, pdf.pages(out) + 1) if "处置记录" in pdf.text(out, p))
    coverage = _line_through(out, page, tmp_path)
    struck = [c for word, c in coverage.items() if word.startswith("烟雾来自自助银行机房")]
    assert struck and min(struck) > 0.97, coverage
    # The correction itself, and other entries, are not struck.
    assert max(c for word, c in coverage.items() if "烟雾来自配电间" in word) < 0.9
    assert max(c for word, c in coverage.items() if word.startswith("已拨打119")) < 0.9


def _line_through(path: Path, page: int, tmp: Path, dpi: int = 200) -> dict[str, float]:
    """Each word's widest dark row as a share of its width: a line through it is about 1.0,
    plain text leaves gaps between its characters."""
    html = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(tmp / "page"),
        ],
        check=True,
    )
    image = Image.open(tmp / "page.png").convert("L")
    found: dict[str, float] = {}
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    for match in re.finditer(pattern, html):
        x0, y0, x1, y1 = (round(float(v) * dpi / 72) for v in match.groups()[:4])
        columns = range(x0 + 1, x1 - 1)
        best = max(
            sum(1 for x in columns if image.getpixel((x, y)) < 160) / max(1, len(columns))
            for y in range(y0, y1 + 1)
        )
        found[match.group(5)] = max(best, found.get(match.group(5), 0.0))
    return found


def test_a_photo_is_a_thumbnail_and_a_lost_file_is_named(
    demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path
) -> None:
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in images.splitlines()[2:]]
    assert len(rows) == 1, images  # the photo; the lost picture has none
    width, height = int(rows[0][3]), int(rows[0][4])
    assert (
        (width, height) != (2400, 1800)
        and max(width, height) <= 300
        and width / height == pytest.approx(4 / 3, 0.02)
    )
    text = pdf.squashed(pdf.text(out))
    assert "文件缺失或损坏" in text and "gone.jpg：存储的文件" in text and "不存在" in text


def test_a_damaged_file_is_named(demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path) -> None:
    stored = demo.ctx.data_dir / "attachments" / fire.photo_sha[:2] / fire.photo_sha
    stored.chmod(0o644)
    stored.write_bytes(b"not the photo any more")
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    text = pdf.squashed(pdf.text(out))
    assert "现场.png：存储的文件" in text and "已损坏" in text


def test_a_drill_is_marked_on_every_page_and_a_real_incident_nowhere(
    demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path
) -> None:
    drill = tmp_path / "drill.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, drill)
    assert pdf.pages(drill) >= 2
    for page in range(1, pdf.pages(drill) + 1):
        assert "演练 DRILL" in pdf.text(drill, page), page

    inc = demo.ctx.services.incidents
    real = inc.start(demo.actor, "ROB").id
    out = tmp_path / "real.pdf"
    build_incident_report(demo.ctx.services, demo.actor, real, out)
    text = pdf.text(out)
    assert "DRILL" not in text and "演练" not in text
    # Still open: it says so instead of an outcome.
    assert "事件仍在处置中" in pdf.squashed(text)


def test_report_in_english(demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, fire.id, out)
    text = " ".join(pdf.text(out).split())
    for needle in (
        f"Incident report #{fire.id}",
        "Initial report to head office",
        "Institution",
        "Not filled in",
        "Step timings against targets",
        "On time",
        "Skipped: 无人受伤",
        "Level changes",
        "Level II (major) → Level I (extraordinary)",
        "Timeline",
        "Corrected by entry",
        "Corrects entry",
        "Attachments",
        "File missing or damaged",
        "Outcome",
        "CNY 12,345.67",
        "Follow-up actions",
        "Overdue",
        "Log integrity",
        "Branch head (signature):",
        "Prepared by (signature):",
        "演练 DRILL",
    ):
        assert needle in text, needle


def test_an_ad_hoc_incident_has_no_step_section(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    inc = demo.ctx.services.incidents
    iid = inc.start(demo.actor, None, Level.III, title="门口可疑人员徘徊").id
    out = tmp_path / "adhoc.pdf"
    build_incident_report(demo.ctx.services, demo.actor, iid, out)
    text = pdf.squashed(pdf.text(out))
    assert (
        "门口可疑人员徘徊" in text and "无（临时启动）" in text and "级别未调整，始终为III级（较大）" in text
    )
    assert "处置步骤用时" not in text


def test_two_thousand_entries(demo: Demo, fire: Fire, pdf: type[Pdf], tmp_path: Path) -> None:
    """A long log builds, every entry is in it, the long texts wrap inside their column."""
    detail = demo.ctx.services.incidents.get(demo.actor, fire.id)
    entries = _long_log(detail, 2000)
    long = replace(detail, entries=entries, summary=replace(detail.summary, entry_count=2000))
    font = find_cjk_font()
    data, pages = render_incident_report(long, font, branch_name=BRANCH)  # timed by make bench
    out = tmp_path / "long.pdf"
    out.write_bytes(data)
    assert pdf.pages(out) == pages > 30
    text = pdf.squashed(pdf.text(out))
    assert "处置记录（共2000条）" in text
    assert all(f"第{n}条记录" in text for n in range(2, 2001, 7))
    # Wrapped, not cut off: the tail of the longest texts is printed too.
    assert text.count("——到此为止") == sum(1 for e in entries if e.text.endswith("——到此为止"))
    assert detail.summary.chain_head in pdf.squashed(pdf.text(out, pages))


def test_an_entry_as_long_as_the_log_takes_continues_on_the_next_page(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    """A note of the longest text the log takes (MAX_ENTRY_TEXT, in Chinese) is taller than a page:
    its row continues on the next one; it once stopped the report (and the head-office package)
    with ReportLab's LayoutError from 2,500 characters on."""
    inc = demo.ctx.services.incidents
    iid = inc.start(demo.actor, None, Level.III, title="营业厅漏水").id
    note = "天花板漏水，已放置接水桶并设置警示标志。" * (MAX_ENTRY_TEXT // 20) + "——全文完"
    inc.log(demo.actor, iid, EntryKind.NOTE, note[-MAX_ENTRY_TEXT:])
    out = tmp_path / "long-entry.pdf"
    build_incident_report(demo.ctx.services, demo.actor, iid, out)
    assert pdf.pages(out) >= 2
    assert "——全文完" in pdf.squashed(pdf.text(out))


def _long_log(detail: IncidentDetail, count: int) -> tuple[LogEntry, ...]:
    start = detail.summary.started_at
    kinds = (EntryKind.NOTE, EntryKind.ACTION, EntryKind.COMMUNICATION, EntryKind.OBSERVATION)
    entries = [detail.entries[0]]
    for n in range(2, count + 1):
        text = f"第{n}条记录：现场情况稳定，继续观察。"
        if n % 5 == 0:
            text += "疏散全部客户及员工至停车场集合点并清点人数。" * 4 + "——到此为止"
        entries.append(
            LogEntry(n, detail.id, n, start + timedelta(seconds=n * 37), "lead", kinds[n % len(kinds)], text)
        )
    return tuple(entries)


def test_report_names_who_held_each_role_and_the_team_check(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    team, lead = demo.ctx.services.team, demo.actor
    people = {p.name: p.id for p in team.people(lead)}
    team.assign(lead, "firefighting_team", people["周强"], people["刘洋"])
    team.assign(lead, "first_aid_team", people["孙丽"])  # on leave, no backup
    iid = demo.ctx.services.incidents.start(lead, "FIRE").id
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, lead, iid, out)
    text = pdf.squashed(pdf.text(out))
    assert "灭火行动组—周强（B角刘洋）" in text
    assert "人员到位检查" in text and "安全防护救护组：孙丽不在岗" in text

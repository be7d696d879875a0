"""Screenshots of the complaint register with a complaint's steps in view, and of the dialogs that
record them (registration, a step, the extension, the archive with its follow-ups); called by
tools/screenshots.py for each language."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog

from branchguard.context import AppContext
from branchguard.core.complaints.types import (
    ComplaintChannel,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintInput,
    ComplaintStatus,
    ComplaintStep,
    StepInput,
)
from branchguard.core.demo.service import DEMO_ACCOUNTS
from branchguard.gui.shell.main_window import MainWindow
from tools.screenshots import SMALL_SIZE, at_sizes, save, settle, shoot_dialog


def _open_complaints(ctx: AppContext) -> list[ComplaintInfo]:
    """The open complaints, after adding two when there are none: one investigated and decided
    (its reply and archive next), one received 20 days ago and never answered (overdue)."""
    lead = ctx.services.auth.login(*next((n, p) for n, _r, p, _d in DEMO_ACCOUNTS if n == "lead"))
    complaints = ctx.services.complaints
    found = complaints.list(lead, ComplaintFilter(open_only=True))
    if found:
        return found
    now = datetime.now().replace(second=0, microsecond=0)
    decided = complaints.register(lead, ComplaintInput(
        channel=ComplaintChannel.COUNTER, received_at=now - timedelta(days=3), customer_name="刘女士",
        customer_phone="13812345678", customer_id_number="110101198001011234", category="waiting",
        request="排队一小时未办理，要求说明原因并道歉", subject_post="对公柜台",
        facts="午间仅开一个对私窗口，叫号系统显示等候 23 人",
    )).info.id  # fmt: skip
    complaints.assign(lead, decided, "王建国")
    complaints.step(
        lead, decided, StepInput(ComplaintStep.INVESTIGATE, "调取叫号记录与监控，午间窗口确有减开")
    )
    complaints.step(lead, decided, StepInput(ComplaintStep.DECIDE, "向客户致歉，午间至少开两个对私窗口",
                                             basis="《营业网点服务规范》弹性窗口条款"))  # fmt: skip
    complaints.register(lead, ComplaintInput(
        channel=ComplaintChannel.REGULATOR, received_at=now - timedelta(days=20), customer_name="陈先生",
        category="fees", request="认为账户管理费收取不合理，要求退还",
    ))  # fmt: skip
    return complaints.list(lead, ComplaintFilter(open_only=True))


def _select(page: object, complaint: ComplaintInfo) -> None:
    """Select the complaint's row so its detail and the step buttons follow it."""
    table = page.table  # type: ignore[attr-defined]
    model = table.model()
    for row in range(model.rowCount()):
        if complaint.number in str(model.index(row, 0).data()) or any(
            complaint.number == str(model.index(row, c).data()) for c in range(model.columnCount())
        ):
            table.selectRow(row)
            settle()
            return
    raise LookupError(f"complaint {complaint.number} is not in the register")


def _shoot(dialog: QDialog | None, path: Path) -> list[Path]:
    if dialog is None:
        return []
    shot = shoot_dialog(dialog, path)
    dialog.reject()
    return [shot]


def shoot_complaint_screens(ctx: AppContext, window: MainWindow, folder: Path, out: Path) -> list[Path]:
    del folder  # nothing written beside the pictures
    open_ones = _open_complaints(ctx)
    page = window.show_page("complaints")
    assert page is not None
    page.refresh()  # type: ignore[attr-defined]
    settle()
    if not open_ones:
        raise LookupError("the demo data has no open complaint to picture")
    # The furthest along: its detail shows the most steps, and its archive is the next step.
    order = list(ComplaintStatus)
    furthest = max(open_ones, key=lambda c: order.index(c.status))
    _select(page, furthest)
    shots = [save(window, out / "complaints.png")]
    shots += at_sizes(window, "complaints", out, (SMALL_SIZE,))
    shots += _shoot(page.ask_register(), out / "complaint-register.png")  # type: ignore[attr-defined]
    shots += _shoot(page.ask_step(ComplaintStep.INVESTIGATE), out / "complaint-step.png")  # type: ignore[attr-defined]
    shots += _shoot(page.ask_step(ComplaintStep.ARCHIVE), out / "complaint-archive.png")  # type: ignore[attr-defined]
    from branchguard.gui.complaints.dialogs import ComplaintExtendDialog

    shots += _shoot(page._ask(ComplaintExtendDialog), out / "complaint-extend.png")  # type: ignore[attr-defined]
    return shots

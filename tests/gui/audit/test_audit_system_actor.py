"""What BranchGuard did itself (the first start's branch and lead account, the built-in library) is
shown on the Audit page as BranchGuard's, in the reader's language, in the list and in the users
filter: it showed the login "system", in English on a Chinese page."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import set_language
from branchguard.gui.audit.models import AuditModel
from branchguard.gui.audit.page import AuditPage
from branchguard.gui.shell.session import GuiSession


def test_the_first_starts_events_are_branchguards(empty_ctx: AppContext, qtbot: Any) -> None:
    empty_ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    page = AuditPage(GuiSession(empty_ctx, empty_ctx.services.auth.login("wangjg", "safe-pass-1")))
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    users = {page.model.index(r, AuditModel.COL_USER).data() for r in range(page.model.rowCount())}
    assert "BranchGuard (system)" in users and "system" not in users
    qtbot.waitUntil(lambda: page.user_filter.findData("system") > 0)
    assert page.user_filter.itemText(page.user_filter.findData("system")) == "BranchGuard (system)"
    set_language("zh_CN")
    try:
        rows = range(page.model.rowCount())
        assert "BranchGuard 系统" in {page.model.index(r, AuditModel.COL_USER).data() for r in rows}
    finally:
        set_language("en")

"""Head office's audit trail reads in the reader's language: making the head office and registering
a branch name their fields as such (a branch's name is no person's 姓名; "fingerprint" and "user"
were shown as stored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import summary_text
from branchguard.core.kernel.i18n import set_language

HO_PASSWORD = "head-office-2026!"


@pytest.mark.parametrize(
    ("lang", "said", "unsaid"),
    [
        ("zh_CN", ["网点编号：B001", "网点名称：城东支行", "密钥指纹：", "总行名称：华东区总行",
                   "管理员：admin"], ["姓名", "fingerprint", "user"]),
        ("en", ["Branch code: B001", "Branch name: 城东支行", "Key fingerprint: ",
                "Head office name: 华东区总行", "Administrator: admin"], [", fingerprint:", ", user:"]),
    ],
)  # fmt: skip
def test_head_offices_events_name_their_fields(
    tmp_path: Path, lang: str, said: list[str], unsaid: list[str]
) -> None:
    made = open_context(tmp_path / "ho")
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho")
    try:
        admin = ctx.services.auth.login("admin", HO_PASSWORD)
        key = tmp_path / "b.hex"
        key.write_text("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")  # RFC 8032's
        ctx.services.headoffice.add_branch(admin, "B001", "城东支行", key)
        events = ctx.services.audit.list(admin, AuditFilter(action_prefix="ho."))
        set_language(lang)
        try:
            text = " | ".join(summary_text(e) for e in events)
        finally:
            set_language("zh_CN")
    finally:
        ctx.close()
    for part in said:
        assert part in text, text
    for part in unsaid:
        assert part not in text, text

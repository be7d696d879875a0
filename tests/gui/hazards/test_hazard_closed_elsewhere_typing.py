"""A long description typed in a verified hazard's detail while another PC moved it and then closed
it, then Save: the save was refused, the detail showed the closed hazard read-only with the stored
description and no Save, and the message still said the typing was kept in the fields to save
again; the typing was gone. Now the message says it was closed on another PC and nothing was saved,
and what was typed is shown under the fields, caption by caption, with a button that copies it. The
ordinary refusal (the hazard still editable) keeps the typing in the fields, the box hidden."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from branchguard.context import AppContext, open_context
from branchguard.core.hazards.types import HazardInput, HazardStatus
from branchguard.gui.hazards.detail import HazardDetailDialog
from tests.gui.hazards.test_hazard_stale_keeps_typing import (
    BEFORE,
    LONG,
    _hazard,
    _kept_over_the_other_change,
    _typed_then_moved_elsewhere,
)
from tests.gui.incidents.incident_support import login, session_for

# The message's words, and the caption the typed description is copied under, by language.
WORDS = {
    "en": ("Hazard ", "closed on another PC", "nothing was saved", "copy it", "Description: "),
    "zh_CN": ("隐患", "已在另一台电脑上被关闭", "本次未保存任何内容", "请复制保留", "描述："),
}
NOT_SAID = {"en": ("kept in the fields", "save again"), "zh_CN": ("仍保留在您修改过的栏目中", "再次保存")}


def _typed_then_closed_elsewhere(
    ctx: AppContext, data_dir: Path, qtbot: Any
) -> tuple[HazardDetailDialog, int]:
    hazard_id = _hazard(ctx, verified=True)
    view = HazardDetailDialog(session_for(ctx, "lead"), hazard_id)
    qtbot.addWidget(view)
    view.show()
    view.fields.description.setPlainText(LONG)
    view.fields.owner.set_name("王强")
    other = open_context(data_dir)  # another PC moves the hazard, then closes it
    try:
        lead = login(other, "lead")
        moved = HazardInput(description=BEFORE.description, location="自助区", owner="李娜")
        other.services.hazards.update(lead, hazard_id, moved)
        other.services.hazards.close(lead, hazard_id, "已复查，销号")
    finally:
        other.close()
    return view, hazard_id


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_save_refused_because_it_was_closed_elsewhere_says_so_and_offers_the_typing(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any, lang: str
) -> None:
    view, hazard_id = _typed_then_closed_elsewhere(gui_ctx, fresh_data_dir, qtbot)
    assert not view.save()
    stored = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), hazard_id).info
    assert (stored.status, stored.description) == (HazardStatus.CLOSED, BEFORE.description)  # nothing saved
    assert view.save_button.isHidden() and view.fields.description.toPlainText() == BEFORE.description
    shown = view.message.text()
    assert not view.message.isHidden() and all(word in shown for word in WORDS[lang][:4]), shown
    assert not any(word in shown for word in NOT_SAID[lang]), shown
    # the typing, field by field under its caption: in plain view, and on the clipboard at a click
    assert view.kept.isVisible()
    description, owner = (view.fields.captions[name].text() for name in ("description", "owner"))
    kept = view.kept.text.toPlainText()
    assert f"{WORDS[lang][4]}{LONG}" in kept and owner in kept and "王强" in kept
    assert kept.index(description) < kept.index(owner)  # the fields' order
    QGuiApplication.clipboard().clear()
    view.kept.copy_button.click()
    assert QGuiApplication.clipboard().text() == kept


def test_an_ordinary_stale_save_still_keeps_the_typing_in_the_fields(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    view, hazard_id = _typed_then_moved_elsewhere(gui_ctx, fresh_data_dir, qtbot, verified=True)
    assert not view.save()
    _kept_over_the_other_change(gui_ctx, view, hazard_id)
    assert "save again" in view.message.text()
    assert view.kept.isHidden()  # nothing to copy: the typing is where it was typed

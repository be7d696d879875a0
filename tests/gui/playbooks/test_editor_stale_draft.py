"""Two PCs on one plan: PC1 has FIRE's editor open, PC2 saves a draft with the last step deleted,
PC1 changes the English title and saves. Found: "Saved as draft version 2." with every step back,
PC2's deletion gone without a word. Now nothing is saved, the editor says the plan changed
elsewhere and keeps PC1's edits (unsaved, to be copied); saving again is refused again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.gui.playbooks.editor import PlaybookEditor
from tests.gui.incidents.incident_support import login, session_for


def test_a_save_over_another_pcs_draft_is_refused_and_keeps_the_edits(
    gui_ctx: AppContext, fresh_data_dir: Path, qtbot: Any
) -> None:
    lead = login(gui_ctx, "lead")
    books = gui_ctx.services.playbooks
    shown = books.get(lead, "FIRE", prefer_draft=True)
    pc1 = PlaybookEditor(session_for(gui_ctx, "lead"), "FIRE")
    qtbot.addWidget(pc1)
    pc1.show()

    pc2 = open_context(fresh_data_dir)  # the same database from another PC
    try:
        fewer = replace(shown.content, steps=shown.content.steps[:-1])
        pc2.services.playbooks.save_draft(login(pc2, "lead"), "FIRE", fewer)
    finally:
        pc2.close()

    pc1.general.title_en.setText("Fire, PC1 revised")
    assert pc1.save()  # started, and refused
    assert "FIRE" in pc1.error.text() and not pc1.error.isHidden() and not pc1.status.text()
    draft = books.get(lead, "FIRE", prefer_draft=True)
    assert draft.info.status is PlaybookStatus.DRAFT
    assert (len(draft.content.steps), draft.content.title) == (len(fewer.steps), shown.content.title)
    assert pc1.general.title_en.text() == "Fire, PC1 revised" and not pc1.stack.isClean()
    assert pc1.steps.rowCount() == len(shown.content.steps)  # PC1's edits, still there to copy

    assert pc1.save() and pc1.isWindowModified()  # it still stands on what it opened: refused again
    assert len(books.get(lead, "FIRE", prefer_draft=True).content.steps) == len(fewer.steps)
    pc1.stack.setClean()  # closed without the unsaved-changes question

"""Two PCs on one compliance rule: PC1 opens it, PC2 changes its interval, PC1 edits the source and
saves. Found: PC2's interval put back without a word. Now nothing is saved, the dialog says the rule
changed elsewhere and shows it as it is now; the source typed again on that is saved beside PC2's
interval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import Actor
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.drills.rule_dialog import RuleDialog
from branchguard.gui.shell.main_window import MainWindow


def test_a_rule_saved_over_another_pcs_change_is_refused_and_shown_afresh(
    gui_ctx: AppContext, fresh_data_dir: Path, open_window: Callable[[str], MainWindow]
) -> None:
    page = open_window("lead").show_page("drills")
    assert isinstance(page, DrillsPage)
    compliance = page.compliance
    compliance.reload()
    shown = compliance.model.row_at(0).rule
    assert compliance.select(shown.code)
    pc1 = compliance.ask_edit()
    assert isinstance(pc1, RuleDialog)

    pc2 = open_context(fresh_data_dir)  # the same database from another PC
    try:
        pc2.services.drills.save_rule(
            Actor.system(), replace(shown, interval_months=shown.interval_months + 1)
        )
    finally:
        pc2.close()

    pc1.source.setText("PC1 的依据")
    pc1.submit()
    assert pc1.isVisible() and shown.name.text in pc1.message.text()
    assert pc1.interval.value() == shown.interval_months + 1 and pc1.source.text() == shown.source
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    pc1.source.setText("PC1 的依据")  # made again on what is current: saved
    pc1.submit()
    assert not pc1.isVisible()
    now = next(r for r in gui_ctx.services.drills.compliance_rules(lead) if r.code == shown.code)
    assert (now.interval_months, now.source) == (shown.interval_months + 1, "PC1 的依据")

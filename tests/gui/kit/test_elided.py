"""The one-line label of small screens: "…" at a whole word in English, anywhere in Chinese, the
whole text in the tooltip, and the whole text again when the room comes back."""

from __future__ import annotations

from typing import Any

from branchguard.gui.kit.elided import ElidedLabel, elided_lines, word_cut, wrapped_height
from branchguard.gui.kit.plain import tip

NEXT = "Next: step 4 · Lead customers and staff to the safe area (in an earthquake, take cover first)"


def test_a_cut_inside_an_english_word_moves_back_to_the_last_space() -> None:
    assert word_cut("Next: step 4 · Lead custo…", NEXT) == "Next: step 4 · Lead…"
    assert word_cut("Next: step 4 · Lead …", NEXT) == "Next: step 4 · Lead…"
    assert word_cut(NEXT, NEXT) == NEXT


def test_a_path_or_a_file_name_is_cut_after_a_slash_or_a_hyphen() -> None:
    """A refusal naming a file: cut back to the last space, it read "Attachment: …", the path gone."""
    full = "Attachment: 'D:/photos/lobby-camera-2026/smoke-at-the-atm.jpg' does not exist"
    assert word_cut("Attachment: 'D:/photos/lobby-camera-2026/smoke-at-t…", full) == (
        "Attachment: 'D:/photos/lobby-camera-2026/smoke-at-…"
    )
    assert word_cut("Attachment: 'D:/photos/lobby-cam…", full) == "Attachment: 'D:/photos/lobby-…"


def test_chinese_may_end_after_any_character() -> None:
    full = "下一步：第 4 步 · 引导客户和员工撤离至安全区域"
    assert word_cut("下一步：第 4 步 · 引导客户和…", full) == "下一步：第 4 步 · 引导客户和…"


def test_the_label_elides_to_its_width_and_keeps_the_whole_text(qtbot: Any) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(NEXT)
    label.resize(200, label.sizeHint().height())
    label.show()
    shown = label.text()
    assert shown.endswith("…") and len(shown) < len(NEXT)
    assert NEXT.startswith(shown[:-1].rstrip()) and NEXT[len(shown) - 1] in " ,("  # a whole word
    assert label.toolTip() == tip(NEXT) and label.full_text() == NEXT
    assert label.accessibleName() == NEXT  # the whole step to a screen reader, no mouse needed
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    label.resize(label.fontMetrics().horizontalAdvance(NEXT) + 20, label.height())
    assert label.text() == NEXT


def test_a_wrapped_text_keeps_to_its_lines_ending_at_a_whole_word(qtbot: Any) -> None:
    """The console's title at larger text: two lines at most, the rest "…" (a third line took the
    steps' fourth row)."""
    label = ElidedLabel()
    qtbot.addWidget(label)
    font, width = label.font(), 160
    two = wrapped_height(f"{NEXT}\n{NEXT}", font, 1 << 20)
    shown = elided_lines(NEXT, font, width, 2)
    assert wrapped_height(NEXT, font, width) > two  # the whole takes more than two lines
    assert shown.endswith("…") and wrapped_height(shown, font, width) <= two
    assert NEXT.startswith(shown[:-1].rstrip()) and NEXT[len(shown) - 1] in " ,("  # a whole word
    assert elided_lines("Fire and evacuation", font, width, 2) == "Fire and evacuation"
    chinese = "营业网点发生火灾时的疏散与现场处置方案，含上报与善后的每一步骤"
    assert elided_lines(chinese, font, 80, 2).endswith("…")

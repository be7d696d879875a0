"""A dialog grows to show the whole of an error line just put under a field: a refusal long enough
to wrap kept only the lines the dialog's size hint counted, its last line cut off."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from branchguard.gui.kit.forms import FieldForm

REFUSAL = "该重大隐患尚有节点未记录：临时管控、整改方案、报告总行，请记录或说明理由。"


def test_a_long_refusal_under_a_field_is_shown_whole(qtbot: Any) -> None:
    cut = []
    for times in range(1, 9):  # one line to many: where the wrapping falls depends on the font
        dialog = QDialog()
        qtbot.addWidget(dialog)
        form, name = FieldForm(), QLineEdit()
        form.add_field("name", "名称", name)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok))
        dialog.resize(420, 10)
        dialog.show()
        qtbot.waitExposed(dialog)
        height = name.height()
        form.set_error("name", REFUSAL * times)
        needed = layout.totalHeightForWidth(dialog.width())
        error = form._errors["name"]
        if dialog.height() < needed:
            cut.append((times, dialog.height(), needed))
        else:  # once laid out, every line of it shown
            qtbot.waitUntil(lambda line=error: line.height() >= line.heightForWidth(line.width()))
            assert name.height() >= height  # the input above it not squeezed for it
        dialog.close()
    assert cut == []  # the dialog grew at once to the height its wrapped lines need at its width

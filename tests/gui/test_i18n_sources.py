"""lupdate does not look inside f-strings: a tr() there is never offered for translation, and the
Chinese window shows its English source. Every tr() must stand outside any f-string."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "branchguard" / "gui"
CALL = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(")


def f_strings_with_tr(source: str) -> list[int]:
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        prefix = token.string[: len(token.string) - len(token.string.lstrip("rRbBuUfF"))]
        if "f" in prefix.lower() and CALL.search(token.string):
            lines.append(token.start[0])
    return lines


def test_the_check_finds_a_tr_inside_an_f_string() -> None:
    assert f_strings_with_tr('x = f"{a} {self.tr(\'Overdue\')}"\n') == [1]
    assert f_strings_with_tr('late = self.tr("Overdue")\nx = f"{a} {late}"\n') == []


def test_no_gui_module_translates_inside_an_f_string() -> None:
    found = {
        f"{path.relative_to(GUI)}:{line}"
        for path in sorted(GUI.rglob("*.py"))
        for line in f_strings_with_tr(path.read_text(encoding="utf-8"))
    }
    assert found == set()

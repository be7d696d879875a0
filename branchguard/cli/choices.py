"""Options that take one of a set of codes (a channel, a severity, a status, ...): the code, or its
name as the window words it, in either language (`--channel 电话`, `--severity 重大`, `--kind "Fire
brigade"`). A Chinese user typing the word the window showed was refused with a list of English
codes. The usage still lists the codes; an unknown value is refused by argparse against them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from branchguard.core.kernel.types import LabelledEnum


def codes(members: Iterable[LabelledEnum]) -> dict[str, Any]:
    """`choices` and `type` for `add_argument`: the members' codes, each also taken by its names."""
    chosen = tuple(members)
    return {"choices": [m.value for m in chosen], "type": _code_of(chosen)}


def _code_of(members: tuple[LabelledEnum, ...]) -> Callable[[str], str]:
    def code(text: str) -> str:
        wanted = _folded(text)
        for member in members:
            if wanted == _folded(member.value):
                return str(member.value)
        for member in members:  # the catalogue read only for a name, not for a code
            if wanted in (_folded(member.translated("zh_CN")), _folded(member.translated("en"))):
                return str(member.value)
        return text  # refused by argparse against the choices, which lists the codes

    return code


def _folded(text: str) -> str:
    """Compared without case and spaces: "safety officer", "Safety Officer", "安全 员"."""
    return "".join(text.split()).casefold()

"""Options that take one of a set of codes (a channel, a severity, a status, ...): the code, or its
name as the window words it, in either language (`--channel 电话`, `--severity 重大`, `--kind "Fire
brigade"`). A Chinese user typing the word the window showed was refused with a list of English
codes. The usage still lists the codes; an unknown value is refused by argparse against them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from branchguard.core.kernel.types import LabelledEnum, member_named


def codes(members: Iterable[LabelledEnum]) -> dict[str, Any]:
    """`choices` and `type` for `add_argument`: the members' codes, each also taken by its names."""
    chosen = tuple(members)

    def code(text: str) -> str:
        member = member_named(chosen, text)
        return str(member.value) if member is not None else text  # argparse refuses it, listing the codes

    return {"choices": [m.value for m in chosen], "type": code}

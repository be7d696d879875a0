"""The initial report's fields are checked as every other text is (kernel/validation.text):
control characters dropped, each field within its limit. They were only trimmed: a NUL or an
escape sequence was stored and a field of any length accepted."""

from __future__ import annotations

import pytest

from branchguard.core.incidents.report import FIELD_LIMIT
from branchguard.core.kernel.errors import ValidationError


def test_control_characters_are_dropped_and_a_too_long_field_is_refused(ctx, lead) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    saved = inc.set_report_fields(lead, iid, {"place": " 营业厅\x00\x1b[31m ", "cause": "持刀\r\n抢劫"})
    assert saved.report_fields == {"place": "营业厅[31m", "cause": "持刀\n抢劫"}
    with pytest.raises(ValidationError) as err:
        inc.set_report_fields(lead, iid, {"measures": "报警" * FIELD_LIMIT})
    assert err.value.reason_message.key == "validation.too_long"
    assert err.value.field_message is not None and err.value.field_message.key == "report_field.measures"
    assert inc.get(lead, iid).report_fields == saved.report_fields  # refused whole

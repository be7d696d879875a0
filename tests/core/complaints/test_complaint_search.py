"""The register's search, on SQLite and PostgreSQL: the number as the register shows it (that year's
only), the customer's name, the request, the facts or the person complained about, any case, `%`
and `_` found as typed; with the other filters, all of which must hold."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from branchguard.core.complaints.types import ComplaintChannel, ComplaintFilter, ComplaintInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.validation import SEARCH_LIMIT
from tests.complaint_helpers import NEW_YEAR_IN_BEIJING, YEAR, in_beijing

# Received at 00:30 on 1 January of last year in Beijing: the year before in UTC, TS-<YEAR>-… in
# the register (tests/complaint_helpers.py: last year's receipts are taken whenever the tests run).
NEW_YEAR = NEW_YEAR_IN_BEIJING
MARCH_2 = in_beijing(3, 2, 10)


@pytest.fixture
def made(ctx, lead) -> dict[str, int]:
    svc = ctx.services.complaints

    def add(at: datetime, name: str, request: str, channel: str = "counter", **kw: str) -> int:
        data = ComplaintInput(channel=channel, received_at=at, customer_name=name, category="attitude",
                              request=request, **kw)  # fmt: skip
        return svc.register(lead, data).info.id

    return {
        "queue": add(NEW_YEAR, "张三丰", "排队太久，要求改进", "phone", facts="等了 50% 的午休时间"),
        "fee": add(MARCH_2, "李四", "短信收费 Fee_Notice", subject_person="王柜员"),
        "rude": add(MARCH_2.replace(day=9), "Zhao Min", "柜员态度生硬", "phone"),
    }


def ids(ctx, actor, **kw) -> list[int]:
    return sorted(c.id for c in ctx.services.complaints.list(actor, ComplaintFilter(**kw)))


def test_the_search_finds_the_name_the_request_the_facts_and_the_person_complained_about(
    ctx, lead, made
) -> None:
    assert ids(ctx, lead, text="张三丰") == [made["queue"]]
    assert ids(ctx, lead, text="排队") == [made["queue"]]
    assert ids(ctx, lead, text="午休") == [made["queue"]]  # the facts
    assert ids(ctx, lead, text="王柜员") == [made["fee"]]  # the person complained about
    assert ids(ctx, lead, text="zhao min") == [made["rude"]]  # any case
    assert ids(ctx, lead, text="  柜员  ") == sorted([made["fee"], made["rude"]])


def test_the_search_finds_a_complaint_by_its_register_number_only_in_its_year(ctx, lead, made) -> None:
    number = ctx.services.complaints.get(lead, made["queue"]).info.number
    assert number.startswith(f"TS-{YEAR}-")  # its year in China, not in UTC
    assert ids(ctx, lead, text=number) == [made["queue"]]
    assert ids(ctx, lead, text=number.lower()) == [made["queue"]]
    assert ids(ctx, lead, text=str(made["fee"])) == [made["fee"]]
    assert ids(ctx, lead, text=f"{made['fee']:04d}") == [made["fee"]]
    assert ids(ctx, lead, text=number.replace(str(YEAR), str(YEAR - 1))) == []  # another year's number
    assert ids(ctx, lead, text="TS-0000-0001") == []


def test_percent_and_underscore_are_searched_as_typed(ctx, lead, made) -> None:
    assert ids(ctx, lead, text="50%") == [made["queue"]]
    assert ids(ctx, lead, text="%") == [made["queue"]]
    assert ids(ctx, lead, text="Fee_N") == [made["fee"]]
    assert ids(ctx, lead, text="_") == [made["fee"]]
    assert ids(ctx, lead, text="\\") == []


def test_the_search_narrows_what_the_other_filters_select(ctx, lead, made) -> None:
    march = {"received_from": date(YEAR, 3, 1), "received_to": date(YEAR, 3, 31)}
    assert ids(ctx, lead, text="柜员", **march) == sorted([made["fee"], made["rude"]])
    assert ids(ctx, lead, text="柜员", channel=ComplaintChannel.PHONE, **march) == [made["rude"]]
    assert ids(ctx, lead, text="排队", **march) == []
    assert ids(ctx, lead, text="排队", open_only=True, channel=ComplaintChannel.PHONE) == [made["queue"]]


def test_a_search_longer_than_a_search_box_takes_is_refused_naming_the_field(ctx, lead, made) -> None:
    with pytest.raises(ValidationError) as refused:
        ctx.services.complaints.list(lead, ComplaintFilter(text="柜" * (SEARCH_LIMIT + 1)))
    assert refused.value.field == "field.search"


def test_a_reference_with_its_year_or_a_bare_year_lists_that_years_complaints(ctx, lead) -> None:
    """As the hazard register's search (core/kernel/reference_search.py): "TS-2027" found nothing and
    "2027" only the complaint with id 2027."""
    svc = ctx.services.complaints
    eve, new_year = datetime(2026, 12, 31, 15, 30, tzinfo=UTC), datetime(2026, 12, 31, 16, 30, tzinfo=UTC)

    def add(at: datetime) -> int:
        data = ComplaintInput(channel="counter", received_at=at, customer_name="赵六", category="attitude",
                              request="跨年排队")  # fmt: skip
        return svc.register(lead, data, now=new_year).info.id

    old, new = add(eve), add(new_year)
    assert ids(ctx, lead, text="TS-2027") == [new] == ids(ctx, lead, text="ts-2027-")
    assert ids(ctx, lead, text="TS-2026") == [old]
    assert ids(ctx, lead, text="2027") == [new]  # the year (no complaint has id 2027)
    assert ids(ctx, lead, text=f"2027-{new:04d}") == [new]
    assert ids(ctx, lead, text="TS-1850") == []  # not a plausible year: no complaint


def test_only_a_role_that_may_unmask_finds_a_customer_by_the_name_in_full(
    ctx, lead, staff, auditor, made
) -> None:
    """The list shows 张**: a reader who sees the names masked finds them as masked (张, 张*), never by
    the name in full, else typing a name would confirm that that person complained."""
    for masked_reader in (staff, auditor):
        assert ids(ctx, masked_reader, text="张三丰") == []
        assert ids(ctx, masked_reader, text="三丰") == []
        assert ids(ctx, masked_reader, text="Zhao Min") == []
        assert ids(ctx, masked_reader, text="张") == [made["queue"]] == ids(ctx, masked_reader, text="张**")
        assert ids(ctx, masked_reader, text="张***") == []  # 张** has two stars
        assert ids(ctx, masked_reader, text="z*******") == [made["rude"]]
        assert ids(ctx, masked_reader, text="排队") == [made["queue"]]  # the request, as shown
    assert ids(ctx, lead, text="张三丰") == [made["queue"]]
    assert ids(ctx, lead, text="三丰") == [made["queue"]]

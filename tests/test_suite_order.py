"""The run's order (tests/conftest.py, pytest_collection_modifyitems): the tests marked slow first,
so that no worker is left running one of them alone at the end of `make test`."""

from __future__ import annotations

import pytest


def test_the_slow_tests_are_collected_first(request: pytest.FixtureRequest) -> None:
    items = request.session.items
    quick = [item.get_closest_marker("slow") is None for item in items]
    assert quick == sorted(quick), [item.nodeid for item in items if item.get_closest_marker("slow")][:5]

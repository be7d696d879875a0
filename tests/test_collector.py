"""branchguard/collector.py: the collector paused, then what is alive frozen and the collector back on."""

from __future__ import annotations

import gc

import pytest

from branchguard import collector


@pytest.fixture
def restored_collector():
    """The test process's collector as it was, whatever a test did to it."""
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_a_pause_turns_the_collector_off_then_freezes_and_turns_it_back_on_once(
    restored_collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    # gc.freeze replaced: the test process's heap stays collectable
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    gc.enable()
    pause = collector.Pause()
    pause.start()
    assert not gc.isenabled()
    pause.end()
    assert gc.isenabled() and frozen == [False]  # frozen before the collector came back
    gc.disable()
    pause.end()  # a second end does nothing: someone else's pause now
    assert not gc.isenabled() and frozen == [False]


def test_a_collector_paused_by_someone_else_stays_paused(
    restored_collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled() and frozen == []


def test_the_block_ends_the_pause_however_it_ends(
    restored_collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc, "freeze", lambda: None)
    gc.enable()
    seen: list[bool] = []

    def failing_import() -> None:
        with collector.paused():
            seen.append(gc.isenabled())
            raise RuntimeError("an import failed")

    with pytest.raises(RuntimeError):
        failing_import()
    assert seen == [False] and gc.isenabled()


def test_a_pause_without_the_freeze_only_turns_the_collector_back_on(
    restored_collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    gc.enable()
    with collector.paused(freeze=False):
        assert not gc.isenabled()
    assert gc.isenabled() and frozen == []


@pytest.mark.parametrize("first_ends", ["freezing", "not freezing"])
def test_overlapping_pauses_turn_the_collector_back_on_when_the_last_ends(
    restored_collector, monkeypatch: pytest.MonkeyPatch, first_ends: str
) -> None:
    """The pages' preload (freezing) and a report's proof on another thread (not) overlap: the
    first to end turned the collector back on under the other's work, or froze its objects."""
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    gc.enable()
    freezing, other = collector.Pause(), collector.Pause(freeze=False)
    freezing.start()
    other.start()
    first, last = (freezing, other) if first_ends == "freezing" else (other, freezing)
    first.end()
    assert not gc.isenabled() and frozen == []  # still paused: the other pause is not over
    last.end()
    assert gc.isenabled() and frozen == [False]  # frozen once, after both, before coming back on

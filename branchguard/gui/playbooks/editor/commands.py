"""The editor's undoable edits: small reversible changes, grouped into one QUndoCommand per user action.

The pieces are plain Python objects held by the command: PySide 6.11 crashes when QUndoCommand
children made with a parent are replayed, so a command keeps its parts itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand

from branchguard.gui.playbooks.editor.state import MetaState

T = TypeVar("T")


class RowStore(Protocol[T]):
    """A list model whose rows the commands change; each method notifies the views itself."""

    def insert_row(self, row: int, item: T) -> None: ...

    def take_row(self, row: int) -> T: ...

    def replace_row(self, row: int, item: T) -> T: ...

    def item_at(self, row: int) -> T: ...


class OrderedStore(RowStore[T], Protocol[T]):
    """A list whose rows the user can reorder."""

    def move_row(self, row: int, to_row: int) -> None: ...


class Edit:
    """One reversible change. The stack is linear, so undo always meets the state redo left behind."""

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def absorb(self, later: Edit) -> bool:
        """Take over a later edit of the same thing (typing on); False when it is not one."""
        return False

    def is_noop(self) -> bool:
        return False


class SetField(Edit):
    def __init__(self, state: MetaState, name: str, value: Any) -> None:
        self.state, self.name = state, name
        self.old, self.new = state.get(name), value

    def redo(self) -> None:
        self.state.set(self.name, self.new)

    def undo(self) -> None:
        self.state.set(self.name, self.old)

    def absorb(self, later: Edit) -> bool:
        if not isinstance(later, SetField) or later.state is not self.state or later.name != self.name:
            return False
        self.new = later.new
        return True

    def is_noop(self) -> bool:
        return bool(self.old == self.new)


class InsertRow(Edit, Generic[T]):
    def __init__(self, store: RowStore[T], row: int, item: T) -> None:
        self.store, self.row, self.item = store, row, item

    def redo(self) -> None:
        self.store.insert_row(self.row, self.item)

    def undo(self) -> None:
        self.store.take_row(self.row)


class RemoveRow(Edit, Generic[T]):
    def __init__(self, store: RowStore[T], row: int) -> None:
        self.store, self.row = store, row
        self.item = store.item_at(row)

    def redo(self) -> None:
        self.store.take_row(self.row)

    def undo(self) -> None:
        self.store.insert_row(self.row, self.item)


class ReplaceRow(Edit, Generic[T]):
    def __init__(self, store: RowStore[T], row: int, item: T) -> None:
        self.store, self.row = store, row
        self.old, self.new = store.item_at(row), item

    def redo(self) -> None:
        self.store.replace_row(self.row, self.new)

    def undo(self) -> None:
        self.store.replace_row(self.row, self.old)

    def absorb(self, later: Edit) -> bool:
        if not isinstance(later, ReplaceRow) or later.store is not self.store or later.row != self.row:
            return False
        self.new = later.new
        return True

    def is_noop(self) -> bool:
        return bool(self.old == self.new)


class MoveRow(Edit, Generic[T]):
    def __init__(self, store: OrderedStore[T], row: int, to_row: int) -> None:
        self.store, self.row, self.to_row = store, row, to_row

    def redo(self) -> None:
        self.store.move_row(self.row, self.to_row)

    def undo(self) -> None:
        self.store.move_row(self.to_row, self.row)


class EditCommand(QUndoCommand):
    """One user action: its edits run in order and are undone in reverse.

    Commands with the same `merge_tag` (e.g. ("meta", "title_zh")) pushed one after the other
    merge, so typing a title is one undo step, not one per key. A merge that returns a field
    to where it started makes the command obsolete and the stack drops it.
    """

    MERGE_ID = 1

    def __init__(self, text: str, edits: Sequence[Edit], merge_tag: Hashable | None = None) -> None:
        super().__init__(text)
        self.edits = list(edits)
        self.merge_tag = merge_tag

    def id(self) -> int:
        return self.MERGE_ID if self.merge_tag is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditCommand)
            or self.merge_tag is None
            or other.merge_tag != self.merge_tag
            or len(self.edits) != 1
            or len(other.edits) != 1
            or not self.edits[0].absorb(other.edits[0])
        ):
            return False
        self.setObsolete(self.edits[0].is_noop())
        return True

    def redo(self) -> None:
        for edit in self.edits:
            edit.redo()

    def undo(self) -> None:
        for edit in reversed(self.edits):
            edit.undo()

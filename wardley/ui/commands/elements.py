from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from wardley.model import Element, MapDocument, Removal

#: Commands with this id merge with the previous one (arrow-key nudges).
NUDGE_ID = 1001


class AddElementCommand(QUndoCommand):
    def __init__(self, document: MapDocument, element: Element, text: str = "") -> None:
        super().__init__(text or f"Add {element.name}")
        self._document = document
        self.element = element

    def redo(self) -> None:
        self._document.insert_element(self.element)

    def undo(self) -> None:
        self._document.remove_elements([self.element.id])


class RemoveElementsCommand(QUndoCommand):
    """Removes elements with their links, arrows and pipeline memberships, in one step."""

    def __init__(self, document: MapDocument, element_ids: Iterable[str], text: str = "") -> None:
        self._ids = list(dict.fromkeys(element_ids))
        super().__init__(text or ("Delete" if len(self._ids) != 1 else f"Delete {document.element(self._ids[0]).name}"))
        self._document = document
        self._removal: Removal | None = None

    def redo(self) -> None:
        self._removal = self._document.remove_elements(self._ids)

    def undo(self) -> None:
        assert self._removal is not None
        self._document.restore(self._removal)


class SetElementsCommand(QUndoCommand):
    """Changes fields of one or more elements: move, rename, method, inertia, kind...

    With ``merge_id`` set (e.g. :data:`NUDGE_ID`), consecutive commands on the
    same elements merge into one undo step.
    """

    def __init__(
        self,
        document: MapDocument,
        changes: Mapping[str, Mapping[str, Any]],
        text: str = "Change",
        merge_id: int = -1,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._new = {key: dict(value) for key, value in changes.items()}
        self._old: dict[str, dict[str, Any]] | None = None
        self._merge_id = merge_id

    def id(self) -> int:
        return self._merge_id

    def redo(self) -> None:
        old = self._document.set_elements(self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None
        self._document.set_elements(self._old)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetElementsCommand) or other.id() != self.id() or self.id() == -1:
            return False
        if set(other._new) != set(self._new):
            return False
        for element_id, fields in other._new.items():
            self._new[element_id].update(fields)
        # A later step may change a field this one did not: its value before that step is
        # still the original, and undo must put it back too.
        if self._old is not None and other._old is not None:
            for element_id, fields in other._old.items():
                for key, value in fields.items():
                    self._old[element_id].setdefault(key, value)
        return True

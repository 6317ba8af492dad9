"""Commands for everything that is not an element or a link."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from wardley.model import Evolve, MapDocument, Note, Pipeline, WardleyMap


class SetEvolveCommand(QUndoCommand):
    """Give an element a future position (``evolve``), or with None take it away."""

    def __init__(self, document: MapDocument, element_id: str, evolve: Evolve | None, text: str = "Evolve") -> None:
        super().__init__(text)
        self._document, self._id, self._new = document, element_id, evolve
        self._old: Evolve | None = None

    def redo(self) -> None:
        self._old = self._document.set_evolve(self._id, self._new)

    def undo(self) -> None:
        self._document.set_evolve(self._id, self._old)


class SetPipelineCommand(QUndoCommand):
    def __init__(self, document: MapDocument, element_id: str, pipeline: Pipeline | None, text: str = "Pipeline") -> None:
        super().__init__(text)
        self._document, self._id, self._new = document, element_id, pipeline
        self._old: Pipeline | None = None

    def redo(self) -> None:
        self._old = self._document.set_pipeline(self._id, self._new)

    def undo(self) -> None:
        self._document.set_pipeline(self._id, self._old)


class AddNoteCommand(QUndoCommand):
    def __init__(self, document: MapDocument, note: Note, text: str = "Add note") -> None:
        super().__init__(text)
        self._document, self.note = document, note

    def redo(self) -> None:
        self._document.insert_note(self.note)

    def undo(self) -> None:
        self._document.remove_note(self.note.id)


class RemoveNoteCommand(QUndoCommand):
    def __init__(self, document: MapDocument, note_id: str, text: str = "Delete note") -> None:
        super().__init__(text)
        self._document, self._id = document, note_id
        self._removed: tuple[int, Note] | None = None

    def redo(self) -> None:
        self._removed = self._document.remove_note(self._id)

    def undo(self) -> None:
        assert self._removed is not None
        index, note = self._removed
        self._document.insert_note(note, index)


class SetNoteCommand(QUndoCommand):
    """``changes`` is a dict, not keywords: a note's own ``text`` field would clash with
    the command's text."""

    def __init__(self, document: MapDocument, note_id: str, changes: dict[str, Any], text: str = "Change note") -> None:
        super().__init__(text)
        self._document, self._id, self._new = document, note_id, dict(changes)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.set_note(self._id, **self._new)

    def undo(self) -> None:
        self._document.set_note(self._id, **self._old)


class SetMapFieldsCommand(QUndoCommand):
    """Title, description, axis, presentation."""

    def __init__(self, document: MapDocument, text: str = "Change map", **changes: Any) -> None:
        super().__init__(text)
        self._document, self._new = document, changes
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.set_map_fields(**self._new)

    def undo(self) -> None:
        self._document.set_map_fields(**self._old)


class ReplaceCollectionCommand(QUndoCommand):
    """Annotations, accelerators, attitudes or snapshots, replaced as a whole list.

    With ``merge_id`` set (arrow-key nudges), consecutive commands on the same list and the
    same ``subject`` (which of its items) merge into one undo step."""

    def __init__(
        self, document: MapDocument, name: str, items: Iterable[Any], text: str = "Change", merge_id: int = -1,
        subject: object = None,
    ) -> None:
        super().__init__(text)
        self._document, self._name, self._new = document, name, list(items)
        self._old: list[Any] | None = None
        self._merge_id, self._subject = merge_id, subject

    def id(self) -> int:
        return self._merge_id

    def redo(self) -> None:
        old = self._document.replace_collection(self._name, self._new)
        if self._old is None:
            self._old = old

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ReplaceCollectionCommand) or self._merge_id == -1:
            return False
        if other.id() != self._merge_id or (other._name, other._subject) != (self._name, self._subject):
            return False
        self._new = other._new
        return True

    def undo(self) -> None:
        assert self._old is not None
        self._document.replace_collection(self._name, self._old)


class ReplaceMapCommand(QUndoCommand):
    """The whole map at once: an applied OWM text edit, a paste of OWM text."""

    def __init__(self, document: MapDocument, new_map: WardleyMap, text: str = "Edit map text") -> None:
        super().__init__(text)
        self._document = document
        self._new = new_map.model_copy(deep=True)
        self._old: WardleyMap | None = None

    def redo(self) -> None:
        # Copies, so later edits to the live map never alter what undo restores.
        self._old = self._document.replace_map(self._new.model_copy(deep=True))

    def undo(self) -> None:
        assert self._old is not None
        self._document.replace_map(self._old)

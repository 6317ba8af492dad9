from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from wardley.model import Link, MapDocument


class AddLinkCommand(QUndoCommand):
    """Check :meth:`MapDocument.check_link` before pushing: the edit API refuses bad links."""

    def __init__(self, document: MapDocument, source: str, target: str, text: str = "Link", **props: Any) -> None:
        super().__init__(text)
        self._document = document
        self._source, self._target, self._props = source, target, props

    def redo(self) -> None:
        self._document.add_link(self._source, self._target, **self._props)

    def undo(self) -> None:
        self._document.remove_link(self._source, self._target)


class RemoveLinkCommand(QUndoCommand):
    def __init__(self, document: MapDocument, source: str, target: str, text: str = "Delete link") -> None:
        super().__init__(text)
        self._document = document
        self._source, self._target = source, target
        self._removed: tuple[int, Link] | None = None

    def redo(self) -> None:
        self._removed = self._document.remove_link(self._source, self._target)

    def undo(self) -> None:
        assert self._removed is not None
        index, link = self._removed
        self._document.add_link(link.source, link.target, index=index, **link.model_dump(exclude={"source", "target"}))


class SetLinkCommand(QUndoCommand):
    def __init__(self, document: MapDocument, source: str, target: str, text: str = "Change link", **changes: Any) -> None:
        super().__init__(text)
        self._document = document
        self._source, self._target, self._new = source, target, changes
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.set_link(self._source, self._target, **self._new)

    def undo(self) -> None:
        self._document.set_link(self._source, self._target, **self._old)

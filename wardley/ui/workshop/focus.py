"""Focus on one user need: everything outside its value chain fades.

The chain (:func:`wardley.workshop.value_chain.value_chain`) is worked out again
after every edit, so a link drawn while focused joins the chain at once. The
scene only fades items (no emphasis rings): focusing is a drawing decision and
never changes the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from wardley.model import Change, MapDocument
from wardley.workshop.value_chain import next_need, value_chain

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow


class Focus(QObject):
    #: The focused need's name, or "" when focus is cleared.
    changed = Signal(str)
    #: An element added while focused that is not in the chain (so it shows faded): its name.
    added_outside = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._document: MapDocument | None = None
        self.need_id: str | None = None

    def attach(self, document: MapDocument) -> None:
        """Follow this document (a new map in the window): any old focus is dropped."""
        if self._document is not None:
            self._document.changed.disconnect(self._on_change)
        self._document = document
        document.changed.connect(self._on_change)
        self.need_id = None
        self.changed.emit("")

    def focus_on(self, need_id: str | None) -> None:
        document = self._document
        if need_id is not None and (document is None or not document.has_element(need_id)):
            need_id = None
        self.need_id = need_id
        self._apply()
        self.changed.emit(document.element(need_id).name if need_id is not None and document is not None else "")

    def focus_next(self) -> None:
        """The selected need if it is not focused yet, else the next need (after the last: none)."""
        if self._document is None:
            return
        selected = self._window.view.selected_element_ids()
        self.focus_on(next_need(self._document.map, self.need_id, selected))

    def clear(self) -> None:
        self.focus_on(None)

    def chain(self) -> frozenset[str]:
        if self._document is None or self.need_id is None:
            return frozenset()
        return value_chain(self._document.map, self.need_id)

    def _apply(self) -> None:
        # Only fading: the scene fades whatever is outside the chain (notes and pipelines too).
        self._window.view.map_scene.highlight(self.chain(), emphasise=False)

    def reapply(self) -> None:
        """After the scene was replaced or rebuilt."""
        if self.need_id is not None:
            self._apply()

    def _on_change(self, change: Change) -> None:
        if self.need_id is None or not shiboken6.isValid(self):
            return
        if self._document is not None and not self._document.has_element(self.need_id):
            self.clear()
            return
        self._apply()
        if change.kind == "element_added" and isinstance(change.key, str) and change.key not in self.chain():
            self.added_outside.emit(self._document.element(change.key).name if self._document else "")

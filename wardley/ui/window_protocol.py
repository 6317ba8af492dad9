"""What an add-on (a panel, a menu of actions) may use of the window it is installed in.

Add-ons are installed one way: ``install_<name>(window) -> <the add-on>``, called once
by :class:`~wardley.ui.main_window.MainWindow`. They reach menus by object name
(``window.menu(MENU_EDIT)``), never by the title the user sees, which may be
translated or given an accelerator; the map shown may change (File > Open in the
same window), so an add-on looks ``view`` and ``editor`` up when it needs them
and follows ``editor_changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView
    from wardley.ui.editor_document import EditorDocument

#: The menus' object names (``QMenu.objectName()``).
MENU_FILE, MENU_EDIT, MENU_INSERT, MENU_VIEW, MENU_WORKSHOP = "file", "edit", "insert", "view", "workshop"


class MapWindow(Protocol):
    @property
    def view(self) -> MapView: ...

    @property
    def editor(self) -> EditorDocument: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    def menu(self, name: str) -> QMenu:
        """The menu bar's menu whose object name is ``name``; KeyError if there is none."""
        ...

    def show_status(self, text: str, msecs: int = 8000) -> None: ...

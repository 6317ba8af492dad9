"""Helpers for the shell tests: an isolated settings/recovery area and a stand-in canvas.

The stand-in implements just the MapView interface the shell calls, over the
real document and undo stack, so these tests exercise the shell and not the canvas.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGraphicsView, QWidget

from wardley.io import dump_json_map
from wardley.model import Element, MapDocument, WardleyMap
from wardley.ui.commands import AddElementCommand, RemoveElementsCommand
from wardley.ui.windows import WindowManager


class StandInView(QGraphicsView):
    status_message = Signal(str)
    selection_changed = Signal()

    def __init__(self, document: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack = document, undo_stack
        self._selected: list[str] = []
        self.calls: list[str] = []

    def selected_element_ids(self) -> list[str]:
        return [i for i in self._selected if self.document.has_element(i)]

    def select_elements(self, ids: list[str]) -> None:
        self._selected = list(ids)
        self.selection_changed.emit()

    def add_element_at(self, kind: str, evolution: float, visibility: float, name: str | None = None) -> str:
        element = Element(id=self.document.new_id(name or kind), kind=kind, name=name or f"New {kind}",
                          evolution=evolution, visibility=visibility)
        self.undo_stack.push(AddElementCommand(self.document, element))
        self.select_elements([element.id])
        return element.id

    def delete_selection(self) -> None:
        if self.selected_element_ids():
            self.undo_stack.push(RemoveElementsCommand(self.document, self.selected_element_ids()))

    def __getattr__(self, name: str):  # the rest of the interface: record the call
        if name in {"zoom_in", "zoom_out", "zoom_to_fit", "start_rename", "duplicate_selection",
                    "copy_selection", "paste", "select_all", "set_evolve_for_selection", "highlight"}:
            return lambda *args: self.calls.append(name)
        raise AttributeError(name)


@pytest.fixture
def shell_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Recovery files and settings under tmp_path, never the user's own."""
    monkeypatch.setenv("WARDLEY_RECOVERY_DIR", str(tmp_path / "recovery"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path


@pytest.fixture
def manager(qtbot, shell_env: Path) -> Iterator[WindowManager]:  # noqa: ANN001 - qtbot
    windows = WindowManager(view_factory=StandInView)
    yield windows
    for window in list(windows.windows):
        window.editor.undo_stack.setClean()  # no unsaved-changes question while tearing down
        window.close()


def small_map() -> WardleyMap:
    return WardleyMap.model_validate({
        "title": "Library",
        "elements": [
            {"id": "resident", "kind": "user", "name": "Resident", "evolution": 0.5, "visibility": 0.95},
            {"id": "borrow", "kind": "need", "name": "Borrow a book", "evolution": 0.5, "visibility": 0.8},
            {"id": "catalogue", "name": "Catalogue", "evolution": 0.6, "visibility": 0.5},
            {"id": "lms", "name": "Library management system", "evolution": 0.7, "visibility": 0.3},
        ],
        "links": [{"source": "resident", "target": "borrow"}, {"source": "borrow", "target": "catalogue"}],
    })


def write_map(path: Path, wardley_map: WardleyMap | None = None) -> Path:
    path.write_text(dump_json_map(wardley_map or small_map()), encoding="utf-8")
    return path


def saved_elements(path: Path) -> dict[str, dict]:
    return {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))["elements"]}

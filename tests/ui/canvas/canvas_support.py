"""Helpers for the canvas tests: a MapView over a small map, and real mouse
events sent to its viewport (press, moves, release), as a user's hand makes them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from wardley.io.json_format import dump_json_map
from wardley.model import Element, Link, MapDocument, WardleyMap
from wardley.render.geometry import to_scene
from wardley.ui.canvas import MapView

NO_MODS = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def small_map() -> WardleyMap:
    def el(id_: str, name: str, evo: float, vis: float, kind: str = "component") -> Element:
        return Element.model_validate({"id": id_, "name": name, "evolution": evo, "visibility": vis, "kind": kind})

    return WardleyMap(
        title="Library",
        elements=[
            el("reader", "Reader", 0.5, 0.95, "user"),
            el("borrow", "Borrow a book", 0.5, 0.8, "need"),
            el("catalogue", "Catalogue", 0.35, 0.6),
            el("lms", "Library system", 0.6, 0.45),
            el("hosting", "Hosting", 0.85, 0.2),
        ],
        links=[
            Link(source="reader", target="borrow"),
            Link(source="borrow", target="catalogue"),
            Link(source="catalogue", target="lms"),
            Link(source="lms", target="hosting"),
        ],
    )


class Canvas:
    def __init__(self, view: MapView, document: MapDocument, stack: QUndoStack) -> None:
        self.view, self.document, self.stack = view, document, stack
        self.original = dump_json_map(document.map)
        self.messages: list[str] = []
        view.status_message.connect(self.messages.append)

    @property
    def viewport(self):  # type: ignore[no-untyped-def]
        return self.view.viewport()

    def point_of(self, element_id: str) -> QPoint:
        e = self.document.element(element_id)
        return self.view.mapFromScene(to_scene(e.evolution, e.visibility))

    def point_at(self, evolution: float, visibility: float) -> QPoint:
        return self.view.mapFromScene(to_scene(evolution, visibility))

    def json(self) -> str:
        return dump_json_map(self.document.map)

    def mouse(self, kind: QEvent.Type, pos: QPoint, button=LEFT, buttons=LEFT, mods=NO_MODS) -> None:  # type: ignore[no-untyped-def]
        event = QMouseEvent(kind, QPointF(pos), QPointF(self.viewport.mapToGlobal(pos)), button, buttons, mods)
        QApplication.sendEvent(self.viewport, event)

    def press(self, pos: QPoint, mods=NO_MODS, button=LEFT) -> None:  # type: ignore[no-untyped-def]
        self.mouse(QEvent.Type.MouseButtonPress, pos, button, button, mods)

    def move_to(self, pos: QPoint, mods=NO_MODS, button=LEFT) -> None:  # type: ignore[no-untyped-def]
        self.mouse(QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, button, mods)

    def release(self, pos: QPoint, mods=NO_MODS, button=LEFT) -> None:  # type: ignore[no-untyped-def]
        self.mouse(QEvent.Type.MouseButtonRelease, pos, button, Qt.MouseButton.NoButton, mods)

    def click(self, pos: QPoint, mods=NO_MODS) -> None:  # type: ignore[no-untyped-def]
        self.press(pos, mods)
        self.release(pos, mods)

    def drag(self, start: QPoint, end: QPoint, mods=NO_MODS, button=LEFT, steps: int = 6,  # type: ignore[no-untyped-def]
             before_release: Callable[[], None] | None = None) -> None:
        """Press, move in ``steps``, release; ``before_release`` runs with the button still down
        (a key pressed mid-drag)."""
        self.press(start, mods, button)
        for i in range(1, steps + 1):
            self.move_to(start + (end - start) * (i / steps), mods, button)
        if before_release is not None:
            before_release()
        self.release(end, mods, button)

    def double_click(self, pos: QPoint) -> None:
        self.press(pos)
        self.release(pos)
        self.mouse(QEvent.Type.MouseButtonDblClick, pos)
        self.release(pos)


def shown_canvas(qtbot, wardley_map: WardleyMap) -> Canvas:  # type: ignore[no-untyped-def]
    """A view on ``wardley_map``, shown at 1100 x 840 with the keyboard focus."""
    document = MapDocument(wardley_map)
    stack = QUndoStack()
    view = MapView(document, stack)
    qtbot.addWidget(view)
    view.resize(1100, 840)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    return Canvas(view, document, stack)


@pytest.fixture
def canvas(qtbot) -> Iterator[Canvas]:  # type: ignore[no-untyped-def]
    made = shown_canvas(qtbot, small_map())
    yield made
    made.stack.clear()

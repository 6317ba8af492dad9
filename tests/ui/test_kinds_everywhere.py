"""Every kind in the registry reaches every Qt layer: its symbol, the legend, the
Properties panel's kind box and the canvas menu. A new kind missing in one fails here."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QMenu
from tests.ui.canvas.canvas_support import Canvas, canvas  # noqa: F401 - fixture

from wardley.model import Element, MapDocument, WardleyMap
from wardley.model.kinds import KINDS
from wardley.render.items.symbols import SYMBOLS, draw_symbol
from wardley.render.legend import legend_entries
from wardley.render.themes import THEMES
from wardley.ui.canvas.context_menu import build_context_menu
from wardley.ui.panels.properties import PropertiesPanel

ALL = [info.kind for info in KINDS]


def _ink(kind: str) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(24, 24)
    draw_symbol(painter, kind, THEMES["default"])
    painter.end()
    return image


def test_every_kind_has_its_own_symbol(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert list(SYMBOLS) == ALL
    pictures = [_ink(kind) for kind in ALL]
    for kind, picture in zip(ALL, pictures):
        assert picture != QImage(48, 48, QImage.Format.Format_ARGB32), kind
    # Shapes differ (the print theme is black and white): no two kinds draw the same picture.
    assert len({bytes(p.constBits()) for p in pictures}) == len(ALL)


def test_the_legend_has_a_row_for_each_kind_a_map_holds() -> None:
    for info in KINDS:
        holding = WardleyMap(elements=[Element(id="x", name="X", evolution=0.5, visibility=0.5, kind=info.kind)])
        assert [entry.name for entry in legend_entries(holding)] == [info.label]


def test_properties_panel_offers_and_sets_every_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = MapDocument(WardleyMap(elements=[Element(id="x", name="X", evolution=0.5, visibility=0.5)]))
    stack = QUndoStack()
    panel = PropertiesPanel()
    qtbot.addWidget(panel)
    panel.set_document(document, stack)
    panel.set_selection(["x"])
    offered = [panel.kind.itemData(i) for i in range(panel.kind.count())]
    assert offered == ALL
    for index, info in enumerate(KINDS):
        assert panel.kind.itemText(index) == info.label
        panel.kind.setCurrentIndex(index)
        panel.kind.activated.emit(index)
        assert document.element("x").kind == info.kind
    for _ in KINDS[1:]:
        stack.undo()
    assert document.element("x").kind == ALL[0]


@pytest.mark.parametrize("info", KINDS, ids=ALL)
def test_canvas_menu_adds_every_kind(canvas: Canvas, info) -> None:  # type: ignore[no-untyped-def]
    menu: QMenu = build_context_menu(canvas.view, canvas.point_at(0.1, 0.3))
    action = next(a for a in menu.actions() if a.text() == f"Add {info.noun} here")
    before = {e.id for e in canvas.document.map.elements}
    action.trigger()
    editor = canvas.view.name_editor()
    assert editor is not None
    editor.setText(f"New {info.noun}")
    editor.commit()
    added = [e for e in canvas.document.map.elements if e.id not in before]
    assert [e.kind for e in added] == [info.kind]

"""Dragging on a big map paints the moving items over a still picture of the rest: the picture
looks the same, everything comes back at the end, and small maps never use it."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from tests.ui.canvas.canvas_support import Canvas, canvas, shown_canvas  # noqa: F401 - fixture
from wardley.model import Element, Link, WardleyMap
from wardley.ui.canvas.backdrop import FREEZE_FROM_ITEMS

HUB = "c0"


def big_map(components: int = 900, links: int = 1_000) -> WardleyMap:
    rng = random.Random(5)
    elements = [
        Element(id=f"c{i}", name=f"Component {i}", evolution=round(rng.uniform(0.05, 0.95), 4),
                visibility=round(rng.uniform(0.05, 0.95), 4))
        for i in range(1, components)
    ]
    # The hub last, so it is drawn on top and a press on it picks it.
    elements.append(Element(id=HUB, name="Hub", evolution=0.5, visibility=0.5))
    pairs = {(0, b) for b in range(1, 11)}
    while len(pairs) < links:
        a, b = rng.randrange(1, components), rng.randrange(1, components)
        if a != b and (b, a) not in pairs:
            pairs.add((a, b))
    return WardleyMap(elements=elements, links=[Link(source=f"c{a}", target=f"c{b}") for a, b in sorted(pairs)])


@pytest.fixture
def big(qtbot) -> Iterator[Canvas]:  # type: ignore[no-untyped-def]
    made = shown_canvas(qtbot, big_map())
    assert len(made.view.scene().items()) >= FREEZE_FROM_ITEMS
    yield made
    made.stack.clear()


def drag_hub(c: Canvas, by: QPoint = QPoint(60, 40)) -> QPoint:
    """Press on the hub and drag it ``by`` (still held); returns where the press was."""
    start = c.point_of(HUB)
    c.press(start)
    c.move_to(start + by)
    assert c.view.backdrop.active
    return start


def differences(a: QImage, b: QImage) -> list[tuple[int, int]]:
    assert a.size() == b.size()
    return [(x, y) for y in range(0, a.height(), 2) for x in range(0, a.width(), 2) if a.pixel(x, y) != b.pixel(x, y)]


def distance_to_segment(p: tuple[int, int], a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def test_a_drag_on_a_big_map_looks_the_same_and_gives_everything_back(big: Canvas) -> None:
    c, view = big, big.view
    scene = view.map_scene
    start = c.point_of(HUB)
    c.press(start)
    c.move_to(start + QPoint(30, 20))
    c.move_to(start + QPoint(60, 40))
    assert view.backdrop.active
    pictured = [item for item in scene.items() if item.opacity() == 0.0]
    assert len(pictured) > len(scene.items()) // 2  # the rest of the map is in the picture
    live = [scene.elements[HUB], *(scene.links[(HUB, f"c{b}")] for b in range(1, 11))]
    assert all(item.opacity() == 1.0 for item in live)
    frozen = view.viewport().grab().toImage()

    view.backdrop.thaw()  # the same moment painted the usual way
    usual = view.viewport().grab().toImage()
    # The pictures differ only along the moving links: they are drawn over the still picture,
    # where usually other symbols and labels would be drawn over them.
    hub = scene.elements[HUB]
    lines = [(QPointF(view.mapFromScene(hub.pos())), QPointF(view.mapFromScene(scene.elements[f"c{b}"].pos())))
             for b in range(1, 11)]
    changed = differences(frozen, usual)
    assert changed  # (the two paintings did differ somewhere: the check below means something)
    assert all(min(distance_to_segment(p, a, b) for a, b in lines) < 4.0 for p in changed)

    c.move_to(start + QPoint(70, 45))  # the drag goes on (and freezes again)
    c.release(start + QPoint(70, 45))
    assert not view.backdrop.active
    assert all(item.opacity() == 1.0 for item in scene.items() if item.parentItem() is None)
    assert c.stack.count() == 1
    moved = c.document.element(HUB)
    assert (moved.evolution, moved.visibility) != (0.5, 0.5)
    assert view.selected_element_ids() == [HUB]


def test_escape_mid_drag_puts_everything_back(big: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c, view = big, big.view
    start = drag_hub(c)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.backdrop.active
    assert all(item.opacity() == 1.0 for item in view.scene().items() if item.parentItem() is None)
    assert c.point_of(HUB) == start and c.stack.count() == 0


def test_a_selection_and_faded_items_elsewhere_survive_the_drag(big: Canvas) -> None:
    c, view = big, big.view
    far_link = view.map_scene.links[("c500", "c501")] if ("c500", "c501") in view.map_scene.links else next(
        item for key, item in view.map_scene.links.items() if HUB not in key
    )
    far_link.setSelected(True)
    hub = view.map_scene.elements[HUB]
    hub.setSelected(True)
    view.map_scene.highlight([HUB, "c1"], emphasise=False)  # a workshop focus fades the rest
    faded = view.map_scene.elements["c2"].opacity()
    assert faded < 1.0
    start = drag_hub(c)  # the hub is already selected: both stay selected
    c.release(start + QPoint(60, 40))
    assert far_link.isSelected() and hub.isSelected()
    assert view.map_scene.elements["c2"].opacity() == faded


def test_zooming_mid_drag_shows_the_map_again(big: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c, view = big, big.view
    start = drag_hub(c)
    view.zoom_in()
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not view.backdrop.active)
    assert all(item.opacity() == 1.0 for item in view.scene().items() if item.parentItem() is None)
    c.release(start + QPoint(60, 40))
    assert c.stack.count() == 1


def test_small_maps_always_paint_everything(canvas: Canvas) -> None:
    c = canvas
    start = c.point_of("lms")
    c.press(start)
    c.move_to(start + QPoint(40, 30))
    assert not c.view.backdrop.active
    c.release(start + QPoint(40, 30))


def test_a_highlight_changed_mid_drag_is_what_shows_after_it(big: Canvas) -> None:
    c, view = big, big.view
    scene = view.map_scene
    start = drag_hub(c)
    scene.highlight([HUB, "c1"])  # e.g. the analysis panel answering an earlier edit
    c.release(start + QPoint(60, 40))
    assert scene.elements["c3"].opacity() < 1.0 and scene.elements["c1"].opacity() == 1.0


def test_the_map_rebuilt_mid_drag_ends_the_drag_cleanly(big: Canvas) -> None:
    from wardley.render.themes import theme_named

    c, view = big, big.view
    start = drag_hub(c)
    view.set_theme(theme_named("dark"))  # a whole-map change replaces every item (F5 does this)
    assert not view.backdrop.active
    c.move_to(start + QPoint(80, 50))  # the rest of the gesture finds nothing to move
    c.release(start + QPoint(80, 50))
    assert c.stack.count() == 0
    assert all(item.opacity() == 1.0 for item in view.scene().items() if item.parentItem() is None)
    hub = c.document.element(HUB)
    assert (hub.evolution, hub.visibility) == (0.5, 0.5)

"""A link's labels ("fines", a flow label) slide along the line off any symbol drawn over them."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF

from wardley.model import Element, Link, MapDocument, WardleyMap
from wardley.render import MapScene
from wardley.render.items.symbols import METHOD_RADIUS


def _map(middle_method: str = "outsource") -> WardleyMap:
    # The "fines" link runs from a to c straight through b, drawn over its middle.
    return WardleyMap(
        title="Fines",
        elements=[
            Element(id="a", name="Reservations", evolution=0.3, visibility=0.7),
            Element(id="b", name="Library system", evolution=0.5, visibility=0.5, method=middle_method),
            Element(id="c", name="Payments", evolution=0.7, visibility=0.3),
        ],
        links=[Link(source="a", target="c", label="fines"), Link(source="a", target="b")],
    )


@pytest.fixture
def scene(qapp):  # type: ignore[no-untyped-def]
    made = MapScene(MapDocument(_map()))
    yield made
    made.detach()


def _clear_of(rect, centre: QPointF, radius: float) -> bool:  # type: ignore[no-untyped-def]
    nearest = QPointF(min(max(centre.x(), rect.left()), rect.right()), min(max(centre.y(), rect.top()), rect.bottom()))
    return math.hypot(nearest.x() - centre.x(), nearest.y() - centre.y()) >= radius


def test_a_link_label_is_not_left_under_another_elements_symbol(scene) -> None:  # type: ignore[no-untyped-def]
    link = scene.links[("a", "c")]
    middle = scene.elements["b"].pos()
    label = link.labels_rect_at(0.5)
    assert not _clear_of(label, middle, METHOD_RADIUS)  # the middle of the line is under b's halo
    placed = link.mapRectToScene(link._labels[0].rect())
    assert _clear_of(placed, middle, METHOD_RADIUS)
    for item in scene.elements.values():
        assert not placed.intersects(item.mapRectToScene(item.label_rect())), item.element.name


def test_the_label_follows_when_the_clash_goes_away(scene) -> None:  # type: ignore[no-untyped-def]
    scene.document.move_element("b", 0.9, 0.9)
    scene.flush_label_layout(force=True)
    link = scene.links[("a", "c")]
    assert link.mapRectToScene(link._labels[0].rect()) == link.labels_rect_at(0.5)

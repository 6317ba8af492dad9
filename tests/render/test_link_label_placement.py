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


def test_a_short_link_from_a_big_symbol_puts_its_label_where_least_is_hidden(qapp) -> None:  # type: ignore[no-untyped-def]
    # The example map's "printing": Public PCs (outsourced, a big disc) to Payments, a short line
    # whose every stop touches some symbol; the label must not sit under the disc. In the shipped
    # font (wider than the old fallback) no stop is wholly clear, so its corner may touch the rim.
    from tests.conftest import MAPS
    from wardley.io import load_map
    from wardley.render.label_placement import layout_problem

    scene = MapScene(MapDocument(load_map(MAPS / "county-library-service.wardley.json").map))
    try:
        scene.flush_label_layout(force=True)
        link = scene.links[("public-pcs", "payments")]
        disc = scene.elements["public-pcs"].pos()
        rect = link.labels_rect_at(*link.label_stop)
        nearest = QPointF(min(max(disc.x(), rect.left()), rect.right()), min(max(disc.y(), rect.top()), rect.bottom()))
        assert math.hypot(disc.x() - nearest.x(), disc.y() - nearest.y()) > 0.6 * METHOD_RADIUS
        assert layout_problem(scene).symbols  # the disc is among the symbols weighed
    finally:
        scene.detach()


def test_a_label_is_not_struck_through_by_its_own_rising_line(qapp) -> None:  # type: ignore[no-untyped-def]
    from wardley.render.label_geometry import Box, Segment

    rising = WardleyMap(
        elements=[
            Element(id="kettle", name="Kettle", evolution=0.3, visibility=0.35),
            Element(id="power", name="Power", evolution=0.8, visibility=0.45),
        ],
        links=[Link(source="kettle", target="power", label="limited by")],
    )
    scene = MapScene(MapDocument(rising))
    try:
        scene.flush_label_layout(force=True)
        link = scene.links[("kettle", "power")]
        rect = link.labels_rect_at(*link.label_stop)
        a, b = scene.elements["kettle"].pos(), scene.elements["power"].pos()
        box = Box(rect.left(), rect.top(), rect.right(), rect.bottom())
        assert not box.hits_segment(Segment(a.x(), a.y(), b.x(), b.y()))
    finally:
        scene.detach()

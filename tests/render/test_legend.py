"""The legend lists what the map holds, and only that, in the map's theme, where it
covers nothing on the map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import Accelerator, Attitude, Element, Evolve, Link, MapDocument, Pipeline, WardleyMap
from wardley.model.kinds import KINDS
from wardley.render import MapScene
from wardley.render.context import RenderContext
from wardley.render.export_files import export_region
from wardley.render.geometry import MAP_RECT
from wardley.render.items.element import ElementItem
from wardley.render.items.symbols import SYMBOLS
from wardley.render.legend import MARK_HEIGHT, MARK_WIDTH, ROW_HEIGHT, Legend, legend_entries, legend_placement, mark_scale
from wardley.render.themes import THEMES


def _element(id_: str, evolution: float, **kw: Any) -> Element:
    return Element(id=id_, name=id_.upper(), evolution=evolution, visibility=0.5, **kw)


def _base(**kw: Any) -> WardleyMap:
    """Two plain components, a and b, and whatever ``kw`` adds."""
    fields: dict[str, Any] = {"elements": [_element("a", 0.3), _element("b", 0.6)]}
    fields.update(kw)
    return WardleyMap(**fields)


def _with_element(**kw: Any) -> WardleyMap:
    return _base(elements=[_element("a", 0.3), _element("b", 0.6, **kw)])


#: Each entry that is not an element kind, and a map that holds it (and nothing else extra).
FEATURES: dict[str, Callable[[], WardleyMap]] = {
    "Build": lambda: _with_element(method="build"),
    "Buy": lambda: _with_element(method="buy"),
    "Outsource": lambda: _with_element(method="outsource"),
    "Inertia": lambda: _with_element(inertia=True),
    "Low confidence": lambda: _with_element(confidence="low"),
    "Dependency": lambda: _base(links=[Link(source="a", target="b")]),
    "Flow": lambda: _base(links=[Link(source="a", target="b", flow=True)]),
    "Evolution": lambda: _base(evolves=[Evolve(element="a", evolution=0.5)]),
    "Pipeline": lambda: _base(pipelines=[Pipeline(element="a", start=0.2, end=0.7)]),
    "Accelerator": lambda: _base(accelerators=[Accelerator(id="x", name="X", evolution=0.5, visibility=0.3)]),
    "Deaccelerator": lambda: _base(
        accelerators=[Accelerator(id="x", name="X", evolution=0.5, visibility=0.3, negative=True)]
    ),
    "Pioneers": lambda: _base(attitudes=[Attitude(kind="pioneers", top=0.9, left=0.1, bottom=0.7, right=0.3)]),
    "Settlers": lambda: _base(attitudes=[Attitude(kind="settlers", top=0.9, left=0.1, bottom=0.7, right=0.3)]),
    "Town planners": lambda: _base(
        attitudes=[Attitude(kind="townplanners", top=0.9, left=0.1, bottom=0.7, right=0.3)]
    ),
}


def _names(wardley_map: WardleyMap) -> list[str]:
    return [entry.name for entry in legend_entries(wardley_map)]


def test_a_map_of_plain_components_lists_only_components() -> None:
    assert _names(_base()) == ["Component"]
    assert _names(WardleyMap()) == []


@pytest.mark.parametrize("name", list(FEATURES))
def test_each_entry_is_listed_when_the_map_holds_it_and_only_then(name: str) -> None:
    present = _names(FEATURES[name]())
    assert name in present
    # The feature adds its own row and no other (a confidence band or halo is still a component).
    assert sorted(present) == sorted(["Component", name])
    assert name not in _names(_base())


@pytest.mark.parametrize("info", KINDS, ids=[info.kind for info in KINDS])
def test_every_kind_in_the_registry_gets_a_row_when_present(info: Any) -> None:
    holding = WardleyMap(elements=[Element(id="x", name="X", evolution=0.5, visibility=0.5, kind=info.kind)])
    assert _names(holding) == [info.label]
    others = WardleyMap(elements=[Element(id="x", name="X", evolution=0.5, visibility=0.5, kind=k.kind) for k in KINDS if k != info])
    assert info.label not in _names(others)
    assert info.kind in SYMBOLS


def _everything() -> WardleyMap:
    kinds = [Element(id=f"k{i}", name=info.label, evolution=0.1 + 0.12 * i, visibility=0.8, kind=info.kind) for i, info in enumerate(KINDS)]
    extra = {}
    for make in FEATURES.values():
        built = make()
        for field in ("links", "evolves", "pipelines", "accelerators", "attitudes"):
            extra.setdefault(field, []).extend(getattr(built, field))
    elements = kinds + [
        _element("a", 0.3, method="build", inertia=True), _element("b", 0.6, method="buy", confidence="low"),
        _element("c", 0.8, method="outsource"),
    ]
    extra["accelerators"] = [a.model_copy(update={"id": f"x{i}"}) for i, a in enumerate(extra["accelerators"])]
    return WardleyMap(elements=elements, **extra)


def test_a_map_holding_everything_lists_every_entry_once() -> None:
    names = _names(_everything())
    assert sorted(names) == sorted([info.label for info in KINDS] + list(FEATURES))


def _paint_alone(entry: Any, theme_name: str, size: int = 80) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(THEMES[theme_name].map_background))
    painter = QPainter(image)
    painter.translate(size / 2, size / 2)
    entry.paint(painter, THEMES[theme_name])
    painter.end()
    return image


def _inked(image: QImage, background: QColor) -> QRectF:
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y) != background:
                xs.append(x)
                ys.append(y)
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_every_mark_fits_its_row_even_the_ecosystem(qapp) -> None:  # type: ignore[no-untyped-def]
    for entry in legend_entries(_everything()):
        # The extent a mark declares is where it really draws (so scaling by it is honest)...
        ink = _inked(_paint_alone(entry, "default"), QColor(THEMES["default"].map_background)).translated(-40, -40)
        assert entry.extent.adjusted(-1.5, -1.5, 1.5, 1.5).contains(ink), (entry.name, ink, entry.extent)
        # ...and once scaled it fits a row and the symbol column.
        scale = mark_scale(entry.extent)
        assert entry.extent.height() * scale <= MARK_HEIGHT < ROW_HEIGHT, entry.name
        assert entry.extent.width() * scale <= MARK_WIDTH, entry.name
    ecosystem = next(e for e in legend_entries(_everything()) if e.name == "Ecosystem")
    assert mark_scale(ecosystem.extent) < 1.0


def _colour_near(image: QImage, colour: QColor, tolerance: int = 40) -> bool:
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < tolerance:
                return True
    return False


@pytest.mark.parametrize("theme_name", ["default", "print", "dark"])
def test_the_legend_is_drawn_in_the_themes_colours(qapp, theme_name: str) -> None:  # type: ignore[no-untyped-def]
    theme = THEMES[theme_name]
    legend = Legend(RenderContext(theme, interactive=False), legend_entries(_everything()), columns=3)
    width, height = legend.size
    image = QImage(int(width) + 2, int(height) + 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))
    painter = QPainter(image)
    legend.paint(painter, QPointF(0, 0))
    painter.end()
    # The box is the map's own background and its text the map's text colour.
    assert image.pixelColor(int(width) // 2, 3) == QColor(theme.map_background)
    assert _colour_near(image, QColor(theme.text), 10)
    for attribute in ("evolve", "accelerator", "pipeline", "method_outsource", "pioneers"):
        assert _colour_near(image, QColor(getattr(theme, attribute))), (theme_name, attribute)
    # In each theme the legend's flow mark is pixel for pixel the map's flow line's colour.
    flow = next(e for e in legend.entries if e.name == "Flow")
    assert _colour_near(_paint_alone(flow, theme_name), QColor(theme.flow), 10)


def test_the_legend_marks_match_the_map_items(qapp) -> None:  # type: ignore[no-untyped-def]
    # A component built with inertia, as the map's element item draws it and as the legend does.
    element = _element("a", 0.5, method="build")
    item = ElementItem(element, RenderContext(interactive=False))
    on_map = QImage(80, 80, QImage.Format.Format_ARGB32)
    on_map.fill(0)
    painter = QPainter(on_map)
    painter.translate(40, 40)
    painter.setClipRect(QRectF(-20, -20, 40, 40))  # the symbol, not the label
    item.paint(painter, None, None)  # type: ignore[arg-type]
    painter.end()
    build = next(e for e in legend_entries(_with_element(method="build")) if e.name == "Build")
    in_legend = QImage(80, 80, QImage.Format.Format_ARGB32)
    in_legend.fill(0)
    painter = QPainter(in_legend)
    painter.translate(40, 40)
    painter.setClipRect(QRectF(-20, -20, 40, 40))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    build.paint(painter, RenderContext().theme)
    painter.end()
    assert on_map == in_legend


def _obstacles(scene: MapScene) -> list[QRectF]:
    """Symbols and labels of elements, and the labels of evolve arrows and accelerators."""
    rects = []
    for item in scene.elements.values():
        radius = item.symbol_radius()
        rects.append(QRectF(item.pos().x() - radius, item.pos().y() - radius, 2 * radius, 2 * radius))
        rects.append(item.label_rect().translated(item.pos()))
    rects += [evolve.label_rect() for evolve in scene.evolves.values()]
    rects += [accelerator.label_scene_rect() for accelerator in scene.accelerator_items()]
    rects += [accelerator.arrow_scene_rect() for accelerator in scene.accelerator_items()]
    return rects


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.wardley.json")), ids=lambda p: p.name.split(".")[0])
def test_the_legend_covers_no_symbol_or_label_on_the_example_maps(qapp, path: Path) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(load_map(path).map), interactive=False)
    try:
        scene.flush_label_layout()
        legend = Legend(scene.ctx, legend_entries(scene.document.map))
        body = QRectF(MAP_RECT)
        top_left, grown = legend_placement(scene, legend, body)
        box = legend.rect_at(top_left)
        if grown == body:  # placed on the map
            assert MAP_RECT.contains(box)
            assert [r for r in _obstacles(scene) if r.intersects(box)] == []
        else:  # below it
            assert box.top() > MAP_RECT.bottom()
    finally:
        scene.detach()


def test_a_crowded_map_gets_its_legend_below_and_an_empty_one_none(qapp) -> None:  # type: ignore[no-untyped-def]
    crowded = WardleyMap(elements=[
        Element(id=f"e{i}_{j}", name=f"E{i}{j}", evolution=0.03 + i * 0.07, visibility=0.03 + j * 0.07)
        for i in range(14) for j in range(14)
    ])
    scene = MapScene(MapDocument(crowded), interactive=False)
    assert export_region(scene, legend=True).height() > export_region(scene).height()
    scene.detach()
    empty = MapScene(MapDocument(WardleyMap()), interactive=False)
    assert export_region(empty, legend=True) == export_region(empty)
    empty.detach()

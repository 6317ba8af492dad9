"""What the items draw: plain-text labels, kinds told apart by shape, themes,
item-change branches, and export without editing chrome."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6 import QtGui
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from sample_maps import rich_map
from wardley.model import Element, Link, MapDocument, Note, WardleyMap
from wardley.render import DARK, DEFAULT, PRINT, THEMES, MapScene, render_map, theme_named
from wardley.render.context import RenderContext
from wardley.render.geometry import MAP_HEIGHT, MAP_WIDTH, SCENE_RECT, to_scene
from wardley.render.items.element import EditableElementItem, ElementItem

TRICKY = "<b>x</b><img src=q>"


def paint_item(item: QGraphicsItem, size: int = 200) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(size / 2, size / 2)
    item.paint(painter, None, None)  # type: ignore[arg-type]
    painter.end()
    return image


def ink_box(image: QImage) -> QRectF:
    """Bounding box of the non-white pixels."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if QColor(image.pixel(x, y)).lightness() < 200:
                xs.append(x)
                ys.append(y)
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1) if xs else QRectF()


def element(name: str = "Thing", kind: str = "component", **kw: object) -> Element:
    return Element.model_validate({"id": "thing", "name": name, "kind": kind, "evolution": 0.5, "visibility": 0.5, **kw})


def test_markup_in_a_name_is_drawn_as_the_characters_typed(qapp) -> None:  # type: ignore[no-untyped-def]
    ctx = RenderContext(PRINT)
    item = ElementItem(element(TRICKY), ctx)
    assert " ".join(item._label.lines) == TRICKY
    box = ink_box(paint_item(item, 300))
    # Rich text would show a bold "x" and an image; the literal text is many characters wide.
    literal = ctx.label_metrics.horizontalAdvance("<b>x</b><img")
    assert box.width() >= literal
    assert not QtGui.Qt.mightBeRichText(item.toolTip())
    assert TRICKY in item.toolTip()


def test_no_rich_text_items_anywhere(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(rich_map()))
    assert not any(isinstance(i, QGraphicsTextItem) for i in scene.items())
    for item in scene.items():
        assert not QtGui.Qt.mightBeRichText(item.toolTip()), item.toolTip()
    scene.detach()


def test_long_names_wrap(qapp) -> None:  # type: ignore[no-untyped-def]
    item = ElementItem(element("Identity verification through the national service"), RenderContext())
    assert len(item._label.lines) >= 2
    assert max(item._label.rect().width(), 0) <= 131


def test_label_offset_from_the_model_is_honoured(qapp) -> None:  # type: ignore[no-untyped-def]
    ctx = RenderContext()
    plain = ElementItem(element(), ctx)
    moved = ElementItem(element(label_offset=(-60.0, 20.0)), ctx)
    assert plain._label.origin == QPointF(5, -10)
    assert moved._label.origin == QPointF(-60, 20)
    built = ElementItem(element(method="build"), ctx)
    assert built._label.origin == QPointF(10, -20)  # OWM doubles the default for decorated symbols


@pytest.mark.parametrize("theme", [DEFAULT, PRINT])
def test_kinds_differ_in_shape(qapp, theme) -> None:  # type: ignore[no-untyped-def]
    ctx = RenderContext(theme)
    images = {}
    for kind in ("user", "need", "component", "market", "ecosystem", "submap"):
        # The label is put far outside the picture: only the symbol is compared.
        item = ElementItem(element(".", kind, label_offset=(500.0, 500.0)), ctx)
        image = paint_item(item, 60)
        # Compare black-and-white silhouettes only: the difference must survive without colour.
        images[kind] = bytes(
            1 if QColor(image.pixel(x, y)).lightness() < 128 else 0 for y in range(60) for x in range(60)
        )
    kinds = list(images)
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert images[a] != images[b], (a, b)


def test_methods_and_inertia_differ_in_shape(qapp) -> None:  # type: ignore[no-untyped-def]
    ctx = RenderContext(PRINT)
    silhouettes = set()
    for props in ({}, {"method": "build"}, {"method": "buy"}, {"method": "outsource"}, {"inertia": True}):
        image = paint_item(ElementItem(element(".", label_offset=(500.0, 500.0), **props), ctx), 80)
        silhouettes.add(bytes(QColor(image.pixel(x, y)).lightness() < 128 for y in range(80) for x in range(80)))
    assert len(silhouettes) == 5


def test_print_theme_is_black_and_white() -> None:
    colours = {
        value for key, value in vars(PRINT).items() if isinstance(value, str) and value.startswith("#")
    }
    assert colours <= {"#000000", "#FFFFFF"}
    assert PRINT.attitude_alpha == 0


def test_theme_lookup() -> None:
    assert theme_named("dark") is DARK
    with pytest.raises(KeyError, match="known: default, print, dark"):
        theme_named("neon")


@pytest.mark.parametrize("name", list(THEMES))
def test_every_theme_renders_the_whole_map(qapp, name) -> None:  # type: ignore[no-untyped-def]
    theme = THEMES[name]
    scene = MapScene(MapDocument(rich_map()), theme)
    image = QImage(550, 400, QImage.Format.Format_ARGB32)
    image.fill(QColor(theme.background))
    painter = QPainter(image)
    render_map(painter, QRectF(0, 0, 550, 400), scene)
    painter.end()
    colours = {image.pixel(x, y) for y in range(0, 400, 3) for x in range(0, 550, 3)}
    assert len(colours) > 10  # frame, symbols, text were drawn
    assert QColor(image.pixel(2, 2)) == QColor(theme.background)
    scene.detach()


def test_render_map_hides_selection_and_restores_it(qapp) -> None:  # type: ignore[no-untyped-def]
    def rendered(scene: MapScene) -> QImage:
        image = QImage(400, 300, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        render_map(painter, QRectF(0, 0, 400, 300), scene, SCENE_RECT)
        painter.end()
        return image

    scene = MapScene(MapDocument(rich_map()))
    before = rendered(scene)
    scene.elements["portal"].setSelected(True)
    assert rendered(scene) == before
    assert scene.editing_chrome is True
    scene.set_editing_chrome(False)
    scene.set_editing_chrome(True)
    scene.detach()


def test_position_change_is_clamped_to_the_map(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(rich_map()))
    item = scene.elements["portal"]
    item.setPos(QPointF(-50, MAP_HEIGHT + 80))
    assert item.pos() == QPointF(0, MAP_HEIGHT)
    item.setPos(QPointF(MAP_WIDTH + 1, -1))
    assert item.pos() == QPointF(MAP_WIDTH, 0)
    note = scene.notes["note"]
    note.setPos(QPointF(-10, -10))
    assert note.pos() == QPointF(0, 0)
    scene.detach()


def test_position_has_changed_moves_links_evolve_and_pipeline(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(rich_map()))
    case = scene.elements["case"]
    case.setPos(QPointF(100, 200))
    assert scene.links[("portal", "case")]._line.p2() == QPointF(100, 200)
    assert scene.links[("case", "data")]._line.p1() == QPointF(100, 200)
    assert scene.evolves["case"]._line.p1() == QPointF(100, 200)
    assert scene.evolves["case"].future_point().y() == 200
    hosting = scene.elements["hosting"]
    hosting.setPos(QPointF(950, 300))
    assert scene.pipelines["hosting"]._box.top() == pytest.approx(312)
    scene.detach()


def test_item_outside_a_scene_moves_without_error(qapp) -> None:  # type: ignore[no-untyped-def]
    item = EditableElementItem(element(), RenderContext())
    item.setPos(QPointF(10, 10))  # the "has changed" branch with no scene to tell
    assert item.pos() == QPointF(10, 10)


def test_selection_chrome_drawn_only_when_enabled(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(WardleyMap(elements=[element()])))
    item = scene.elements["thing"]
    plain = paint_item(item)
    item.setSelected(True)
    chrome = paint_item(item)
    scene.set_editing_chrome(False)
    hidden = paint_item(item)
    assert chrome != plain and hidden == plain
    scene.detach()


def test_links_flow_drawn_differently(qapp) -> None:  # type: ignore[no-untyped-def]
    def link_image(flow: bool) -> QImage:
        m = WardleyMap(
            elements=[
                {"id": "a", "name": "A", "evolution": 0.5, "visibility": 0.55},
                {"id": "b", "name": "B", "evolution": 0.55, "visibility": 0.45},
            ],
            links=[Link(source="a", target="b", flow=flow)],
        )
        scene = MapScene(MapDocument(m), PRINT)
        image = QImage(200, 200, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(-400, -250)
        scene.links[("a", "b")].paint(painter, None, None)  # type: ignore[arg-type]
        painter.end()
        scene.detach()
        return image

    assert link_image(True) != link_image(False)


def test_note_text_is_plain(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(WardleyMap(notes=[Note(id="n", text=TRICKY, evolution=0.5, visibility=0.5)])))
    assert " ".join(scene.notes["n"]._text.lines) == TRICKY
    assert scene.notes["n"].pos() == to_scene(0.5, 0.5)
    scene.detach()


def test_on_screen_symbols_come_from_a_cache_that_matches_the_vectors(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    ctx = RenderContext(DEFAULT)
    widget = QWidget()
    for props in ({"kind": "market"}, {"method": "buy", "inertia": True}):
        item = ElementItem(element(".", label_offset=(500.0, 500.0), **props), ctx)
        vector = paint_item(item, 80)
        image = QImage(80, 80, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(40, 40)
        item.paint(painter, None, widget)  # type: ignore[arg-type]
        painter.end()
        differing = sum(
            abs(QColor(image.pixel(x, y)).lightness() - QColor(vector.pixel(x, y)).lightness()) > 60
            for y in range(80) for x in range(80)
        )
        assert differing < 40  # the same picture, give or take antialiasing at the edges
    assert len(ctx.symbols) == 2
    ctx.set_theme(DARK)
    assert len(ctx.symbols) == 0


def test_axis_switches_hide_stage_names_and_value_chain_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    from wardley.model import Axis
    from wardley.render.items.frame import FrameItem

    def frame_image(axis: Axis) -> QImage:
        image = QImage(600, 440, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(0.5, 0.5)
        painter.translate(60, 60)
        FrameItem("T", axis, RenderContext(PRINT)).paint(painter, None, None)  # type: ignore[arg-type]
        painter.end()
        return image

    both = frame_image(Axis())
    no_evolution = frame_image(Axis(show_evolution=False))
    no_chain = frame_image(Axis(show_value_chain=False))
    # Stage names sit under the map; value-chain words left of it.
    below = QRectF(30, 385, 540, 40)
    left = QRectF(0, 30, 28, 350)
    assert ink_box(both.copy(below.toRect())).width() > 100
    assert ink_box(no_evolution.copy(below.toRect())).isEmpty()
    assert not ink_box(both.copy(left.toRect())).isEmpty()
    assert ink_box(no_chain.copy(left.toRect())).isEmpty()
    renamed = frame_image(Axis(stages=("A", "B", "C", "D")))
    assert renamed != both


@pytest.mark.parametrize("offset", [(-10.0, 20.0), (-3.0, 3.0), (5.0, -10.0)])
def test_overlapping_label_leaves_no_hole_in_the_clickable_shape(qapp, offset) -> None:  # type: ignore[no-untyped-def]
    item = ElementItem(element("Find information and advice", label_offset=offset), RenderContext())
    for point in (QPointF(0, 0), item.link_handle_pos(), item.label_rect().center()):
        assert item.shape().contains(point), (offset, point)


def test_link_label_over_the_line_leaves_no_hole(qapp) -> None:  # type: ignore[no-untyped-def]
    m = WardleyMap(
        elements=[
            {"id": "a", "name": "A", "evolution": 0.5, "visibility": 0.8},
            {"id": "b", "name": "B", "evolution": 0.52, "visibility": 0.2},
        ],
        links=[Link(source="a", target="b", label="a long context label across the line")],
    )
    scene = MapScene(MapDocument(m))
    link = scene.links[("a", "b")]
    for t in (0.3, 0.5, 0.7):
        assert link.shape().contains(link._line.pointAt(t))
    scene.detach()

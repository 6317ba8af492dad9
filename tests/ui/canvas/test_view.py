"""Navigation and selection on the canvas: zoom, pan, rubber band, highlight."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.canvas.canvas_support import Canvas, canvas  # noqa: F401 - fixture

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def wheel(c: Canvas, pos: QPoint, delta: int, pixel: QPoint = QPoint(), mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(pos), QPointF(c.viewport.mapToGlobal(pos)), pixel, QPoint(0, delta),
        Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(c.viewport, event)


def test_zoom_keys_and_methods(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    fit = c.view.zoom_level()
    qtbot.keyClick(c.view, Qt.Key.Key_Equal, CTRL)
    assert c.view.zoom_level() > fit * 1.2
    qtbot.keyClick(c.view, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(c.view, Qt.Key.Key_Minus, CTRL)
    assert c.view.zoom_level() < fit
    qtbot.keyClick(c.view, Qt.Key.Key_0, CTRL)
    assert abs(c.view.zoom_level() - fit) < 1e-6
    c.view.zoom_in()
    assert c.view.zoom_level() > fit


def test_view_scales_with_the_window_until_zoomed(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    fit = c.view.zoom_level()
    c.view.resize(550, 420)
    assert c.view.zoom_level() < fit * 0.6
    c.view.zoom_in()
    zoomed = c.view.zoom_level()
    c.view.resize(1100, 840)
    assert c.view.zoom_level() == zoomed  # a chosen zoom is kept


def test_wheel_zooms_around_the_pointer(canvas: Canvas) -> None:
    c = canvas
    fit = c.view.zoom_level()
    wheel(c, c.point_of("lms"), 120)
    assert c.view.zoom_level() > fit
    wheel(c, c.point_of("lms"), -240)
    assert c.view.zoom_level() < fit


def test_touchpad_scroll_pans_instead_of_zooming(canvas: Canvas) -> None:
    c = canvas
    c.view.zoom_in()
    c.view.zoom_in()
    level = c.view.zoom_level()
    before = c.view.verticalScrollBar().value()
    wheel(c, QPoint(300, 300), -60, pixel=QPoint(0, -60))
    assert c.view.zoom_level() == level
    assert c.view.verticalScrollBar().value() != before


def test_middle_drag_and_space_drag_pan(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    for _ in range(3):
        c.view.zoom_in()
    h = c.view.horizontalScrollBar()
    start = h.value()
    c.drag(QPoint(500, 400), QPoint(400, 400), button=Qt.MouseButton.MiddleButton)
    assert h.value() == start + 100
    qtbot.keyPress(c.view, Qt.Key.Key_Space)
    c.drag(QPoint(400, 400), QPoint(450, 400))
    qtbot.keyRelease(c.view, Qt.Key.Key_Space)
    assert h.value() == start + 50
    assert c.json() == c.original  # panning never edits


def test_rubber_band_selects_what_it_touches(canvas: Canvas) -> None:
    c = canvas
    c.drag(c.point_at(0.3, 0.7), c.point_at(0.7, 0.4))
    assert c.view.selected_element_ids() == ["catalogue", "lms"]
    band_items = [i for i in c.view.scene().items() if i.zValue() >= 1000]
    assert band_items == []  # the band is gone after release
    c.drag(c.point_at(0.8, 0.3), c.point_at(0.95, 0.1), SHIFT)
    assert c.view.selected_element_ids() == ["catalogue", "lms", "hosting"]
    c.click(c.point_at(0.1, 0.1))
    assert c.view.selected_element_ids() == []


def test_click_shift_click_ctrl_click(canvas: Canvas) -> None:
    c = canvas
    seen: list[bool] = []
    c.view.selection_changed.connect(lambda: seen.append(True))
    c.click(c.point_of("lms"))
    assert c.view.selected_element_ids() == ["lms"] and seen
    c.click(c.point_of("hosting"), SHIFT)
    assert c.view.selected_element_ids() == ["lms", "hosting"]
    c.click(c.point_of("lms"), CTRL)
    assert c.view.selected_element_ids() == ["hosting"]
    c.click(c.point_of("catalogue"))
    assert c.view.selected_element_ids() == ["catalogue"]


def test_select_all_and_escape(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    qtbot.keyClick(c.view, Qt.Key.Key_A, CTRL)
    assert len(c.view.selected_element_ids()) == 5
    qtbot.keyClick(c.view, Qt.Key.Key_Escape)
    assert c.view.selected_element_ids() == []


def test_escape_during_a_drag_puts_things_back(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    start = c.point_of("lms")
    item = c.view.map_scene.elements["lms"]
    origin = item.pos()
    c.press(start)
    c.move_to(start + QPoint(80, 40))
    assert item.pos() != origin
    qtbot.keyClick(c.view, Qt.Key.Key_Escape)
    assert item.pos() == origin
    c.release(start + QPoint(80, 40))
    assert c.json() == c.original and c.stack.count() == 0


def test_highlight_through_the_view(canvas: Canvas) -> None:
    c = canvas
    c.view.highlight(["lms"])
    assert c.view.map_scene.elements["lms"].emphasised
    assert c.view.map_scene.elements["hosting"].opacity() < 1
    c.view.highlight([])
    assert c.view.map_scene.elements["hosting"].opacity() == 1


def test_scene_follows_undo_made_elsewhere(canvas: Canvas) -> None:
    c = canvas
    c.view.add_element_at("component", 0.2, 0.2, "Self-service kiosk")
    assert "self-service-kiosk" in c.view.map_scene.elements
    c.stack.undo()
    assert "self-service-kiosk" not in c.view.map_scene.elements


def test_tooltips_on_interactive_things(canvas: Canvas) -> None:
    c = canvas
    scene = c.view.map_scene
    assert "Library system" in scene.elements["lms"].toolTip()
    assert "Catalogue → Library system" in scene.links[("catalogue", "lms")].toolTip()


def test_pinch_gesture_zooms(canvas: Canvas) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    c = canvas
    fit = c.view.zoom_level()
    pos = QPointF(400, 300)
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2, pos, pos,
        QPointF(c.viewport.mapToGlobal(pos.toPoint())), 0.5, QPointF(), 0,
    )
    QApplication.sendEvent(c.viewport, event)
    assert abs(c.view.zoom_level() - fit * 1.5) < 1e-6


def test_pointer_shows_what_a_press_would_do(canvas: Canvas) -> None:
    c = canvas
    cursor = lambda: c.viewport.cursor().shape()  # noqa: E731
    c.move_to(c.point_of("lms"), button=Qt.MouseButton.NoButton)
    assert cursor() == Qt.CursorShape.SizeAllCursor
    c.view.select_elements(["lms"])
    item = c.view.map_scene.elements["lms"]
    c.move_to(c.view.mapFromScene(item.mapToScene(item.link_handle_pos())), button=Qt.MouseButton.NoButton)
    assert cursor() == Qt.CursorShape.CrossCursor
    a, b = c.point_of("lms"), c.point_of("hosting")
    c.move_to(a + (b - a) * 0.5, button=Qt.MouseButton.NoButton)
    assert cursor() == Qt.CursorShape.PointingHandCursor
    c.move_to(c.point_at(0.1, 0.1), button=Qt.MouseButton.NoButton)
    assert cursor() == Qt.CursorShape.ArrowCursor


def test_arrow_keys_scroll_a_zoomed_map_when_nothing_is_selected(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    for _ in range(4):
        c.view.zoom_in()
    bar = c.view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    before = c.json()
    qtbot.keyClick(c.view, Qt.Key.Key_Right)
    assert bar.value() > bar.minimum()
    assert c.json() == before  # scrolled, nothing moved

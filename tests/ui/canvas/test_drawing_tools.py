"""The canvas's drawing tools (annotation, accelerator, deaccelerator, the three attitude
boxes) and the editing of what they made: each placement, move, resize and delete is one
undo step, and Escape leaves the map as it was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.canvas.canvas_support import Canvas, canvas, shown_canvas, small_map  # noqa: F401 - fixture
from wardley.model import Accelerator, Annotation, Attitude, Point, WardleyMap
from wardley.render.geometry import to_scene


def undo_redo_round_trip(c: Canvas) -> None:
    """One undo step takes the map back exactly; redo brings the change back exactly."""
    changed = c.json()
    assert changed != c.original
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.json() == c.original
    c.stack.redo()
    assert c.json() == changed


def type_into_box(c: Canvas, qtbot, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    editor = c.view.tools.editor
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    assert c.view.tools.editor is None


def near(a: float, b: float) -> bool:
    return abs(a - b) < 0.01


# -- placing -------------------------------------------------------------------
def test_annotation_tool_places_the_next_number_where_clicked_with_its_text(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("annotation")
    assert c.viewport.cursor().shape() == Qt.CursorShape.CrossCursor
    c.click(c.point_at(0.3, 0.4))
    assert c.document.map.annotations == []  # nothing until the text is confirmed
    type_into_box(c, qtbot, "Hosting bought twice")
    [annotation] = c.document.map.annotations
    assert (annotation.number, annotation.text) == (1, "Hosting bought twice")
    assert near(annotation.positions[0].evolution, 0.3) and near(annotation.positions[0].visibility, 0.4)
    assert c.view.tools.armed is None and c.viewport.cursor().shape() != Qt.CursorShape.CrossCursor
    undo_redo_round_trip(c)
    # The next one takes the next number.
    c.view.arm_tool("annotation")
    c.click(c.point_at(0.6, 0.7))
    type_into_box(c, qtbot, "Ask the county")
    assert [(a.number, a.text) for a in c.document.map.annotations] == [(1, "Hosting bought twice"), (2, "Ask the county")]


def test_escape_in_the_text_box_adds_nothing(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("annotation")
    c.click(c.point_at(0.3, 0.4))
    type_into_box(c, qtbot, "Half a thought", Qt.Key.Key_Escape)
    assert c.json() == c.original and c.stack.count() == 0
    assert c.view.tools.armed is None
    # And the faint placeholder marker is gone from the map.
    assert all(item.opacity() == 1.0 for item in c.view.map_scene.items())


def test_escape_before_the_click_puts_the_select_tool_back(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("pioneers")
    qtbot.keyClick(c.view, Qt.Key.Key_Escape)
    assert c.view.tools.armed is None
    c.drag(c.point_at(0.1, 0.9), c.point_at(0.3, 0.5))  # a rubber band now, not a box
    assert c.json() == c.original and c.stack.count() == 0
    c.click(c.point_of("catalogue"))
    assert c.view.selected_element_ids() == ["catalogue"]


def test_accelerator_tool_and_its_key_again_for_a_deaccelerator(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("accelerator")
    c.click(c.point_at(0.55, 0.3))
    type_into_box(c, qtbot, "Open standards")
    [accelerator] = c.document.map.accelerators
    assert (accelerator.name, accelerator.negative) == ("Open standards", False)
    assert near(accelerator.evolution, 0.55) and near(accelerator.visibility, 0.3)
    undo_redo_round_trip(c)
    c.view.arm_tool("accelerator")
    c.view.arm_tool("accelerator")
    assert c.view.tools.armed == "deaccelerator"
    c.click(c.point_at(0.7, 0.6))
    type_into_box(c, qtbot, "Legacy contracts")
    assert [(a.name, a.negative) for a in c.document.map.accelerators] == [
        ("Open standards", False), ("Legacy contracts", True)]
    assert c.stack.count() == 2


def test_an_accelerator_needs_a_name(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("deaccelerator")
    c.click(c.point_at(0.55, 0.3))
    type_into_box(c, qtbot, "   ")
    assert c.json() == c.original and c.stack.count() == 0
    assert any("needs text" in m for m in c.messages)


def test_box_tool_draws_the_dragged_rectangle_in_one_step(canvas: Canvas) -> None:
    c = canvas
    c.view.arm_tool("settlers")
    c.drag(c.point_at(0.62, 0.15), c.point_at(0.35, 0.7))  # any direction
    [box] = c.document.map.attitudes
    assert box.kind == "settlers"
    assert near(box.left, 0.35) and near(box.right, 0.62) and near(box.top, 0.7) and near(box.bottom, 0.15)
    assert c.view.tools.armed is None
    undo_redo_round_trip(c)


def test_box_drawn_past_the_edge_stays_on_the_map(canvas: Canvas) -> None:
    c = canvas
    c.view.arm_tool("townplanners")
    c.drag(c.point_at(0.7, 0.5), c.point_at(1.3, -0.2))
    [box] = c.document.map.attitudes
    assert (box.right, box.bottom) == (1.0, 0.0)


def test_box_tool_escape_mid_drag_and_a_bare_click_add_nothing(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("pioneers")
    c.click(c.point_at(0.2, 0.5))
    assert c.json() == c.original and c.view.tools.armed == "pioneers"  # a click is not a box: still armed
    c.drag(c.point_at(0.05, 0.9), c.point_at(0.3, 0.3), steps=4,
           before_release=lambda: qtbot.keyClick(c.view, Qt.Key.Key_Escape))
    assert c.json() == c.original and c.stack.count() == 0
    assert c.view.tools.armed is None
    assert not any(item.zValue() >= 1000 for item in c.view.map_scene.items())  # the outline went too


def test_enter_places_the_armed_tool_without_the_mouse(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("pioneers")
    qtbot.keyClick(c.view, Qt.Key.Key_Return)
    assert [b.kind for b in c.document.map.attitudes] == ["pioneers"]
    c.view.arm_tool("annotation")
    qtbot.keyClick(c.view, Qt.Key.Key_Return)
    type_into_box(c, qtbot, "From the keyboard")
    assert [a.text for a in c.document.map.annotations] == ["From the keyboard"]


# -- editing what was placed -------------------------------------------------------
def dressed_map() -> WardleyMap:
    m = small_map()
    return m.model_copy(update={
        "annotations": [Annotation(number=1, text="<b>Shared</b> hosting", positions=[Point(evolution=0.2, visibility=0.3)])],
        "accelerators": [Accelerator(id="open-data", name="Open data", evolution=0.7, visibility=0.7)],
        "attitudes": [Attitude(kind="pioneers", left=0.05, right=0.3, top=0.9, bottom=0.4)],
    })


@pytest.fixture
def dressed(qtbot) -> Iterator[Canvas]:  # type: ignore[no-untyped-def]
    made = shown_canvas(qtbot, dressed_map())
    yield made
    made.stack.clear()


def test_drag_moves_an_annotation_in_one_step(dressed: Canvas) -> None:
    c = dressed
    c.drag(c.point_at(0.2, 0.3), c.point_at(0.4, 0.2))
    [annotation] = c.document.map.annotations
    assert near(annotation.positions[0].evolution, 0.4) and near(annotation.positions[0].visibility, 0.2)
    undo_redo_round_trip(c)
    # Still selected after the move, so it can be dragged again or deleted.
    assert c.view.selected_extras() == {"annotations": {0}}


def test_drag_moves_an_accelerator_in_one_step(dressed: Canvas) -> None:
    c = dressed
    c.drag(c.point_at(0.7, 0.7), c.point_at(0.6, 0.5))
    [accelerator] = c.document.map.accelerators
    assert near(accelerator.evolution, 0.6) and near(accelerator.visibility, 0.5)
    undo_redo_round_trip(c)


def title_point(c: Canvas) -> QPoint:
    [item] = c.view.map_scene.collection_items("attitudes")
    return c.view.mapFromScene(item.title_rect().center())


def test_drag_by_the_title_moves_a_box_keeping_its_size(dressed: Canvas) -> None:
    c = dressed
    start = title_point(c)
    c.drag(start, start + (c.point_at(0.5, 0.5) - c.point_at(0.3, 0.5)))
    [box] = c.document.map.attitudes
    assert near(box.left, 0.25) and near(box.right, 0.5) and near(box.top, 0.9) and near(box.bottom, 0.4)
    undo_redo_round_trip(c)


def test_a_box_pushed_against_the_edge_keeps_its_size(dressed: Canvas) -> None:
    c = dressed
    start = title_point(c)
    c.drag(start, start + (c.point_at(0.0, 0.5) - c.point_at(0.4, 0.5)))
    [box] = c.document.map.attitudes
    assert box.left == 0.0 and near(box.right, 0.25)


def test_dragging_an_edge_or_a_corner_resizes_a_box(dressed: Canvas) -> None:
    c = dressed
    c.drag(c.point_at(0.3, 0.6), c.point_at(0.45, 0.6))  # the right edge
    [box] = c.document.map.attitudes
    assert near(box.right, 0.45) and (box.left, box.top, box.bottom) == (0.05, 0.9, 0.4)
    undo_redo_round_trip(c)
    c.drag(c.point_at(0.45, 0.4), c.point_at(0.5, 0.2))  # the bottom-right corner
    [box] = c.document.map.attitudes
    assert near(box.right, 0.5) and near(box.bottom, 0.2) and (box.left, box.top) == (0.05, 0.9)
    assert c.stack.count() == 2


def test_escape_mid_resize_puts_the_box_back(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    c.drag(c.point_at(0.3, 0.6), c.point_at(0.6, 0.6), steps=4,
           before_release=lambda: qtbot.keyClick(c.view, Qt.Key.Key_Escape))
    assert c.json() == c.original and c.stack.count() == 0
    [item] = c.view.map_scene.collection_items("attitudes")
    assert item.box_rect().right() == pytest.approx(to_scene(0.3, 0).x())


def test_inside_a_box_is_still_the_map(dressed: Canvas) -> None:
    """Only a box's outline and title take the pointer: a drag inside selects elements."""
    c = dressed
    c.drag(c.point_at(0.1, 0.8), c.point_at(0.25, 0.5))
    assert c.json() == c.original and c.view.selected_extras() == {}
    c.double_click(c.point_at(0.15, 0.7))
    assert c.view.name_editor() is not None  # a new component's name box, as anywhere on the map


def test_delete_removes_the_selected_one_in_one_step(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    for point, collection in ((c.point_at(0.2, 0.3), "annotations"), (c.point_at(0.7, 0.7), "accelerators"),
                              (title_point(c), "attitudes")):
        c.click(point)
        assert c.view.selected_extras() == {collection: {0}}
        qtbot.keyClick(c.view, Qt.Key.Key_Delete)
        assert getattr(c.document.map, collection) == []
        assert c.document.map.elements == dressed_map().elements
    assert c.stack.count() == 3
    for _ in range(3):
        c.stack.undo()
    assert c.json() == c.original


def test_double_click_edits_an_annotation_text_as_plain_text(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    [item] = c.view.map_scene.collection_items("annotations")
    assert item.toolTip().splitlines()[0] == "Annotation 1"  # map text never on the line Qt reads for rich text
    c.double_click(c.point_at(0.2, 0.3))
    editor = c.view.tools.editor
    assert editor is not None and editor.text() == "<b>Shared</b> hosting"
    editor.selectAll()
    type_into_box(c, qtbot, "Hosting bought by each council")
    assert [a.text for a in c.document.map.annotations] == ["Hosting bought by each council"]
    undo_redo_round_trip(c)


def test_double_click_renames_an_accelerator(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    c.double_click(c.point_at(0.7, 0.7))
    editor = c.view.tools.editor
    assert editor is not None
    editor.selectAll()
    type_into_box(c, qtbot, "Open data standards")
    assert [a.name for a in c.document.map.accelerators] == ["Open data standards"]
    assert c.document.map.accelerators[0].id == "open-data"
    undo_redo_round_trip(c)


def test_resize_cursor_over_a_box_edge(dressed: Canvas) -> None:
    c = dressed
    c.move_to(c.point_at(0.3, 0.6), button=Qt.MouseButton.NoButton)
    assert c.viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor
    c.move_to(c.point_at(0.05, 0.4), button=Qt.MouseButton.NoButton)
    assert c.viewport.cursor().shape() == Qt.CursorShape.SizeBDiagCursor


def test_right_click_adds_an_annotation_there_and_deletes_a_box(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    from wardley.ui.canvas.context_menu import build_context_menu

    c = dressed

    def trigger(pos: QPoint, text: str) -> None:
        menu = build_context_menu(c.view, pos)
        next(a for a in menu.actions() if a.text() == text).trigger()

    trigger(c.point_at(0.5, 0.15), "Add annotation here...")
    type_into_box(c, qtbot, "Contract ends 2027")
    added = c.document.map.annotations[-1]
    assert (added.number, added.text) == (2, "Contract ends 2027") and near(added.positions[0].evolution, 0.5)
    trigger(title_point(c), "Delete box")
    assert c.document.map.attitudes == []
    trigger(c.point_at(0.7, 0.7), "Delete accelerator")
    assert c.document.map.accelerators == []
    assert c.stack.count() == 3


def test_presenting_draws_nothing(dressed: Canvas) -> None:
    c = dressed
    c.view.arm_tool("settlers")
    c.view.presenting = True
    c.drag(c.point_at(0.4, 0.8), c.point_at(0.6, 0.6))
    assert c.view.tools.armed is None and len(c.document.map.attitudes) == 1


def test_a_band_takes_a_box_only_when_it_holds_all_of_it(dressed: Canvas) -> None:
    c = dressed
    c.drag(c.point_at(0.15, 0.25), c.point_at(0.4, 0.45))  # the annotation, and across the box's corner
    assert c.view.selected_extras() == {"annotations": {0}}
    c.view.map_scene.clearSelection()
    c.drag(c.point_at(0.01, 0.99), c.point_at(0.45, 0.2))
    assert c.view.selected_extras() == {"annotations": {0}, "attitudes": {0}}


def test_an_element_and_an_annotation_dragged_together_are_one_step(dressed: Canvas) -> None:
    c = dressed
    c.drag(c.point_at(0.15, 0.35), c.point_at(0.4, 0.2))  # band over the annotation only
    c.click(c.point_of("catalogue"), Qt.KeyboardModifier.ControlModifier)
    assert c.view.selected_element_ids() == ["catalogue"] and c.view.selected_extras() == {"annotations": {0}}
    c.drag(c.point_of("catalogue"), c.point_of("catalogue") + (c.point_at(0.1, 0.5) - c.point_at(0.0, 0.5)))
    assert near(c.document.element("catalogue").evolution, 0.45)
    assert near(c.document.map.annotations[0].positions[0].evolution, 0.3)
    undo_redo_round_trip(c)


def test_arrow_keys_nudge_a_selected_annotation_in_one_merged_step(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    c.click(c.point_at(0.2, 0.3))
    for _ in range(3):
        qtbot.keyClick(c.view, Qt.Key.Key_Right)
    qtbot.keyClick(c.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    point = c.document.map.annotations[0].positions[0]
    assert (point.evolution, point.visibility) == (0.23, 0.35)
    assert c.view.selected_extras() == {"annotations": {0}}
    undo_redo_round_trip(c)


def test_nudging_another_accelerator_is_another_step(dressed: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = dressed
    c.view.arm_tool("accelerator")
    c.click(c.point_at(0.85, 0.85))
    type_into_box(c, qtbot, "Cloud first")
    c.view.select_extra("accelerators", 0)
    qtbot.keyClick(c.view, Qt.Key.Key_Left)
    c.view.select_extra("accelerators", 1)
    qtbot.keyClick(c.view, Qt.Key.Key_Left)
    qtbot.keyClick(c.view, Qt.Key.Key_Left)
    assert [a.evolution for a in c.document.map.accelerators] == [0.69, pytest.approx(0.83, abs=0.011)]
    assert c.stack.count() == 3


def test_the_annotations_list_can_be_dragged_out_of_the_way(dressed: Canvas) -> None:
    from wardley.render.items.notes import AnnotationLegendItem

    c = dressed
    [legend] = [i for i in c.view.map_scene.items() if isinstance(i, AnnotationLegendItem)]
    start = c.view.mapFromScene(legend.mapToScene(legend.boundingRect().center()))
    c.drag(start, start + (c.point_at(0.6, 0.1) - c.point_at(0.02, 0.22)))
    where = c.document.map.presentation.annotations_position
    assert where is not None and near(where.evolution, 0.6) and near(where.visibility, 0.1)
    undo_redo_round_trip(c)


def test_a_double_click_with_a_tool_places_one_thing_only(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.arm_tool("annotation")
    c.double_click(c.point_at(0.3, 0.4))
    assert c.view.name_editor() is None  # no new component's name box
    type_into_box(c, qtbot, "Only this")
    assert [a.text for a in c.document.map.annotations] == ["Only this"]
    assert len(c.document.map.elements) == len(small_map().elements)

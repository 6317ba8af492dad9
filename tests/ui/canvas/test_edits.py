"""Each edit made on the canvas is one undo step that restores the map exactly."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.canvas.canvas_support import Canvas, canvas  # noqa: F401 - fixture
from wardley.ui.commands import NUDGE_ID

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def undo_restores_then_redo(c: Canvas, changed: str) -> None:
    assert c.json() != c.original
    c.stack.undo()
    assert c.json() == c.original
    c.stack.redo()
    assert c.json() == changed


def test_drag_moves_element_in_one_undo_step(canvas: Canvas) -> None:
    c = canvas
    start = c.point_of("catalogue")
    target = c.point_at(0.2, 0.5)
    c.press(start)
    for i in range(1, 11):
        c.move_to(start + (target - start) * (i / 10))
        # Nothing reaches the model during the drag.
        assert c.json() == c.original
    assert c.stack.count() == 0
    c.release(target)
    moved = c.document.element("catalogue")
    assert abs(moved.evolution - 0.2) < 0.01 and abs(moved.visibility - 0.5) < 0.01
    assert c.stack.count() == 1
    # The link follows the element on screen.
    link = c.view.map_scene.links[("catalogue", "lms")]
    assert link.update_geometry is not None and link.boundingRect().contains(c.view.map_scene.elements["catalogue"].pos())
    undo_restores_then_redo(c, c.json())


def test_drag_past_the_edge_stays_inside_the_map(canvas: Canvas) -> None:
    c = canvas
    far = c.point_at(1.4, -0.3)
    c.drag(c.point_of("hosting"), far)
    hosting = c.document.element("hosting")
    assert (hosting.evolution, hosting.visibility) == (1.0, 0.0)


def test_multi_selection_drag_moves_all(canvas: Canvas) -> None:
    c = canvas
    c.click(c.point_of("catalogue"))
    c.click(c.point_of("lms"), CTRL)
    assert c.view.selected_element_ids() == ["catalogue", "lms"]
    c.drag(c.point_of("lms"), c.point_of("lms") + QPoint(-50, 0))
    assert c.document.element("catalogue").evolution < 0.35
    assert c.document.element("lms").evolution < 0.6
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_arrow_keys_nudge_and_merge(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.select_elements(["lms"])
    for _ in range(3):
        qtbot.keyClick(c.view, Qt.Key.Key_Right)
    qtbot.keyClick(c.view, Qt.Key.Key_Up)
    lms = c.document.element("lms")
    assert (lms.evolution, lms.visibility) == (0.63, 0.46)
    assert c.stack.count() == 1 and c.stack.command(0).id() == NUDGE_ID
    undo_restores_then_redo(c, c.json())


def test_double_click_adds_named_component(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.double_click(c.point_at(0.25, 0.3))
    editor = c.view.name_editor()
    assert editor is not None and editor.isVisible()
    assert c.stack.count() == 0
    qtbot.keyClicks(editor, "Payments")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    added = [e for e in c.document.map.elements if e.name == "Payments"]
    assert len(added) == 1 and added[0].kind == "component"
    assert abs(added[0].evolution - 0.25) < 0.01 and abs(added[0].visibility - 0.3) < 0.01
    assert c.view.selected_element_ids() == [added[0].id]
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_escape_in_new_name_leaves_nothing(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.double_click(c.point_at(0.25, 0.3))
    editor = c.view.name_editor()
    assert editor is not None
    qtbot.keyClicks(editor, "Half typed")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert c.json() == c.original
    assert c.stack.count() == 0
    assert c.view.name_editor() is None
    assert len(c.view.map_scene.elements) == 5
    # The placeholder symbol is gone from the scene as well.
    assert c.view.naming.ghost is None


def test_key_n_adds_a_need_at_the_pointer(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    qtbot.keyClick(c.view, Qt.Key.Key_N)
    editor = c.view.name_editor()
    assert editor is not None
    qtbot.keyClicks(editor, "Renew a loan")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    added = [e for e in c.document.map.elements if e.name == "Renew a loan"]
    assert len(added) == 1 and added[0].kind == "need"
    undo_restores_then_redo(c, c.json())


def test_add_element_at_with_name_returns_id(canvas: Canvas) -> None:
    c = canvas
    new_id = c.view.add_element_at("user", 0.1, 0.9, "Librarian")
    assert c.document.element(new_id).kind == "user"
    assert c.view.selected_element_ids() == [new_id]
    undo_restores_then_redo(c, c.json())


def test_rename_in_place_with_double_click_and_f2(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.double_click(c.point_of("catalogue"))
    editor = c.view.name_editor()
    assert editor is not None and editor.text() == "Catalogue"
    qtbot.keyClicks(editor, "Book catalogue")  # the old name is selected, so typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert c.document.element("catalogue").name == "Book catalogue"
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())
    c.view.select_elements(["lms"])
    qtbot.keyClick(c.view, Qt.Key.Key_F2)
    editor = c.view.name_editor()
    assert editor is not None and editor.text() == "Library system"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert c.document.element("lms").name == "Library system"
    assert c.stack.count() == 1


def test_alt_drag_links_two_elements(canvas: Canvas) -> None:
    c = canvas
    c.drag(c.point_of("catalogue"), c.point_of("hosting"), ALT)
    assert c.document.has_link("catalogue", "hosting")
    assert ("catalogue", "hosting") in c.view.map_scene.links
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_shift_drag_links_too(canvas: Canvas) -> None:
    c = canvas
    c.drag(c.point_of("reader"), c.point_of("hosting"), SHIFT)
    assert c.document.has_link("reader", "hosting")


def test_self_link_and_duplicate_link_are_refused(canvas: Canvas) -> None:
    c = canvas
    c.drag(c.point_of("lms"), c.point_of("lms") + QPoint(3, 30), ALT)
    c.drag(c.point_of("lms"), c.point_of("lms"), ALT)  # no movement: a toggle-click, not a link
    c.press(c.point_of("lms"), ALT)
    c.move_to(c.point_of("lms") + QPoint(0, 12), ALT)
    c.release(c.point_of("lms"), ALT)
    assert any("itself" in m for m in c.messages)
    c.drag(c.point_of("catalogue"), c.point_of("lms"), ALT)
    assert any(m.startswith("Cannot link: those two are already linked") for m in c.messages)  # while dragging
    assert any(m.startswith("Link not made: those two are already linked") for m in c.messages)  # on release
    c.drag(c.point_of("lms"), c.point_of("catalogue"), ALT)
    assert sum(m.startswith("Link not made: those two are already linked") for m in c.messages) == 2
    assert c.json() == c.original and c.stack.count() == 0


def test_select_link_and_delete_it(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    a, b = c.point_of("lms"), c.point_of("hosting")
    c.click(a + (b - a) * 0.5)
    assert c.view.selected_link_keys() == [("lms", "hosting")]
    qtbot.keyClick(c.view, Qt.Key.Key_Delete)
    assert not c.document.has_link("lms", "hosting")
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_delete_removes_selection_and_its_links_in_one_step(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.click(c.point_of("catalogue"))
    c.click(c.point_of("hosting"), SHIFT)
    assert c.view.selected_element_ids() == ["catalogue", "hosting"]
    qtbot.keyClick(c.view, Qt.Key.Key_Backspace)
    assert not c.document.has_element("catalogue") and not c.document.has_element("hosting")
    assert [(l.source, l.target) for l in c.document.map.links] == [("reader", "borrow")]
    assert set(c.view.map_scene.links) == {("reader", "borrow")}
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_duplicate_keeps_links_among_the_copies(canvas: Canvas) -> None:
    c = canvas
    c.view.select_elements(["catalogue", "lms"])
    c.view.duplicate_selection()
    copies = c.view.selected_element_ids()
    assert len(copies) == 2 and not {"catalogue", "lms"} & set(copies)
    assert c.document.has_link(copies[0], copies[1])
    assert len(c.document.map.links) == 5
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_copy_and_paste_between_maps(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.select_elements(["catalogue", "lms", "hosting"])
    qtbot.keyClick(c.view, Qt.Key.Key_C, CTRL)
    data = QApplication.clipboard().mimeData()
    assert data.text() == "Catalogue\nLibrary system\nHosting"
    qtbot.keyClick(c.view, Qt.Key.Key_V, CTRL)
    pasted = c.view.selected_element_ids()
    assert len(pasted) == 3 and set(pasted).isdisjoint({"catalogue", "lms", "hosting"})
    assert c.document.has_link(pasted[0], pasted[1]) and c.document.has_link(pasted[1], pasted[2])
    undo_restores_then_redo(c, c.json())

    from canvas_support import Canvas as _Canvas  # a second open map
    from PySide6.QtGui import QUndoStack

    from wardley.model import MapDocument
    from wardley.ui.canvas import MapView

    other_doc, other_stack = MapDocument(), QUndoStack()
    other = MapView(other_doc, other_stack)
    qtbot.addWidget(other)
    o = _Canvas(other, other_doc, other_stack)
    other.paste()
    assert [e.name for e in other_doc.map.elements] == ["Catalogue", "Library system", "Hosting"]
    assert [e.id for e in other_doc.map.elements] == ["catalogue", "library-system", "hosting"]
    assert len(other_doc.map.links) == 2
    undo_restores_then_redo(o, o.json())


def test_paste_of_plain_text_is_handed_on_as_capture_entries(canvas: Canvas) -> None:
    c = canvas
    pasted: list[str] = []
    c.view.text_pasted.connect(pasted.append)
    QApplication.clipboard().setText("Hosting commodity\nA -> B")
    c.view.paste()
    assert pasted == ["Hosting commodity\nA -> B"]
    assert c.json() == c.original  # the window reads them (tests/ui/test_capture_line.py), not the canvas
    QApplication.clipboard().setText("  ")
    c.view.paste()
    assert any("Nothing to paste" in m for m in c.messages) and len(pasted) == 1


def test_ctrl_shift_drag_sets_evolve(canvas: Canvas) -> None:
    c = canvas
    start = c.point_of("catalogue")
    c.drag(start, c.point_at(0.7, 0.9), CTRL | SHIFT)
    evolve = c.document.evolve_of("catalogue")
    assert evolve is not None and abs(evolve.evolution - 0.7) < 0.01
    # Only the future evolution changed: the element stayed put.
    assert c.document.element("catalogue").evolution == 0.35
    assert "catalogue" in c.view.map_scene.evolves
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_set_evolve_for_selection(canvas: Canvas) -> None:
    c = canvas
    c.view.select_elements(["catalogue", "lms"])
    c.view.set_evolve_for_selection(0.9)
    assert c.document.evolve_of("catalogue").evolution == 0.9
    assert c.document.evolve_of("lms").evolution == 0.9
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_cut_copies_then_deletes_in_one_step(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.select_elements(["hosting"])
    qtbot.keyClick(c.view, Qt.Key.Key_X, CTRL)
    assert not c.document.has_element("hosting")
    assert QApplication.clipboard().mimeData().text() == "Hosting"
    undo_restores_then_redo(c, c.json())


def test_dragging_a_note_moves_it(canvas: Canvas) -> None:
    c = canvas
    note = c.document.add_note("Ask the county", 0.1, 0.9)
    c.stack.clear()
    original = c.json()
    item = c.view.map_scene.notes[note.id]
    grip = c.view.mapFromScene(item.mapToScene(item.boundingRect().center()))
    c.drag(grip, grip + QPoint(60, 60))
    moved = c.document.note(note.id)
    assert moved.evolution > 0.1 and moved.visibility < 0.9
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.json() == original


def test_selecting_an_evolve_arrow_and_deleting_it(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.select_elements(["catalogue"])
    c.view.set_evolve_for_selection(0.8)
    c.stack.clear()
    with_arrow = c.json()
    future = c.point_at(0.8, 0.6)
    c.click(future)
    assert c.view.map_scene.evolves["catalogue"].isSelected()
    qtbot.keyClick(c.view, Qt.Key.Key_Delete)
    assert c.document.evolve_of("catalogue") is None
    assert c.document.has_element("catalogue")
    c.stack.undo()
    assert c.json() == with_arrow


def test_renaming_to_blank_changes_nothing(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.start_rename("lms")
    editor = c.view.name_editor()
    assert editor is not None
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert c.json() == c.original and c.stack.count() == 0


def test_clicking_away_confirms_the_name(canvas: Canvas, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = canvas
    c.view.add_element_at("component", 0.3, 0.3)
    editor = c.view.name_editor()
    assert editor is not None
    qtbot.keyClicks(editor, "Room booking")
    c.view.setFocus()  # focus leaves the editor, as when the facilitator clicks elsewhere
    assert any(e.name == "Room booking" for e in c.document.map.elements)
    assert c.stack.count() == 1


def test_dragging_the_link_handle_links_without_a_modifier(canvas: Canvas) -> None:
    c = canvas
    c.click(c.point_of("catalogue"))
    item = c.view.map_scene.elements["catalogue"]
    handle = c.view.mapFromScene(item.mapToScene(item.link_handle_pos()))
    c.drag(handle, c.point_of("hosting"))
    assert c.document.has_link("catalogue", "hosting")
    # The element itself did not move.
    assert (c.document.element("catalogue").evolution, c.document.element("catalogue").visibility) == (0.35, 0.6)
    assert c.stack.count() == 1
    undo_restores_then_redo(c, c.json())


def test_unselected_element_has_no_handle(canvas: Canvas) -> None:
    c = canvas
    item = c.view.map_scene.elements["catalogue"]
    assert not item.link_handle_contains(item.link_handle_pos())
    item.setSelected(True)
    assert item.link_handle_contains(item.link_handle_pos())


def test_undo_during_a_drag_is_survived(canvas: Canvas) -> None:
    c = canvas
    c.view.add_element_at("component", 0.2, 0.2, "Kiosk")
    start = c.point_of("kiosk")
    c.press(start)
    c.move_to(start + QPoint(40, 0))
    c.stack.undo()  # Ctrl+Z from the menu while the mouse is still down
    c.release(start + QPoint(60, 0))
    assert not c.document.has_element("kiosk")
    assert c.json() == c.original
    assert c.stack.index() == 0


def test_clicking_the_handle_without_dragging_keeps_the_selection(canvas: Canvas) -> None:
    c = canvas
    c.view.select_elements(["catalogue"])
    item = c.view.map_scene.elements["catalogue"]
    c.click(c.view.mapFromScene(item.mapToScene(item.link_handle_pos())))
    assert c.view.selected_element_ids() == ["catalogue"]
    assert c.json() == c.original


def test_link_drag_rings_the_target_only_while_over_it(canvas: Canvas) -> None:
    c = canvas
    hosting = c.view.map_scene.elements["hosting"]
    lms = c.view.map_scene.elements["lms"]
    start = c.point_of("catalogue")
    c.press(start, ALT)
    c.move_to(start + QPoint(20, 20), ALT)
    c.move_to(c.point_of("hosting"), ALT)
    assert hosting.emphasised
    c.move_to(c.point_of("lms"), ALT)  # already linked: no ring
    assert not hosting.emphasised and not lms.emphasised
    c.move_to(c.point_of("hosting"), ALT)
    c.release(c.point_of("hosting"), ALT)
    assert not hosting.emphasised
    assert c.document.has_link("catalogue", "hosting")


def test_dragging_an_evolve_arrow_end_changes_the_future_position(canvas: Canvas) -> None:
    c = canvas
    c.view.select_elements(["catalogue"])
    c.view.set_evolve_for_selection(0.6)
    c.stack.clear()
    before = c.json()
    c.drag(c.point_at(0.6, 0.6), c.point_at(0.85, 0.65))
    evolve = c.document.evolve_of("catalogue")
    assert evolve is not None and abs(evolve.evolution - 0.85) < 0.01
    assert c.document.element("catalogue").evolution == 0.35
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.json() == before

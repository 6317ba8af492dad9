"""Building a map from the keyboard alone: quick add, link to a picked name, free spots."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.ui.shell_support import manager, shell_env, small_map, when_modal  # noqa: F401 - fixtures

from wardley.model import WardleyMap
from wardley.ui.editor_document import EditorDocument
from wardley.ui.keyboard_tools import LinkPicker, _choices, resolve_choice
from wardley.ui.placement import free_spot


def test_quick_add_puts_a_named_component_at_a_free_spot_and_selects_it(manager, qtbot) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    window.window_actions.quick_add.trigger()
    qtbot.keyClicks(window.quick_add_box, "Payments")
    qtbot.keyClick(window.quick_add_box, Qt.Key.Key_Return)
    document = window.editor.document
    [added] = [e for e in document.map.elements if e.name == "Payments"]
    assert added.kind == "component"
    assert window.view.selected_element_ids() == [added.id]
    assert window.quick_add_box.text() == ""
    others = [e for e in document.map.elements if e.id != added.id]
    assert min(abs(e.evolution - added.evolution) + abs(e.visibility - added.visibility) for e in others) >= 0.07
    window.editor.undo_stack.undo()
    assert not document.has_element(added.id)


def test_free_spots_keep_clear_of_a_crowded_middle() -> None:
    crowded = WardleyMap.model_validate({"elements": [
        {"id": f"c{i}-{j}", "name": f"C {i} {j}", "evolution": 0.3 + i * 0.05, "visibility": 0.3 + j * 0.05}
        for i in range(9) for j in range(8)
    ]})
    evolution, visibility = free_spot(crowded)
    assert all(abs(e.evolution - evolution) * 0.6 + abs(e.visibility - visibility) > 0.05 for e in crowded.elements)
    assert free_spot(WardleyMap(), "user")[1] > 0.85


def test_the_picker_resolves_exact_and_unique_partial_names() -> None:
    from wardley.model import MapDocument

    document = MapDocument(small_map())
    document.add_element("Catalogue", 0.2, 0.2)  # a second "Catalogue": told apart by id
    choices = _choices(document, ["resident"])
    assert "Resident" not in choices
    assert choices["Catalogue (catalogue-2)"] == "catalogue-2"
    assert resolve_choice(choices, "borrow a BOOK") == "borrow"
    assert resolve_choice(choices, "management") == "lms"
    assert resolve_choice(choices, "catalogue") is None  # two match: ambiguous
    assert resolve_choice(choices, "") is None


def test_link_to_links_the_selection_to_the_picked_name(manager, qtbot) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    window.view.select_elements(["catalogue"])

    def pick(picker) -> None:  # noqa: ANN001
        assert isinstance(picker, LinkPicker)
        qtbot.keyClicks(picker.name_box, "library man")
        picker.accept()

    when_modal(pick)
    window.window_actions.link_to.trigger()
    document = window.editor.document
    assert document.has_link("catalogue", "lms")
    assert "Linked 1" in window.statusBar().currentMessage()
    window.editor.undo_stack.undo()
    assert not document.has_link("catalogue", "lms")


def test_link_to_an_existing_link_says_why_nothing_happened(manager) -> None:
    from wardley.ui.keyboard_tools import link_elements

    window = manager.open_editor(EditorDocument(small_map()))
    message = link_elements(window.editor, ["borrow"], "catalogue")
    assert message == "Not linked: those two are already linked"
    assert window.editor.undo_stack.count() == 0


def test_link_to_without_a_selection_explains(manager) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    window.link_to()
    assert "Select" in window.statusBar().currentMessage()


def test_a_whole_map_from_the_keyboard_alone(manager, qtbot, tmp_path) -> None:
    from tests.ui.shell_support import saved_elements

    path = tmp_path / "keyboard.wardley.json"
    window = manager.open_editor(EditorDocument())
    window.editor.path = path  # as if saved once: Ctrl+S then needs no file dialog
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts reach only the active window

    def add(name: str) -> str:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert window.quick_add_box.hasFocus()
        qtbot.keyClicks(window.quick_add_box, name)
        qtbot.keyClick(window.quick_add_box, Qt.Key.Key_Return)
        return window.view.selected_element_ids()[0]

    website = add("Council website")
    start = window.editor.document.element(website).evolution
    assert window.quick_add_box.hasFocus()  # ready for the next entry
    qtbot.keyClick(window.quick_add_box, Qt.Key.Key_Escape)  # back to the map, the new one selected
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.editor.document.element(website).evolution > start
    hosting = add("Hosting")
    window.view.select_elements([website])

    def pick(picker) -> None:  # noqa: ANN001
        qtbot.keyClicks(picker.name_box, "Hosting")
        qtbot.keyClick(picker.name_box, Qt.Key.Key_Return)

    when_modal(pick)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.has_link(website, hosting), window.statusBar().currentMessage()
    window.activateWindow()  # the offscreen platform does not hand activation back after a dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert set(saved_elements(path)) == {website, hosting}
    assert window.editor.document.has_link(website, hosting)
    assert not window.isWindowModified()


def test_insert_need_opens_the_name_editor_in_the_needs_band(manager, qtbot) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    window.window_actions.add_need.trigger()
    editor = window.view.name_editor()
    assert editor is not None
    qtbot.keyClicks(editor, "Renew online")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    [need] = [e for e in window.editor.document.map.elements if e.name == "Renew online"]
    assert need.kind == "need" and 0.72 <= need.visibility <= 0.86


def test_insert_note_asks_for_its_text(manager, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = manager.open_editor(EditorDocument(small_map()))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Ask the <b>county</b>", True)))
    window.window_actions.add_note.trigger()
    [note] = window.editor.document.map.notes
    assert note.text == "Ask the <b>county</b>"
    window.editor.undo_stack.undo()
    assert window.editor.document.map.notes == []


def test_delete_and_select_all_keys_act_on_the_map_only_when_it_has_the_focus(manager, qtbot) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.select_elements(["catalogue"])
    window.properties.kind.setFocus()
    qtbot.keyClick(window.properties.kind, Qt.Key.Key_Delete)
    qtbot.keyClick(window.properties.kind, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.has_element("catalogue")
    assert window.view.selected_element_ids() == ["catalogue"]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.editor.document.has_element("catalogue")


def test_quick_add_of_a_name_already_on_the_map_selects_it(manager, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    count = len(window.editor.document.map.elements)
    window.window_actions.quick_add.trigger()
    qtbot.keyClicks(window.quick_add_box, "catalogue ")  # another case, a stray space
    qtbot.keyClick(window.quick_add_box, Qt.Key.Key_Return)
    assert len(window.editor.document.map.elements) == count and window.editor.undo_stack.count() == 0
    assert window.view.selected_element_ids() == ["catalogue"]
    assert "already on the map" in window.statusBar().currentMessage()


def test_quick_add_offers_the_names_on_the_map(manager, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    qtbot.waitExposed(window)
    window.activateWindow()
    window.window_actions.quick_add.trigger()
    qtbot.waitUntil(window.quick_add_box.hasFocus)  # the names are the map's as the box gets the focus
    completer = window.quick_add_box.completer()
    completer.setCompletionPrefix("manage")
    assert completer.currentCompletion() == "Library management system"
    completer.activated.emit("Library management system")  # picked from the list
    assert window.view.selected_element_ids() == ["lms"]


def test_ctrl_e_reaches_quick_add_from_a_properties_field(manager, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.select_elements(["catalogue"])
    field = window.properties.name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.quick_add_box.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Zz")
    assert field.text() == "Catalogue" and window.quick_add_box.text() == "Zz"


def test_an_ambiguous_name_in_link_to_opens_the_list_again(manager, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    window.editor.document.add_element("Library card", 0.3, 0.3)
    window.view.select_elements(["catalogue"])
    picker = LinkPicker(window.editor.document, ["catalogue"], window)
    picker.name_box.setText("libr")  # the start of "Library card" and "Library management system"
    picker.accept()
    assert picker.chosen_id is None and "pick one from the list" in picker.problem.text()
    assert picker.name_box.completer().popup().isVisible()
    picker.name_box.setText("nothing like it")
    picker.accept()
    assert picker.problem.text().startswith("No element has that name")
    picker.reject()


def test_link_to_reads_the_typed_name_without_its_spaces(manager) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    window.editor.document.add_element("Library card", 0.3, 0.3)
    picker = LinkPicker(window.editor.document, ["catalogue"], window)
    picker.name_box.setText("library ")  # still several names: the list, not "no element"
    picker.accept()
    assert "pick one from the list" in picker.problem.text()
    picker.name_box.setText("   ")
    picker.accept()
    assert picker.problem.text().startswith("Type part of the name")
    picker.reject()

"""The capture line in a window: typed into the Ctrl+E box or pasted, each entry one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLabel
from tests.ui.shell_support import manager, shell_env, small_map, when_modal  # noqa: F401 - fixtures

from wardley.model import stage_index
from wardley.ui.editor_document import EditorDocument
from wardley.ui.keyboard_tools import _choices, resolve_choice
from wardley.workshop.capture import complete_name

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001, ANN201
    window = manager.open_editor(EditorDocument(small_map()))
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def type_entry(qtbot, window, text: str) -> None:  # noqa: ANN001
    box = window.quick_add_box
    if not box.hasFocus():
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(box, text)
    box.popup.hide()  # the names offered: this test types every name in full
    qtbot.keyClick(box, Qt.Key.Key_Return)


def by_name(window, name: str):  # noqa: ANN001, ANN201
    [element] = [e for e in window.editor.document.map.elements if e.name == name]
    return element


def test_a_fan_of_links_is_one_undo_step_and_the_box_stays_ready(window, qtbot) -> None:  # noqa: ANN001
    document = window.editor.document
    type_entry(qtbot, window, "Catalogue -> Search product, Hosting commodity")
    search, hosting = by_name(window, "Search"), by_name(window, "Hosting")
    assert document.has_link("catalogue", search.id) and document.has_link("catalogue", hosting.id)
    assert stage_index(search.evolution) == 2 and stage_index(hosting.evolution) == 3
    assert search.visibility < document.element("catalogue").visibility
    assert window.undo_group.activeStack().count() == 1
    assert window.quick_add_box.hasFocus() and window.quick_add_box.text() == ""
    assert "Added Search, Hosting; 2 links made" in window.statusBar().currentMessage()
    assert set(window.view.selected_element_ids()) == {"catalogue", search.id, hosting.id}
    type_entry(qtbot, window, "Hosting <- Library management")  # a partial name and the other end
    assert document.has_link("lms", hosting.id)
    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    assert [e.id for e in document.map.elements] == ["resident", "borrow", "catalogue", "lms"]
    assert len(document.map.links) == 2


def test_kind_words_make_users_and_needs(window, qtbot) -> None:  # noqa: ANN001
    type_entry(qtbot, window, "user Councillor -> need Read reports")
    councillor, need = by_name(window, "Councillor"), by_name(window, "Read reports")
    assert (councillor.kind, need.kind) == ("user", "need")
    assert councillor.visibility > need.visibility > 0.7


def test_a_partial_name_finds_the_element_instead_of_adding_one(window, qtbot) -> None:  # noqa: ANN001
    count = len(window.editor.document.map.elements)
    type_entry(qtbot, window, "Library")  # "Library management system" is offered and meant
    assert len(window.editor.document.map.elements) == count and window.editor.undo_stack.count() == 0
    assert window.view.selected_element_ids() == ["lms"]
    assert window.view.hasFocus()  # found, not added: the map takes the keys (arrows move it)
    assert "already on the map" in window.statusBar().currentMessage()


@pytest.mark.parametrize("entry", ["Library management custom", "Borrow a book -> Catalogue"])
def test_an_entry_that_says_more_than_a_name_keeps_the_box_even_when_nothing_changes(window, qtbot, entry: str) -> None:  # noqa: ANN001
    # Found in a trial: "Council website product" said of a component already in Product (or a
    # link already there) handed the keys to the map, and the room's next entries were lost.
    document = window.editor.document
    lms = document.element("lms")
    document.move_element("lms", 0.3, lms.visibility)  # custom-built already
    type_entry(qtbot, window, entry)
    assert window.editor.undo_stack.count() == 0
    assert window.quick_add_box.hasFocus() and window.quick_add_box.text() == ""


@pytest.mark.parametrize("typed", ["Library", "manage", "Borrow a", "cat", "Resid", "book", "Libraryx", "o"])
def test_quick_add_and_link_to_complete_names_the_same_way(window, typed: str) -> None:  # noqa: ANN001
    document = window.editor.document
    document.add_element("Library card", 0.3, 0.3)
    choices = _choices(document, [])
    ids = complete_name([(e.id, e.name) for e in document.map.elements], typed)
    assert resolve_choice(choices, typed) == (ids[0] if len(ids) == 1 else None)


def test_an_ambiguous_name_is_asked_about(window, qtbot) -> None:  # noqa: ANN001
    document = window.editor.document
    document.add_element("Library <b>card</b>", 0.3, 0.3)  # a name from a file, shown as typed
    asked: list[tuple[str, list[str]]] = []

    def answer(pick: int | None):  # noqa: ANN202 - the index to pick, None to cancel
        def run(dialog) -> None:  # noqa: ANN001
            assert isinstance(dialog, QInputDialog)
            labels = [label for label in dialog.findChildren(QLabel) if label.text()]
            assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
            combo = dialog.findChild(QComboBox)
            items = [combo.itemText(i) for i in range(combo.count())]
            asked.append((dialog.labelText(), items))
            if pick is not None:
                dialog.setTextValue(items[pick])
                dialog.accept()

        return run

    when_modal(answer(1))
    type_entry(qtbot, window, "Catalogue -> Library")
    assert asked == [('"Library" could be any of these:',
                      ["Library management system", "Library <b>card</b>", 'A new element named "Library"'])]
    assert document.has_link("catalogue", "library-b-card-b")
    when_modal(answer(-1))  # "a new one"
    type_entry(qtbot, window, "Resident -> Library")
    assert document.has_link("resident", by_name(window, "Library").id)
    when_modal(answer(None))
    before = document.map.model_copy(deep=True)
    type_entry(qtbot, window, "Borrow a book -> Libr")  # dismissed: nothing added, the text kept
    assert document.map == before
    assert window.quick_add_box.text() == "Borrow a book -> Libr"
    assert "not chosen" in window.statusBar().currentMessage()


def test_an_entry_that_cannot_be_read_stays_in_the_box_with_the_reason(window, qtbot) -> None:  # noqa: ANN001
    type_entry(qtbot, window, "Catalogue -> ")
    assert window.editor.undo_stack.count() == 0
    assert window.quick_add_box.text() == "Catalogue ->"
    assert window.statusBar().currentMessage().startswith("Not added: a name is missing after ->")


def test_names_are_offered_for_the_part_being_typed(window, qtbot) -> None:  # noqa: ANN001
    box = window.quick_add_box
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(box, "Borrow a book -> manage")
    assert box.popup.isVisible()
    assert box.completer().currentCompletion() == "Library management system"
    qtbot.keyClick(box.popup, Qt.Key.Key_Down)
    qtbot.keyClick(box.popup, Qt.Key.Key_Return)  # picks the name into the entry, not yet the entry
    assert box.text() == "Borrow a book -> Library management system"
    assert window.editor.undo_stack.count() == 0
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.editor.document.has_link("borrow", "lms")


def test_enter_with_the_list_open_adds_what_was_typed(window, qtbot) -> None:  # noqa: ANN001
    box = window.quick_add_box
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(box, "Catalogue -> Library")
    assert box.popup.isVisible()
    qtbot.keyClick(box.popup, Qt.Key.Key_Return)  # no name picked in the list: one Enter is the entry
    assert window.editor.document.has_link("catalogue", "lms")
    assert not box.popup.isVisible()


def test_pasting_lines_adds_each_as_its_own_step(window, qtbot) -> None:  # noqa: ANN001
    QApplication.clipboard().setText("Payments product\nCatalogue -> Payments\n\n")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.keyClick(window.quick_add_box, Qt.Key.Key_V, CTRL)
    payments = by_name(window, "Payments")
    assert window.editor.document.has_link("catalogue", payments.id)
    assert window.editor.undo_stack.count() == 2
    # The same text pasted on the map does the same.
    QApplication.clipboard().setText("Search custom\nCatalogue -> Search")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert window.editor.document.has_link("catalogue", by_name(window, "Search").id)
    assert window.editor.undo_stack.count() == 4


def test_owm_text_pasted_on_the_map_points_to_paste_owm(window, qtbot) -> None:  # noqa: ANN001
    QApplication.clipboard().setText("title X\ncomponent A [0.5, 0.5]\n")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert window.editor.undo_stack.count() == 0
    assert "Paste OWM" in window.statusBar().currentMessage()


def test_escape_goes_back_to_the_map_and_the_box_explains_its_grammar(window, qtbot) -> None:  # noqa: ANN001
    box = window.quick_add_box
    assert "->" in box.placeholderText()
    for example in ("Hosting commodity", "user Resident", "Road survey 0.3", "->", "<-"):
        assert example in box.toolTip()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.view.hasFocus()

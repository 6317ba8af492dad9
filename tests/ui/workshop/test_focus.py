"""Focus on a need: exactly the items outside its value chain fade; clearing restores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.workshop.test_value_chain import two_needs
from tests.ui.workshop.workshop_support import manager, shell_env  # noqa: F401
from wardley.ui.commands import AddLinkCommand
from wardley.ui.editor_document import EditorDocument
from wardley.workshop.value_chain import value_chain


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument(two_needs()))
    qtbot.waitExposed(window)
    return window


def opacities(window) -> dict[object, float]:  # noqa: ANN001
    scene = window.view.map_scene
    found: dict[object, float] = {element_id: item.opacity() for element_id, item in scene.elements.items()}
    found.update({key: item.opacity() for key, item in scene.links.items()})
    return found


def expected(window, chain: frozenset[str]) -> dict[object, float]:  # noqa: ANN001
    faded = window.view.map_scene.theme.faded_opacity
    result: dict[object, float] = {e.id: 1.0 if e.id in chain else faded for e in window.editor.document.map.elements}
    result.update({(l.source, l.target): 1.0 if {l.source, l.target} <= chain else faded
                   for l in window.editor.document.map.links})
    return result


def test_focus_fades_exactly_what_is_outside_the_value_chain(window) -> None:  # noqa: ANN001
    note = window.editor.document.add_note("Ask the room first", 0.1, 0.1)
    window.workshop.focus.focus_on("renew")
    chain = frozenset({"renew", "payments", "hosting", "resident"})
    assert opacities(window) == expected(window, chain)
    assert 0 < window.view.map_scene.theme.faded_opacity < 1
    # Fading only: no emphasis rings on a whole chain.
    assert not any(item.emphasised for item in window.view.map_scene.elements.values())
    faded = window.view.map_scene.theme.faded_opacity
    assert window.view.map_scene.notes[note.id].opacity() == faded  # notes are outside every chain
    window.workshop.focus.clear()
    assert set(opacities(window).values()) == {1.0} and window.view.map_scene.notes[note.id].opacity() == 1.0


def test_f6_focuses_the_selected_need_then_the_next_and_shift_f6_clears(window, qtbot) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.select_elements(["renew"])
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert window.workshop.focus.need_id == "renew"
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert window.workshop.focus.need_id == "check"  # the selected one is focused already: the next need
    assert opacities(window) == expected(window, value_chain(window.editor.document.map, "check"))
    caption = window.workshop._caption
    assert caption is not None and caption.isVisible() and caption.text() == "Focus: Check evidence"
    qtbot.keyClick(window.view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.workshop.focus.need_id is None and set(opacities(window).values()) == {1.0}
    assert not caption.isVisible()


def test_focus_follows_edits_and_never_changes_the_map(window) -> None:  # noqa: ANN001
    from wardley.io import dump_json_map

    before = dump_json_map(window.editor.document.map)
    window.workshop.focus.focus_on("renew")
    assert window.view.map_scene.elements["cms"].opacity() < 1
    assert dump_json_map(window.editor.document.map) == before
    window.editor.undo_stack.push(AddLinkCommand(window.editor.document, "payments", "cms"))
    assert window.view.map_scene.elements["cms"].opacity() == 1.0  # now in the chain
    window.editor.undo_stack.undo()
    assert window.view.map_scene.elements["cms"].opacity() < 1
    # Focus survives a theme change (presentation mode rebuilds the scene).
    window.workshop.toggle_presentation()
    assert opacities(window) == expected(window, value_chain(window.editor.document.map, "renew"))
    window.workshop.toggle_presentation()


def test_an_element_added_outside_the_focus_is_pointed_out(window) -> None:  # noqa: ANN001
    outside: list[str] = []
    window.workshop.focus.added_outside.connect(outside.append)
    window.workshop.focus.focus_on("renew")
    document = window.editor.document
    added = document.add_element("Chatbot", 0.2, 0.5)
    assert outside == ["Chatbot"]
    assert window.view.map_scene.elements[added.id].opacity() < 1.0
    assert "outside the focused value chain" in window.statusBar().currentMessage()
    window.workshop.focus.clear()
    document.add_element("Another", 0.3, 0.5)
    assert outside == ["Chatbot"]  # no focus, nothing to say

"""Right-click menu on the canvas and note text editing: each entry one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMenu
from tests.ui.canvas.canvas_support import Canvas, canvas  # noqa: F401 - fixture

from wardley.ui.canvas.context_menu import build_context_menu
from wardley.ui.commands import AddNoteCommand
from wardley.model import Note


def entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    replies: list[tuple[str, bool]] = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: replies.pop(0))
    return replies


def test_menu_on_empty_map_adds_there(canvas: Canvas, answer: list[tuple[str, bool]]) -> None:
    spot = canvas.point_at(0.1, 0.3)
    menu = build_context_menu(canvas.view, spot)
    assert entries(menu) == [
        "Add user here", "Add user need here", "Add component here", "Add market here", "Add ecosystem here",
        "Add submap here", "Add note here...", "Add annotation here...", "Add accelerator here...",
        "Add deaccelerator here...", "Paste", "Select all",
    ]
    answer.append(("Reading groups run by volunteers", True))
    trigger(menu, "Add note here...")
    (note,) = canvas.document.map.notes
    assert (note.text, note.evolution, note.visibility) == ("Reading groups run by volunteers", pytest.approx(0.1, abs=0.01), pytest.approx(0.3, abs=0.01))
    canvas.stack.undo()
    assert canvas.json() == canvas.original
    trigger(build_context_menu(canvas.view, spot), "Add user need here")
    assert canvas.view.name_editor() is not None  # named in place, like a double-click


def test_menu_on_an_element_evolves_and_deletes_it(canvas: Canvas) -> None:
    menu = build_context_menu(canvas.view, canvas.point_of("lms"))
    assert entries(menu) == ["Rename", "Evolve (dashed arrow to the right)", "Duplicate", "Copy", "Delete"]
    assert canvas.view.selected_element_ids() == ["lms"]
    trigger(menu, "Evolve (dashed arrow to the right)")
    assert canvas.document.evolve_of("lms").evolution == 0.75
    trigger(build_context_menu(canvas.view, canvas.point_of("lms")), "Delete")
    assert not canvas.document.has_element("lms")
    canvas.stack.undo()
    canvas.stack.undo()
    assert canvas.json() == canvas.original


def test_double_click_edits_a_note_and_cancel_changes_nothing(canvas: Canvas, answer: list[tuple[str, bool]]) -> None:
    canvas.stack.push(AddNoteCommand(canvas.document, Note(id="n", text="Old text", evolution=0.15, visibility=0.35)))
    with_note = canvas.json()
    spot = canvas.point_at(0.15, 0.35)
    answer.append(("Ignored", False))
    canvas.double_click(spot)
    assert canvas.json() == with_note
    answer.append(("<b>New</b> text", True))
    canvas.double_click(spot)
    assert canvas.document.note("n").text == "<b>New</b> text"
    canvas.stack.undo()
    assert canvas.json() == with_note
    menu = build_context_menu(canvas.view, spot)
    assert entries(menu) == ["Edit note...", "Delete note"]
    trigger(menu, "Delete note")
    assert canvas.document.map.notes == [] and canvas.document.has_element("lms")

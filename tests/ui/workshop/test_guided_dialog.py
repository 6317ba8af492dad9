"""Guided start in the app: each answered question is one undo step, the map grows as the room answers."""

from __future__ import annotations

import pytest

from tests.ui.shell_support import small_map
from tests.ui.workshop.workshop_support import manager, shell_env  # noqa: F401
from wardley.model import stage_index
from wardley.ui.editor_document import EditorDocument
from wardley.ui.workshop.guided_dialog import NOT_SURE, GuidedStartDialog


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument())
    qtbot.waitExposed(window)
    return window


def answer(dialog: GuidedStartDialog, *texts: str) -> None:
    editors = list(dialog.editors.values())
    assert len(editors) == len(texts)
    for editor, text in zip(editors, texts):
        editor.setPlainText(text)
    dialog.go_next()


def names_by_kind(window) -> dict[str, list[str]]:  # noqa: ANN001
    found: dict[str, list[str]] = {}
    for e in window.editor.document.map.elements:
        found.setdefault(e.kind, []).append(e.name)
    return found


def test_four_questions_build_the_expected_map_step_by_step(window) -> None:  # noqa: ANN001
    dialog = window.workshop.start_guided()
    document, stack = window.editor.document, window.editor.undo_stack
    assert dialog.question.text() == "Who are the users?"
    answer(dialog, "Resident\nParking officer")
    assert names_by_kind(window) == {"user": ["Resident", "Parking officer"]}
    assert dialog.question.text() == "What does each of them need?"
    answer(dialog, "Renew a permit\nPay a fine", "Check a permit")
    assert names_by_kind(window)["need"] == ["Renew a permit", "Pay a fine", "Check a permit"]
    answer(dialog, "Online form -> Payments, Identity", "Payments", "Permit register -> Hosting")
    assert sorted(names_by_kind(window)["component"]) == [
        "Hosting", "Identity", "Online form", "Payments", "Permit register"]
    assert len(document.links_of("payments")) == 2  # one shared component, used by two
    assert dialog.next_button.text() == "&Finish"
    boxes = dialog.stage_boxes
    assert boxes["Payments"].itemText(0) == NOT_SURE and boxes["Payments"].itemText(4) == "Commodity (+utility)"
    boxes["Payments"].setCurrentIndex(4)
    boxes["Online form"].setCurrentIndex(2)
    boxes["Renew a permit"].setCurrentIndex(3)
    dialog.go_next()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert stage_index(document.element("payments").evolution) == 3
    assert stage_index(document.element("online-form").evolution) == 1
    assert stage_index(document.element("renew-a-permit").evolution) == 2
    assert document.element("identity").confidence == "low"  # left at "not sure": drawn as a range
    assert {(l.source, l.target) for l in document.map.links} >= {
        ("resident", "renew-a-permit"), ("parking-officer", "check-a-permit"), ("online-form", "identity"),
        ("renew-a-permit", "online-form"), ("permit-register", "hosting")}
    assert [stack.text(i) for i in range(stack.count())] == [
        "Guided start: users", "Guided start: needs", "Guided start: dependencies", "Guided start: evolution"]
    while stack.canUndo():
        stack.undo()
    assert document.map.elements == [] and document.map.links == []


def test_back_undoes_the_step_and_keeps_the_answers_cancel_undoes_all(window) -> None:  # noqa: ANN001
    dialog = window.workshop.start_guided()
    answer(dialog, "Resident")
    answer(dialog, "Renew a permit")
    assert len(window.editor.document.map.elements) == 2
    dialog.go_back()
    assert names_by_kind(window) == {"user": ["Resident"]}
    assert list(dialog.editors.values())[0].toPlainText() == "Renew a permit"
    asked: list[str] = []
    dialog.ask_leaving = lambda: asked.append("discard") or "discard"
    dialog.reject()
    assert asked == ["discard"]
    assert window.editor.document.map.elements == [] and window.editor.undo_stack.index() == 0


def test_leaving_early_asks_and_can_keep_the_answers_or_go_back(window) -> None:  # noqa: ANN001
    dialog = window.workshop.start_guided()
    answer(dialog, "Resident")
    answer(dialog, "Renew a permit")
    dialog.ask_leaving = lambda: "stay"  # Escape by mistake: back to the questions
    dialog.reject()
    assert dialog.isVisible() and len(window.editor.document.map.elements) == 2
    dialog.ask_leaving = lambda: "keep"
    dialog.reject()
    assert not dialog.isVisible()
    assert names_by_kind(window) == {"user": ["Resident"], "need": ["Renew a permit"]}
    assert window.editor.undo_stack.count() == 2  # each answer still its own undo step


def test_leaving_before_any_answer_asks_nothing(window) -> None:  # noqa: ANN001
    dialog = window.workshop.start_guided()
    dialog.ask_leaving = lambda: pytest.fail("asked with nothing on the map")
    dialog.reject()
    assert not dialog.isVisible()


def test_no_users_no_step_and_a_busy_map_gets_a_new_window(window, manager) -> None:  # noqa: ANN001
    dialog = window.workshop.start_guided()
    answer(dialog, "  \n ")
    assert dialog.step == 0 and window.editor.undo_stack.count() == 0
    dialog.reject()
    busy = manager.open_editor(EditorDocument(small_map()))
    other = busy.workshop.start_guided()
    assert other.document is not busy.editor.document and other.document.map.elements == []
    other.reject()

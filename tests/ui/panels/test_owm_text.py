"""The live OWM text dock and the OWM clipboard actions, in the real window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from tests.ui.shell_support import manager, shell_env, small_map, write_map  # noqa: F401 - fixtures

from wardley.io import dump_json_map, load_map
from wardley.io.owm import format_owm, parse_owm
from wardley.ui.commands import SetElementsCommand
from wardley.ui.editor_document import EditorDocument
from wardley.ui.panels.owm_ids import keep_ids

MAPS = Path(__file__).resolve().parents[2] / "maps"


def _window(manager, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "library.wardley.json")))
    window.owm_text.toggle.trigger()
    return window


def _text(window) -> str:  # type: ignore[no-untyped-def]
    return window.owm_text.panel.editor.toPlainText()


def _type_over(window, qtbot, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Select ``old`` in the text and type ``new`` over it, key by key."""
    editor = window.owm_text.panel.editor
    start = editor.toPlainText().index(old)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, new)


def _type_lines(qtbot, editor, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Type each line after pressing Enter (QTest cannot type a newline character)."""
    for line in lines:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def _type_lines_at_end(qtbot, editor, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor at the end of the text and type each line after an Enter."""
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    _type_lines(qtbot, editor, lines)


def _pause_ends(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.owm_text.panel
    assert panel.pending, "typing should start the pause before applying"
    panel.apply_timer.timeout.emit()


def test_the_dock_shows_the_map_as_owm_text(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    assert window.owm_text.panel.isVisible()
    assert _text(window) == format_owm(window.editor.document.map)
    assert "component Catalogue [0.50, 0.60]" in _text(window)


def test_typing_applies_after_the_pause_as_one_undo_step(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    document, stack = window.editor.document, window.editor.undo_stack
    _type_over(window, qtbot, "Catalogue [0.50, 0.60]", "Catalogue [0.40, 0.90]")
    assert document.element("catalogue").evolution == 0.6, "nothing applies before the pause ends"
    _pause_ends(window)
    assert (document.element("catalogue").evolution, document.element("catalogue").visibility) == (0.9, 0.4)
    assert stack.count() == 1 and stack.undoText() == "Edit map text"
    assert window.view.map_scene.elements["catalogue"].element.evolution == 0.9


def test_the_real_timer_applies_after_the_pause(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    _type_over(window, qtbot, "Catalogue [", "Online catalogue [")
    qtbot.waitUntil(lambda: window.editor.document.element("catalogue").name == "Online catalogue", timeout=3000)


def test_a_bad_line_is_marked_with_its_message_and_the_rest_applies(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    editor = panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.setFocus()
    _type_lines(qtbot, editor, ["this is not owm", "component Card payments [0.3, 0.8]"])
    _pause_ends(window)
    bad_line = _text(window).splitlines().index("this is not owm") + 1
    assert panel.marked_lines() == [bad_line]
    assert any("not an OWM line" in m for m in panel.messages_on_line(bad_line))
    assert panel.problem_list.isVisibleTo(panel) and panel.problem_list.count() == 1
    assert panel.problem_list.item(0).text().startswith(f"Line {bad_line}: not an OWM line")
    names = [e.name for e in window.editor.document.map.elements]
    assert "Card payments" in names
    # Fixing the line clears the mark.
    _type_over(window, qtbot, "this is not owm", "note fixed [0.1, 0.1]")
    _pause_ends(window)
    assert panel.marked_lines() == [] and not panel.problem_list.isVisibleTo(panel)


def test_a_canvas_edit_updates_the_text_and_keeps_the_cursor(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    editor = panel.editor
    lines = _text(window).splitlines()
    line = next(i for i, text in enumerate(lines) if text.startswith("component Library management system"))
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position() + 12)
    editor.setTextCursor(cursor)
    document, stack = window.editor.document, window.editor.undo_stack
    stack.push(SetElementsCommand(document, {"catalogue": {"evolution": 0.25, "visibility": 0.55}}, "Move"))
    qtbot.waitUntil(lambda: "component Catalogue [0.55, 0.25]" in _text(window), timeout=2000)
    assert editor.textCursor().blockNumber() == line
    assert editor.textCursor().positionInBlock() == 12
    assert window.editor.undo_stack.count() == 1, "showing a canvas edit adds no undo step"


def test_typing_while_an_apply_is_pending_is_not_lost(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    document, stack = window.editor.document, window.editor.undo_stack
    _type_over(window, qtbot, "Catalogue [", "Search [")
    position = panel.editor.textCursor().position()
    # Something else changes the map while the typing waits for its pause.
    stack.push(SetElementsCommand(document, {"lms": {"evolution": 0.9}}, "Move"))
    QGuiApplication.processEvents()
    assert "component Search [" in _text(window), "the typed text was overwritten"
    assert panel.editor.textCursor().position() == position
    cursor = panel.editor.textCursor()
    cursor.setPosition(_text(window).index("Search [") + len("Search"))
    panel.editor.setTextCursor(cursor)
    qtbot.keyClicks(panel.editor, " box")
    _pause_ends(window)
    assert document.element("catalogue").name == "Search box"
    assert "component Search box [" in _text(window)


def test_applying_does_not_reformat_what_was_typed(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    _type_over(window, qtbot, "Catalogue [0.50, 0.60]", "Catalogue   [0.5,0.6]   ")
    typed = _text(window)
    _pause_ends(window)
    QGuiApplication.processEvents()
    assert _text(window) == typed


def test_undo_restores_the_text_and_the_map(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    before_text, before_map = _text(window), dump_json_map(window.editor.document.map)
    _type_over(window, qtbot, "Catalogue [0.50, 0.60]", "Catalogue   [0.1,0.2]")
    typed = _text(window)
    _pause_ends(window)
    window.window_actions.undo.trigger()
    qtbot.waitUntil(lambda: _text(window) == before_text, timeout=2000)
    assert dump_json_map(window.editor.document.map) == before_map
    assert window.view.map_scene.elements["catalogue"].element.evolution == 0.6
    # Redo brings back the text as it was typed, not re-formatted.
    window.window_actions.redo.trigger()
    qtbot.waitUntil(lambda: _text(window) == typed, timeout=2000)
    assert window.editor.document.element("catalogue").evolution == 0.2
    # Ctrl+Z in the editor undoes the map too, with typing still pending applied first.
    _type_over(window, qtbot, "Catalogue   [", "Index   [")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.element("catalogue").name == "Catalogue"
    assert _text(window) == typed


def test_ids_stay_put_when_one_line_changes(manager, qtbot, tmp_path: Path) -> None:
    source = MAPS / "household-waste.wardley.json"
    window = manager.open_editor(EditorDocument.open(source))
    window.owm_text.toggle.trigger()
    before = json.loads(dump_json_map(window.editor.document.map))
    _type_over(window, qtbot, "component Payment [0.50, 0.82]", "component Payment [0.55, 0.80]")
    _pause_ends(window)
    after = json.loads(dump_json_map(window.editor.document.map))
    changed = [i for i, (a, b) in enumerate(zip(before["elements"], after["elements"], strict=True)) if a != b]
    assert len(changed) == 1 and after["elements"][changed[0]]["id"] == "payment"
    assert {k: v for k, v in after.items() if k != "elements"} == {k: v for k, v in before.items() if k != "elements"}


def test_a_renamed_line_keeps_its_id_and_links() -> None:
    old = load_map(MAPS / "household-waste.wardley.json").map
    text = format_owm(old).replace("component Payment [", "component Card payments [")
    text = text.replace("Bulky waste booking->Payment", "Bulky waste booking->Card payments")
    kept = keep_ids(old, parse_owm(text).map)
    assert [e.id for e in kept.elements] == [e.id for e in old.elements]
    assert kept.element("payment").name == "Card payments"
    assert kept.links == old.links


def test_a_new_line_gets_a_free_id_and_the_others_keep_theirs() -> None:
    old = small_map().model_copy(update={"elements": [
        e.model_copy(update={"id": "x" + e.id}) for e in small_map().elements
    ], "links": []})
    text = format_owm(old) + "\ncomponent Catalogue [0.2, 0.2]\n"  # same name as an existing one
    kept = keep_ids(old, parse_owm(text).map)
    ids = [e.id for e in kept.elements]
    assert ids[:4] == [e.id for e in old.elements]
    assert len(set(ids)) == 5


def test_copy_as_owm_and_paste_owm_add_new_elements_in_one_step(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    window.owm_text.copy_as_owm()
    assert QGuiApplication.clipboard().text() == format_owm(window.editor.document.map)
    QGuiApplication.clipboard().setText("component Payments [0.4, 0.7]\ncomponent Notify [0.3, 0.8]\nPayments->Notify\n")
    stack = window.editor.undo_stack
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert {window.owm_text.copy_owm, window.owm_text.paste_owm} <= set(edit_menu.actions())
    ids = window.owm_text.paste_as_owm()
    assert sorted(window.view.selected_element_ids()) == ["notify", "payments"] == sorted(ids)
    assert window.editor.document.has_link("payments", "notify")
    assert stack.count() == 1 and stack.undoText() == "Paste OWM"
    qtbot.waitUntil(lambda: "component Payments [0.40, 0.70]" in _text(window), timeout=2000)
    stack.undo()
    assert not window.editor.document.has_element("payments")


def test_paste_owm_shows_its_warnings_as_plain_text(manager, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(manager, tmp_path)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "open", lambda box: None)
    QGuiApplication.clipboard().setText("component A [0.4, 0.7]\n<b>nonsense</b>\n")
    window.owm_text.paste_as_owm()
    box = window.owm_text.warning_box
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert "pasted text: line 2: not an OWM line" in box.text()


def test_paste_owm_with_no_owm_on_the_clipboard_changes_nothing(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    QGuiApplication.clipboard().setText("")
    assert window.owm_text.paste_as_owm() == []
    assert window.editor.undo_stack.count() == 0


def test_opening_another_map_shows_its_text(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    assert window.open_path(MAPS / "parking-permits.wardley.json")
    assert _text(window) == format_owm(window.editor.document.map)
    assert window.editor.document.map.title in _text(window)


def test_a_click_elsewhere_applies_waiting_text_first(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    _type_over(window, qtbot, "Catalogue [", "Search [")
    assert window.owm_text.panel.pending
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)
    assert not window.owm_text.panel.pending
    assert window.editor.document.element("catalogue").name == "Search"


def test_a_click_inside_the_text_keeps_waiting(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    _type_over(window, qtbot, "Catalogue [", "Search [")
    qtbot.mouseClick(panel.editor.viewport(), Qt.MouseButton.LeftButton)
    assert panel.pending
    assert window.editor.document.element("catalogue").name == "Catalogue"
    panel.apply_timer.stop()  # else closing the window applies it and asks to save


def test_closing_the_window_applies_waiting_text_so_it_is_not_lost(manager, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(manager, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(window.files, "maybe_save", lambda: asked.append(window.editor.document.element("catalogue").name) or False)
    _type_over(window, qtbot, "Catalogue [", "Search [")
    assert not window.close()
    assert asked == ["Search"], "the save question saw the typed change"


def test_a_hidden_dock_catches_up_when_shown(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    window.owm_text.toggle.trigger()  # hide
    assert window.owm_text.panel.isHidden()
    document, stack = window.editor.document, window.editor.undo_stack
    stack.push(SetElementsCommand(document, {"catalogue": {"evolution": 0.25}}, "Move"))
    QGuiApplication.processEvents()
    assert "component Catalogue [0.50, 0.60]" in _text(window)
    window.owm_text.toggle.trigger()
    assert "component Catalogue [0.50, 0.25]" in _text(window)


def test_deleting_snapshot_lines_from_the_text_keeps_the_snapshots(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    document = window.editor.document
    document.add_snapshot("after session 1")
    window.owm_text.panel.refresh_from_map()
    snapshot_line = next(line for line in _text(window).splitlines() if line.startswith("// wardley-snapshot:"))
    _type_over(window, qtbot, snapshot_line, "component Extra [0.2, 0.2]")
    _pause_ends(window)
    assert document.has_element("extra")
    assert [s.name for s in document.map.snapshots] == ["after session 1"]


def test_save_as_owm_writes_owm_text_and_reopens_the_same_map(manager, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from wardley.ui import dialogs

    window = _window(manager, tmp_path)
    assert "OWM text (*.owm)" in dialogs.SAVE_FILTERS
    target = tmp_path / "library.owm"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda parent, suggestion: target)
    assert window.save_as()
    assert window.editor.file_format == "owm"
    assert target.read_text(encoding="utf-8") == format_owm(window.editor.document.map)
    assert dump_json_map(load_map(target).map) == dump_json_map(window.editor.document.map)


def test_the_tooltip_on_a_marked_line_shows_its_message_literally(manager, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    _type_lines(qtbot, panel.editor, ["Catalogue-><b>Archive</b>"])
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)  # the line is finished: applied
    line = _text(window).splitlines().index("Catalogue-><b>Archive</b>") + 1
    assert panel.marked_lines() == [line]
    where = panel.editor.cursorRect(QTextCursor(panel.editor.document().findBlockByNumber(line - 1))).center()
    QApplication.sendEvent(panel.editor.viewport(), QHelpEvent(QEvent.Type.ToolTip, where, panel.editor.viewport().mapToGlobal(where)))
    shown = QToolTip.text()
    assert "&lt;b&gt;Archive&lt;/b&gt;" in shown, "the message's tags are escaped, so they show as typed"
    assert "names no element" in shown
    QToolTip.hideText()


def test_undo_shows_the_marks_of_the_text_it_goes_back_to(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    assert not panel.problem_list.isVisibleTo(panel)
    # Renaming a component in its own line leaves the link line naming nothing: marked.
    _type_over(window, qtbot, "component Catalogue [", "component Index [")
    _pause_ends(window)
    assert panel.problem_list.isVisibleTo(panel) and panel.problem_list.count() >= 1
    window.window_actions.undo.trigger()
    qtbot.waitUntil(lambda: "component Catalogue [" in _text(window), timeout=2000)
    assert not panel.problem_list.isVisibleTo(panel)  # the text undone to had no problems
    assert all(not panel.messages_on_line(n) for n in range(1, _text(window).count("\n") + 2))


def test_the_problem_list_can_be_given_more_room(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    editor = panel.editor
    _type_lines_at_end(qtbot, editor, ["nonsense one", "nonsense two", "nonsense three", "nonsense four"])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.problem_list.count() == 4
    shown = panel.split.sizes()
    assert 0 < shown[1] < shown[0]  # a few lines to start with
    panel.split.setSizes([shown[0] - 80, shown[1] + 80])  # the user drags the divider up
    assert panel.split.sizes()[1] == shown[1] + 80
    _type_lines(qtbot, editor, ["nonsense five"])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.split.sizes()[1] == shown[1] + 80  # a new problem keeps the size chosen


def test_undo_after_a_refused_text_shows_the_earlier_text_without_its_marks(manager, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import wardley.ui.panels.owm_text as owm_text

    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    original = _text(window)
    real_keep_ids = owm_text.keep_ids

    def refuse(old, new):  # type: ignore[no-untyped-def]
        raise ValueError("1 validation error for WardleyMap")

    monkeypatch.setattr(owm_text, "keep_ids", refuse)
    _type_over(window, qtbot, "Catalogue [", "Catalog [")
    _pause_ends(window)
    assert any("not applied" in panel.problem_list.item(i).text() for i in range(panel.problem_list.count()))
    monkeypatch.setattr(owm_text, "keep_ids", real_keep_ids)
    _type_over(window, qtbot, "Catalog [", "Index [")  # a text the map takes
    _pause_ends(window)
    assert window.editor.document.element("catalogue").name == "Index"
    window.window_actions.undo.trigger()
    qtbot.waitUntil(lambda: _text(window) == original, timeout=2000)
    assert not panel.problem_list.isVisibleTo(panel)


def test_a_typed_comment_is_marked_as_not_kept(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    editor = panel.editor
    _type_lines_at_end(qtbot, editor, ["// decided in workshop 3: keep Hosting in-house"])
    _pause_ends(window)
    line = _text(window).split("\n").index("// decided in workshop 3: keep Hosting in-house") + 1
    assert any("does not keep it" in message for message in panel.messages_on_line(line))
    assert panel.problem_list.isVisibleTo(panel)


def test_an_open_pipeline_block_waits_for_its_closing_brace(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    before = dump_json_map(window.editor.document.map)
    editor = panel.editor
    start = _text(window).index("component Catalogue")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "pipeline Borrow a book")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "{")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # applies at once, as far as it can
    assert dump_json_map(window.editor.document.map) == before  # nothing folded into the pipeline
    assert any("closed with }" in panel.problem_list.item(i).text() for i in range(panel.problem_list.count()))
    cursor = editor.textCursor()
    cursor.setPosition(_text(window).index("component Catalogue"))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "}")
    _pause_ends(window)
    assert window.editor.document.pipeline_of("borrow") is not None  # closed: applied


def test_text_over_the_item_limit_is_not_applied_and_says_why(manager, tmp_path: Path) -> None:
    from wardley.io.limits import MAX_ITEMS

    window = _window(manager, tmp_path)
    panel = window.owm_text.panel
    before = window.editor.document.map
    panel.editor.setPlainText("".join(f"component C{i} [0.5, 0.5]\n" for i in range(MAX_ITEMS + 1_100)))
    panel.apply_text()
    assert window.editor.document.map == before
    assert panel.problem_list.count() == 1
    assert "not applied: too large" in panel.problem_list.item(0).text()


def test_a_pause_mid_name_does_not_make_the_id_from_half_the_name(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel, document = window.owm_text.panel, window.editor.document
    _type_lines_at_end(qtbot, panel.editor, ["component Highways"])
    panel.apply_timer.timeout.emit()  # the facilitator pauses mid-name
    assert panel.waiting_for_line and all(e.name != "Highways" for e in document.map.elements)
    qtbot.keyClicks(panel.editor, " asset system")
    panel.apply_timer.timeout.emit()
    assert panel.waiting_for_line and len(document.map.elements) == 4
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)  # the line is finished
    assert not panel.pending
    [added] = [e for e in document.map.elements if e.name == "Highways asset system"]
    assert added.id == "highways-asset-system"
    assert window.editor.undo_stack.count() == 1
    # A later edit elsewhere rewrites the text: the typed line gets no id comment.
    window.editor.undo_stack.push(SetElementsCommand(document, {"catalogue": {"evolution": 0.3}}, "Move"))
    qtbot.waitUntil(lambda: "component Catalogue [0.50, 0.30]" in _text(window), timeout=2000)
    [line] = [t for t in _text(window).splitlines() if "Highways asset system" in t]
    assert line.startswith("component Highways asset system") and "wardley:" not in line


def test_leaving_an_unfinished_line_applies_it(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel, document = window.owm_text.panel, window.editor.document
    _type_lines_at_end(qtbot, panel.editor, ["component Road survey"])
    panel.apply_timer.timeout.emit()
    assert panel.waiting_for_line
    qtbot.keyClick(panel.editor, Qt.Key.Key_Up)  # the cursor leaves the line
    assert not panel.pending and document.element("road-survey").name == "Road survey"


def test_a_line_the_next_keystroke_cannot_change_applies_on_the_pause(manager, qtbot, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    panel, document = window.owm_text.panel, window.editor.document
    _type_lines_at_end(qtbot, panel.editor, ["component Road survey [0.30, 0.40]"])
    panel.apply_timer.timeout.emit()
    assert not panel.pending and document.element("road-survey").evolution == 0.4


def test_which_lines_are_still_being_typed() -> None:
    from wardley.ui.panels.owm_text import line_in_progress

    for unfinished in ("component Highways", "component Road survey ", "component A [0.3, 0.",
                       'component "Council', "Resident->Report a pot", "anchor Resident", "component A (bui"):
        assert line_in_progress(unfinished), unfinished
    for finished in ("", "   ", "component A [0.30, 0.40]", 'component "Council website"', "component A (build)",
                     "// a comment", "}"):
        assert not line_in_progress(finished), finished

"""The window's file handling: title and unsaved mark, save, open, revert, the
unsaved-changes question, dropping a file, and failed loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from tests.ui.shell_support import manager, saved_elements, shell_env, small_map, write_map  # noqa: F401 - fixtures

from wardley.io import load_map
from wardley.ui import recent_files
from wardley.ui.commands import SetElementsCommand
from wardley.ui.editor_document import EditorDocument


def _move(window, element_id: str = "catalogue", evolution: float = 0.9) -> None:
    editor = window.editor
    editor.undo_stack.push(SetElementsCommand(editor.document, {element_id: {"evolution": evolution}}, "Move"))


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args):  # noqa: ANN001, ANN202
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_title_names_the_file_and_marks_unsaved_changes(manager, tmp_path: Path) -> None:
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "library.wardley.json")))
    assert window.windowTitle().startswith("library.wardley.json[*]")
    assert not window.isWindowModified()
    _move(window)
    assert window.isWindowModified()
    window.editor.undo_stack.undo()  # back to what is on disk: clean again
    assert not window.isWindowModified()


def test_save_writes_the_change_and_clears_the_mark(manager, tmp_path: Path) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    _move(window, evolution=0.85)
    assert window.window_actions.save.isEnabled()
    window.window_actions.save.trigger()
    assert saved_elements(path)["catalogue"]["evolution"] == 0.85
    assert not window.isWindowModified()
    assert recent_files.recent_files()[0] == path


def test_save_of_an_untitled_map_asks_for_a_name_and_adds_the_suffix(manager, tmp_path, monkeypatch) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "mine"), "wardley map (*.wardley.json)")))
    assert window.save()
    assert window.editor.path == tmp_path / "mine.wardley.json"
    assert window.windowTitle().startswith("mine.wardley.json")
    assert load_map(tmp_path / "mine.wardley.json").map == window.editor.document.map


def test_cancelled_save_as_leaves_the_map_unsaved(manager, monkeypatch) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert not window.save()
    assert window.isWindowModified()


def test_revert_reloads_the_file_after_confirmation(manager, tmp_path, monkeypatch) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    _move(window, evolution=0.99)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.window_actions.revert.trigger()
    assert asked and "library.wardley.json" in asked[0]
    assert window.editor.document.element("catalogue").evolution == 0.6
    assert not window.isWindowModified()
    assert not window.editor.undo_stack.canUndo()


@pytest.mark.parametrize("action", ["revert", "close"])
def test_questions_show_a_file_name_with_markup_as_typed(manager, tmp_path, monkeypatch, action) -> None:
    path = write_map(tmp_path / "<b>lib.wardley.json")  # "/" cannot be in a name
    window = manager.open_editor(EditorDocument.open(path))
    _move(window)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.window_actions.revert.trigger() if action == "revert" else window.close()
    # What Qt draws: the tags as characters, not a bold "lib".
    assert "<b>lib.wardley.json" in QTextDocumentFragment.fromHtml(asked[0]).toPlainText()
    window.editor.undo_stack.setClean()


@pytest.mark.parametrize(
    ("button", "closed", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, False),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Save, True, True),
    ],
)
def test_closing_with_unsaved_changes_asks_save_discard_cancel(manager, tmp_path, monkeypatch, button, closed, saved) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    _move(window, evolution=0.91)
    asked = _answer(monkeypatch, button)
    assert window.close() is closed
    assert len(asked) == 1 and "library.wardley.json" in asked[0]
    assert (saved_elements(path)["catalogue"]["evolution"] == 0.91) is saved
    assert (window in manager.windows) is not closed


def test_opening_another_file_over_unsaved_changes_asks_first(manager, tmp_path, monkeypatch) -> None:
    first = write_map(tmp_path / "first.wardley.json")
    second = write_map(tmp_path / "second.wardley.json")
    window = manager.open_editor(EditorDocument.open(first))
    _move(window)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.open_path(second)
    assert asked and window.editor.path == first.absolute()
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.open_path(second)
    assert window.editor.path == second.absolute()
    assert window.windowTitle().startswith("second.wardley.json")
    assert not window.isWindowModified()
    # The undo actions follow the new map's stack, not the dropped one.
    assert not window.window_actions.undo.isEnabled()


def test_quit_closes_every_window_unless_one_is_kept(manager, tmp_path, monkeypatch) -> None:
    clean = manager.open_editor(EditorDocument.open(write_map(tmp_path / "a.wardley.json")))
    dirty = manager.open_editor(EditorDocument.open(write_map(tmp_path / "b.wardley.json")))
    _move(dirty)
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not manager.close_all()
    assert dirty in manager.windows and clean not in manager.windows
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    dirty.window_actions.quit.trigger()
    assert manager.windows == []


def _drop(window, path: Path, onto_canvas: bool = True) -> None:
    # Onto the map itself, where a user lets go, or onto the window's bars and panels.
    target = window.view.viewport() if onto_canvas else window
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)


@pytest.mark.parametrize("onto_canvas", [True, False])
def test_dropping_a_map_file_opens_it(manager, tmp_path, qtbot, onto_canvas) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    dropped = write_map(tmp_path / "dropped.wardley.json")
    _drop(window, dropped, onto_canvas)
    qtbot.waitUntil(lambda: window.editor.path == dropped.absolute(), timeout=5000)


def test_dropping_something_else_is_refused(manager, tmp_path) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def _capture_boxes(monkeypatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_a_broken_file_gets_a_plain_text_dialog_and_the_map_stays(manager, tmp_path, monkeypatch) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    bad = tmp_path / "<b>bad<i>.wardley.json"
    bad.write_text('{"format": "wardley-map", "version": 1, "elements": [{"id": "x", "name": "", "evolution": 2, "visibility": 0}]}')
    shown = _capture_boxes(monkeypatch)
    assert not window.open_path(bad)
    assert len(shown) == 1
    box = shown[0]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bad<i>.wardley.json could not be opened" in box.text()
    assert "$.elements[0].evolution" in box.text() and "$.elements[0].name" in box.text()
    assert window.editor.document.map == small_map()


def test_a_missing_recent_file_is_reported_not_fatal(manager, tmp_path, monkeypatch) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    shown = _capture_boxes(monkeypatch)
    assert not window.open_path(tmp_path / "gone.wardley.json")
    assert "no such file" in shown[0].text()


def test_open_recent_lists_saved_files(manager, tmp_path) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    window.save()
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text() == "library.wardley.json"]
    assert len(entries) == 1 and entries[0].toolTip() == str(path)


def test_open_recent_shows_an_ampersand_in_a_file_name(manager, tmp_path) -> None:
    path = write_map(tmp_path / "R&D.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    window.save()
    window.recent_menu.aboutToShow.emit()
    entry = window.recent_menu.actions()[0]
    assert entry.text() == "R&&D.wardley.json", "a single & would underline the D and hide itself"
    assert entry.statusTip() == str(path)


def test_every_toolbar_tool_and_menu_action_has_a_tooltip(manager) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions() if not a.isSeparator()]
    for action in actions:
        if action.menu() is None:
            assert action.toolTip() and action.toolTip() != action.text().replace("&", ""), action.text()
    assert window.quick_add_box.toolTip()


def test_copy_in_one_window_and_paste_in_another(manager) -> None:
    source = manager.open_editor(EditorDocument(small_map()))
    target = manager.open_editor(EditorDocument())
    source.view.select_elements(["catalogue", "lms"])
    source.window_actions.copy.trigger()
    target.window_actions.paste.trigger()
    assert sorted(e.name for e in target.editor.document.map.elements) == ["Catalogue", "Library management system"]
    assert target.isWindowModified() and not source.isWindowModified()
    target.window_actions.undo.trigger()
    assert target.editor.document.map.elements == []


def test_an_owm_file_opens_with_its_import_warnings_shown(manager, tmp_path, monkeypatch) -> None:
    owm = tmp_path / "tea.owm"
    owm.write_text("title Tea shop\ncomponent Tea [0.8, 0.3]\ncomponent Cup [0.7, 0.8]\nTea->Cup\nTea->Cup\n", encoding="utf-8")
    assert load_map(owm).warnings, "the sample needs a line the OWM reader warns about"
    window = manager.open_editor(EditorDocument(small_map()))
    shown = _capture_boxes(monkeypatch)
    assert window.open_path(owm)
    assert window.editor.file_format == "owm" and window.windowTitle().startswith("tea.owm")
    assert len(shown) == 1 and "tea.owm" in shown[0].text() and "line 5" in shown[0].text()
    assert shown[0].textFormat() == Qt.TextFormat.PlainText


def test_starting_on_a_broken_file_still_gives_a_window(manager, tmp_path, monkeypatch) -> None:
    from wardley.ui.app import open_first_windows

    bad = tmp_path / "bad.wardley.json"
    bad.write_text("{ not json", encoding="utf-8")
    good = write_map(tmp_path / "good.wardley.json")
    shown = _capture_boxes(monkeypatch)
    windows = open_first_windows(manager, [bad, good])
    assert [w.editor.path for w in windows] == [good.absolute()]
    assert len(shown) == 1 and "bad.wardley.json" in shown[0].text() and "line 1" in shown[0].text()
    assert open_first_windows(manager, [bad])[0].editor.document.map.elements == []


def test_no_file_opens_the_example_as_an_untitled_copy(manager) -> None:
    from wardley.ui.app import EXAMPLE_MAP, open_first_windows

    [window] = open_first_windows(manager, [])
    assert window.editor.path is None and not window.isWindowModified()
    assert window.editor.document.map == load_map(EXAMPLE_MAP).map


def test_opening_a_file_open_in_another_window_brings_that_window_forward(manager, tmp_path) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    first = manager.open_editor(EditorDocument.open(path))
    _move(first)
    second = manager.open_editor(EditorDocument(small_map()))
    assert second.open_path(path)
    assert second.editor.path is None  # not opened twice
    assert first.isWindowModified() and len(manager.windows) == 2


def test_a_failed_save_says_why_and_keeps_the_changes_unsaved(manager, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "taken.wardley.json"
    folder.mkdir()  # a folder where the file should go: the save cannot land
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window)
    shown = _capture_boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(folder), "")))
    assert not window.save()
    assert "could not be saved" in shown[0].text() and "folder" in shown[0].text()
    assert window.isWindowModified() and window.editor.path is None


def test_save_keeps_a_name_still_being_typed(manager, tmp_path, qtbot) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.start_rename("catalogue")
    qtbot.keyClicks(window.view.name_editor(), "Stock catalogue")
    assert window.save()
    assert saved_elements(path)["catalogue"]["name"] == "Stock catalogue"
    window.view.select_elements(["lms"])
    window.properties.name.setFocus()
    window.properties.name.setText("LMS")  # typed, Enter not pressed
    assert window.save()
    assert saved_elements(path)["lms"]["name"] == "LMS"
    assert window.properties.name.hasFocus()


def test_opening_another_file_keeps_the_map_its_room_beside_open_panels(manager, tmp_path, qtbot) -> None:  # noqa: ANN001
    first, second = write_map(tmp_path / "a.wardley.json"), write_map(tmp_path / "b.wardley.json")
    window = manager.open_editor(EditorDocument.open(first))
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    window.analysis.toggleViewAction().trigger()
    window.workshop.panel.show()
    qtbot.waitUntil(lambda: window.workshop.panel.isVisible())
    before = window.view.width(), window.properties.width()
    old_view = window.view

    assert window.files.open_path(second)
    assert window.view is not old_view and window.view.isVisible()
    qtbot.waitUntil(lambda: window.view.width() > 0)
    assert (window.view.width(), window.properties.width()) == before


def test_analysis_and_snapshots_panels_share_one_place_as_tabs(manager, tmp_path, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "a.wardley.json")))
    qtbot.waitExposed(window)
    analysis, snapshots = window.analysis, window.workshop.panel
    analysis.toggleViewAction().trigger()
    qtbot.waitUntil(analysis.isVisible)

    assert window.workshop.take_snapshot("after session 1")  # brings its list forward
    qtbot.waitUntil(lambda: not snapshots.visibleRegion().isEmpty())
    # The analysis panel is a tab behind it, not closed.
    assert analysis.visibleRegion().isEmpty() and analysis.toggleViewAction().isChecked()
    assert window.tabifiedDockWidgets(snapshots) == [analysis]

    window.analysis.toggleViewAction().trigger()  # hide
    window.analysis.toggleViewAction().trigger()  # and show again: in front
    qtbot.waitUntil(lambda: not analysis.visibleRegion().isEmpty())
    assert snapshots.visibleRegion().isEmpty()
    assert analysis.height() > window.height() // 2  # the list gets the height, not a third of it


def test_selecting_with_panels_open_does_not_grow_the_window(manager, tmp_path, qtbot) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "a.wardley.json")))
    qtbot.waitExposed(window)
    window.analysis.toggleViewAction().trigger()
    qtbot.waitUntil(window.analysis.isVisible)
    assert window.workshop.take_snapshot("before")
    QApplication.processEvents()
    before = window.size()
    window.view.select_elements([window.editor.document.map.elements[0].id])
    QApplication.processEvents()  # the layout requests a selection posts: a growing window grows here
    assert window.size() == before
    assert window.properties.name.isVisible()  # the fields are there, scrolled if need be


OWM_WITH_COMMENTS = """// A map by the council's digital team. Licence: CC BY-SA 4.0
title Tea shop
anchor Customer [0.95, 0.6]
component Cup of Tea [0.79, 0.61]
// component Old kettle [0.5, 0.5]
component Kettle [0.43, 0.35] // the slow bit
/* a note that
   spans lines */
Customer->Cup of Tea
Cup of Tea->Kettle
"""


def _owm_window(manager, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "tea.owm"
    path.write_text(OWM_WITH_COMMENTS, encoding="utf-8")
    window = manager.open_editor(EditorDocument.open(path))
    _move(window, "kettle", 0.5)
    return window, path


def test_saving_over_an_owm_file_with_comments_asks_first(manager, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    window, path = _owm_window(manager, tmp_path)
    asked: list[str] = []

    def answer(choice: str):  # type: ignore[no-untyped-def]
        def ask(target: Path, comments: int) -> str:
            assert (target, comments) == (path, 5)
            asked.append(choice)
            return choice

        return ask

    window.files.ask_overwrite_comments = answer("cancel")
    assert not window.save()
    assert path.read_text(encoding="utf-8") == OWM_WITH_COMMENTS and window.editor.is_modified

    # Save As keeps the OWM file as it is and puts the map beside it, as a wardley map.
    offered: list[str] = []

    def choose(parent, suggestion):  # type: ignore[no-untyped-def]
        offered.append(suggestion)
        return Path(suggestion)

    monkeypatch.setattr("wardley.ui.dialogs.choose_save_path", choose)
    window.files.ask_overwrite_comments = answer("save as")
    assert window.save()
    assert offered == [str(tmp_path / "tea.wardley.json")]
    assert path.read_text(encoding="utf-8") == OWM_WITH_COMMENTS
    assert window.editor.path == tmp_path / "tea.wardley.json" and not window.editor.is_modified
    assert asked == ["cancel", "save as"]


def test_overwriting_drops_the_comments_once_asked(manager, tmp_path) -> None:  # noqa: ANN001
    window, path = _owm_window(manager, tmp_path)
    asked: list[str] = []
    window.files.ask_overwrite_comments = lambda target, comments: asked.append("overwrite") or "overwrite"
    assert window.save()
    assert "//" not in path.read_text(encoding="utf-8").replace("// wardley", "")
    _move(window, "kettle", 0.6)
    assert window.save()  # the file has no comments left: no second question
    assert asked == ["overwrite"]


def test_an_owm_file_without_comments_saves_without_a_question(manager, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "plain.owm"
    path.write_text("title Plain\ncomponent A [0.5, 0.5]\n", encoding="utf-8")
    window = manager.open_editor(EditorDocument.open(path))
    window.files.ask_overwrite_comments = lambda *a: pytest.fail("asked about comments there are none of")
    _move(window, "a", 0.6)
    assert window.save()


def test_a_map_restored_after_a_crash_still_asks_before_dropping_comments(manager, tmp_path) -> None:  # noqa: ANN001
    from wardley.ui.recovery import RecoveredMap

    path = tmp_path / "tea.owm"
    path.write_text(OWM_WITH_COMMENTS, encoding="utf-8")
    recovered = RecoveredMap(tmp_path / "copy.json", load_map(path).map, path, "owm", "2026-11-27T10:00:00Z")
    window = manager.open_editor(recovered.to_editor())
    asked: list[int] = []
    window.files.ask_overwrite_comments = lambda target, comments: asked.append(comments) or "cancel"
    assert not window.save()
    assert asked == [5] and path.read_text(encoding="utf-8") == OWM_WITH_COMMENTS


def test_comments_added_to_the_file_elsewhere_are_noticed_at_save(manager, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "plain.owm"
    path.write_text("title Plain\ncomponent A [0.5, 0.5]\n", encoding="utf-8")
    window = manager.open_editor(EditorDocument.open(path))
    _changed_elsewhere(path, "// edited in OWM meanwhile\ntitle Plain\ncomponent A [0.5, 0.5]\n")
    asked: list[str] = []
    window.files.ask_overwrite_changed = lambda target: asked.append("changed") or "cancel"
    window.files.ask_overwrite_comments = lambda target, comments: asked.append("comments") or "cancel"
    _move(window, "a", 0.6)
    assert not window.save() and asked == ["changed"]  # one question, about the change made elsewhere


def test_new_windows_can_be_told_apart(manager) -> None:  # noqa: ANN001
    first = manager.open_editor(EditorDocument())
    second = manager.open_editor(EditorDocument())
    assert first.editor.display_name != second.editor.display_name
    assert first.windowTitle() != second.windowTitle()
    assert second.editor.display_name.startswith("Untitled")


def test_save_as_without_a_suffix_asks_before_replacing_the_file_it_means(manager, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    existing = write_map(tmp_path / "back.wardley.json")
    kept = existing.read_bytes()
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "back"), "wardley map (*.wardley.json)")))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.save_as()
    assert existing.read_bytes() == kept and len(asked) == 1 and "back.wardley.json" in asked[0]
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.save_as()
    assert window.editor.path == existing and existing.read_bytes() != kept


def _changed_elsewhere(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))  # whatever the clock's grain


def test_saving_over_changes_made_elsewhere_asks_first(manager, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    _move(window)
    assert window.save()  # our own saves never count as changes made elsewhere
    elsewhere = path.read_text(encoding="utf-8").replace("Catalogue", "Catalogue (edited elsewhere)")
    _changed_elsewhere(path, elsewhere)
    _move(window, evolution=0.8)
    asked: list[Path] = []
    window.files.ask_overwrite_changed = lambda target: asked.append(target) or "cancel"
    assert not window.save()
    assert asked == [path] and path.read_text(encoding="utf-8") == elsewhere and window.editor.is_modified

    offered: list[str] = []
    monkeypatch.setattr("wardley.ui.dialogs.choose_save_path", lambda parent, suggestion: offered.append(suggestion) or Path(suggestion))
    window.files.ask_overwrite_changed = lambda target: "save as"
    assert window.save()
    assert offered == [str(tmp_path / "library (copy).wardley.json")]
    assert path.read_text(encoding="utf-8") == elsewhere  # their changes are still there


def test_overwriting_changes_made_elsewhere_once_agreed(manager, tmp_path) -> None:  # noqa: ANN001
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    _changed_elsewhere(path, path.read_text(encoding="utf-8").replace("Catalogue", "Other"))
    _move(window)
    window.files.ask_overwrite_changed = lambda target: "overwrite"
    assert window.save()
    assert "Other" not in path.read_text(encoding="utf-8")
    window.files.ask_overwrite_changed = lambda target: pytest.fail("asked again after our own save")
    _move(window, evolution=0.7)
    assert window.save()


def test_a_same_size_rewrite_with_its_time_put_back_is_still_noticed(manager, tmp_path) -> None:  # noqa: ANN001
    path = write_map(tmp_path / "library.wardley.json")
    window = manager.open_editor(EditorDocument.open(path))
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Catalogue" in text
    with open(path, "r+b") as handle:  # in place: same file, same size
        handle.write(text.replace("Catalogue", "Katalogue").encode("utf-8"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a sync tool keeping times does
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert window.editor.changed_on_disk()
    _move(window)
    asked: list[Path] = []
    window.files.ask_overwrite_changed = lambda target: asked.append(target) or "cancel"
    assert not window.save()
    assert asked == [path] and "Katalogue" in path.read_text(encoding="utf-8")

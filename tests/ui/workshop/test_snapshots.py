"""Snapshots: saved inside the map as one undo step, listed as plain text, deleted undoably, saved to the file."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.ui.shell_support import small_map
from tests.ui.workshop.workshop_support import COACHING, manager, shell_env  # noqa: F401
from wardley.io import dump_json_map, load_map
from wardley.ui.editor_document import EditorDocument


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    qtbot.waitExposed(window)
    return window


def test_snapshot_is_one_undoable_step_holding_the_map_as_it_was(window) -> None:  # noqa: ANN001
    workshop, editor = window.workshop, window.editor
    content = editor.document.map.content()
    assert workshop.take_snapshot("  after   session 3 ")
    snapshots = editor.document.map.snapshots
    assert [s.name for s in snapshots] == ["after session 3"] and snapshots[0].content == content
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "Save snapshot after session 3"
    assert workshop.panel.isVisible() and workshop.panel.names() == ["after session 3"]
    stamp = snapshots[0].created
    editor.document.move_element("catalogue", 0.9, 0.5)  # later edits do not reach the snapshot
    assert editor.document.map.snapshots[0].content == content
    editor.undo_stack.undo()
    assert editor.document.map.snapshots == [] and workshop.panel.names() == []
    editor.undo_stack.redo()
    assert editor.document.map.snapshots[0].created == stamp


def test_a_taken_name_is_refused_without_an_undo_step(window) -> None:  # noqa: ANN001
    workshop, editor = window.workshop, window.editor
    assert workshop.take_snapshot("Session 1")
    assert not workshop.take_snapshot("Session 1") and not workshop.take_snapshot("   ")
    assert editor.undo_stack.count() == 1


def test_panel_lists_names_as_plain_text_and_deletes_with_the_delete_key(window, qtbot) -> None:  # noqa: ANN001
    workshop, editor = window.workshop, window.editor
    for name in ("<b>one</b>", "two", "three"):
        assert workshop.take_snapshot(name)
    panel = workshop.panel
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["<b>one</b>", "two", "three"]
    panel.list.item(0).setSelected(True)
    panel.list.item(2).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [s.name for s in editor.document.map.snapshots] == ["two"]
    editor.undo_stack.undo()
    assert panel.names() == ["<b>one</b>", "two", "three"]


def test_snapshots_are_saved_in_the_file(window, tmp_path) -> None:  # noqa: ANN001
    window.workshop.take_snapshot("after session 1")
    path = tmp_path / "saved.wardley.json"
    window.editor.save(path)
    loaded = load_map(path).map
    assert [s.name for s in loaded.snapshots] == ["after session 1"]
    assert dump_json_map(loaded) == dump_json_map(window.editor.document.map)


def test_opening_a_map_lists_its_snapshots(manager, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "coaching.wardley.json"
    shutil.copy(COACHING, path)
    window = manager.open_editor(EditorDocument.open(path))
    assert window.workshop.panel.names() == ["after session 1", "after session 2"]


@pytest.mark.parametrize(
    ("created", "shown"),
    [
        ("2024-05-01T14:03:09Z", "Saved 2024-05-01 14:03:09 UTC"),
        ("2024-05-01T15:03:09+01:00", "Saved 2024-05-01 14:03:09 UTC"),
        ("<img src=x width=500>", "Saved at an unknown time"),
        ("2024<b>", "Saved at an unknown time"),
        ("", "Saved at an unknown time"),
    ],
)
def test_a_snapshot_time_from_the_file_never_reaches_the_tooltip_as_markup(window, created: str, shown: str) -> None:  # noqa: ANN001
    """A stamp like ``<img src=... width=500>`` was laid out as an image."""
    from PySide6.QtGui import Qt as QtGui

    from wardley.model.entities import Snapshot

    workshop, editor = window.workshop, window.editor
    snapshot = Snapshot(name="hostile", created=created, content=editor.document.map.content())
    editor.document.replace_map(editor.document.map.model_copy(update={"snapshots": [snapshot]}))
    tip = workshop.panel.list.item(0).toolTip()
    assert tip.startswith(shown + ", ")
    assert "<" not in tip
    assert not QtGui.mightBeRichText(tip)

"""Crash recovery: autosave while unsaved, offer after a crash, clean up after save or discard.

A crash is simulated by stopping a window's autosaver without removing its file
(what kill -9 leaves behind) and then starting a fresh window manager.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from tests.ui.shell_support import manager, saved_elements, shell_env, small_map, write_map  # noqa: F401

from wardley.model.entities import Accelerator
from wardley.ui import windows as windows_module
from wardley.ui.commands import SetElementsCommand
from wardley.ui.editor_document import EditorDocument
from wardley.ui.recovery import (
    AUTOSAVE_DELAY_MS,
    AUTOSAVE_MAX_WAIT_MS,
    SUFFIX,
    Autosaver,
    RecoveredMap,
    orphaned_recoveries,
    recovery_folder,
)
from wardley.ui.windows import WindowManager


def _move(window, evolution: float) -> None:
    window.editor.undo_stack.push(SetElementsCommand(window.editor.document, {"catalogue": {"evolution": evolution}}))


def _recovery_files() -> list[Path]:
    return sorted(recovery_folder().glob(f"*{SUFFIX}")) if recovery_folder().exists() else []


def test_autosave_writes_only_while_there_are_unsaved_changes(manager, tmp_path) -> None:
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "lib.wardley.json")))
    assert not window.autosaver.pending  # nothing edited: no copy waiting
    window.autosaver.autosave_now()
    assert _recovery_files() == []  # nothing unsaved, nothing written
    _move(window, 0.93)
    window.autosaver.autosave_now()
    [file] = _recovery_files()
    record = json.loads(file.read_text())
    assert record["pid"] == os.getpid() and record["original"] == str(tmp_path / "lib.wardley.json")
    window.save()
    assert _recovery_files() == []  # a clean save removes it


def test_a_live_session_is_not_offered_its_own_files(manager) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    assert len(_recovery_files()) == 1
    assert orphaned_recoveries() == []


def test_after_a_crash_the_next_start_offers_and_restores_the_map(qtbot, shell_env, tmp_path, monkeypatch) -> None:
    path = write_map(tmp_path / "lib.wardley.json")
    crashed = WindowManager()
    window = crashed.open_editor(EditorDocument.open(path))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    window.autosaver.stop(keep_file=True)  # the process dies here: no save, no discard
    expected = window.editor.document.map.model_copy(deep=True)

    offered: list[list[str]] = []
    monkeypatch.setattr(windows_module, "ask_restore", lambda parent, found: offered.append([r.display_name for r in found]) or True)
    fresh = WindowManager()
    [restored] = fresh.offer_recovery()
    try:
        assert offered == [["lib.wardley.json"]]
        assert restored.editor.document.map == expected
        assert restored.isWindowModified() and restored.editor.path == path.absolute()
        assert len(_recovery_files()) == 1  # still the safety net until saved
        restored.save()
        assert saved_elements(path)["catalogue"]["evolution"] == 0.93
        assert _recovery_files() == []
    finally:
        for w in (*fresh.windows, *crashed.windows):
            w.editor.undo_stack.setClean()
            w.close()


def test_declining_the_offer_discards_the_recovery(qtbot, shell_env, monkeypatch) -> None:
    crashed = WindowManager()
    window = crashed.open_editor(EditorDocument(small_map()))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    window.autosaver.stop(keep_file=True)

    def decline(box: QMessageBox) -> int:
        assert "Untitled" in box.text()
        return 0  # closed without choosing Restore

    monkeypatch.setattr(QMessageBox, "exec", decline)
    assert WindowManager().offer_recovery() == []
    assert _recovery_files() == []
    window.editor.undo_stack.setClean()
    window.close()


def test_discarding_changes_on_close_removes_the_recovery_file(manager, monkeypatch) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Discard))
    assert window.close()
    assert _recovery_files() == []


#: Another wardley session: it holds a recovery file's lock as the app does, then waits for its
#: stdin to close (or to be killed).
OTHER_SESSION = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from wardley.ui.recovery import _lock_for
app = QCoreApplication([])
lock = _lock_for(Path(sys.argv[1]))
print(lock.tryLock(0), flush=True)
sys.stdin.read()
"""


def test_recovery_files_from_a_running_session_are_left_alone(shell_env) -> None:
    from wardley.io import dump_json_map

    folder = recovery_folder()
    folder.mkdir(parents=True)
    file = folder / f"other{SUFFIX}"
    record = {"format": "wardley-recovery", "pid": 1, "saved_at": "2026-01-01T00:00:00Z",
              "original": None, "file_format": "json", "map": json.loads(dump_json_map(small_map()))}
    file.write_text(json.dumps(record))
    for ending in ("closes", "is killed"):
        other = subprocess.Popen([sys.executable, "-c", OTHER_SESSION, str(file)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert other.stdout is not None and other.stdout.readline().strip() == "True"
            assert orphaned_recoveries() == [], f"offered while its session runs (then {ending})"
        finally:
            if ending == "closes":
                other.communicate("")
            else:
                other.kill()  # leaves its lock file behind, as a crash does
                other.communicate()
        [found] = orphaned_recoveries()  # it has ended: its map is now an orphan
        assert found.map == small_map()


def test_an_unchanged_map_is_not_copied_again(manager) -> None:
    window = manager.open_editor(EditorDocument(small_map()))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    [file] = _recovery_files()
    file.write_text("sentinel")  # rewritten only if the map changes again
    window.autosaver.autosave_now()
    assert file.read_text() == "sentinel"
    _move(window, 0.94)
    window.autosaver.autosave_now()
    assert json.loads(file.read_text())["map"]["elements"][2]["evolution"] == 0.94


def test_restoring_a_file_already_open_shows_it_in_that_window(qtbot, shell_env, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    path = write_map(tmp_path / "lib.wardley.json")
    crashed = WindowManager()
    window = crashed.open_editor(EditorDocument.open(path))
    _move(window, 0.93)
    window.autosaver.autosave_now()
    window.autosaver.stop(keep_file=True)
    expected = window.editor.document.map.model_copy(deep=True)

    monkeypatch.setattr(windows_module, "ask_restore", lambda parent, found: True)
    fresh = WindowManager()
    opened = fresh.open_editor(EditorDocument.open(path))  # `wardley lib.wardley.json` after the crash
    try:
        [restored] = fresh.offer_recovery()
        assert restored is opened and fresh.windows == [opened]
        assert opened.editor.document.map == expected and opened.isWindowModified()
    finally:
        for w in (*fresh.windows, *crashed.windows):
            w.editor.undo_stack.setClean()
            w.close()


def test_a_recovery_copy_that_cannot_be_written_is_said_once(manager, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be", encoding="utf-8")
    monkeypatch.setenv("WARDLEY_RECOVERY_DIR", str(blocked))
    window = manager.open_editor(EditorDocument(small_map()))
    said: list[str] = []
    window.autosaver.failed.connect(said.append)
    _move(window, 0.91)
    window.autosaver.autosave_now()
    _move(window, 0.92)
    window.autosaver.autosave_now()
    assert len(said) == 1 and str(blocked) in said[0] and "save often" in said[0]
    assert "Crash-recovery copies cannot be written" in window.statusBar().currentMessage()
    window.editor.undo_stack.setClean()


def test_the_recovery_copy_follows_shortly_after_the_last_edit(manager) -> None:  # noqa: ANN001
    assert 2_000 <= AUTOSAVE_DELAY_MS <= AUTOSAVE_MAX_WAIT_MS <= 5_000
    window = manager.open_editor(EditorDocument(small_map()))
    saver = window.autosaver
    assert saver.delay_ms == AUTOSAVE_DELAY_MS and not saver.pending
    _move(window, 0.91)
    assert saver.pending and saver._timer.isSingleShot() and saver._timer.interval() == AUTOSAVE_DELAY_MS
    assert _recovery_files() == []  # not at once: a burst of edits is one write
    saver._timer.timeout.emit()  # the debounce runs out
    [file] = _recovery_files()
    assert json.loads(file.read_text())["map"]["elements"][2]["evolution"] == 0.91
    assert not saver.pending  # nothing more to write until the next edit
    window.editor.undo_stack.setClean()


def test_a_short_debounce_writes_the_copy_without_waiting_for_a_fixed_period(qtbot, shell_env) -> None:  # noqa: ANN001
    editor = EditorDocument(small_map())
    saver = Autosaver(editor, delay_ms=20, max_wait_ms=60)
    try:
        editor.undo_stack.push(SetElementsCommand(editor.document, {"catalogue": {"evolution": 0.97}}))
        qtbot.waitUntil(lambda: saver.file.exists(), timeout=2_000)
        assert json.loads(saver.file.read_text())["map"]["elements"][2]["evolution"] == 0.97
    finally:
        saver.stop()


def test_steady_editing_is_still_copied_within_the_maximum_wait(qtbot, shell_env) -> None:  # noqa: ANN001
    editor = EditorDocument(small_map())
    saver = Autosaver(editor, delay_ms=2_000, max_wait_ms=5_000)
    elapsed = [0]
    saver._pending_since = _Clock(elapsed)  # type: ignore[assignment]  # set the time instead of waiting
    try:
        for ms in (0, 1_500, 3_000, 4_500):  # an edit every 1.5 s never lets 2 s of quiet pass
            elapsed[0] = ms
            editor.undo_stack.push(SetElementsCommand(editor.document, {"catalogue": {"evolution": 0.5 + ms / 10_000}}))
        assert saver._timer.interval() == 500  # the copy is due 5 s after the first unsaved edit
    finally:
        saver.stop()


class _Clock:
    """Stands in for the autosaver's QElapsedTimer, so the test sets the time instead of waiting."""

    def __init__(self, now: list[int]) -> None:
        self._now, self._valid = now, False

    def isValid(self) -> bool:  # noqa: N802
        return self._valid

    def start(self) -> None:
        self._valid = True

    def invalidate(self) -> None:
        self._valid = False

    def elapsed(self) -> int:
        return self._now[0]


def test_the_restore_question_gives_the_time_to_the_second_and_what_changed(shell_env, tmp_path) -> None:  # noqa: ANN001
    path = write_map(tmp_path / "lib.wardley.json")
    editor = EditorDocument.open(path)
    document = editor.document
    document.set_elements({"catalogue": {"evolution": 0.93}})
    document.add_element("Payments", 0.8, 0.3)
    document.add_element("Identity", 0.7, 0.2)
    recovered = RecoveredMap(tmp_path / "x", document.map, path, "json", "2026-12-03T16:41:07Z")
    line = recovered.describe()
    assert re.search(r"\d\d:\d\d:\d\d", line), line
    assert "2 elements added" in line and "1 element moved" in line and "link" not in line
    document.replace_collection("accelerators", [Accelerator(id="print", name="printing", evolution=0.5,
                                                             visibility=0.5, negative=True)])
    document.add_note("Crews re-key reports", 0.4, 0.4)
    line = RecoveredMap(tmp_path / "x", document.map, path, "json", "2026-12-03T16:41:07Z").describe()
    assert "1 accelerator added" in line and "1 note added" in line, line
    untitled = RecoveredMap(tmp_path / "x", document.map, None, "json", "2026-12-03T16:41:07Z")
    assert f"{len(document.map.elements)} elements" in untitled.describe()

"""Helpers for the shell tests: an isolated settings and recovery area, windows over the real canvas."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from wardley.io import dump_json_map
from wardley.model import WardleyMap
from wardley.ui.windows import WindowManager


@pytest.fixture
def shell_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Recovery files and settings under tmp_path, never the user's own."""
    monkeypatch.setenv("WARDLEY_RECOVERY_DIR", str(tmp_path / "recovery"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path


@pytest.fixture
def manager(qtbot, shell_env: Path) -> Iterator[WindowManager]:  # noqa: ANN001 - qtbot
    windows = WindowManager()
    yield windows
    for window in list(windows.windows):
        window.editor.undo_stack.setClean()  # no unsaved-changes question while tearing down
        window.close()


def small_map() -> WardleyMap:
    return WardleyMap.model_validate({
        "title": "Library",
        "elements": [
            {"id": "resident", "kind": "user", "name": "Resident", "evolution": 0.5, "visibility": 0.95},
            {"id": "borrow", "kind": "need", "name": "Borrow a book", "evolution": 0.5, "visibility": 0.8},
            {"id": "catalogue", "name": "Catalogue", "evolution": 0.6, "visibility": 0.5},
            {"id": "lms", "name": "Library management system", "evolution": 0.7, "visibility": 0.3},
        ],
        "links": [{"source": "resident", "target": "borrow"}, {"source": "borrow", "target": "catalogue"}],
    })


def write_map(path: Path, wardley_map: WardleyMap | None = None) -> Path:
    path.write_text(dump_json_map(wardley_map or small_map()), encoding="utf-8")
    return path


def saved_elements(path: Path) -> dict[str, dict]:
    return {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))["elements"]}


def when_modal(callback: Callable[[QWidget], None], give_up_ms: int = 10_000) -> None:
    """Run ``callback(dialog)`` once a modal dialog is up, then make sure it closes.

    A dialog left open would block its ``exec()`` and hang the whole test run, so
    whatever ``callback`` does (or if it fails), the dialog is rejected afterwards,
    and a dialog that never turns up ends the wait after ``give_up_ms``.
    """
    timer = QTimer()
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        waited[0] += 20
        if dialog is None and waited[0] < give_up_ms:
            return
        timer.stop()
        if dialog is None:
            return
        try:
            callback(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()  # type: ignore[attr-defined]

    timer.timeout.connect(poll)
    timer.start(20)
    _timers.append(timer)  # kept alive until the dialog is handled


_timers: list[QTimer] = []

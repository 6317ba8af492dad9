"""Lines typed in the OWM text panel keep their text when the map changes elsewhere, in the real
program in a real X window (issue 13, point 3).

Opens the panel (Ctrl+Shift+O), clicks into it and types three lines of one's own (a component
with no position, odd spacing), then adds a component and a link on the capture line (Ctrl+E).
The panel's text is then copied (Ctrl+A, Ctrl+C) and read from the X clipboard by a small Qt
program on the same display. Reuses the helpers of ``test_real_window.py``; needs Xvfb and xdotool.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_real_window import App, wait_for, window_env, x_display, xdotool  # noqa: F401 - x_display is a fixture
from tests.e2e.test_workshop_window import geometry

pytestmark = pytest.mark.e2e

TYPED = ["component Hosting", "component   Council website [0.62, 0.7]", "Council website->Hosting"]
READ_CLIPBOARD = (
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "print(app.clipboard().text(), end='')\n"
)


def clipboard(env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", READ_CLIPBOARD], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_typed_lines_stay_as_typed_when_the_capture_line_adds_to_the_map(x_display: str, tmp_path: Path) -> None:
    map_file = tmp_path / "pothole.wardley.json"
    map_file.write_text('{"format": "wardley-map", "version": 1, "title": "Report a pothole"}\n', encoding="utf-8")
    env = window_env(x_display, tmp_path, geometry=True)

    def keys(*chords: str) -> None:
        for chord in chords:
            xdotool(x_display, "key", "--clearmodifiers", chord)

    app = App([str(map_file)], env)
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid)).splitlines()[0]
        wait_for("the window title", lambda: xdotool(x_display, "getwindowname", window).startswith(map_file.name))
        alone = wait_for("the canvas width", lambda: app.canvas_widths[-1:])[0]
        xdotool(x_display, "windowfocus", "--sync", window)
        keys("ctrl+shift+o")
        wait_for("the OWM text panel to open", lambda: app.canvas_widths[-1][0] < alone[0])
        # The panel docks on the left, the canvas to its right: click into the panel's text.
        x, y, width, _ = geometry(x_display, window)
        canvas, whole = app.canvas_widths[-1]
        xdotool(x_display, "mousemove", "--sync", str(x + (whole - canvas) // 3), str(y + 200))
        xdotool(x_display, "click", "1")
        keys("ctrl+End")
        for line in TYPED:
            keys("Return")
            xdotool(x_display, "type", "--delay", "15", line)
        keys("Return")  # the last line is finished: applied
        wait_for("the typed lines to reach the map", lambda: "*" in xdotool(x_display, "getwindowname", window))
        keys("ctrl+e")
        xdotool(x_display, "type", "--delay", "15", "Council website -> Document store product")
        keys("Return")
        xdotool(x_display, "mousemove", "--sync", str(x + (whole - canvas) // 3), str(y + 200))
        xdotool(x_display, "click", "1")

        def copied() -> str | None:
            keys("ctrl+a", "ctrl+c")
            text = clipboard(env)
            return text if "Document store" in text else None

        text = wait_for("the panel's text to show the capture", copied)
    finally:
        app.stop()

    lines = text.split("\n")
    assert lines[0] == "title Report a pothole", lines
    typed_at = lines.index(TYPED[0])
    assert lines[typed_at:typed_at + 2] == TYPED[:2], "the typed components' lines are as typed"
    assert lines[typed_at + 2].startswith("component Document store ["), "the new component after the last one"
    assert lines[typed_at + 3:typed_at + 5] == [TYPED[2], "Council website->Document store"], lines
    assert not any("wardley:" in line for line in lines), "no id comment appears on any line"

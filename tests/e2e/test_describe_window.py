"""File > Export > Describe Map in the real program, in a real X window, driven by the keyboard."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import MAPS
from tests.e2e.test_real_window import App, wait_for, window_env, x_display, xdotool  # noqa: F401 - x_display is a fixture
from tests.e2e.test_workshop_window import geometry, screenshot

pytestmark = pytest.mark.e2e


def _appears(display: str, name: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _visible(display, name):
            return True
        time.sleep(0.1)
    return False


def _visible(display: str, name: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], env={**os.environ, "DISPLAY": display},
                           capture_output=True, text=True, timeout=30)
    return bool(found.stdout.strip())


def test_describe_map_opens_from_the_file_menu_and_shows_the_text(x_display: str, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor

    map_file = tmp_path / "household-waste.wardley.json"
    shutil.copy(MAPS / map_file.name, map_file)
    env = window_env(x_display, tmp_path)
    app = App([str(map_file)], env)
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid)).splitlines()[0]
        wait_for("the window to be laid out", lambda: geometry(x_display, window)[2] > 400)
        # File (Alt+F) > Export (E) > Describe Map (D), as a keyboard user reaches it. On a busy
        # machine the menu may open after the letters were typed: then close it and try again.
        for _attempt in range(4):
            xdotool(x_display, "windowfocus", "--sync", window)
            xdotool(x_display, "key", "--clearmodifiers", "alt+f")
            xdotool(x_display, "key", "--delay", "400", "e", "d")
            if _appears(x_display, "^Describe Map$", seconds=10):
                break
            xdotool(x_display, "key", "Escape", "Escape", "Escape")
        dialog = xdotool(x_display, "search", "--sync", "--onlyvisible", "--name", "^Describe Map$").splitlines()[0]
        x, y, width, height = wait_for("the dialog to be laid out",
                                       lambda: (lambda g: g if g[2] > 300 else None)(geometry(x_display, dialog)))
        shot = screenshot(x_display, tmp_path / "describe.png")
        # The description is drawn: many dark text pixels inside the dialog's text box area.
        dark = sum(
            1
            for py in range(y + 40, y + height - 60, 2)
            for px in range(x + 20, x + width - 20, 2)
            if QColor(shot.pixel(px, py)).lightness() < 100
        )
        assert dark > 400, f"expected the description's text in the dialog, found {dark} dark pixels"
        xdotool(x_display, "windowfocus", "--sync", dialog)
        xdotool(x_display, "key", "--clearmodifiers", "Escape")
        wait_for("the dialog to close", lambda: not _visible(x_display, "^Describe Map$"))
        assert "*" not in xdotool(x_display, "getwindowname", window)  # describing changes nothing
    finally:
        app.stop()

"""The workshop features in the real program, in a real X window under Xvfb.

F5 (pressed with xdotool) makes the window cover the screen with no menus; Escape
puts it back to its old size. Ctrl+Shift+D then Enter compares the latest
snapshot of a file holding two snapshots with the current map, and a screenshot
shows the comparison's arrows (their blue) where the plain map has far less.
Reuses the helpers of ``test_real_window.py``; needs Xvfb, xdotool and ImageMagick.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_real_window import App, wait_for, window_env, x_display, xdotool  # noqa: F401 - x_display is a fixture

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).resolve().parents[1] / "ui" / "workshop" / "fixtures" / "coaching-sessions.wardley.json"


def geometry(display: str, window: str) -> tuple[int, int, int, int]:
    """(x, y, width, height) of ``window`` as X sees it."""
    values = dict(
        line.split("=", 1) for line in xdotool(display, "getwindowgeometry", "--shell", window).splitlines() if "=" in line
    )
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def screenshot(display: str, path: Path):  # noqa: ANN201 - a QImage
    from PySide6.QtGui import QImage

    subprocess.run(["import", "-window", "root", str(path)], env={**os.environ, "DISPLAY": display},
                   check=True, timeout=30, capture_output=True)
    image = QImage(str(path))
    assert not image.isNull(), f"could not read the screenshot {path}"
    return image


def count_pixels(image, wanted: tuple[int, int, int], tolerance: int = 40, step: int = 2) -> int:  # noqa: ANN001
    """Pixels within ``tolerance`` (each channel) of the colour ``wanted``, sampled every ``step`` pixels."""
    from PySide6.QtGui import QColor

    found = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - wanted[0]) <= tolerance and abs(c.green() - wanted[1]) <= tolerance and abs(c.blue() - wanted[2]) <= tolerance:
                found += 1
    return found


def is_menu_grey(image, x: int, y: int) -> bool:  # noqa: ANN001
    from PySide6.QtGui import QColor

    c = QColor(image.pixel(x, y))
    return c.lightness() < 250 and max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) < 12


def test_presentation_mode_and_snapshot_comparison_in_a_real_window(x_display: str, tmp_path: Path) -> None:
    from wardley.render.comparison import MOVED_COLOUR

    map_file = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, map_file)
    before_bytes = map_file.read_bytes()
    env = window_env(x_display, tmp_path)
    screen = tuple(int(v) for v in xdotool(x_display, "getdisplaygeometry").split())
    app = App([str(map_file)], env)
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid)).splitlines()[0]
        normal = wait_for("the window to settle at its normal size",
                          lambda: (lambda g: g if g[2:] != screen and g[2] > 400 else None)(geometry(x_display, window)))
        normal_shot = screenshot(x_display, tmp_path / "normal.png")
        x0, y0 = normal[0] + 8, normal[1] + 8
        assert is_menu_grey(normal_shot, x0, y0), "expected the menu bar at the window's top left"

        # -- presentation mode: F5 in, Escape out --------------------------------------------
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "F5")
        wait_for("the window to cover the screen", lambda: geometry(x_display, window) == (0, 0, *screen))
        presenting = wait_for(
            "the menu bar to go",
            lambda: (lambda shot: shot if not is_menu_grey(shot, 8, 8) else None)(screenshot(x_display, tmp_path / "present.png")),
        )
        assert presenting.width() == screen[0]
        xdotool(x_display, "key", "--clearmodifiers", "Escape")
        wait_for("the window to return to its old place and size", lambda: geometry(x_display, window) == normal)
        wait_for("the menu bar to come back", lambda: is_menu_grey(screenshot(x_display, tmp_path / "back.png"), x0, y0))

        # -- comparison: Ctrl+Shift+D, Enter (latest snapshot -> current map) ------------------
        blue = tuple(int(MOVED_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
        plain_blue = count_pixels(normal_shot, blue)
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "ctrl+shift+d")
        dialog = xdotool(x_display, "search", "--sync", "--onlyvisible", "--name", "^Compare maps$").splitlines()[0]
        xdotool(x_display, "windowfocus", "--sync", dialog)
        xdotool(x_display, "key", "--clearmodifiers", "Return")
        compared = wait_for(
            "the comparison arrows to be drawn",
            lambda: (lambda shot: shot if count_pixels(shot, blue) > plain_blue + 300 else None)(
                screenshot(x_display, tmp_path / "compare.png")),
        )
        assert count_pixels(compared, blue) > plain_blue + 300
        # Escape gives the plain map back.
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "Escape")
        wait_for("the comparison to close",
                 lambda: count_pixels(screenshot(x_display, tmp_path / "closed.png"), blue) < plain_blue + 100)
        assert "*" not in xdotool(x_display, "getwindowname", window)  # nothing to save: the map is untouched
    finally:
        app.stop()
    assert map_file.read_bytes() == before_bytes

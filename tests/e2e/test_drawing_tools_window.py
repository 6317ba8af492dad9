"""The drawing tools in a real window, as a facilitator uses them: Ctrl+8 and a mouse drag
draw a settlers box, Ctrl+5, a click and typed text place annotation 1, Ctrl+S saves.
The saved file must hold the box over the dragged span and the numbered annotation.
Reuses the helpers of ``test_real_window.py``; needs Xvfb, xdotool and ImageMagick.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_real_window import App, wait_for, window_env, x_display, xdotool  # noqa: F401 - x_display is a fixture

pytestmark = pytest.mark.e2e

#: Two elements far apart: their reported screen centres give the map's scale both ways.
MAP = {
    "format": "wardley-map", "version": 1, "title": "Drawing tools",
    "elements": [
        {"id": "resident", "name": "Resident", "kind": "user", "evolution": 0.1, "visibility": 0.9},
        {"id": "hosting", "name": "Hosting", "kind": "component", "evolution": 0.9, "visibility": 0.1},
    ],
    "links": [{"source": "resident", "target": "hosting"}],
}
BOX = (0.35, 0.75, 0.65, 0.3)  # left, top, right, bottom: over Custom-built and Product
NOTE_AT = (0.2, 0.45)
NOTE_TEXT = "Each council buys its own hosting"


def test_draw_a_settlers_box_and_place_an_annotation_then_save(x_display: str, tmp_path: Path) -> None:
    map_file = tmp_path / "tools.wardley.json"
    map_file.write_text(json.dumps(MAP), encoding="utf-8")
    env = window_env(x_display, tmp_path, geometry=True)
    app = App([str(map_file)], env)
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid)).splitlines()[0]
        centres = app.element_centres()
        (x1, y1), (x2, y2) = centres["resident"], centres["hosting"]

        def screen(evolution: float, visibility: float) -> tuple[str, str]:
            x = x1 + (evolution - 0.1) * (x2 - x1) / 0.8
            y = y1 + (visibility - 0.9) * (y2 - y1) / -0.8
            return str(round(x)), str(round(y))

        def key(keys: str) -> None:
            xdotool(x_display, "windowfocus", "--sync", window)
            xdotool(x_display, "key", "--clearmodifiers", keys)

        left, top, right, bottom = BOX
        key("ctrl+8")  # the settlers box tool
        xdotool(x_display, "mousemove", "--sync", *screen(left, top))
        xdotool(x_display, "mousedown", "1")
        for step in range(1, 11):  # several moves, as a hand makes, so Qt sees a drag
            t = step / 10
            xdotool(x_display, "mousemove", "--sync", *screen(left + (right - left) * t, top + (bottom - top) * t))
        xdotool(x_display, "mouseup", "1")
        wait_for("the title to show unsaved changes", lambda: "*" in xdotool(x_display, "getwindowname", window))

        key("ctrl+5")  # the annotation tool
        xdotool(x_display, "mousemove", "--sync", *screen(*NOTE_AT))
        xdotool(x_display, "click", "1")
        xdotool(x_display, "type", "--delay", "15", NOTE_TEXT)
        shot = tmp_path / "typing-annotation.png"
        subprocess.run(["import", "-window", "root", str(shot)], env={**os.environ, "DISPLAY": x_display},
                       check=True, timeout=30)
        xdotool(x_display, "key", "--clearmodifiers", "Return")
        shot = tmp_path / "after-tools.png"
        subprocess.run(["import", "-window", "root", str(shot)], env={**os.environ, "DISPLAY": x_display},
                       check=True, timeout=30)
        assert shot.stat().st_size > 10_000
        if os.environ.get("WARDLEY_KEEP_SHOTS"):  # to look at them by eye
            for name in ("typing-annotation.png", "after-tools.png"):
                Path(os.environ["WARDLEY_KEEP_SHOTS"], name).write_bytes((tmp_path / name).read_bytes())

        key("ctrl+s")
        saved = wait_for(
            "the box and the annotation to be saved",
            lambda: (lambda d: d if d.get("annotations") else None)(json.loads(map_file.read_text(encoding="utf-8"))),
        )
        wait_for("the unsaved mark to go", lambda: "*" not in xdotool(x_display, "getwindowname", window))
    finally:
        app.stop()

    [box] = saved["attitudes"]
    assert box["kind"] == "settlers"
    for edge, expected in zip(("left", "top", "right", "bottom"), BOX, strict=True):
        assert box[edge] == pytest.approx(expected, abs=0.02), edge
    [annotation] = saved["annotations"]
    assert (annotation["number"], annotation["text"]) == (1, NOTE_TEXT)
    [point] = annotation["positions"]
    assert (point["evolution"], point["visibility"]) == (pytest.approx(NOTE_AT[0], abs=0.02), pytest.approx(NOTE_AT[1], abs=0.02))
    assert [e["id"] for e in saved["elements"]] == ["resident", "hosting"]

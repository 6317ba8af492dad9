"""The review loop in the real program, in a real X window under Xvfb: open the analysis dock
(Ctrl+Shift+A), analyse the map's folder (Alt+D, Enter in the folder dialog), accept the
suggested merge (Alt+A), and find the decision in the folder's aliases file, which the command
line then reads. Reuses the helpers of ``test_real_window.py``; needs Xvfb, xdotool and ImageMagick."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.test_real_window import App, wait_for, window_env, x_display, xdotool  # noqa: F401 - x_display is a fixture
from tests.e2e.test_workshop_window import screenshot

pytestmark = pytest.mark.e2e

EVAL = Path(__file__).resolve().parents[1] / "analysis" / "eval_library"


def test_accepting_a_suggested_merge_in_a_real_window(x_display: str, tmp_path: Path) -> None:
    from wardley.analysis import ALIASES_FILE_NAME, analyse_library

    folder = tmp_path / "library"
    shutil.copytree(EVAL, folder)
    aliases = folder / ALIASES_FILE_NAME
    env = window_env(x_display, tmp_path)
    app = App([str(folder / "riverton-planning.wardley.json")], env)
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid)).splitlines()[0]
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "ctrl+shift+a")
        xdotool(x_display, "key", "--clearmodifiers", "alt+d")
        dialog = xdotool(x_display, "search", "--sync", "--onlyvisible", "--name", "^Analyse a folder of maps$")
        xdotool(x_display, "windowfocus", "--sync", dialog.splitlines()[0])
        xdotool(x_display, "key", "--clearmodifiers", "Return")  # the dialog opens on the map's own folder
        wait_for("the folder dialog to close", lambda: not _visible(x_display, "^Analyse a folder of maps$"))
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "alt+a")
        saved = wait_for("the aliases file", lambda: json.loads(aliases.read_text(encoding="utf-8"))
                         if aliases.exists() else None)
        shot = screenshot(x_display, tmp_path / "after-accept.png")
        assert shot.width() > 0
    finally:
        app.stop()
    assert saved["merges"] == {"Document storage": ["Documnet management"]}
    # the command line picks the room's decision up from the folder
    report = analyse_library([folder])
    assert "Documnet management" in {p.name for p in report.capability("Document storage").placements}
    assert report.suggested_merges == []


def _visible(display: str, name: str) -> bool:
    import subprocess

    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                            env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=30)
    return bool(result.stdout.strip())

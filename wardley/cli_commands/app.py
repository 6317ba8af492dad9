"""``wardley [FILE...]``: the desktop app. Qt is imported only once a window can be shown."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

#: Platforms that draw without a display server (tests, screenshots, VNC).
_SERVERLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(env: Mapping[str, str]) -> str | None:
    """Why no window can be opened, or None when one can."""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform.startswith(_SERVERLESS) or sys.platform in ("darwin", "win32"):
        return None
    wants_x = not platform or platform == "xcb"
    wants_wayland = not platform or platform.startswith("wayland")
    if (wants_x and env.get("DISPLAY")) or (wants_wayland and env.get("WAYLAND_DISPLAY")):
        return None
    return "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)"


def run_app(argv: list[str]) -> int:
    from wardley.cli import EXIT_BAD_INPUT
    from wardley.io.files import format_of
    from wardley.io.problems import MapFileError

    paths = [Path(arg) for arg in argv]
    for path in paths:
        if not path.exists():
            try:
                format_of(path)
            except MapFileError:
                # Neither a file nor a map name: most likely a mistyped command.
                print(f"wardley: unknown command or file {str(path)!r} (see 'wardley --help')", file=sys.stderr)
                return EXIT_BAD_INPUT
            print(f"wardley: {path}: no such file", file=sys.stderr)
            return EXIT_BAD_INPUT
    problem = display_problem(os.environ)
    if problem:
        # No window can show a file's error dialog: a bad file is named here instead.
        from wardley.io.files import load_map

        for path in paths:
            try:
                load_map(path)
            except MapFileError as error:
                print(f"wardley: {error.summary()}", file=sys.stderr)
                return EXIT_BAD_INPUT
        print(f"wardley: {problem}; to make a picture of a map without one, use 'wardley export'", file=sys.stderr)
        return EXIT_BAD_INPUT
    from wardley.ui.app import run

    return run(paths)

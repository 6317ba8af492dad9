"""``wardley`` with no display says so in one line instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

from wardley.cli_commands.app import display_problem


def _run(args: list[str], env_changes: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-m", "wardley", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_no_display_gives_one_line_and_exit_2() -> None:
    result = _run([], {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "wardley export" in lines[0]
    assert result.stdout == ""


def test_a_missing_file_is_one_line_before_any_window() -> None:
    result = _run(["nowhere.wardley.json"], {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None})
    assert result.returncode == 2
    assert result.stderr.strip() == "wardley: nowhere.wardley.json: no such file"


def test_a_mistyped_command_is_not_taken_for_a_file() -> None:
    result = _run(["vaildate"], {"DISPLAY": None})
    assert result.returncode == 2 and "unknown command or file 'vaildate'" in result.stderr


def test_which_environments_count_as_having_a_display() -> None:
    assert display_problem({}) is not None
    assert display_problem({"DISPLAY": ":1"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}) is not None

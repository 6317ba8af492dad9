"""Shared helpers for the workshop tests: windows over the real canvas, the coaching fixture."""

from __future__ import annotations

from pathlib import Path

from tests.ui.shell_support import manager, shell_env  # noqa: F401 - fixtures re-exported

FIXTURES = Path(__file__).parent / "fixtures"
#: The council coaching map with snapshots "after session 1" and "after session 2".
COACHING = FIXTURES / "coaching-sessions.wardley.json"

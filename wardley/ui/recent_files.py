"""The File > Open Recent list, kept in the user's settings (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "recent_files"
MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings("wardley", "wardley")


def recent_files() -> list[Path]:
    value = settings().value(_KEY, [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-item list
        value = [value]
    if not isinstance(value, (list, tuple)):  # none yet (some backends give None), or not ours
        return []
    return [Path(v) for v in value if isinstance(v, str) and v]


def remember_file(path: Path) -> None:
    path = path.absolute()
    paths = [path, *(p for p in recent_files() if p != path)][:MAX_RECENT]
    settings().setValue(_KEY, [str(p) for p in paths])

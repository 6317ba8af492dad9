"""The File > Open Recent list and the folder last used, kept in the user's settings (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "recent_files"
_FOLDER_KEY = "last_folder"
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
    remember_folder(path.parent)


def remember_folder(folder: Path) -> None:
    """Where the user last opened, saved or exported: the next dialog for an unsaved map starts there."""
    settings().setValue(_FOLDER_KEY, str(folder.absolute()))


def last_folder() -> Path | None:
    value = settings().value(_FOLDER_KEY, "")
    if not isinstance(value, str) or not value:
        return None
    folder = Path(value)
    return folder if folder.is_dir() else None

"""One open map: the model, its undo stack, where it lives on disk and in which format.

"Modified" is the undo stack's clean state and nothing else, so undoing back to
the last save makes the map clean again, as in every other editor.
"""

from __future__ import annotations

import hashlib
import itertools

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from wardley.io import MapFileError, Problem, load_map, save_map
from wardley.io.files import FileFormat, format_of
from wardley.model import MapDocument, WardleyMap

UNTITLED = "Untitled"
_untitled_numbers = itertools.count(1)


def _file_state(path: Path | None) -> tuple[int, int, int, bytes] | None:
    """(modified time, size, inode, content hash) of the file at ``path``, or None if there is none.

    The hash catches what the rest cannot: a rewrite of the same size whose modification
    time was put back (a sync tool, or an editor keeping times)."""
    if path is None:
        return None
    try:
        info = path.stat()
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino, digest.digest()


def _next_untitled_name() -> str:
    number = next(_untitled_numbers)
    return UNTITLED if number == 1 else f"{UNTITLED} {number}"


class EditorDocument(QObject):
    #: The file the map is saved to changed (save as, first save, revert target).
    path_changed = Signal()
    #: True when the map has changes not yet saved.
    modified_changed = Signal(bool)

    def __init__(
        self,
        wardley_map: WardleyMap | None = None,
        path: Path | None = None,
        file_format: FileFormat = "json",
        warnings: list[Problem] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = MapDocument(wardley_map)
        self.undo_stack = QUndoStack(self)
        self.path = path
        #: Until it is saved: "Untitled", then "Untitled 2"... so new windows can be told apart.
        self._untitled_name = _next_untitled_name() if path is None else UNTITLED
        self.file_format: FileFormat = file_format
        #: The file as it was when this map last matched it (read or written here).
        self._disk_state = _file_state(path)
        #: What an OWM import read in a guessed way or skipped; shown once after opening.
        self.warnings: list[Problem] = list(warnings or [])
        # A bound slot, not a lambda: Qt drops it when this object dies, while the
        # dying stack still announces its clearing.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- creating ------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> EditorDocument:
        """Load a map file; raises :class:`MapFileError` naming the file and every problem."""
        loaded = load_map(path)
        return cls(loaded.map, Path(path).absolute(), loaded.format, loaded.warnings)

    @classmethod
    def untitled_copy(cls, path: str | Path) -> EditorDocument:
        """A file's map as a new, unsaved document: the first save asks where to put it."""
        loaded = load_map(path)
        return cls(loaded.map)

    @Slot(bool)
    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- state ---------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_modified(self) -> None:
        """Dirty without an undo step (a map restored after a crash has never been saved)."""
        self.undo_stack.resetClean()

    def changed_on_disk(self) -> bool:
        """Whether something else (another program or window) changed the file since this
        map last matched it: saving would then replace those changes."""
        if self.path is None or self._disk_state is None:
            return False
        now = _file_state(self.path)
        return now is not None and now != self._disk_state

    @property
    def display_name(self) -> str:
        return self.path.name if self.path is not None else self._untitled_name

    # -- saving --------------------------------------------------------
    def save(self, path: str | Path | None = None) -> None:
        """Save atomically to ``path`` (or the current file); the format follows the name.

        Raises :class:`MapFileError` (and stays modified) if the file cannot be written.
        """
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise MapFileError.single(self.display_name, "has no file yet: use Save As")
        file_format = format_of(target)
        save_map(target, self.document.map, file_format)
        moved = target != self.path
        self.path, self.file_format = target, file_format
        self._disk_state = _file_state(target)
        self.undo_stack.setClean()
        if moved:
            self.path_changed.emit()

    def revert(self) -> None:
        """Throw away unsaved changes by reading the file again (not undoable)."""
        if self.path is None:
            raise MapFileError.single(self.display_name, "has never been saved, so there is nothing to revert to")
        loaded = load_map(self.path)
        # Clear first: the old commands refer to elements the fresh map may not have.
        self.undo_stack.clear()
        self.document.replace_map(loaded.map)
        self.file_format = loaded.format
        self._disk_state = _file_state(self.path)
        self.warnings = list(loaded.warnings)
        self.undo_stack.setClean()

"""Crash recovery: unsaved maps are copied to a recovery folder a moment after each edit.

Each open map with unsaved changes owns one recovery file, holding the map and
where it came from. A clean save or a discard removes the file, so whatever is
left in the folder when the app starts belongs to a session that died (killed,
crashed, power cut) and is offered back. A file whose owning process is still
running (another wardley window open right now) is left alone: the session that
writes a recovery file holds a QLockFile beside it for as long as it runs, and
Qt tells a lock held by a live process from one left by a dead one on every OS.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QLockFile, QObject, QStandardPaths, QTimer, Signal

from wardley.io.atomic import write_atomically
from wardley.io.files import FileFormat, load_map
from wardley.io.json_format import dump_json_map, map_from_data
from wardley.io.problems import MapFileError
from wardley.model import WardleyMap
from wardley.model.compare import compare_maps
from wardley.wording import counted
from wardley.ui.editor_document import EditorDocument

#: Tests (and anyone who wants recovery elsewhere) point this at another folder.
FOLDER_ENV = "WARDLEY_RECOVERY_DIR"
#: The copy is written this long after the last edit (a burst of edits is one write) ...
AUTOSAVE_DELAY_MS = 2_000
#: ... but never later than this after the first edit not yet copied, however busy the room.
AUTOSAVE_MAX_WAIT_MS = 5_000
SUFFIX = ".wardley-recovery.json"
RECORD_FORMAT = "wardley-recovery"

#: Recovery files owned by autosavers alive in this process, which must never be
#: offered back to this same process.
_live_files: set[Path] = set()


def recovery_folder() -> Path:
    override = os.environ.get(FOLDER_ENV)
    if override:
        return Path(override)
    # The OS's own place for state that outlives a session, as Qt knows it on each system (the
    # XDG state folder on Linux, the local application data folder on Windows).
    locations = QStandardPaths.StandardLocation
    state = QStandardPaths.writableLocation(locations.GenericStateLocation) or QStandardPaths.writableLocation(
        locations.GenericDataLocation
    )
    return Path(state or Path.home()) / "wardley" / "recovery"


def _lock_for(file: Path) -> QLockFile:
    """The lock a running session holds beside its recovery file (``NAME.wardley-recovery.lock``)."""
    lock = QLockFile(str(file.with_suffix(".lock")))
    # Held for a whole session, so never judged stale by age: only a dead owner makes it stale.
    lock.setStaleLockTime(0)
    return lock


@dataclass
class RecoveredMap:
    file: Path
    map: WardleyMap
    #: The file the map was opened from, if it had one.
    original: Path | None
    file_format: FileFormat
    saved_at: str

    @property
    def display_name(self) -> str:
        return self.original.name if self.original else "Untitled"

    def describe(self) -> str:
        """One line for the restore question: file, map title, when it was last copied (to
        the second) and what it holds that the file does not (counts)."""
        try:
            when = datetime.strptime(self.saved_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            stamp = when.astimezone().strftime("%d %b %Y, %H:%M:%S")
        except ValueError:
            stamp = "an unknown time"
        return f"{self.display_name} \u2014 \u201c{self.map.title}\u201d (changes up to {stamp}: {self.what_changed()})"

    def what_changed(self) -> str:
        """Counts of what restoring would bring back, against the file as it is on disk now."""
        if self.original is None:
            return f"never saved; {counted(len(self.map.elements), 'element')}, {counted(len(self.map.links), 'link')}"
        try:
            on_disk = load_map(self.original).map
        except (OSError, MapFileError):
            return f"{self.original.name} cannot be read now; {counted(len(self.map.elements), 'element')}"
        diff = compare_maps(on_disk, self.map)
        words = [f"{counted(len(changes), 'element')} {what}" for what, changes in (
            ("added", diff.added), ("removed", diff.removed), ("moved", diff.moved),
            ("renamed", diff.renamed), ("changed", diff.changed)) if changes]
        words += [f"{counted(len(changes), 'link')} {what}" for what, changes in (
            ("added", diff.links_added), ("removed", diff.links_removed)) if changes]
        if diff.evolves:
            words.append(f"{counted(len(diff.evolves), 'evolve arrow')} changed")
        # The compare covers elements and links; the room's notes and drawings are worth
        # naming too, or a restored deaccelerator goes unmentioned.
        for collection, noun in _OTHER_THINGS:
            before, after = getattr(on_disk, collection), getattr(self.map, collection)
            if len(after) > len(before):
                words.append(f"{counted(len(after) - len(before), noun)} added")
            elif len(after) < len(before):
                words.append(f"{counted(len(before) - len(after), noun)} removed")
            elif after != before:
                words.append(f"{noun}s changed")
        return ", ".join(words) or "no differences from the file"

    def to_editor(self) -> EditorDocument:
        """An editor on the recovered map, marked unsaved, saving to the original file."""
        editor = EditorDocument(self.map, self.original, self.file_format)
        editor.mark_modified()
        return editor


#: What else a recovery copy can bring back, as the restore question names it.
_OTHER_THINGS = (
    ("notes", "note"), ("annotations", "annotation"), ("accelerators", "accelerator"),
    ("attitudes", "attitude box"), ("pipelines", "pipeline"),
)


def _owner_running(file: Path) -> bool:
    """Whether a running wardley session holds this recovery file's lock."""
    lock = _lock_for(file)
    if lock.tryLock(0):
        lock.unlock()  # nobody held it, or its holder died: removes the lock file
        return False
    return lock.error() == QLockFile.LockError.LockFailedError


def _read_record(file: Path) -> RecoveredMap:
    data = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        raise ValueError("not a recovery record")
    original = data.get("original")
    file_format = data.get("file_format", "json")
    return RecoveredMap(
        file=file,
        map=map_from_data(data["map"], str(file)),
        original=Path(original) if isinstance(original, str) else None,
        file_format=file_format if file_format in ("json", "owm", "mermaid", "markdown") else "json",
        saved_at=str(data.get("saved_at", "")),
    )


def orphaned_recoveries(folder: Path | None = None) -> list[RecoveredMap]:
    """Maps left behind by sessions that are no longer running, newest first."""
    folder = folder or recovery_folder()
    found: list[RecoveredMap] = []
    for file in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        if file in _live_files:
            continue
        try:
            if _owner_running(file):
                continue
            found.append(_read_record(file))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, MapFileError):
            continue  # unreadable leftovers are not worth a dialog; they stay for a human to inspect
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


def discard_recovery(recovered: RecoveredMap) -> None:
    recovered.file.unlink(missing_ok=True)
    recovered.file.with_suffix(".lock").unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes one editor's map to its recovery file while it has unsaved changes."""

    #: The recovery copy could not be written (said once, until a copy succeeds again).
    failed = Signal(str)

    def __init__(
        self,
        editor: EditorDocument,
        file: Path | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        max_wait_ms: int = AUTOSAVE_MAX_WAIT_MS,
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self.file = file or recovery_folder() / f"{uuid.uuid4().hex}{SUFFIX}"
        _live_files.add(self.file)
        #: Taken with the first copy (the folder may not exist before) and held until stopped.
        self._lock: QLockFile | None = None
        self.delay_ms = delay_ms
        self.max_wait_ms = max(max_wait_ms, delay_ms)
        # Debounced: a fixed period loses up to a whole period of work to a crash; this
        # loses at most the last few seconds, and a burst of edits costs one write.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.autosave_now)
        #: Time since the first edit the recovery copy does not hold yet.
        self._pending_since = QElapsedTimer()
        editor.modified_changed.connect(self._on_modified_changed)
        #: Anything changed since the last copy? A big map's copy takes a noticeable
        #: moment on the UI thread, so an idle map is not copied again and again.
        self._changed_since_copy = True
        self._failing = False
        editor.document.changed.connect(self._on_document_changed)
        if editor.is_modified:
            self._schedule()

    @property
    def pending(self) -> bool:
        """Whether a copy is waiting to be written."""
        return self._timer.isActive()

    def _schedule(self) -> None:
        if not self._pending_since.isValid():
            self._pending_since.start()
        left = self.max_wait_ms - self._pending_since.elapsed()
        self._timer.start(max(0, min(self.delay_ms, left)))

    def _on_document_changed(self, _change: object) -> None:
        self._changed_since_copy = True
        self._schedule()

    def autosave_now(self) -> None:
        """Write the recovery file now if there is anything unsaved (the timer's slot)."""
        self._timer.stop()
        self._pending_since.invalidate()
        if not self._editor.is_modified:
            self.discard()
            return
        if not self._changed_since_copy and self.file.exists():
            return
        self._changed_since_copy = False
        editor = self._editor
        record = {
            "format": RECORD_FORMAT,
            "pid": os.getpid(),
            "saved_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "original": str(editor.path) if editor.path else None,
            "file_format": editor.file_format,
            "map": json.loads(dump_json_map(editor.document.map)),
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self._hold_lock()
            write_atomically(self.file, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError as error:
            self._changed_since_copy = True  # try again after the next edit
            # Recovery is a safety net: a full disk must not interrupt the meeting with a dialog,
            # but the user should know the net is gone.
            if not self._failing:
                self._failing = True
                self.failed.emit(
                    f"Crash-recovery copies cannot be written to {self.file.parent} "
                    f"({error.strerror or error}): save often"
                )
            return
        self._failing = False

    def _hold_lock(self) -> None:
        if self._lock is None:
            lock = _lock_for(self.file)
            if lock.tryLock(0):
                self._lock = lock
            # Else the folder refuses lock files: the copy is still worth writing; another
            # session may then offer it while this one runs, which the restore question says.

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def discard(self) -> None:
        try:
            self.file.unlink(missing_ok=True)
        except OSError:
            pass  # the folder is unusable (see ``failed``): there is no copy to remove
        self._release_lock()

    def stop(self, keep_file: bool = False) -> None:
        """Stop autosaving; the file goes unless ``keep_file`` (for tests simulating a crash)."""
        self._timer.stop()
        try:
            self._editor.document.changed.disconnect(self._on_document_changed)
        except ValueError:
            pass  # stopped twice
        if not keep_file:
            self.discard()
        # With keep_file (a simulated crash) the copy stays and its lock goes: a dead owner's
        # lock file is judged stale by the next session, which is the same to it.
        self._release_lock()
        _live_files.discard(self.file)

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self._timer.stop()
            self._pending_since.invalidate()
            self.discard()  # saved (or undone back to the saved state): nothing to recover

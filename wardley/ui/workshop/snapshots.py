"""Snapshots as undo commands, and the sides a comparison can take.

A snapshot is a frozen copy of the map's content kept inside the document
("after session 3"). Saving and deleting one replace the document's snapshot
list through :class:`~wardley.ui.commands.ReplaceCollectionCommand`, so both are
undoable and the snapshot made is the same object on redo (same time stamp).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wardley.io import load_map
from wardley.model import EditError, MapContent, MapDocument
from wardley.ui.commands import ReplaceCollectionCommand


def save_snapshot_command(document: MapDocument, name: str, now: datetime | None = None) -> ReplaceCollectionCommand:
    """The command that saves the map as it is now under ``name``; EditError if the name is taken or empty."""
    snapshot = document.new_snapshot(name, now)
    return ReplaceCollectionCommand(
        document, "snapshots", [*document.map.snapshots, snapshot], f"Save snapshot {snapshot.name}"
    )


def delete_snapshots_command(document: MapDocument, names: list[str]) -> ReplaceCollectionCommand:
    doomed = set(names)
    kept = [s for s in document.map.snapshots if s.name not in doomed]
    text = f"Delete snapshot {names[0]}" if len(names) == 1 else f"Delete {len(names)} snapshots"
    return ReplaceCollectionCommand(document, "snapshots", kept, text)


def default_snapshot_name(document: MapDocument) -> str:
    """"Session N" with N one more than the snapshots so far (a coaching series' habit)."""
    taken = {s.name for s in document.map.snapshots}
    n = len(taken) + 1
    while f"Session {n}" in taken:
        n += 1
    return f"Session {n}"


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what the room is told it is, and the map content."""

    label: str
    content: MapContent


def current_side(document: MapDocument) -> Side:
    # A copy: the comparison must not follow (or be able to touch) the live map.
    return Side("the current map", document.map.content())


def snapshot_side(document: MapDocument, name: str) -> Side:
    for snapshot in document.map.snapshots:
        if snapshot.name == name:
            return Side(f"snapshot \u201c{name}\u201d", snapshot.content.model_copy(deep=True))
    raise EditError(f"no snapshot named {name!r}")


def file_side(path: Path) -> Side:
    """The current content of another map file; raises MapFileError naming the file."""
    return Side(f"file {path.name}", load_map(path).map.content())

"""Change notifications from the document to whoever mirrors it (canvas, panels)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal[
    "element_added",
    "element_removed",
    "element_changed",
    "link_added",
    "link_removed",
    "link_changed",
    "evolve_changed",
    "pipeline_changed",
    "note_added",
    "note_removed",
    "note_changed",
    "collection_changed",
    "map_changed",
    "reset",
]

#: An element or note id, a (source, target) pair for a link, or a collection name.
ChangeKey = str | tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    key: ChangeKey = None


Listener = Callable[[Change], None]


class Signal:
    """A minimal observer list; the Qt layer adapts it, the model never sees Qt."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

"""Bounds that keep a hostile or broken file from exhausting the machine."""

from __future__ import annotations

from typing import Any

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Elements, links, notes and the rest, counted together (snapshots included).
MAX_ITEMS = 100_000
#: Lines of OWM text. Every line costs time to read even when it holds nothing (a blank line,
#: a comment); a map of the largest size has an item a line, so this leaves ten lines an item.
MAX_OWM_LINES = 1_000_000

_LIST_FIELDS = ("elements", "links", "evolves", "pipelines", "notes", "annotations", "accelerators", "attitudes")


def count_items(data: dict[str, Any]) -> int:
    """Items in map data as read from JSON (before validation): what :data:`MAX_ITEMS` bounds."""
    total = 0
    for name in _LIST_FIELDS:
        value = data.get(name)
        if isinstance(value, list):
            total += len(value)
            # An annotation's points and a pipeline's members count too: a single record
            # holding millions of them costs as much as millions of records.
            for record in value:
                if isinstance(record, dict):
                    for inner in ("positions", "members"):
                        nested = record.get(inner)
                        if isinstance(nested, list):
                            total += len(nested)
    snapshots = data.get("snapshots")
    if isinstance(snapshots, list):
        total += len(snapshots)
        for snapshot in snapshots:
            content = snapshot.get("content") if isinstance(snapshot, dict) else None
            if isinstance(content, dict):
                total += count_items(content)
    return total


def too_many_items(count: int) -> str:
    return f"too large: {count:,} items by this line (at most {MAX_ITEMS:,} are read)"


class TooLarge(Exception):
    """A reader found the text past a limit before building any record."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


class TooManyItems(TooLarge):
    def __init__(self, count: int, line: int = 0) -> None:
        super().__init__(too_many_items(count), line)
        self.count = count

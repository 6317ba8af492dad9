"""Counts in words for messages people read: "1 map", "3 maps", never "map(s)"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun agreeing with it; ``plural`` where adding "s" is wrong."""
    # No thousands separator: command output with counts may be read by scripts.
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"

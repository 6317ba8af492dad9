"""Words for messages and reports people read: counts ("1 map", "3 maps", never "map(s)") and map text made safe for Markdown."""

from __future__ import annotations

import re

# With [ and ] escaped no link or image can form, so parentheses may stay as they are.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun agreeing with it; ``plural`` where adding "s" is wrong."""
    # No thousands separator: command output with counts may be read by scripts.
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def md(text: str) -> str:
    """Text from a map file as Markdown that renders as the same plain text (no links, no HTML)."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    return text.replace("<", "&lt;").replace(">", "&gt;")

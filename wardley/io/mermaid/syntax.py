"""Quoting and numbers as Mermaid's wardley-beta grammar reads them, shared by reader and writer."""

from __future__ import annotations

import json
from typing import Any

HEADER = "wardley-beta"
#: A ``%%`` comment of ours: what belongs to the statement on the next line.
META = "%% wardley:"
#: Map-wide extras (title, axis, attitudes, order...), one line after the header.
MAP_META = "%% wardley-map:"
SNAPSHOT = "%% wardley-snapshot:"


def quote(text: str) -> str:
    """A name as a Mermaid string: in double quotes, ``"`` and ``\\`` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def writable(text: str) -> bool:
    """Whether the text can stand in a Mermaid line as it is (one line, no control characters)."""
    return all(ord(c) >= 32 and c != "\x7f" for c in text.replace("\t", " "))


def flattened(text: str) -> str:
    """The text made writable: line breaks and tabs become spaces, other control characters
    ``?`` (so a name of control characters alone does not become a blank one)."""
    return "".join(c if ord(c) >= 32 and c != "\x7f" else " " if c in "\n\r\t" else "?" for c in text)


def number(value: float) -> str:
    """A coordinate with a decimal point: Mermaid refuses a bare ``1`` where it wants a number."""
    text = f"{value:.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def meta_line(data: dict[str, Any], tag: str = META) -> str:
    return f"{tag} " + json.dumps(data, ensure_ascii=False, allow_nan=False)

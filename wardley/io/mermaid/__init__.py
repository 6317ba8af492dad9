"""Mermaid ``wardley-beta`` diagrams (Mermaid 11.14+): GitHub, GitLab and most wikis draw them.

``format_mermaid`` writes what Mermaid's grammar holds and carries everything else in ``%%``
comments (Mermaid's own comment form, ignored when drawing), so a map written and read back is
the same map. ``parse_mermaid`` reads such a diagram, written by us or by hand; a line it cannot
read is an error naming the line. ``format_markdown`` / ``parse_markdown`` wrap the diagram in a
Markdown page (title, fenced ``mermaid`` block, the map's text description). No Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardley.io.mermaid.markdown import format_markdown, parse_markdown
from wardley.io.mermaid.reader import parse_mermaid
from wardley.io.mermaid.writer import format_mermaid
from wardley.model.entities import WardleyMap

if TYPE_CHECKING:
    from wardley.io.files import LoadedMap


# The format registry's (wardley/io/formats.py) readers and writers for the two formats.
def read_mermaid_map(text: str, source: str) -> LoadedMap:
    from wardley.io.files import LoadedMap

    return LoadedMap(parse_mermaid(text, source), "mermaid")


def write_mermaid_map(wardley_map: WardleyMap) -> str:
    from wardley.workshop.describe import describe_map

    return format_mermaid(wardley_map, describe_map(wardley_map))


def read_markdown_map(text: str, source: str) -> LoadedMap:
    from wardley.io.files import LoadedMap

    return LoadedMap(parse_markdown(text, source), "markdown")


def write_markdown_map(wardley_map: WardleyMap) -> str:
    return format_markdown(wardley_map)


__all__ = [
    "format_markdown", "format_mermaid", "parse_markdown", "parse_mermaid", "read_markdown_map", "read_mermaid_map",
    "write_markdown_map", "write_mermaid_map",
]

"""A Markdown page holding a map: its title, a fenced ``mermaid`` block (drawn by GitHub,
GitLab and most wikis) and the map's text description for readers who cannot see it."""

from __future__ import annotations

import re

from wardley.io.mermaid import syntax as sx
from wardley.io.mermaid.reader import parse_mermaid
from wardley.io.mermaid.writer import format_mermaid
from wardley.io.problems import MapFileError
from wardley.model.entities import WardleyMap

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*mermaid\b.*$")


def format_markdown(wardley_map: WardleyMap) -> str:
    from wardley.wording import md
    from wardley.workshop.describe import describe_map

    description = describe_map(wardley_map)
    title = md(" ".join(wardley_map.title.split()) or "Untitled map")
    body = describe_map(wardley_map, "markdown").split("\n", 2)[2]  # without its own heading
    return f"# {title}\n\n```mermaid\n{format_mermaid(wardley_map, description)}```\n\n{body}"


def parse_markdown(text: str, source: str) -> WardleyMap:
    """The map in the first fenced ``mermaid`` block whose diagram is a ``wardley-beta`` one."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opened = _FENCE.match(lines[index])
        index += 1
        if opened is None:
            continue
        fence = opened.group(1)
        start = index
        while index < len(lines) and not lines[index].strip().startswith(fence):
            index += 1
        block = lines[start:index]
        index += 1
        first = next((line.strip() for line in block if line.strip() and not line.strip().startswith("%%")), "")
        if first == sx.HEADER:
            return parse_mermaid("\n".join(block), source, first_line=start + 1)
    raise MapFileError.single(source, f"no fenced mermaid block holding a '{sx.HEADER}' diagram")

"""Searchable names in SVG pictures. Qt's SVG writer puts each painted line in
its own ``<text>``, so a name wrapped over two lines could not be found by
searching the file. After painting, each wrapped block's lines are joined into
one ``<text>`` holding one ``<tspan>`` a line (positions unchanged, so the
picture looks the same) and a ``<title>`` with the whole name.

The blocks come from :func:`wardley.render.items.text_block.recording_blocks`,
in the order they were painted, which is the order Qt wrote them."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from wardley.render.items.text_block import TextBlock

_TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")
_XY = re.compile(r'\s(x|y)="([^"]*)"')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def join_wrapped_labels(svg: str, blocks: Sequence[TextBlock]) -> str:
    """``svg`` with each wrapped block's lines in one ``<text>`` element."""
    found = list(_TEXT.finditer(svg))
    contents = [html.unescape(m.group(2)) for m in found]
    runs: list[tuple[int, int, TextBlock]] = []
    start = 0
    for block in blocks:
        n = len(block.lines)
        for i in range(start, len(found) - n + 1):
            if contents[i:i + n] == block.lines and all(
                not svg[found[k].end():found[k + 1].start()].strip() for k in range(i, i + n - 1)
            ):
                if n > 1:
                    runs.append((i, n, block))
                start = i + n
                break
    pieces: list[str] = []
    at = 0
    for i, n, block in runs:
        first = found[i]
        pieces.append(svg[at:first.start()])
        attributes = _XY.sub("", first.group(1))
        spans = "".join(
            f'<tspan x="{_attr(found[k], "x")}" y="{_attr(found[k], "y")}">{_escape(line)}</tspan>'
            for k, line in zip(range(i, i + n), _with_breaks(block.text, block.lines))
        )
        pieces.append(f"<text{attributes}><title>{_escape(block.text)}</title>{spans}</text>")
        at = found[i + n - 1].end()
    pieces.append(svg[at:])
    return "".join(pieces)


def _with_breaks(text: str, lines: list[str]) -> list[str]:
    """The lines, each that ended at a space (or a line break) in the name keeping one
    trailing space: invisible at a line's end, it makes the element's text read as the
    name ("Find information and advice", not "Find informationand advice") to a search."""
    out: list[str] = []
    at = 0
    for line in lines:
        found = text.find(line, at)
        if found < 0:
            out.append(line)
            continue
        at = found + len(line)
        if at < len(text) and text[at] in " \n" and len(out) < len(lines) - 1:
            out.append(line + " ")
            at += 1
        else:
            out.append(line)
    return out


def _attr(match: re.Match[str], name: str) -> str:
    for key, value in _XY.findall(match.group(1)):
        if key == name:
            return value
    return "0"

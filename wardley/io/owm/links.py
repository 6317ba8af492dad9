"""Link lines (``A->B``, flows, ``; context``) and quoted names on arrow lines."""

from __future__ import annotations

import re

from wardley.io.owm import syntax as sx

#: Tested in OWM's order: labelled flows, then ``+<>``, ``+>``, ``+<``, then plain ``->``.
LINK_OP = re.compile(r"\+'([^']*)'(<>|>|<)|\+<>|\+>|\+<|->")


def link_end(text: str) -> str:
    text = text.strip()
    if text.startswith('"'):
        quoted = sx.read_quoted(text)
        if quoted is not None:
            return quoted[0]
    return sx.clean_name(text)


def _read_end(text: str) -> tuple[str, str]:
    """(name, what follows) for one link end: quoted, or up to the next operator or ``;``."""
    text = text.lstrip()
    if text.startswith('"'):
        quoted = sx.read_quoted(text)
        if quoted is not None:
            name, rest = quoted
            stop = LINK_OP.search(rest)
            semi = rest.find(";")
            cut = min(i for i in (stop.start() if stop else len(rest), semi if semi >= 0 else len(rest)))
            return name, rest[cut:]
    stop = LINK_OP.search(text)
    semi = text.find(";")
    cut = min(stop.start() if stop else len(text), semi if semi >= 0 else len(text))
    return sx.clean_name(text[:cut]), text[cut:]


#: The flow operator's arrow (``>``, ``<``, ``<>``) -> the model's flow direction.
FLOW_DIRECTIONS = {">": "forward", "<": "back", "<>": "both"}


def split_link(code: str) -> tuple[str, str, bool, str, str, bool, str] | None:
    """(source, target, flow, flow label, context, more than two ends, flow direction)."""
    ends: list[str] = []
    ops: list[re.Match[str]] = []
    rest = code
    context = ""
    while True:
        name, rest = _read_end(rest)
        ends.append(name)
        found = LINK_OP.match(rest)
        if found and len(ends) < 3:
            ops.append(found)
            rest = rest[found.end() :]
            continue
        if found:  # more than two ends: only the first two count, so skip to any context
            semi = rest.find(";")
            rest = rest[semi:] if semi >= 0 else ""
        if rest.startswith(";"):
            context = rest[1:].split(";")[0].strip()
        break
    if len(ends) < 2 or not ends[0] or not ends[1]:
        return None
    op = ops[0]
    flow = op.group(0) != "->"
    arrow = op.group(2) or op.group(0)[1:]
    direction = FLOW_DIRECTIONS.get(arrow, "forward") if flow else "forward"
    return ends[0], ends[1], flow, (op.group(1) or "") if flow else "", context, len(ends) > 2, direction


def outside_quotes_partition(text: str, sep: str) -> tuple[str, str, str]:
    """Split at the first ``sep`` that is not inside a leading quoted name."""
    start = 0
    stripped = text.lstrip()
    if stripped.startswith('"'):
        quoted = sx.read_quoted(stripped)
        if quoted is not None:
            start = len(text) - len(quoted[1])
    position = text.find(sep, start)
    if position < 0:
        return text, "", ""
    return text[:position], sep, text[position + len(sep) :]

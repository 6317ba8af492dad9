"""Which record of the map each line of OWM text holds.

The live text view uses this to rewrite only the lines of what changed on the
canvas and leave every other line as the user typed it. A line holding an
element, link, evolve, note or accelerator is keyed by the ids it names (so a
renamed element keeps its key); any other line by its first word and how many
lines before it started with that word (``title``, the second ``annotation``,
the first ``}``...). Blank lines have no key.
"""

from __future__ import annotations

from dataclasses import dataclass

from wardley.io.owm import OwmResult, read_owm
from wardley.io.owm.names import NameIndex

LineKey = tuple[str, ...]


@dataclass
class KeyedText:
    result: OwmResult
    #: One entry a line (``text.split("\\n")``): what it holds, or None.
    keys: list[LineKey | None]


def word_key(line: str, seen: dict[tuple[str, ...], int]) -> LineKey | None:
    """The key of a line holding no record: its first word (two for a comment) and how many
    lines before it (counted in ``seen``) started so."""
    words = line.split(None, 2)
    if not words:
        return None
    head = tuple(words[:2]) if words[0] == "//" else (words[0],)
    count = seen.get(head, 0)
    seen[head] = count + 1
    return ("line", *head, str(count))


def read_keyed(text: str) -> KeyedText:
    """Read ``text`` as :func:`parse_owm` does (raising as it does) and key its lines."""
    result, assembler = read_owm(text)
    state = assembler.state
    wardley_map = result.map
    by_line: dict[int, LineKey] = {}

    def claim(line: int, key: LineKey) -> None:
        # A repeated record (a second link between the same two) is not the one the map holds.
        if key not in claimed and line not in by_line:
            by_line[line] = key
            claimed.add(key)

    claimed: set[LineKey] = set()
    element_ids = {element.id for element in wardley_map.elements}
    for raw in state.elements:
        if raw.id in element_ids:
            claim(raw.line, ("element", raw.id))
    index = NameIndex((raw.owm_name, raw.id, raw.group) for raw in state.elements)

    def named(meta: dict[str, object], key: str, name: str) -> str | None:
        wanted = meta.get(key)
        if isinstance(wanted, str) and wanted in element_ids:
            return wanted
        return index.link_end(name)

    links = {(link.source, link.target) for link in wardley_map.links}
    for link in state.links:
        ends = (named(link.meta, "source", link.source), named(link.meta, "target", link.target))
        if ends in links:
            claim(link.line, ("link", str(ends[0]), str(ends[1])))
    evolved = {evolve.element for evolve in wardley_map.evolves}
    for evolve in state.evolves:
        wanted = evolve.meta.get("element")
        targets = [wanted] if isinstance(wanted, str) else index.every(evolve.source)
        if targets and targets[0] in evolved:
            claim(evolve.line, ("evolve", str(targets[0])))
    note_ids = {note.id for note in wardley_map.notes}
    for line, data in state.notes:
        if data["id"] in note_ids:
            claim(line, ("note", data["id"]))
    accelerator_ids = {accelerator.id for accelerator in wardley_map.accelerators}
    for line, data in state.accelerators:
        if data["id"] in accelerator_ids:
            claim(line, ("accelerator", data["id"]))
    seen: dict[tuple[str, ...], int] = {}
    keys: list[LineKey | None] = []
    for number, written in enumerate(text.split("\n"), 1):
        key = by_line.get(number)
        keys.append(key if key is not None else word_key(written, seen))
    return KeyedText(result, keys)

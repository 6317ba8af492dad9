"""Showing a change made elsewhere (canvas, Properties, capture line, undo) in OWM text the
user typed, by rewriting only the lines of what changed.

The text as typed reads as the map it was shown with (``shown``); the map is now ``new``.
Both maps are written out by our writer, and each written line is keyed by what it holds
(:mod:`wardley.io.owm.line_keys`): a key whose written line is the same in both is left
alone in the typed text, whatever the user typed for it (no coordinates, odd spacing, its
own order). A key whose written line differs has its typed line replaced by the new
written one; a key gone from ``new`` loses its line; a new key's line goes after the line
of the key written just before it. So a drag rewrites the dragged element's line in place,
a rename rewrites its line and the lines of its links, and nothing else moves.

The result is used only if it reads back as exactly ``new`` (what applying it would make);
otherwise the caller writes the whole text afresh. No Qt here.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass

from wardley.io import MapFileError
from wardley.io.owm import OwmResult, format_owm
from wardley.io.owm.line_keys import KeyedText, LineKey, read_keyed, word_key
from wardley.io.owm.reader import UNCLOSED_BLOCK
from wardley.io.owm.writer import meta_comment
from wardley.model import WardleyMap
from wardley.ui.panels.owm_ids import Renaming, id_renaming, renamed

_META = " // wardley: "
#: Lines whose id comment our id matching makes unneeded in typed text.
_OWN_IDS = ("element", "note", "accelerator")


def with_kept_snapshots(text: str, current: WardleyMap, read: WardleyMap) -> WardleyMap:
    """Snapshots are map history, not drawing: text that lost their comment lines keeps them."""
    if not read.snapshots and current.snapshots and "wardley-snapshot" not in text:
        return read.model_copy(update={"snapshots": current.snapshots})
    return read


@dataclass
class _Reading:
    """A text read as a map's text: its keyed lines (ids as the map has them) and that map."""

    text: str
    keyed: KeyedText
    keys: list[LineKey | None]
    map: WardleyMap


def _reading(text: str, wardley_map: WardleyMap) -> _Reading | None:
    """``text`` read, when applying it to ``wardley_map`` would leave that map as it is."""
    try:
        keyed = read_keyed(text)
        if any(problem.message == UNCLOSED_BLOCK for problem in keyed.result.warnings):
            return None  # applying waits for the "}"
        renaming = id_renaming(wardley_map, keyed.result.map)
        kept = with_kept_snapshots(text, wardley_map, renamed(keyed.result.map, renaming))
    except (MapFileError, ValueError):
        return None
    if kept != wardley_map:
        return None
    return _Reading(text, keyed, [_renamed(key, renaming) for key in keyed.keys], kept)


class Rewriter:
    """Rewrites typed text for a changed map, remembering what it last read and wrote, so a run
    of changes (nudge after nudge) writes and reads each map's text once."""

    def __init__(self) -> None:
        #: The last rewritten text, read: the next change starts from it.
        self._last: _Reading | None = None
        #: Our writing of the last maps (by their JSON), keyed line by line.
        self._written: OrderedDict[str, list[tuple[LineKey | None, str]]] = OrderedDict()

    def rewrite(self, text: str, shown_json: str, new: WardleyMap, new_json: str) -> tuple[str, OwmResult] | None:
        """``text`` (read as the map whose JSON is ``shown_json``) with only the lines of what
        changed rewritten to read as ``new``, and its reading; None when no such text reads back
        as ``new``."""
        typed = self._last
        if typed is None or typed.text != text or typed.map.model_dump_json() != shown_json:
            try:
                typed = _reading(text, WardleyMap.model_validate_json(shown_json))
            except ValueError:
                return None
            if typed is None:
                return None
        shown = typed.map
        before = self._writing(shown, shown_json)
        after = self._writing(new, new_json, like=(shown, before))
        for tidy in (True, False):  # without our id comments where matching finds the ids anyway
            candidate = _merge(text.split("\n"), typed.keys, before, after, tidy)
            reading = _reading(candidate, new)
            if reading is not None:
                self._last = reading
                return candidate, reading.keyed.result
        return None

    def _writing(self, wardley_map: WardleyMap, key: str,
                 like: tuple[WardleyMap, list[tuple[LineKey | None, str]]] | None = None,
                 ) -> list[tuple[LineKey | None, str]]:
        written = self._written.get(key)
        if written is None:
            text = format_owm(wardley_map)
            written = _keyed_like(text, wardley_map, *like) if like is not None else None
            written = written or _written(text)
            self._written[key] = written
            while len(self._written) > 2:
                self._written.popitem(last=False)
        return written


def rewritten(text: str, shown: WardleyMap, new: WardleyMap) -> tuple[str, OwmResult] | None:
    """:meth:`Rewriter.rewrite` once, for maps that do not change under it."""
    return Rewriter().rewrite(text, shown.model_dump_json(), new, new.model_dump_json())


def _renamed(key: LineKey | None, renaming: Renaming) -> LineKey | None:
    if key is None:
        return None
    kind, *ids = key
    if kind in ("element", "link", "evolve"):
        return (kind, *(renaming.elements.get(i, i) for i in ids))
    if kind == "note":
        return (kind, renaming.notes.get(ids[0], ids[0]))
    if kind == "accelerator":
        return (kind, renaming.accelerators.get(ids[0], ids[0]))
    return key


def _written(text: str) -> list[tuple[LineKey | None, str]]:
    keyed: KeyedText = read_keyed(text)  # our own writing: its ids are the map's
    return list(zip(keyed.keys, text.split("\n"), strict=True))


def _records(wardley_map: WardleyMap) -> tuple[object, ...]:
    """What decides which line our writer gives each record: the records, in order."""
    return (
        [(e.id, e.url is None) for e in wardley_map.elements],
        [(link.source, link.target) for link in wardley_map.links],
        [e.element for e in wardley_map.evolves],
        [(p.element, p.members) for p in wardley_map.pipelines],
        [n.id for n in wardley_map.notes],
        [a.id for a in wardley_map.accelerators],
    )


def _keyed_like(text: str, wardley_map: WardleyMap, other: WardleyMap,
                other_written: list[tuple[LineKey | None, str]]) -> list[tuple[LineKey | None, str]] | None:
    """``text``'s keyed lines without reading it, from our writing of ``other``, when both
    maps hold the same records in the same order (a move, a rename, a changed field) and the
    writings have as many lines: then each record is on the same line of both. None otherwise.
    (A wrong key could only make the rewrite less minimal: its result is read back anyway.)"""
    lines = text.split("\n")
    if len(lines) != len(other_written) or _records(wardley_map) != _records(other):
        return None
    seen: dict[tuple[str, ...], int] = {}
    keyed: list[tuple[LineKey | None, str]] = []
    for line, (key, _) in zip(lines, other_written, strict=True):
        keyed.append((key if key is not None and key[0] != "line" else word_key(line, seen), line))
    return keyed


def _without_id(key: LineKey, line: str) -> str:
    if key[0] not in _OWN_IDS or _META not in line:
        return line
    head, _, payload = line.partition(_META)
    try:
        meta = json.loads(payload)
    except ValueError:
        return line
    if not isinstance(meta, dict) or "id" not in meta:
        return line
    del meta["id"]
    return f"{head} {meta_comment(meta)}" if meta else head


def _merge(lines: list[str], keys: list[LineKey | None], before: list[tuple[LineKey | None, str]],
           after: list[tuple[LineKey | None, str]], tidy: bool) -> str:
    was = {key: line for key, line in before if key is not None}
    now = {key for key, _ in after if key is not None}
    # Entries are lists so they can be found by identity once others are inserted before them.
    out: list[list[LineKey | str | None]] = []
    where: dict[LineKey, list[LineKey | str | None]] = {}
    for key, line in zip(keys, lines, strict=True):
        if key is not None and key in was and key not in now:
            continue  # its element, link... is gone
        entry: list[LineKey | str | None] = [key, line]
        out.append(entry)
        if key is not None:
            where.setdefault(key, entry)
    previous: LineKey | None = None
    for key, line in after:
        if key is None:
            continue
        if was.get(key) != line:
            text = _without_id(key, line) if tidy else line
            typed = where.get(key)
            if typed is not None:
                typed[1] = text
            else:
                anchor = where.get(previous) if previous is not None else None
                at = next(i for i, e in enumerate(out) if e is anchor) + 1 if anchor is not None else 0
                added: list[LineKey | str | None] = [key, text]
                out.insert(at, added)
                where[key] = added
        if key in where:
            previous = key
    return "\n".join(str(entry[1]) for entry in out)

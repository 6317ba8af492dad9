"""What the line reader has collected so far, and its small checked conversions."""

from __future__ import annotations

import json
from typing import Any

from wardley.io.limits import MAX_ITEMS, TooLarge, TooManyItems, count_items
from wardley.io.owm import syntax as sx
from wardley.io.problems import MAX_PROBLEMS
from wardley.io.owm.records import RawElement, RawEvolve, RawLink, RawMethod, RawPipeline
from wardley.model.entities import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from wardley.model.ids import unique_id

#: Label offsets are pixels; beyond this they are typos, and the model refuses them.
MAX_OFFSET = 100_000.0


class ReaderState:
    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        #: Warnings past :data:`MAX_PROBLEMS`: counted, not kept.
        self.unlisted = 0
        self.title: str | None = None
        self.title_meta: dict[str, Any] = {}
        self.map_meta: dict[str, Any] = {}
        #: Where the ``// wardley-map:`` line is, for warnings about what it holds.
        self.map_meta_line = 0
        #: Each ``// wardley-snapshot:`` line's JSON, read (None: not JSON), and the items they hold.
        self.snapshot_lines: list[tuple[int, Any]] = []
        self.snapshot_items = 0
        self.stages: tuple[str, str, str, str] | None = None
        self.show_evolution = True
        self.show_value_chain = True
        self.style = "plain"
        self.size: tuple[int, int] | None = None
        self.annotations_position: tuple[float, float] | None = None
        self.elements: list[RawElement] = []
        self.pipelines: list[RawPipeline] = []
        self.evolves: list[RawEvolve] = []
        self.links: list[RawLink] = []
        self.methods: list[RawMethod] = []
        self.urls: dict[str, str] = {}
        self.notes: list[tuple[int, dict[str, Any]]] = []
        self.annotations: list[tuple[int, dict[str, Any]]] = []
        self.accelerators: list[tuple[int, dict[str, Any]]] = []
        self.attitudes: list[tuple[int, dict[str, Any]]] = []
        #: Element, note and accelerator ids share one namespace, as in MapDocument.
        self.taken: set[str] = set()

    def warn(self, line: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append((line, message))
        else:
            self.unlisted += 1

    def item_count(self) -> int:
        """Records read so far, counted as the JSON limit counts them (urls and methods are not items)."""
        return (
            len(self.elements) + len(self.pipelines) + len(self.evolves) + len(self.links) + len(self.notes)
            + len(self.annotations) + len(self.accelerators) + len(self.attitudes) + self.snapshot_items
        )

    def check_items(self, line: int) -> None:
        count = self.item_count()
        if count > MAX_ITEMS:
            raise TooManyItems(count, line)
        warned = len(self.problems) + self.unlisted
        if warned > MAX_ITEMS:  # not a map: reading on would only cost time
            raise TooLarge(f"not a map: {warned:,} lines that cannot be read by this line", line)

    # -- our comments ------------------------------------------------------------

    def decode_meta(self, line: int, payload: str) -> dict[str, Any] | None:
        try:
            data = json.loads(payload)
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            self.warn(line, "unreadable wardley comment (not a JSON object): ignored")
            return None
        return data

    def add_snapshot(self, line: int, payload: str) -> None:
        try:
            data = json.loads(payload)
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict):
            content = data.get("content")
            self.snapshot_items += 1 + (count_items(content) if isinstance(content, dict) else 0)
        self.snapshot_lines.append((line, data))
        self.check_items(line)  # a snapshot may hold as many items as the whole limit

    def meta_of(self, line: sx.SourceLine) -> dict[str, Any]:
        if line.meta is None or not line.code:
            return {}
        tag, payload = line.meta
        if tag != "wardley":
            self.warn(line.number, f"{tag} comment must be on a line of its own: ignored")
            return {}
        return self.decode_meta(line.number, payload) or {}

    def new_id(self, line: int, name: str, wanted: Any, fallback: str) -> str:
        """The id a name gets (as the writer predicts), or the one our comment asks for."""
        if wanted is not None:
            if isinstance(wanted, str) and wanted not in self.taken and sx.valid_id(wanted):
                self.taken.add(wanted)
                return wanted
            self.warn(line, f"id {wanted!r} in the wardley comment is taken or not an id: a new one is used")
        value = unique_id(name, self.taken, fallback)
        self.taken.add(value)
        return value

    # -- numbers -------------------------------------------------------------------

    def coordinate(self, line: int, value: float, what: str) -> float:
        if 0.0 <= value <= 1.0:
            return value
        clamped = min(1.0, max(0.0, value))
        self.warn(line, f"{what} {value:g} is outside 0..1: clamped to {clamped:g}")
        return clamped

    def point(self, line: int, values: list[float | None], default: tuple[float, float]) -> tuple[float, float]:
        """(visibility, evolution) from ``[v, m]``; what cannot be read takes the default."""
        if len(values) > 2 or any(v is None for v in values):
            self.warn(line, "position is not [visibility, maturity]: unreadable numbers take defaults")
        elif len(values) == 1:
            self.warn(line, "position has one number: maturity set to its default 0.1")
        visibility = values[0] if values and values[0] is not None else default[0]
        evolution = values[1] if len(values) > 1 and values[1] is not None else default[1]
        return self.coordinate(line, visibility, "visibility"), self.coordinate(line, evolution, "maturity")

    def first_number(self, line: int, values: list[float | None], what: str, default: float) -> float:
        if not values or values[0] is None:
            self.warn(line, f"no readable {what}: set to {default:g}")
            return default
        return self.coordinate(line, values[0], what)

    def offset(self, line: int, inside: str) -> tuple[float, float] | None:
        values = sx.numbers(inside)
        if len(values) != 2 or values[0] is None or values[1] is None:
            self.warn(line, f"label offset '[{inside}]' is not [x, y]: ignored")
            return None
        if abs(values[0]) > MAX_OFFSET or abs(values[1]) > MAX_OFFSET:
            self.warn(line, "label offset is too large: ignored")
            return None
        return (values[0], values[1])

    def text(self, line: int, value: str, limit: int, what: str) -> str:
        if len(value) <= limit:
            return value
        self.warn(line, f"{what} is longer than {limit:,} characters: cut short")
        return value[:limit]

    # -- records ---------------------------------------------------------------------

    def add_element(self, raw: RawElement) -> None:
        name = raw.meta.get("name")
        if isinstance(name, str) and name.strip():
            raw.name = name
        raw.name = self.text(raw.line, raw.name, MAX_NAME_LENGTH, "name")
        raw.id = self.new_id(raw.line, raw.name, raw.meta.get("id"), "element")
        self.elements.append(raw)

    def add_note(self, line: int, text: str, evolution: float, visibility: float, meta: dict[str, Any]) -> None:
        if isinstance(meta.get("text"), str) and meta["text"]:
            text = meta["text"]
        if not text:
            self.warn(line, "note without text: skipped")
            return
        text = self.text(line, text, MAX_TEXT_LENGTH, "note")
        note_id = self.new_id(line, text, meta.get("id"), "note")
        self.notes.append((line, {"id": note_id, "text": text, "evolution": evolution, "visibility": visibility}))

    def add_annotation(
        self, line: int, number: int, text: str, points: list[tuple[float, float]], meta: dict[str, Any]
    ) -> None:
        if isinstance(meta.get("text"), str):
            text = meta["text"]
        if number > 1_000_000:
            self.warn(line, "annotation number is too large: skipped")
            return
        positions = [{"visibility": v, "evolution": m} for v, m in points]
        text = self.text(line, text, MAX_TEXT_LENGTH, "annotation")
        self.annotations.append((line, {"number": number, "text": text, "positions": positions}))

    def add_accelerator(
        self, line: int, name: str, evolution: float, visibility: float, negative: bool, meta: dict[str, Any]
    ) -> None:
        if isinstance(meta.get("name"), str) and meta["name"].strip():
            name = meta["name"]
        name = self.text(line, name, MAX_NAME_LENGTH, "name")
        accelerator_id = self.new_id(line, name, meta.get("id"), "accelerator")
        data = {"id": accelerator_id, "name": name, "evolution": evolution, "visibility": visibility}
        self.accelerators.append((line, {**data, "negative": negative}))

    def add_attitude(self, line: int, kind: str, corners: list[float]) -> None:
        top, left, bottom, right = corners
        self.attitudes.append((line, {"kind": kind, "top": top, "left": left, "bottom": bottom, "right": right}))

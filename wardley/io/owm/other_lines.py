"""Reading the OWM lines that are not elements, pipelines, evolve lines or links."""

from __future__ import annotations

import re
from typing import Any

from wardley.io.owm import syntax as sx
from wardley.io.owm.reader_state import ReaderState
from wardley.io.owm.records import RawMethod

STYLES = {"plain", "wardley", "handwritten", "dark", "colour", "color"}


class OtherLines(ReaderState):
    def _note(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        if rest.startswith('"'):
            text, tail, problem = sx.read_name(rest, stop=" [")
            if problem:
                self.warn(number, problem)
        else:
            cut = rest.find(" [")
            text, tail = (rest, "") if cut < 0 else (rest[:cut].strip(), rest[cut:])
        position = sx.bracket(tail)
        values = sx.numbers(position[0]) if position else []
        if position is None:
            self.warn(number, "note without a position: placed at [0.9, 0.1]")
        visibility, evolution = self.point(number, values, (0.9, 0.1))
        self.add_note(number, text, evolution, visibility, meta)

    def _annotation(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        head = re.match(r"(\d+)\s*(.*)$", rest, re.DOTALL)
        if head is None:
            self.warn(number, "annotation without a number: skipped")
            return
        if len(head.group(1).lstrip("0")) > 7:  # int() refuses over 4,300 digits; the model over a million
            self.warn(number, "annotation number is too large: skipped")
            return
        body = head.group(2)
        points: list[tuple[float, float]] = []
        if body.startswith("[["):
            last = body.rfind("]")
            inside, text = body[1:last], body[last + 1 :]
            for part in re.findall(r"\[([^\[\]]*)\]", inside):
                points.append(self.point(number, sx.numbers(part), (0.9, 0.1)))
        elif body.startswith("["):
            inside, text = sx.bracket(body) or ("", "")
            points.append(self.point(number, sx.numbers(inside), (0.9, 0.1)))
        else:
            self.warn(number, "annotation without a position: skipped")
            return
        if not points:
            self.warn(number, "annotation without a position: skipped")
            return
        self.add_annotation(number, int(head.group(1)), text.strip(), points, meta)

    def _annotations(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        position = sx.bracket(rest)
        if position is None:
            self.warn(number, "annotations without a position: skipped")
            return
        self.annotations_position = self.point(number, sx.numbers(position[0]), (0.9, 0.1))

    def _accelerator(self, number: int, rest: str, meta: dict[str, Any], negative: bool = False) -> None:
        name, tail, problem = sx.read_name(rest)
        if problem:
            self.warn(number, problem)
        if not name:
            self.warn(number, "accelerator without a name: skipped")
            return
        position = sx.bracket(tail)
        visibility, evolution = self.point(number, sx.numbers(position[0]) if position else [], (0.9, 0.1))
        self.add_accelerator(number, name, evolution, visibility, negative, meta)

    def _deaccelerator(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        self._accelerator(number, rest, meta, negative=True)

    def _url(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        name, tail, _ = sx.read_name(rest, stop=" [")
        position = sx.bracket(tail)
        if not name or position is None:
            self.warn(number, "url needs a name and an [address]: skipped")
            return
        self.urls.setdefault(name, position[0].strip())

    def _method(self, number: int, rest: str, meta: dict[str, Any], method: str = "") -> None:
        name, _, _ = sx.read_name(rest)
        if name:
            self.methods.append(RawMethod(number, name, method))
        else:
            self.warn(number, f"{method} without a name: skipped")

    def _title(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        if not rest:
            self.warn(number, "title without text: ignored")
        elif self.title is None:
            self.title = rest
        self.title_meta = self.title_meta or meta

    def _evolution(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        words = rest.split()
        if words[:1] == ["--hide"]:
            self.show_evolution = False
            rest = rest[len("--hide") :].strip()
        if not rest:
            if self.show_evolution:
                self.warn(number, "evolution without stage names: ignored")
            return
        stages = [part.strip() for part in rest.split("->")]
        if len(stages) != 4:
            self.warn(number, f"evolution needs exactly 4 stages (found {len(stages)}): default stages kept")
            return
        self.stages = (stages[0], stages[1], stages[2], stages[3])

    def _valuechain(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        if rest.split()[:1] == ["--hide"]:
            self.show_value_chain = False
        else:
            self.warn(number, "valuechain takes only --hide: ignored")

    def _style(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        if rest in STYLES:
            self.style = rest
        else:
            self.warn(number, f"unknown style '{rest}': plain used")
            self.style = "plain"

    def _size(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        position = sx.bracket(rest)
        values = sx.numbers(position[0]) if position else []
        if len(values) != 2 or any(v is None or not 0 <= v <= 100_000 for v in values):
            self.warn(number, "size must be [width, height] in pixels: ignored")
            return
        self.size = (int(values[0] or 0), int(values[1] or 0))

    def _attitude(self, number: int, rest: str, meta: dict[str, Any], kind: str = "") -> None:
        position = sx.bracket(rest)
        values = sx.numbers(position[0]) if position else []
        if position is not None and position[1].strip():
            self.warn(number, f"old {kind} form '[v, m] width height': the size is not read, box set to its default")
        if len(values) > 4 or any(v is None for v in values):
            self.warn(number, f"{kind} needs [top, left, bottom, right]: unreadable numbers take defaults")
        defaults = (0.9, 0.1, 0.8, 0.2)
        read = [*values[:4], *[None] * (4 - len(values[:4]))]
        corners = [self.coordinate(number, d if v is None else v, kind) for v, d in zip(read, defaults, strict=True)]
        self.add_attitude(number, kind, corners)

    def _yaxis(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        self.warn(number, "y-axis labels are not an OWM form any more: ignored")

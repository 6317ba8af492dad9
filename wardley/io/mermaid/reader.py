"""Reading a Mermaid ``wardley-beta`` diagram into a map.

Each statement becomes the record the writer predicted for it, then the ``%% wardley: {json}``
line above it (if any) corrects the fields Mermaid cannot say. A line that is not wardley-beta,
a coordinate outside 0..1 or a link naming nothing is a problem naming its line; the map is
refused with all of them (a diagram is short, and a half-read one would be silently wrong).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from wardley.io.json_format import json_path
from wardley.io.mermaid import syntax as sx
from wardley.io.problems import MapFileError, Problem
from wardley.model.entities import WardleyMap
from wardley.model.ids import unique_id

_STRING = r'"(?:[^"\\]|\\.)*"'
_BARE = r"[A-Za-z][A-Za-z0-9_()&]*(?:-(?!>)[A-Za-z0-9_()&]*)*(?: [A-Za-z(][A-Za-z0-9_()&]*(?:-(?!>)[A-Za-z0-9_()&]*)*)*"
_NAME = rf"({_STRING}|{_BARE})"
_NUM = r"(-?\d+(?:\.\d+)?)"
_POINT = rf"\[\s*{_NUM}\s*,\s*{_NUM}\s*\]"

_TITLE = re.compile(r"title\s+(.*?)\s*$")
_ACCESSIBLE = re.compile(r"acc(?:Title|Descr)\s*:.*$")
_ACC_BLOCK = re.compile(r"accDescr\s*\{\s*$")
_SIZE = re.compile(r"size\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]\s*$")
_EVOLUTION = re.compile(r"evolution\s+(.+)$")
_STAGE = re.compile(rf"\s*{_NAME}(?:\s*/\s*{_NAME})?\s*(?:@\s*{_NUM})?\s*$")
_ANCHOR = re.compile(rf"anchor\s+{_NAME}\s*{_POINT}\s*$")
_COMPONENT = re.compile(
    rf"component\s+{_NAME}\s*{_POINT}(?:\s*label\s*\[\s*(-?\d+)\s*,\s*(-?\d+)\s*\])?"
    r"(?:\s*\((build|buy|outsource|market)\))?(\s*\(inertia\))?\s*$"
)
_CHILD = re.compile(rf"component\s+{_NAME}\s*\[\s*{_NUM}\s*\]\s*$")
_PIPELINE = re.compile(rf"pipeline\s+{_NAME}\s*\{{\s*$")
_EVOLVE = re.compile(rf"evolve\s+{_NAME}\s+{_NUM}\s*$")
_NOTE = re.compile(rf"note\s+({_STRING})\s*{_POINT}\s*$")
_ANNOTATIONS = re.compile(rf"annotations\s*{_POINT}\s*$")
_ANNOTATION = re.compile(rf"annotation\s+(\d+)\s*,\s*{_POINT}\s*({_STRING})?\s*$")
_ACCELERATOR = re.compile(rf"(de)?accelerator\s+{_NAME}\s*{_POINT}\s*$")
_LINK = re.compile(rf"{_NAME}\s*(->|\+>|\+<>|\+<|\+'([^']*)'>)\s*{_NAME}\s*(?:;\s*(.*?))?\s*$")


def _unquote(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r"\\(.)", r"\1", token[1:-1])
    return token


class _Problem(Exception):
    pass


def _coordinate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise _Problem(f"coordinate {text} is outside 0..1")
    return value


class MermaidReader:
    def __init__(self, first_line: int = 1) -> None:
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.taken: set[str] = set()
        self.first_of: dict[str, str] = {}
        self.pending: dict[str, Any] = {}
        self.map_meta: dict[str, Any] = {}
        self.data: dict[str, Any] = {
            "elements": [], "links": [], "evolves": [], "pipelines": [], "notes": [], "annotations": [],
            "accelerators": [], "snapshots": [],
        }
        self.presentation: dict[str, Any] = {}
        self.pipeline: dict[str, Any] | None = None
        self.pipeline_parent: dict[str, Any] | None = None
        self.unresolved: list[tuple[int, dict[str, Any], list[tuple[str, str]]]] = []

    # -- records ------------------------------------------------------------------------

    def _take(self, derived: dict[str, Any], fallback: str) -> dict[str, Any]:
        derived["id"] = unique_id(derived.get("name") or derived.get("text") or "", self.taken, fallback)
        record = {**derived, **self._meta()}
        self.taken.add(str(record["id"]))
        return record

    def _meta(self) -> dict[str, Any]:
        meta, self.pending = self.pending, {}
        return meta

    def _element(self, derived: dict[str, Any]) -> dict[str, Any]:
        name = derived["name"]
        record = self._take(derived, "element")
        self.first_of.setdefault(name, str(record["id"]))
        self.data["elements"].append(record)
        return record

    # -- lines ----------------------------------------------------------------------------

    def read(self, text: str) -> None:
        lines = text.split("\n")
        header_seen = False
        in_acc_block = False
        for index, raw in enumerate(lines):
            number = self.first_line + index
            line = raw.strip()
            if in_acc_block:
                in_acc_block = line != "}"
                continue
            if not line:
                continue
            if not header_seen:
                if line.startswith("%%"):
                    continue
                if line != sx.HEADER:
                    self.problems.append(Problem(f"line {number}", f"not a Mermaid Wardley map: the first line must be '{sx.HEADER}'"))
                    return
                header_seen = True
                continue
            try:
                if line.startswith("%%"):
                    self._comment(line)
                elif _ACC_BLOCK.match(line):
                    in_acc_block = True
                else:
                    self._statement(line, number)
            except _Problem as problem:
                self.problems.append(Problem(f"line {number}", str(problem)))
        if not header_seen:
            self.problems.append(Problem(f"line {self.first_line}", f"not a Mermaid Wardley map: no '{sx.HEADER}' line"))
        if self.pipeline is not None:
            self.problems.append(Problem(f"line {self.first_line + len(lines) - 1}", "a pipeline block is not closed with '}'"))

    def _comment(self, line: str) -> None:
        for tag in (sx.MAP_META, sx.SNAPSHOT, sx.META):
            if line.startswith(tag):
                try:
                    value = json.loads(line[len(tag):])
                except (json.JSONDecodeError, RecursionError):
                    raise _Problem(f"the {tag[3:-1]} comment is not valid JSON") from None
                if not isinstance(value, dict):
                    raise _Problem(f"the {tag[3:-1]} comment must hold a JSON object")
                if tag == sx.META:
                    self.pending = value
                elif tag == sx.MAP_META:
                    self.map_meta.update(value)
                else:
                    self.data["snapshots"].append(value)
                return
        # Any other %% line is the author's comment: Mermaid ignores it and so do we.

    def _statement(self, line: str, number: int) -> None:
        if self.pipeline is not None:
            self._in_pipeline(line)
            return
        for pattern, handler in (
            (_COMPONENT, self._component), (_ANCHOR, self._anchor), (_PIPELINE, self._pipeline_start),
            (_EVOLVE, self._evolve), (_NOTE, self._note), (_ANNOTATIONS, self._annotations),
            (_ANNOTATION, self._annotation), (_ACCELERATOR, self._accelerator), (_SIZE, self._size),
            (_EVOLUTION, self._evolution), (_TITLE, self._title),
        ):
            found = pattern.match(line)
            if found:
                handler(found)
                return
        if _ACCESSIBLE.match(line):
            return  # accTitle / accDescr: written from the map, not part of it
        found = _LINK.match(line)
        if found:
            self._link(found, number)
            return
        raise _Problem(f"not a wardley-beta line: {line[:60]!r}")

    def _title(self, found: re.Match[str]) -> None:
        self.data["title"] = found.group(1)

    def _size(self, found: re.Match[str]) -> None:
        self.presentation["size"] = (int(found.group(1)), int(found.group(2)))

    def _evolution(self, found: re.Match[str]) -> None:
        stages_text = _split_stages(found.group(1))
        if len(stages_text) != 4:
            raise _Problem(f"the evolution line needs 4 stages (found {len(stages_text)})")
        names, boundaries = [], []
        for stage in stages_text:
            match = _STAGE.match(stage)
            if match is None:
                raise _Problem(f"cannot read the stage {stage.strip()[:40]!r}")
            name = _unquote(match.group(1))
            if match.group(2):
                name += " / " + _unquote(match.group(2))
            names.append(name)
            boundaries.append(None if match.group(3) is None else _coordinate(match.group(3)))
        axis: dict[str, Any] = {"stages": names}
        if all(b is not None for b in boundaries[:3]):
            axis["boundaries"] = boundaries[:3]
        self.data["axis"] = axis

    def _anchor(self, found: re.Match[str]) -> None:
        self._element({"kind": "user", "name": _unquote(found.group(1)),
                       "visibility": _coordinate(found.group(2)), "evolution": _coordinate(found.group(3))})

    def _component(self, found: re.Match[str]) -> None:
        derived: dict[str, Any] = {"name": _unquote(found.group(1)),
                                   "visibility": _coordinate(found.group(2)), "evolution": _coordinate(found.group(3))}
        if found.group(4) is not None:
            derived["label_offset"] = (float(found.group(4)), float(found.group(5)))
        decorator = found.group(6)
        if decorator == "market":
            derived["kind"] = "market"
        elif decorator:
            derived["method"] = decorator
        if found.group(7):
            derived["inertia"] = True
        self._element(derived)

    def _pipeline_start(self, found: re.Match[str]) -> None:
        parent = _unquote(found.group(1))
        owner = next((e for e in self.data["elements"] if e["id"] == self.first_of.get(parent)), None)
        if owner is None:
            raise _Problem(f"pipeline names no component on the map: {parent[:60]!r}")
        self.pipeline_parent = owner
        self.pipeline = {"element": owner["id"], "members": [], "meta": self._meta()}

    def _in_pipeline(self, line: str) -> None:
        assert self.pipeline is not None and self.pipeline_parent is not None
        if line == "}":
            pipeline, self.pipeline = self.pipeline, None
            children = [e for e in self.data["elements"] if e["id"] in pipeline["members"]]
            evolutions = [float(c["evolution"]) for c in children] or [0.0]
            derived = {"element": pipeline["element"], "members": pipeline["members"],
                       "start": min(evolutions), "end": max(evolutions)}
            self.data["pipelines"].append({**derived, **pipeline["meta"]})
            return
        found = _CHILD.match(line)
        if found is None:
            raise _Problem(f"not a pipeline component line: {line[:60]!r}")
        record = self._element({"name": _unquote(found.group(1)), "evolution": _coordinate(found.group(2)),
                                "visibility": self.pipeline_parent["visibility"]})
        self.pipeline["members"].append(record["id"])

    def _evolve(self, found: re.Match[str]) -> None:
        name = _unquote(found.group(1))
        derived = {"element": self.first_of.get(name), "evolution": _coordinate(found.group(2))}
        record = {**derived, **self._meta()}
        if record["element"] is None:
            raise _Problem(f"evolve names no component on the map: {name[:60]!r}")
        self.data["evolves"].append(record)

    def _link(self, found: re.Match[str], number: int) -> None:
        source, op, flow_label, target, label = found.groups()
        source, target = _unquote(source), _unquote(target)
        derived: dict[str, Any] = {"source": self.first_of.get(source), "target": self.first_of.get(target)}
        if op != "->":
            derived["flow"] = True
            if flow_label:
                derived["flow_label"] = flow_label
        if label:
            derived["label"] = label
        # Components may be declared after the links that name them: resolved at the end.
        self.unresolved.append((number, {**derived, **self._meta()}, [("source", source), ("target", target)]))

    def _note(self, found: re.Match[str]) -> None:
        self.data["notes"].append(self._take({"text": _unquote(found.group(1)), "visibility": _coordinate(found.group(2)),
                                              "evolution": _coordinate(found.group(3))}, "note"))

    def _annotations(self, found: re.Match[str]) -> None:
        self.presentation["annotations_position"] = {"visibility": _coordinate(found.group(1)),
                                                     "evolution": _coordinate(found.group(2))}

    def _annotation(self, found: re.Match[str]) -> None:
        derived = {"number": int(found.group(1)), "text": _unquote(found.group(4) or '""'),
                   "positions": [{"visibility": _coordinate(found.group(2)), "evolution": _coordinate(found.group(3))}]}
        self.data["annotations"].append({**derived, **self._meta()})

    def _accelerator(self, found: re.Match[str]) -> None:
        self.data["accelerators"].append(self._take(
            {"name": _unquote(found.group(2)), "visibility": _coordinate(found.group(3)),
             "evolution": _coordinate(found.group(4)), "negative": bool(found.group(1))}, "accelerator"))

    # -- the whole map ------------------------------------------------------------------------

    def build(self, source: str) -> WardleyMap:
        for number, record, ends in self.unresolved:
            for key, name in ends:
                if record.get(key) is None:
                    found = self.first_of.get(name)
                    if found is None:
                        self.problems.append(Problem(f"line {number}", f"the link names no component on the map: {name[:60]!r}"))
                    record[key] = found
            self.data["links"].append(record)
        if self.problems:
            raise MapFileError(source, self.problems)
        data = self.data
        presentation = {**self.presentation}
        meta = self.map_meta
        if "presentation" in meta:
            presentation.update(meta["presentation"])
        data["presentation"] = presentation
        for key in ("title", "description", "axis", "attitudes", "pipelines"):
            if key in meta:
                data[key] = meta[key]
        order = meta.get("order")
        if isinstance(order, list):
            rank = {element_id: i for i, element_id in enumerate(order)}
            data["elements"].sort(key=lambda e: rank.get(e.get("id"), len(rank)))
        try:
            return WardleyMap.model_validate(data)
        except ValidationError as error:
            problems = [Problem(json_path(e["loc"]), e["msg"]) for e in error.errors(include_url=False)]
            raise MapFileError(source, problems) from None


def _split_stages(text: str) -> list[str]:
    """The stage texts of an ``evolution`` line: split at ``->`` outside quotes."""
    parts, current, quoted, i = [], "", False, 0
    while i < len(text):
        char = text[i]
        if char == "\\" and quoted:
            current += text[i : i + 2]
            i += 2
            continue
        if char == '"':
            quoted = not quoted
        if not quoted and text.startswith("->", i):
            parts.append(current)
            current, i = "", i + 2
            continue
        current += char
        i += 1
    parts.append(current)
    return parts


def parse_mermaid(text: str, source: str, first_line: int = 1) -> WardleyMap:
    """The map a wardley-beta diagram holds; :class:`MapFileError` with every problem's line.
    ``first_line`` numbers the text's first line (a diagram inside a Markdown file)."""
    reader = MermaidReader(first_line)
    reader.read(text)
    return reader.build(source)

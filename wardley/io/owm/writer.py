"""Writing a map as OWM text that OWM draws, and that our reader turns back into
exactly the same map.

What OWM has no words for rides in a trailing ``// wardley: {json}`` comment on
the line it belongs to (OWM strips comments, so it never sees them), and
map-wide extras in ``// wardley-map:`` / ``// wardley-snapshot:`` lines. The
writer predicts what the reader will make of each line (which id a name gets,
which element a link end finds) and adds a comment only where that prediction
is wrong, so maps made in OWM come back out without any.
"""

from __future__ import annotations

import json
import re
from typing import Any

from wardley.io.owm import syntax as sx
from wardley.io.owm.names import GROUP_CHILD, OWM_GROUPS, NameIndex
from wardley.io.owm.other_lines import STYLES
from wardley.model.entities import Element, Link, Pipeline, WardleyMap
from wardley.model.evolution import DEFAULT_BOUNDARIES, DEFAULT_STAGES
from wardley.model.kinds import OWM_DECORATORS, kind_info
from wardley.model.ids import unique_id

#: Link sources starting with these words are quoted, or OWM would skip the line.
_RESERVED: tuple[str, ...] = tuple(
    "evolution valuechain anchor evolve component style build buy outsource title annotation annotations pipeline "
    "note pioneers settlers townplanners submap url { } accelerator deaccelerator size y-axis".split()
) + tuple(OWM_DECORATORS)


#: The model's flow direction -> OWM's flow arrow (the reader's FLOW_DIRECTIONS turned round).
_ARROWS = {"forward": ">", "back": "<", "both": "<>"}
_DECIMAL = re.compile(r"\s[0-9]?\.[0-9]")


def meta_comment(data: dict[str, Any], tag: str = "wardley") -> str:
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    # Keep OWM's block-comment scanner away from text inside our JSON strings.
    return f"// {tag}: " + text.replace("/*", "/\\u002a").replace("*/", "*\\u002f")


def _with_meta(line: str, meta: dict[str, Any]) -> str:
    return f"{line} {meta_comment(meta)}" if meta else line


def _written(text: str) -> str:
    """The text as it can stand in OWM (one line, no comment markers or brackets)."""
    return sx.owm_safe(text).replace("\n", " ").replace("\r", " ")


def _point(visibility: float, evolution: float) -> str:
    return f"[{sx.format_number(visibility)}, {sx.format_number(evolution)}]"


class OwmWriter:
    def __init__(self, wardley_map: WardleyMap) -> None:
        self.map = wardley_map
        self.by_id = {element.id: element for element in wardley_map.elements}
        self.pipeline_of = {pipeline.element: pipeline for pipeline in wardley_map.pipelines}
        self.members = {m for pipeline in wardley_map.pipelines for m in pipeline.members}
        self.taken: set[str] = set()
        self.names: dict[str, str] = {}  # element id -> name as written
        self.entries: list[tuple[str, str, int]] = []
        #: Ids in the order written, and as a set for the membership tests (a list made writing quadratic).
        self.emitted: list[str] = []
        self.emitted_ids: set[str] = set()
        self.pipelines_written: list[str] = []
        self.pipelines_done: set[str] = set()
        self.map_meta: dict[str, Any] = {}
        self.headers: list[tuple[list[str], int, str, str, dict[str, Any]]] = []

    # -- shared helpers ------------------------------------------------------------

    def _id_meta(self, meta: dict[str, Any], name: str, wanted: str, fallback: str) -> None:
        predicted = unique_id(name, self.taken, fallback)
        if predicted != wanted:
            meta["id"] = wanted
        self.taken.add(wanted)

    def _name(self, name: str, meta: dict[str, Any]) -> str:
        written = sx.owm_safe(name)
        if written != name:
            meta["name"] = name
        return written

    # -- elements and pipelines --------------------------------------------------------

    def _element_line(self, element: Element, child_of: Pipeline | None) -> str:
        meta: dict[str, Any] = {}
        written = self._name(element.name, meta)
        self.names[element.id] = written
        self._id_meta(meta, element.name, element.id, "element")
        info = kind_info(element.kind)
        if child_of is not None:
            keyword, group = "component", GROUP_CHILD
            natural = info.owm_native and info.owm_keyword == "component"
        else:
            keyword, group = info.owm_keyword, OWM_GROUPS[info.owm_keyword]
            natural = info.owm_native
        if not natural:
            meta["kind"] = element.kind
        self.entries.append((written, element.id, group))
        self.emitted.append(element.id)
        self.emitted_ids.add(element.id)
        if child_of is None:
            line = f"{keyword} {sx.quote(written)} {_point(element.visibility, element.evolution)}"
        else:
            line = f"  component {sx.quote(written)} [{sx.format_number(element.evolution)}]"
            parent = self.by_id[child_of.element]
            if element.visibility != parent.visibility or parent.id in self.members:
                meta["visibility"] = element.visibility
        if element.label_offset is not None:
            x, y = element.label_offset
            line += f" label [{sx.format_offset(x)}, {sx.format_offset(y)}]"
        decorators: list[str] = [info.owm_decorator] if info.owm_decorator else []
        if element.method != "none":
            decorators.append(element.method)
        if decorators:
            line += f" ({', '.join(decorators)})"
        if element.inertia:
            line += " inertia"
        url_line = None
        if element.url is not None:
            url = element.url
            if (
                element.kind == "submap"
                and child_of is None
                and url
                and url == url.strip()
                and not any(bad in url for bad in ("]", "\n", "\r", "/*", "*/"))
            ):
                line += f" url({element.id})"
                url_line = f"url {element.id} [{element.url}]"
            else:
                meta["url"] = element.url
        if element.description:
            meta["description"] = element.description
        if element.confidence is not None:
            meta["confidence"] = element.confidence
        line = _with_meta(line, meta)
        return line if url_line is None else f"{line}\n{url_line}"

    def _top(self, element: Element, out: list[str]) -> None:
        out.append(self._element_line(element, None))
        self._pipeline(element, out)

    def _pipeline(self, owner: Element, out: list[str]) -> None:
        pipeline = self.pipeline_of.get(owner.id)
        if pipeline is None or owner.id in self.pipelines_done:
            return
        self.pipelines_written.append(owner.id)
        self.pipelines_done.add(owner.id)
        meta: dict[str, Any] = {}
        done = self.emitted_ids
        children = [self.by_id[m] for m in dict.fromkeys(pipeline.members) if m not in done and m != owner.id]
        if [c.id for c in children] != pipeline.members:
            meta["members"] = pipeline.members
        header = f"pipeline {sx.quote(self.names[owner.id])}"
        if not children:
            header += f" [{sx.format_number(pipeline.start)}, {sx.format_number(pipeline.end)}]"
        else:
            maturities = [child.evolution for child in children]
            if (min(maturities), max(maturities)) != (pipeline.start, pipeline.end):
                meta["start"], meta["end"] = pipeline.start, pipeline.end
        # Which element the header finds is known only once every name is written.
        self.headers.append((out, len(out), owner.id, header, meta))
        out.append(header)
        if not children:
            return
        out.append("{")
        for child in children:
            out.append(self._element_line(child, pipeline))
        out.append("}")
        for child in children:
            self._pipeline(child, out)

    def elements(self) -> list[str]:
        out: list[str] = []
        for element in self.map.elements:
            if element.id not in self.members and element.id not in self.emitted_ids:
                self._top(element, out)
        for element in self.map.elements:  # members of pipelines never reached (cycles)
            if element.id not in self.emitted_ids:
                self._top(element, out)
        index = NameIndex(self.entries)
        for lines, at, owner_id, header, meta in self.headers:
            if index.exact(self.names[owner_id]) != owner_id:
                meta["element"] = owner_id
            lines[at] = _with_meta(header, meta)
        if self.emitted != [element.id for element in self.map.elements]:
            self.map_meta["order"] = [element.id for element in self.map.elements]
        if self.pipelines_written != [pipeline.element for pipeline in self.map.pipelines]:
            self.map_meta["pipelines"] = [pipeline.element for pipeline in self.map.pipelines]
        return out

    # -- the other records -----------------------------------------------------------

    def evolves(self, index: NameIndex) -> list[str]:
        out: list[str] = []
        for evolve in self.map.evolves:
            meta: dict[str, Any] = {}
            source = self.names[evolve.element]
            if index.every(source) != [evolve.element]:
                meta["element"] = evolve.element
            text = sx.quote(source)
            if not text.startswith('"') and _DECIMAL.search(f" {source}"):
                text = f'"{text}"'  # OWM would take the number in "Web 2.0" for the maturity
            if evolve.name is not None:
                written = _written(evolve.name)
                if written != evolve.name:
                    meta["name"] = evolve.name
                text += f"->{sx.quote(written)}"
            line = f"evolve {text} {sx.format_number(evolve.evolution)}"
            if evolve.label_offset is not None:
                x, y = evolve.label_offset
                line += f" label [{sx.format_offset(x)}, {sx.format_offset(y)}]"
            out.append(_with_meta(line, meta))
        return out

    def _link_end(self, element_id: str, first: bool) -> str:
        name = self.names[element_id]
        text = sx.quote(name)
        # OWM skips a line starting with a keyword, even as a prefix ("building->x"), and keeps
        # comments on lines starting with "url": a quote in front avoids both.
        if first and not text.startswith('"') and (name.startswith(_RESERVED) or name[:1] in "{}"):
            text = '"' + text + '"'
        return text

    def links(self, index: NameIndex) -> list[str]:
        return [self._link(link, index) for link in self.map.links]

    def _link(self, link: Link, index: NameIndex) -> str:
        meta: dict[str, Any] = {}
        for key, element_id in (("source", link.source), ("target", link.target)):
            if index.link_end(self.names[element_id]) != element_id:
                meta[key] = element_id
        if link.flow:
            label = link.flow_label
            if label and ("'" in label or _written(label) != label or label != label.strip()):
                meta["flow_label"], label = label, ""
            arrow = _ARROWS[link.flow_direction]
            op = f"+'{label}'{arrow}" if label else f"+{arrow}"
        else:
            op = "->"
            if link.flow_label:
                meta["flow_label"] = link.flow_label
            if link.flow_direction != "forward":
                meta["flow_direction"] = link.flow_direction
        line = f"{self._link_end(link.source, True)}{op}{self._link_end(link.target, False)}"
        if link.label:
            if ";" in link.label or _written(link.label) != link.label or link.label != link.label.strip():
                meta["label"] = link.label
            else:
                line += f"; {link.label}"
        return _with_meta(line, meta)

    def notes(self) -> list[str]:
        out: list[str] = []
        for note in self.map.notes:
            meta: dict[str, Any] = {}
            written = sx.owm_safe(note.text)
            if written != note.text:
                meta["text"] = note.text
            self._id_meta(meta, note.text, note.id, "note")
            out.append(_with_meta(f"note {sx.quote(written)} {_point(note.visibility, note.evolution)}", meta))
        return out

    def annotations(self) -> list[str]:
        out: list[str] = []
        for annotation in self.map.annotations:
            meta: dict[str, Any] = {}
            written = _written(annotation.text)
            if written != annotation.text or written != written.strip():
                meta["text"] = annotation.text
                written = written.strip()
            points = [_point(p.visibility, p.evolution) for p in annotation.positions]
            where = points[0] if len(points) == 1 else f"[{','.join(points)}]"
            line = f"annotation {annotation.number} {where}" + (f" {written}" if written else "")
            out.append(_with_meta(line, meta))
        position = self.map.presentation.annotations_position
        if position is not None:
            out.append(f"annotations {_point(position.visibility, position.evolution)}")
        return out

    def accelerators(self) -> list[str]:
        out: list[str] = []
        for accelerator in self.map.accelerators:
            meta: dict[str, Any] = {}
            written = self._name(accelerator.name, meta)
            self._id_meta(meta, accelerator.name, accelerator.id, "accelerator")
            keyword = "deaccelerator" if accelerator.negative else "accelerator"
            point = _point(accelerator.visibility, accelerator.evolution)
            out.append(_with_meta(f"{keyword} {sx.quote(written)} {point}", meta))
        return out

    def attitudes(self) -> list[str]:
        return [
            f"{a.kind} [{', '.join(sx.format_number(v) for v in (a.top, a.left, a.bottom, a.right))}]"
            for a in self.map.attitudes
        ]

    def header(self) -> list[str]:
        m, out = self.map, []
        title_ok = m.title and _written(m.title) == m.title and m.title == m.title.strip()
        if title_ok:
            out.append(f"title {m.title}")
        else:
            self.map_meta["title"] = m.title
        if m.description:
            self.map_meta["description"] = m.description
        stages = tuple(m.axis.stages)
        stages_ok = all("->" not in s and _written(s) == s and s == s.strip() for s in stages) and not stages[
            0
        ].startswith("--")
        hide = "--hide" if not m.axis.show_evolution else ""
        if stages != DEFAULT_STAGES and stages_ok:
            out.append(" ".join(filter(None, ["evolution", hide, "->".join(stages)])))
        else:
            if stages != DEFAULT_STAGES:
                self.map_meta["stages"] = list(stages)
            if hide:
                out.append("evolution --hide")
        if tuple(m.axis.boundaries) != DEFAULT_BOUNDARIES:
            self.map_meta["boundaries"] = list(m.axis.boundaries)
        if not m.axis.show_value_chain:
            out.append("valuechain --hide")
        style = m.presentation.style
        if style in STYLES and style != "plain":
            out.append(f"style {style}")
        elif style not in STYLES:
            self.map_meta["style"] = style
        if m.presentation.size is not None:
            out.append(f"size [{m.presentation.size[0]}, {m.presentation.size[1]}]")
        return out

    def write(self) -> str:
        header = self.header()
        elements = self.elements()
        index = NameIndex(self.entries)
        sections = [
            elements,
            self.evolves(index),
            self.links(index),
            self.notes(),
            self.annotations(),
            self.accelerators(),
            self.attitudes(),
        ]
        snapshots = [
            meta_comment(json.loads(s.model_dump_json(exclude_defaults=True)), "wardley-snapshot")
            for s in self.map.snapshots
        ]
        if self.map_meta:
            header.append(meta_comment(self.map_meta, "wardley-map"))
        blocks = [header, *sections, snapshots]
        return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def format_owm(wardley_map: WardleyMap) -> str:
    return OwmWriter(wardley_map).write()

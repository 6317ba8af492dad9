"""Writing a map as a Mermaid ``wardley-beta`` diagram that reads back as the same map.

For every statement the writer works out the record the reader will make of the line alone
(which id its name gets, which element a link end finds, the defaults of what Mermaid cannot
say) and puts only the fields that differ in a ``%% wardley: {json}`` line just above it. A
map made in Mermaid therefore goes back out without any such lines.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from wardley.io.mermaid import syntax as sx
from wardley.model.entities import Element, MapContent, Pipeline, WardleyMap
from wardley.model.ids import unique_id

_MAP_FIELDS = ("title", "description", "axis", "presentation", "attitudes")


def differences(actual: BaseModel, derived: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``actual`` that a record built from ``derived`` would get wrong."""
    have = actual.model_dump(mode="json")
    expected = type(actual).model_validate(derived).model_dump(mode="json")
    return {key: value for key, value in have.items() if expected.get(key) != value}


def _text_after_keyword(text: str) -> str | None:
    """``text`` as Mermaid reads the rest of a line (trimmed, up to a ``%%``), or None if it
    would not read back as itself."""
    if not text or text != text.strip() or "%%" in text or not sx.writable(text):
        return None
    return text


def _offset(value: tuple[float, float] | None) -> tuple[str, tuple[float, float] | None]:
    if value is None:
        return "", None
    x, y = round(value[0]), round(value[1])
    return f" label [{x}, {y}]", (float(x), float(y))


class MermaidWriter:
    def __init__(self, wardley_map: WardleyMap) -> None:
        self.map = wardley_map
        self.by_id = {e.id: e for e in wardley_map.elements}
        self.pipeline_of = {p.element: p for p in wardley_map.pipelines}
        self.members = {m for p in wardley_map.pipelines for m in p.members}
        self.taken: set[str] = set()
        self.first_of: dict[str, str] = {}  # name as written -> id the reader finds for it
        self.emitted: list[str] = []
        self.derived_pipelines: list[dict[str, Any]] = []

    def _with_meta(self, lines: list[str], line: str, meta: dict[str, Any]) -> None:
        if meta:
            lines.append(sx.meta_line(meta))
        lines.append(line)

    def _name(self, name: str) -> str:
        return name if sx.writable(name) else sx.flattened(name)

    # -- elements ----------------------------------------------------------------------

    def _element(self, element: Element, lines: list[str], parent: Element | None, indent: str = "") -> None:
        written = self._name(element.name)
        derived: dict[str, Any] = {
            "id": unique_id(written, self.taken, "element"), "name": written,
            "evolution": element.evolution, "visibility": element.visibility,
        }
        self.taken.add(element.id)
        self.first_of.setdefault(written, element.id)
        self.emitted.append(element.id)
        if parent is not None:
            derived["visibility"] = parent.visibility
            line = f"{indent}component {sx.quote(written)} [{sx.number(element.evolution)}]"
        elif element.kind == "user":
            derived["kind"] = "user"
            line = f"anchor {sx.quote(written)} [{sx.number(element.visibility)}, {sx.number(element.evolution)}]"
        else:
            line = f"component {sx.quote(written)} [{sx.number(element.visibility)}, {sx.number(element.evolution)}]"
            label, derived["label_offset"] = _offset(element.label_offset)
            line += label
            decorator = "market" if element.kind == "market" else element.method
            if decorator != "none":
                line += f" ({decorator})"
                derived["kind" if decorator == "market" else "method"] = decorator
            if element.inertia:
                line += " (inertia)"
                derived["inertia"] = True
        self._with_meta(lines, line, differences(element, derived))

    def _top(self, element: Element, lines: list[str]) -> None:
        self._element(element, lines, None)
        self._pipeline(element, lines)

    def _pipeline(self, owner: Element, lines: list[str]) -> None:
        pipeline = self.pipeline_of.get(owner.id)
        if pipeline is None:
            return
        done = set(self.emitted)
        children = [self.by_id[m] for m in dict.fromkeys(pipeline.members) if m not in done and m != owner.id]
        if not children:
            return  # Mermaid has no empty pipeline: the map-wide comment keeps it
        lines.append(f"pipeline {sx.quote(self._name(owner.name))} {{")
        # The reader gives children the visibility of the element the header's name finds
        # (the first of that name), which is not the owner when an earlier one shares its name.
        found = self.by_id.get(self.first_of.get(self._name(owner.name), owner.id), owner)
        for child in children:
            self._element(child, lines, found, "  ")
        lines.append("}")
        evolutions = [c.evolution for c in children]
        self.derived_pipelines.append({
            "element": self.first_of.get(self._name(owner.name)), "start": min(evolutions), "end": max(evolutions),
            "members": [c.id for c in children],
        })
        for child in children:
            self._pipeline(child, lines)

    def elements(self) -> list[str]:
        lines: list[str] = []
        for element in self.map.elements:
            if element.id not in self.members and element.id not in self.emitted:
                self._top(element, lines)
        for element in self.map.elements:  # members of pipelines never reached (cycles)
            if element.id not in self.emitted:
                self._top(element, lines)
        return lines

    # -- the other statements ------------------------------------------------------------

    def evolves(self) -> list[str]:
        lines: list[str] = []
        for evolve in self.map.evolves:
            written = self._name(self.by_id[evolve.element].name)
            derived = {"element": self.first_of.get(written, ""), "evolution": evolve.evolution}
            line = f"evolve {sx.quote(written)} {sx.number(evolve.evolution)}"
            self._with_meta(lines, line, differences(evolve, derived))
        return lines

    def links(self) -> list[str]:
        lines: list[str] = []
        for link in self.map.links:
            source = self._name(self.by_id[link.source].name)
            target = self._name(self.by_id[link.target].name)
            derived: dict[str, Any] = {"source": self.first_of.get(source, ""), "target": self.first_of.get(target, "")}
            op = "->"
            if link.flow:
                derived["flow"] = True
                label = link.flow_label
                if label and "'" not in label and ">" not in label and _text_after_keyword(label) is not None:
                    op, derived["flow_label"] = f"+'{label}'>", label
                else:
                    op = "+>"
            line = f"{sx.quote(source)} {op} {sx.quote(target)}"
            if _text_after_keyword(link.label) is not None:
                line += f"; {link.label}"
                derived["label"] = link.label
            self._with_meta(lines, line, differences(link, derived))
        return lines

    def notes(self) -> list[str]:
        lines: list[str] = []
        for note in self.map.notes:
            written = self._name(note.text)
            derived = {"id": unique_id(written, self.taken, "note"), "text": written,
                       "evolution": note.evolution, "visibility": note.visibility}
            self.taken.add(note.id)
            line = f"note {sx.quote(written)} [{sx.number(note.visibility)}, {sx.number(note.evolution)}]"
            self._with_meta(lines, line, differences(note, derived))
        return lines

    def annotations(self) -> list[str]:
        lines: list[str] = []
        position = self.map.presentation.annotations_position
        if position is not None:
            lines.append(f"annotations [{sx.number(position.visibility)}, {sx.number(position.evolution)}]")
        for annotation in self.map.annotations:
            first = annotation.positions[0]
            written = self._name(annotation.text)
            derived = {"number": annotation.number, "text": written,
                       "positions": [{"evolution": first.evolution, "visibility": first.visibility}]}
            line = (f"annotation {annotation.number},[{sx.number(first.visibility)}, {sx.number(first.evolution)}] "
                    f"{sx.quote(written)}")
            self._with_meta(lines, line, differences(annotation, derived))
        return lines

    def accelerators(self) -> list[str]:
        lines: list[str] = []
        for accelerator in self.map.accelerators:
            written = self._name(accelerator.name)
            derived = {"id": unique_id(written, self.taken, "accelerator"), "name": written,
                       "evolution": accelerator.evolution, "visibility": accelerator.visibility,
                       "negative": accelerator.negative}
            self.taken.add(accelerator.id)
            keyword = "deaccelerator" if accelerator.negative else "accelerator"
            point = f"[{sx.number(accelerator.visibility)}, {sx.number(accelerator.evolution)}]"
            self._with_meta(lines, f"{keyword} {sx.quote(written)} {point}", differences(accelerator, derived))
        return lines

    # -- the map as a whole ------------------------------------------------------------------

    def header(self, description: str) -> tuple[list[str], dict[str, Any]]:
        m = self.map
        lines: list[str] = []
        derived: dict[str, Any] = {}
        title = _text_after_keyword(m.title)
        if title is not None:
            lines.append(f"title {title}")
            derived["title"] = title
        shown_title = title or sx.flattened(m.title).replace("%%", "% %").strip()
        if shown_title:
            lines.append(f"accTitle: {shown_title}")
        one_line = " ".join(description.split()).replace("%%", "% %")
        if one_line:
            lines.append(f"accDescr: {one_line}")
        size = m.presentation.size
        presentation: dict[str, Any] = {}
        if size is not None:
            lines.append(f"size [{size[0]}, {size[1]}]")
            presentation["size"] = size
        if m.presentation.annotations_position is not None:
            presentation["annotations_position"] = m.presentation.annotations_position.model_dump()
        derived["presentation"] = presentation
        axis = m.axis
        if (tuple(axis.stages), tuple(axis.boundaries)) != (tuple(type(axis)().stages), tuple(type(axis)().boundaries)):
            if all(sx.writable(s) and s.strip() and "%%" not in s for s in axis.stages):
                stages = [f"{sx.quote(s)}@{sx.number(b)}" for s, b in zip(axis.stages, axis.boundaries)]
                lines.append("evolution " + " -> ".join([*stages, sx.quote(axis.stages[3])]))
                derived["axis"] = {"stages": list(axis.stages), "boundaries": list(axis.boundaries)}
        whole = MapContent.model_validate(m.model_dump(include=set(_MAP_FIELDS)))
        meta = differences(whole, derived)
        return lines, {key: meta[key] for key in _MAP_FIELDS if key in meta}

    def write(self, description: str = "") -> str:
        header, map_meta = self.header(description)
        elements = self.elements()
        sections = [elements, self.evolves(), self.links(), self.notes(), self.annotations(), self.accelerators()]
        order = [e.id for e in self.map.elements]
        if self.emitted != order:
            map_meta["order"] = order
        actual_pipelines = [p.model_dump(mode="json") for p in self.map.pipelines]
        derived_pipelines = [Pipeline.model_validate(p).model_dump(mode="json") for p in self.derived_pipelines
                             if p["element"] is not None]
        if actual_pipelines != derived_pipelines:
            map_meta["pipelines"] = actual_pipelines
        top = [sx.HEADER]
        if map_meta:
            top.append(sx.meta_line(map_meta, sx.MAP_META))
        snapshots = [sx.meta_line(s.model_dump(mode="json", exclude_defaults=True), sx.SNAPSHOT) for s in self.map.snapshots]
        blocks = [top + header, *sections, snapshots]
        return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def format_mermaid(wardley_map: WardleyMap, description: str = "") -> str:
    """The map as a ``wardley-beta`` diagram; ``description`` (its text alternative) becomes
    Mermaid's ``accDescr``, what screen readers say for the drawn picture."""
    return MermaidWriter(wardley_map).write(description)


__all__ = ["differences", "format_mermaid"]

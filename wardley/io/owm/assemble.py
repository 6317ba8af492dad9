"""Turning what the line reader collected into a valid map: names resolved to ids,
pipelines tied to their components, links checked the way our model demands."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from wardley.io.owm.assembly_base import AssemblyBase, list_of, owm_problems
from wardley.io.owm.names import NameIndex
from wardley.io.owm.records import RawElement, RawPipeline
from wardley.model.kinds import is_kind
from wardley.model.entities import (
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    Accelerator,
    Annotation,
    Attitude,
    Axis,
    Element,
    Evolve,
    Link,
    Note,
    Pipeline,
    Presentation,
    WardleyMap,
)

_DIRECTIONS = ("forward", "back", "both")  # a tuple: `in` compares, so any JSON value is safe
_ELEMENT_META = ("description", "confidence", "url")

__all__ = ["Assembler", "owm_problems"]


class Assembler(AssemblyBase):
    def build(self) -> WardleyMap:
        s = self.state
        index = NameIndex((raw.owm_name, raw.id, raw.group) for raw in s.elements)
        pipelines = self._pipelines(index)
        elements = self._elements()
        self._methods(index, elements)
        evolves = self._evolves(index)
        links = self._links(index)
        meta = s.map_meta
        elements = self._ordered(elements, meta.get("order"), "order")
        pipelines = self._ordered_pipelines(pipelines, meta.get("pipelines"))
        axis = self.valid(Axis, self._axis(), s.map_meta_line, "evolution axis") or Axis()
        title = meta.get("title") if isinstance(meta.get("title"), str) else s.title
        style = meta["style"] if isinstance(meta.get("style"), str) else s.style
        presentation: dict[str, Any] = {"style": style, "size": s.size}
        if s.annotations_position is not None:
            v, m = s.annotations_position
            presentation["annotations_position"] = {"visibility": v, "evolution": m}
        content = {
            "title": (title if title is not None else "Untitled map")[:MAX_NAME_LENGTH],
            "description": meta["description"][:MAX_TEXT_LENGTH] if isinstance(meta.get("description"), str) else "",
            "axis": axis,
            "presentation": self.valid(Presentation, presentation, s.map_meta_line, "style") or Presentation(),
            "elements": elements,
            "links": links,
            "evolves": evolves,
            "pipelines": pipelines,
            "notes": self._all(Note, s.notes, "note"),
            "annotations": self._all(Annotation, s.annotations, "annotation"),
            "accelerators": self._all(Accelerator, s.accelerators, "accelerator"),
            "attitudes": self._all(Attitude, s.attitudes, "pioneers/settlers/townplanners box"),
            "snapshots": self._snapshots(),
        }
        return WardleyMap.model_validate(content)

    # -- pipelines and elements ----------------------------------------------------

    def _pipelines(self, index: NameIndex) -> list[Pipeline]:
        blocks: list[tuple[int, dict[str, Any]]] = []
        merged: dict[str, RawPipeline] = {}
        for raw in self.state.pipelines:
            owner = self.meta_id(raw.line, raw.meta, "element") or index.exact(raw.name)
            if owner is None:
                if raw.children:
                    self.warn(
                        raw.line,
                        f"pipeline '{raw.name}' names no component: its components are kept "
                        "as plain components at visibility 0, where OWM draws them",
                    )
                else:
                    self.dropped.append((raw.line, f"pipeline '{raw.name}' names no component: left out"))
                for child in raw.children:
                    child.pipeline = None
                    child.visibility = _meta_visibility(child) or 0.0
                continue
            first = merged.get(owner)
            if first is None:
                merged[owner] = raw
            else:
                self._merge(first, raw)
        self._child_visibilities(merged)
        for owner, raw in merged.items():
            if raw.start is None and not raw.children and "start" not in raw.meta:
                # OWM draws nothing for ``pipeline X`` alone; maps use it to hide a pipeline.
                self.dropped.append(
                    (raw.line, f"pipeline '{raw.name}' has no [start, end] or block: hidden in OWM, left out")
                )
                continue
            maturities = [child.evolution for child in raw.children]
            start, end = (min(maturities), max(maturities)) if maturities else (raw.start, raw.end)
            start = raw.meta.get("start", start if start is not None else 0.2)
            end = raw.meta.get("end", end if end is not None else 0.8)
            members = [child.id for child in raw.children]
            wanted = raw.meta.get("members")
            if wanted is not None:
                if isinstance(wanted, list) and all(isinstance(m, str) and m in self.by_id for m in wanted):
                    members = wanted
                else:
                    self.warn(raw.line, "members in the wardley comment name unknown elements: block kept")
            blocks.append((raw.line, {"element": owner, "start": start, "end": end, "members": members}))
        return self._all(Pipeline, blocks, "pipeline")

    def _child_visibilities(self, merged: dict[str, RawPipeline]) -> None:
        """Children sit at their pipeline component's visibility, which may itself be a child's."""
        for child in (c for raw in merged.values() for c in raw.children):
            child.visibility = _meta_visibility(child)
        for _ in range(len(merged) + 1):
            changed = False
            for owner, raw in merged.items():
                parent_visibility = self.by_id[owner].visibility
                for child in raw.children:
                    if child.visibility is None and parent_visibility is not None:
                        child.visibility, changed = parent_visibility, True
            if not changed:
                break

    def _merge(self, first: RawPipeline, raw: RawPipeline) -> None:
        """A second ``pipeline X`` line adds to the first (maps often repeat a commented-out one)."""
        if raw.start is not None:
            if first.start is not None and (first.start, first.end) != (raw.start, raw.end):
                self.warn(raw.line, f"second pipeline '{raw.name}' with other ends: its ends are ignored")
            else:
                first.start, first.end = raw.start, raw.end
        first.children.extend(raw.children)
        for child in raw.children:
            child.pipeline = first

    def _elements(self) -> list[Element]:
        urls = self.state.urls
        prepared: list[tuple[RawElement, dict[str, Any], dict[str, Any] | None]] = []
        for raw in self.state.elements:
            url = None
            if raw.url_ref is not None:
                url = urls.get(raw.url_ref)
                if url is None:
                    self.warn(raw.line, f"url({raw.url_ref}) has no 'url {raw.url_ref} [...]' line: no url kept")
            data: dict[str, Any] = {
                "id": raw.id,
                "kind": raw.kind,
                "name": raw.name,
                "evolution": raw.evolution,
                "visibility": raw.visibility if raw.visibility is not None else 0.9,
                "label_offset": raw.label_offset,
                "method": raw.method,
                "inertia": raw.inertia,
                "url": url,
            }
            extra = None
            if raw.meta:
                extra = {key: raw.meta[key] for key in _ELEMENT_META if key in raw.meta}
                if is_kind(str(raw.meta.get("kind"))):
                    extra["kind"] = raw.meta["kind"]
            prepared.append((raw, data, extra or None))
        try:
            # One call for all: when every element is valid the result is the same as one by one.
            datas = [{**data, **extra} if extra else data for _, data, extra in prepared]
            return list_of(Element).validate_python(datas)  # type: ignore[no-any-return]
        except ValidationError:
            pass
        elements: list[Element] = []
        for raw, data, extra in prepared:
            element = None
            if extra:
                try:
                    element = Element.model_validate({**data, **extra})
                except ValidationError:
                    self.warn(raw.line, "wardley comment holds values that are not valid: they are ignored")
            element = element or self.valid(Element, data, raw.line, "element")
            if element is not None:
                elements.append(element)
            else:
                self.by_id.pop(raw.id, None)
        return elements

    def _methods(self, index: NameIndex, elements: list[Element]) -> None:
        positions = {element.id: i for i, element in enumerate(elements)}
        for raw in self.state.methods:
            found = index.exact(raw.name) or index.link_end(raw.name)
            if found is None or found not in positions:
                self.dropped.append((raw.line, f"{raw.method} '{raw.name}' names no element: left out"))
                continue
            i = positions[found]
            elements[i] = elements[i].model_copy(update={"method": raw.method})

    def _evolves(self, index: NameIndex) -> list[Evolve]:
        evolves: list[Evolve] = []
        evolved: set[str] = set()
        for raw in self.state.evolves:
            chosen = self.meta_id(raw.line, raw.meta, "element")
            targets = [chosen] if chosen else [t for t in index.every(raw.source) if t in self.by_id]
            if not targets:
                self.dropped.append((raw.line, f"evolve '{raw.source}' names no element: left out"))
                continue
            name = raw.meta.get("name") if isinstance(raw.meta.get("name"), str) else raw.new_name
            for target in targets:
                if target in evolved:
                    self.warn(raw.line, f"'{raw.source}' already has an evolve line: this one is skipped")
                    continue
                data = {"element": target, "evolution": raw.evolution, "name": name, "label_offset": raw.label_offset}
                evolve = self.valid(Evolve, data, raw.line, "evolve")
                if evolve is not None:
                    evolved.add(target)
                    evolves.append(evolve)
        return evolves

    def _links(self, index: NameIndex) -> list[Link]:
        # Warnings go to a list of their own until the links are known valid: if one is not,
        # the links are read again one by one, and that pass gives the warnings.
        problems, dropped = self.state.problems, self.dropped
        marks = len(problems), len(dropped), self.state.unlisted
        datas = self._link_data(index, validate=False)
        try:
            return list_of(Link).validate_python(datas)
        except ValidationError:
            del problems[marks[0] :], dropped[marks[1] :]
            self.state.unlisted = marks[2]
        return self._link_data(index, validate=True)  # type: ignore[return-value]

    def _link_data(self, index: NameIndex, validate: bool) -> list[dict[str, Any]] | list[Link]:
        """Each readable link as data (or, with ``validate``, as a Link: the invalid ones skipped)."""
        out: list[Any] = []
        seen: set[tuple[str, str]] = set()
        by_id, link_end, warn = self.by_id, index.link_end, self.warn
        for raw in self.state.links:
            meta = raw.meta
            if meta:
                source = self.meta_id(raw.line, meta, "source") or index.link_end(raw.source)
                target = self.meta_id(raw.line, meta, "target") or index.link_end(raw.target)
            else:
                source = link_end(raw.source)
                target = link_end(raw.target)
            if source is None or target is None or source not in by_id or target not in by_id:
                missing = raw.source if source is None or source not in by_id else raw.target
                self.dropped.append((raw.line, f"link end '{missing}' names no element: left out"))
                continue
            if source == target:
                warn(raw.line, f"'{raw.source}' is linked to itself: skipped")
                continue
            if (source, target) in seen:
                warn(raw.line, f"second link from '{raw.source}' to '{raw.target}': skipped")
                continue
            label, flow_label = raw.label, raw.flow_label
            if meta:
                label = meta["label"] if isinstance(meta.get("label"), str) else label
                flow_label = meta["flow_label"] if isinstance(meta.get("flow_label"), str) else flow_label
            data = {"source": source, "target": target, "flow": raw.flow, "flow_label": flow_label, "label": label}
            direction = raw.flow_direction
            if meta and meta.get("flow_direction") in _DIRECTIONS:
                direction = meta["flow_direction"]
            if direction != "forward":
                data["flow_direction"] = direction
            if validate:
                link = self.valid(Link, data, raw.line, "link")
                if link is None:
                    continue
                out.append(link)
            else:
                out.append(data)
            seen.add((source, target))
        return out

def _meta_visibility(raw: RawElement) -> float | None:
    value = raw.meta.get("visibility")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return None



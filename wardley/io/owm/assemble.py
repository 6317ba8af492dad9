"""Turning what the line reader collected into a valid map: names resolved to ids,
pipelines tied to their components, links checked the way our model demands."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from wardley.io.integrity import integrity_problems
from wardley.io.owm.names import NameIndex
from wardley.io.owm.reader_state import ReaderState
from wardley.io.owm.records import RawElement, RawPipeline
from wardley.io.problems import Problem
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
    Snapshot,
    WardleyMap,
)
from wardley.model.evolution import DEFAULT_STAGES

M = TypeVar("M", bound=BaseModel)
_KINDS = {"user", "need", "component", "market", "ecosystem", "submap"}
_ELEMENT_META = ("description", "confidence", "url")
#: Validating a whole list in one call saves pydantic's per-call overhead on every record.
_ELEMENTS = TypeAdapter(list[Element])
_LINKS = TypeAdapter(list[Link])


class Assembler:
    def __init__(self, state: ReaderState) -> None:
        self.state = state
        self.dropped: list[tuple[int, str]] = []
        self.by_id: dict[str, RawElement] = {raw.id: raw for raw in state.elements}

    def warn(self, line: int, message: str) -> None:
        self.state.warn(line, message)

    def valid(self, model: type[M], data: dict[str, Any], line: int, what: str) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            self.warn(line, f"{what} is not valid ({where}: {first['msg']}): skipped")
            return None

    def meta_id(self, line: int, meta: dict[str, Any], key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value in self.by_id:
            return value
        self.warn(line, f"{key} {value!r} in the wardley comment names no element: ignored")
        return None

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

    def _all(self, model: type[M], items: list[tuple[int, dict[str, Any]]], what: str) -> list[M]:
        return [m for m in (self.valid(model, item, line, what) for line, item in items) if m is not None]

    # -- pipelines and elements ----------------------------------------------------

    def _pipelines(self, index: NameIndex) -> list[Pipeline]:
        result: list[Pipeline] = []
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
            data = {"element": owner, "start": start, "end": end, "members": members}
            pipeline = self.valid(Pipeline, data, raw.line, "pipeline")
            if pipeline is not None:
                result.append(pipeline)
        return result

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
                if raw.meta.get("kind") in _KINDS:
                    extra["kind"] = raw.meta["kind"]
            prepared.append((raw, data, extra or None))
        try:
            # One call for all: when every element is valid the result is the same as one by one.
            return _ELEMENTS.validate_python([{**data, **extra} if extra else data for _, data, extra in prepared])
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
        marks = len(problems), len(dropped)
        datas = self._link_data(index, validate=False)
        try:
            return _LINKS.validate_python(datas)
        except ValidationError:
            del problems[marks[0] :], dropped[marks[1] :]
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
            if validate:
                link = self.valid(Link, data, raw.line, "link")
                if link is None:
                    continue
                out.append(link)
            else:
                out.append(data)
            seen.add((source, target))
        return out

    # -- map-level ----------------------------------------------------------------

    def _axis(self) -> dict[str, Any]:
        s, meta = self.state, self.state.map_meta
        axis: dict[str, Any] = {
            "stages": s.stages or DEFAULT_STAGES,
            "show_evolution": s.show_evolution,
            "show_value_chain": s.show_value_chain,
        }
        for key in ("stages", "boundaries"):
            if key in meta:
                axis[key] = meta[key]
        return axis

    def _ordered(self, elements: list[Element], order: Any, what: str) -> list[Element]:
        if order is None:
            return elements
        ids = [element.id for element in elements]
        if not isinstance(order, list) or sorted(map(str, order)) != sorted(ids):
            self.warn(self.state.map_meta_line, f"wardley-map {what} does not list the map's elements: file order kept")
            return elements
        place = {element_id: i for i, element_id in enumerate(order)}
        return sorted(elements, key=lambda element: place[element.id])

    def _ordered_pipelines(self, pipelines: list[Pipeline], order: Any) -> list[Pipeline]:
        if order is None:
            return pipelines
        owners = [pipeline.element for pipeline in pipelines]
        if not isinstance(order, list) or sorted(map(str, order)) != sorted(owners):
            self.warn(
                self.state.map_meta_line, "wardley-map pipelines does not list the map's pipelines: file order kept"
            )
            return pipelines
        place = {owner: i for i, owner in enumerate(order)}
        return sorted(pipelines, key=lambda pipeline: place[pipeline.element])

    def _snapshots(self) -> list[Snapshot]:
        snapshots: list[Snapshot] = []
        names: set[str] = set()
        for line, payload in self.state.snapshot_lines:
            try:
                snapshot = Snapshot.model_validate_json(payload)
            except (ValidationError, ValueError):
                self.warn(line, "wardley-snapshot comment is not a valid snapshot: skipped")
                continue
            content = snapshot.content.model_dump(mode="json")
            if integrity_problems(content) or snapshot.name in names:
                self.warn(line, f"snapshot '{snapshot.name}' is inconsistent or a duplicate: skipped")
                continue
            names.add(snapshot.name)
            snapshots.append(snapshot)
        return snapshots


def _meta_visibility(raw: RawElement) -> float | None:
    value = raw.meta.get("visibility")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return None


def owm_problems(items: list[tuple[int, str]]) -> list[Problem]:
    return [Problem(f"line {line}" if line else "", message) for line, message in sorted(items, key=lambda p: p[0])]

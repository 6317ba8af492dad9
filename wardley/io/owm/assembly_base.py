"""What the assembler shares: its warnings, validation one record or many, and the map-level parts
(axis, orderings from our ``wardley-map`` comment, snapshots)."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from wardley.io.bounded_validation import valid_snapshot
from wardley.io.integrity import integrity_problems
from wardley.io.owm.reader_state import ReaderState
from wardley.io.owm.records import RawElement
from wardley.io.problems import Problem
from wardley.model.entities import Element, Pipeline, Snapshot
from wardley.model.evolution import DEFAULT_STAGES

M = TypeVar("M", bound=BaseModel)


@cache
def list_of(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    """Validating a whole list in one call saves pydantic's per-call overhead on every record."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


class AssemblyBase:
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

    def _all(self, model: type[M], items: list[tuple[int, dict[str, Any]]], what: str) -> list[M]:
        """Each valid record; one call validates them all unless one is not (then one by one, with warnings)."""
        if not items:
            return []
        try:
            return list_of(model).validate_python([item for _, item in items])
        except ValidationError:
            return [m for m in (self.valid(model, item, line, what) for line, item in items) if m is not None]

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
        for line, data in self.state.snapshot_lines:
            snapshot = valid_snapshot(data)
            if snapshot is None:
                self.warn(line, "wardley-snapshot comment is not a valid snapshot: skipped")
                continue
            content = snapshot.content.model_dump(mode="json")
            if integrity_problems(content) or snapshot.name in names:
                self.warn(line, f"snapshot '{snapshot.name}' is inconsistent or a duplicate: skipped")
                continue
            names.add(snapshot.name)
            snapshots.append(snapshot)
        return snapshots


def owm_problems(items: list[tuple[int, str]]) -> list[Problem]:
    return [Problem(f"line {line}" if line else "", message) for line, message in sorted(items, key=lambda p: p[0])]

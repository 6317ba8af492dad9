"""What the line reader collects before names are resolved into a map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class RawElement:
    line: int
    id: str
    #: The name as written in the text: what links and evolve lines match.
    owm_name: str
    name: str
    kind: str
    group: int
    evolution: float
    visibility: float | None
    label_offset: tuple[float, float] | None = None
    method: str = "none"
    inertia: bool = False
    url_ref: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: Set for a ``component`` line inside a pipeline block.
    pipeline: RawPipeline | None = None


@dataclass(slots=True)
class RawPipeline:
    line: int
    name: str
    start: float | None
    end: float | None
    children: list[RawElement] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RawEvolve:
    line: int
    source: str
    new_name: str | None
    evolution: float
    label_offset: tuple[float, float] | None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RawLink:
    line: int
    source: str
    target: str
    flow: bool
    flow_label: str
    label: str
    meta: dict[str, Any] = field(default_factory=dict)
    #: "forward" (``+>``), "back" (``+<``) or "both" (``+<>``).
    flow_direction: str = "forward"


@dataclass(slots=True)
class RawMethod:
    """Legacy ``build X`` / ``buy X`` / ``outsource X``."""

    line: int
    name: str
    method: str

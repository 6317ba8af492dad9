"""The map document: data records, evolution axis, and the edit API. No Qt here."""

from wardley.model.document import EditError, MapDocument, Removal
from wardley.model.entities import (
    ACTOR_KINDS,
    Accelerator,
    Annotation,
    Attitude,
    Axis,
    Element,
    ElementKind,
    Evolve,
    Link,
    MapContent,
    Note,
    Pipeline,
    Point,
    Presentation,
    Snapshot,
    WardleyMap,
)
from wardley.model.events import Change, Signal
from wardley.model.evolution import DEFAULT_BOUNDARIES, DEFAULT_STAGES, stage_index, stage_name

__all__ = [
    "ACTOR_KINDS", "Accelerator", "Annotation", "Attitude", "Axis", "Change", "DEFAULT_BOUNDARIES",
    "DEFAULT_STAGES", "EditError", "Element", "ElementKind", "Evolve", "Link", "MapContent",
    "MapDocument", "Note", "Pipeline", "Point", "Presentation", "Removal", "Signal", "Snapshot",
    "WardleyMap", "stage_index", "stage_name",
]

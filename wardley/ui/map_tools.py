"""Insert-menu tools for what was only reachable by typing OWM text: numbered
annotations, accelerators and deaccelerators, and the pioneers / settlers / town
planners boxes. Each is one undo step through the model's edit API (a whole
collection replaced, as :class:`ReplaceCollectionCommand` does for snapshots)."""

from __future__ import annotations

from wardley.model import MapDocument
from wardley.model.entities import Accelerator, Annotation, Attitude, AttitudeKind, Point
from wardley.model.ids import unique_id
from wardley.ui.commands.map_level import ReplaceCollectionCommand

#: Where a new attitude box goes (left, right in evolution): over the stages that kind of
#: team works in; full height less a margin. The room then resizes it in the text or file.
ATTITUDE_SPAN: dict[AttitudeKind, tuple[float, float]] = {
    "pioneers": (0.02, 0.3),
    "settlers": (0.3, 0.68),
    "townplanners": (0.68, 0.98),
}
ATTITUDE_TITLE: dict[AttitudeKind, str] = {
    "pioneers": "Pioneers", "settlers": "Settlers", "townplanners": "Town planners",
}


def next_annotation_number(document: MapDocument) -> int:
    return max((a.number for a in document.map.annotations), default=0) + 1


def add_annotation(document: MapDocument, text: str, evolution: float, visibility: float) -> ReplaceCollectionCommand:
    """A numbered annotation (the next free number) with ``text``, at one point."""
    annotation = Annotation(
        number=next_annotation_number(document), text=text,
        positions=[Point(evolution=evolution, visibility=visibility)],
    )
    return ReplaceCollectionCommand(
        document, "annotations", [*document.map.annotations, annotation], f"Add annotation {annotation.number}"
    )


def add_accelerator(
    document: MapDocument, name: str, evolution: float, visibility: float, negative: bool = False
) -> ReplaceCollectionCommand:
    """An accelerator arrow (``negative``: a deaccelerator) named ``name``."""
    taken = {e.id for e in document.map.elements} | {n.id for n in document.map.notes} | {
        a.id for a in document.map.accelerators}
    accelerator = Accelerator(
        id=unique_id(name, taken, "accelerator"), name=name, evolution=evolution, visibility=visibility,
        negative=negative,
    )
    what = "deaccelerator" if negative else "accelerator"
    return ReplaceCollectionCommand(document, "accelerators", [*document.map.accelerators, accelerator], f"Add {what}")


def add_attitude(document: MapDocument, kind: AttitudeKind) -> ReplaceCollectionCommand:
    """A pioneers / settlers / town planners box over the stages that kind of team works in."""
    left, right = ATTITUDE_SPAN[kind]
    box = Attitude(kind=kind, top=0.95, bottom=0.05, left=left, right=right)
    return ReplaceCollectionCommand(
        document, "attitudes", [*document.map.attitudes, box], f"Add {ATTITUDE_TITLE[kind].lower()} box"
    )

"""Insert-menu tools for what was only reachable by typing OWM text: numbered
annotations, accelerators and deaccelerators, and the pioneers / settlers / town
planners boxes. Each is one undo step through the model's edit API (a whole
collection replaced, as :class:`ReplaceCollectionCommand` does for snapshots)."""

from __future__ import annotations

from typing import Any

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


def attitude_over(kind: AttitudeKind, left: float, top: float, right: float, bottom: float) -> Attitude:
    """A box of ``kind`` with these edges (in map units, any order), kept inside the map."""
    xs, ys = sorted((_clamp(left), _clamp(right))), sorted((_clamp(top), _clamp(bottom)))
    return Attitude(kind=kind, left=xs[0], right=xs[1], top=ys[1], bottom=ys[0])


def add_attitude_at(
    document: MapDocument, kind: AttitudeKind, left: float, top: float, right: float, bottom: float
) -> ReplaceCollectionCommand:
    """A box drawn on the canvas: where the drag went, not the stage-wide default."""
    box = attitude_over(kind, left, top, right, bottom)
    return ReplaceCollectionCommand(
        document, "attitudes", [*document.map.attitudes, box], f"Add {ATTITUDE_TITLE[kind].lower()} box"
    )


#: What moves, per collection: the item's place in the list, and by how much (evolution, visibility).
Moves = dict[str, dict[int, tuple[float, float]]]


def move_extras(document: MapDocument, moves: Moves, merge_id: int = -1) -> list[ReplaceCollectionCommand]:
    """One command per collection that a drag moved; nothing leaves the map. A box keeps
    its size, so one pushed against an edge stops there rather than shrinking."""
    commands: list[ReplaceCollectionCommand] = []
    m = document.map
    for name, by_index in moves.items():
        current: list[Any] = list(getattr(m, name))
        changed = [
            _moved(record, *by_index[i]) if i in by_index else record for i, record in enumerate(current)
        ]
        if changed != current:
            what = {"annotations": "annotation", "accelerators": "accelerator", "attitudes": "box"}[name]
            commands.append(
                ReplaceCollectionCommand(document, name, changed, f"Move {what}", merge_id, frozenset(by_index))
            )
    return commands


def resize_attitude(
    document: MapDocument, index: int, left: float, top: float, right: float, bottom: float
) -> ReplaceCollectionCommand | None:
    boxes = list(document.map.attitudes)
    if not 0 <= index < len(boxes):
        return None
    box = attitude_over(boxes[index].kind, left, top, right, bottom)
    if box == boxes[index]:
        return None
    boxes[index] = box
    return ReplaceCollectionCommand(document, "attitudes", boxes, f"Resize {ATTITUDE_TITLE[box.kind].lower()} box")


def remove_extras(document: MapDocument, picked: dict[str, set[int]]) -> list[ReplaceCollectionCommand]:
    commands: list[ReplaceCollectionCommand] = []
    for name, indexes in picked.items():
        current: list[Any] = list(getattr(document.map, name))
        kept = [record for i, record in enumerate(current) if i not in indexes]
        if len(kept) != len(current):
            what = {"annotations": "annotation", "accelerators": "accelerator", "attitudes": "box"}[name]
            commands.append(ReplaceCollectionCommand(document, name, kept, f"Delete {what}"))
    return commands


def set_annotation_text(document: MapDocument, index: int, text: str) -> ReplaceCollectionCommand | None:
    annotations = list(document.map.annotations)
    if not 0 <= index < len(annotations) or annotations[index].text == text:
        return None
    annotations[index] = annotations[index].model_copy(update={"text": text})
    number = annotations[index].number
    return ReplaceCollectionCommand(document, "annotations", annotations, f"Edit annotation {number}")


def rename_accelerator(document: MapDocument, index: int, name: str) -> ReplaceCollectionCommand | None:
    accelerators = list(document.map.accelerators)
    if not name.strip() or not 0 <= index < len(accelerators) or accelerators[index].name == name:
        return None
    accelerators[index] = accelerators[index].model_copy(update={"name": name})
    return ReplaceCollectionCommand(document, "accelerators", accelerators, f"Rename to {name}")


def _moved(record: Any, d_evolution: float, d_visibility: float) -> Any:
    if isinstance(record, Annotation):
        points = [
            Point(evolution=_clamp(p.evolution + d_evolution), visibility=_clamp(p.visibility + d_visibility))
            for p in record.positions
        ]
        return record.model_copy(update={"positions": points})
    if isinstance(record, Accelerator):
        return record.model_copy(update={
            "evolution": _clamp(record.evolution + d_evolution), "visibility": _clamp(record.visibility + d_visibility),
        })
    assert isinstance(record, Attitude)
    left, right = sorted((record.left, record.right))
    bottom, top = sorted((record.bottom, record.top))
    dx = min(max(d_evolution, -left), 1.0 - right)
    dy = min(max(d_visibility, -bottom), 1.0 - top)
    return attitude_over(record.kind, left + dx, top + dy, right + dx, bottom + dy)


def _clamp(value: float) -> float:
    return round(min(max(value, 0.0), 1.0), 4)

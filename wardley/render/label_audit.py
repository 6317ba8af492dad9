"""What is wrong with a scene's labels as drawn: labels over labels, labels over
another element's symbol (or an accelerator arrow, an attitude title, a note),
labels crossed by a line that is not their own. Read back from the items, so it
measures what the canvas and the exports really show; the label benchmark and
the tests use it, and export uses it to say which hand-set labels it moved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from wardley.render.geometry import MAP_HEIGHT, scene_x, to_scene
from wardley.render.items.evolve_pipeline import FUTURE_RADIUS
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.notes import MARKER_RADIUS, NoteItem
from wardley.render.items.symbols import METHOD_RADIUS, symbol_radius
from wardley.render.label_geometry import Box, Circle, Grid, Segment

if TYPE_CHECKING:
    from wardley.render.scene import MapScene

#: Overlaps smaller than this (square units) are antialiasing, not a fault.
SLIVER = 0.5


@dataclass(frozen=True, slots=True)
class DrawnLabel:
    #: ("element" | "evolve" | "accelerator", id): what the label names.
    key: tuple[str, str]
    #: The element (or accelerator) it belongs to: its own symbol and lines are no fault.
    owner: str
    box: Box


@dataclass
class LabelAudit:
    labels: list[DrawnLabel] = field(default_factory=list)
    #: Keys of labels lying over another label (each pair counted once in ``label_pairs``).
    label_pairs: int = 0
    over_label: set[tuple[str, str]] = field(default_factory=set)
    over_symbol: set[tuple[str, str]] = field(default_factory=set)
    crossed: set[tuple[str, str]] = field(default_factory=set)

    @property
    def clean(self) -> bool:
        """No label over a label or over a foreign symbol."""
        return not self.over_label and not self.over_symbol


def _box(rect: QRectF) -> Box:
    return Box(rect.left(), rect.top(), rect.right(), rect.bottom())


def drawn_labels(scene: MapScene) -> list[DrawnLabel]:
    found: list[DrawnLabel] = []
    for element_id, item in scene.elements.items():
        found.append(DrawnLabel(("element", element_id), element_id, _box(item.label_rect().translated(item.pos()))))
    for element_id, evolve in scene.evolves.items():
        found.append(DrawnLabel(("evolve", element_id), element_id, _box(evolve.label_rect())))
    for index, accelerator in enumerate(scene.accelerator_items()):
        found.append(DrawnLabel(("accelerator", str(index)), f"accelerator {index}", _box(accelerator.label_scene_rect())))
    return found


def audit_labels(scene: MapScene) -> LabelAudit:
    """Every fault of the scene's labels as they are drawn now."""
    audit = LabelAudit(labels=drawn_labels(scene))
    symbols: list[tuple[str, Circle]] = []
    for element_id, item in scene.elements.items():
        e = item.element
        r = METHOD_RADIUS if e.method != "none" else symbol_radius(e.kind)
        symbols.append((element_id, Circle(item.pos().x(), item.pos().y(), r)))
    for element_id, evolve in scene.evolves.items():
        end = evolve.future_point()
        symbols.append((element_id, Circle(end.x(), end.y(), FUTURE_RADIUS)))
    for annotation in scene.document.map.annotations:
        for point in annotation.positions:
            centre = to_scene(point.evolution, point.visibility)
            symbols.append(("", Circle(centre.x(), centre.y(), MARKER_RADIUS)))
    boxes: list[tuple[str, Box]] = []
    for index, accelerator in enumerate(scene.accelerator_items()):
        boxes.append((f"accelerator {index}", _box(accelerator.arrow_scene_rect())))
    for drawn in scene.items():
        if isinstance(drawn, AttitudeItem):
            boxes.append(("", _box(drawn.title_rect())))
        elif isinstance(drawn, NoteItem):
            boxes.append(("", _box(drawn.sceneBoundingRect())))
    lines: list[tuple[frozenset[str], Segment]] = []
    for (source, target), link in scene.links.items():
        a, b = link.source_item.pos(), link.target_item.pos()
        lines.append((frozenset((source, target)), Segment(a.x(), a.y(), b.x(), b.y())))
    for element_id, evolve in scene.evolves.items():
        a, b = evolve.element_item.pos(), evolve.future_point()
        lines.append((frozenset((element_id,)), Segment(a.x(), a.y(), b.x(), b.y())))
    axis = scene.document.map.axis
    if axis.show_evolution:
        for boundary in axis.boundaries:
            x = scene_x(boundary)
            lines.append((frozenset(), Segment(x, 0.0, x, MAP_HEIGHT)))

    grid = Grid(64.0)
    for index, label in enumerate(audit.labels):
        for other in grid.near(label.box):
            if label.box.overlap_area(audit.labels[other].box) > SLIVER:
                audit.label_pairs += 1
                audit.over_label.update((label.key, audit.labels[other].key))
        grid.add(index, label.box)
    for label in audit.labels:
        box = label.box
        if any(owner != label.owner and box.hits_circle(c) for owner, c in symbols) or any(
            owner != label.owner and box.overlap_area(b) > SLIVER for owner, b in boxes
        ):
            audit.over_symbol.add(label.key)
        if any(label.owner not in owners and box.hits_segment(s) for owners, s in lines):
            audit.crossed.add(label.key)
    return audit

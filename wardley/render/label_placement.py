"""The scene's side of label placement: reads symbols, lines and labels from a
MapScene into plain geometry, runs :mod:`wardley.render.label_layout`, and
gives each element and evolve item the offset it chose. The model is never
written: an automatic position is a drawing decision, recomputed each time,
while a position the user set (``label_offset``) is kept as it is, unless it
strays more than STRAY_OFFSET from its symbol (then it is placed as if unset)."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from wardley.render.geometry import MAP_RECT, to_scene
from wardley.render.items.element import DEFAULT_LABEL_OFFSET, ElementItem, label_offset
from wardley.render.items.evolve_pipeline import FUTURE_RADIUS, PipelineItem
from wardley.render.items.forces import AcceleratorItem
from wardley.render.items.notes import MARKER_RADIUS, AnnotationLegendItem, NoteItem
from wardley.render.items.symbols import METHOD_RADIUS, inertia_rect, symbol_radius
from wardley.render.label_layout import Box, Circle, LabelSpec, LayoutProblem, Segment, place_labels

if TYPE_CHECKING:
    from wardley.render.scene import MapScene

#: A hand-set offset farther than this from its symbol (OWM files hold some of
#: thousands of pixels) is a slip, not a choice: that label is placed like any other.
STRAY_OFFSET = 200.0

#: Items that stay put and that labels should not cover.
OBSTACLE_TYPES = (NoteItem, PipelineItem, AcceleratorItem, AnnotationLegendItem)


def _box(rect: QRectF) -> Box:
    return Box(rect.left(), rect.top(), rect.right(), rect.bottom())


def _reach(item: ElementItem) -> float:
    e = item.element
    return METHOD_RADIUS if e.method != "none" else symbol_radius(e.kind)


def _kept(offset: tuple[float, float] | None) -> tuple[float, float] | None:
    """The user's offset, unless there is none or it strays."""
    if offset is None or math.hypot(*offset) > STRAY_OFFSET:
        return None
    return offset


def layout_problem(scene: MapScene) -> LayoutProblem:
    """The labels to place and what they should keep clear of, in scene units."""
    ctx = scene.ctx
    problem = LayoutProblem(bounds=_box(MAP_RECT))
    for element_id, item in scene.elements.items():
        e = item.element
        pos = item.pos()
        reach = _reach(item)
        problem.symbols.append(Circle(pos.x(), pos.y(), reach))
        if e.inertia:
            problem.obstacles.append(_box(inertia_rect(e.kind, e.method).translated(pos)))
        metrics = ctx.bold_metrics if e.kind in ("user", "need") else ctx.label_metrics
        rect = item.label_rect()
        hand_set = _kept(e.label_offset)
        problem.labels.append(
            LabelSpec(
                key=("element", element_id),
                x=pos.x(), y=pos.y(),
                width=rect.width(), height=rect.height(),
                ascent=metrics.ascent(), lift=rect.height() - metrics.lineSpacing(),
                radius=reach,
                offset=hand_set or label_offset(e.model_copy(update={"label_offset": None})),
                fixed=hand_set is not None,
            )
        )
    for link in scene.links.values():
        a, b = link.source_item.pos(), link.target_item.pos()
        problem.lines.append(Segment(a.x(), a.y(), b.x(), b.y()))
    metrics = ctx.label_metrics
    for element_id, evolve in scene.evolves.items():
        start, end = evolve.element_item.pos(), evolve.future_point()
        problem.lines.append(Segment(start.x(), start.y(), end.x(), end.y()))
        problem.symbols.append(Circle(end.x(), end.y(), FUTURE_RADIUS))
        rect = evolve.label_rect()
        hand_set = _kept(evolve.evolve.label_offset)
        problem.labels.append(
            LabelSpec(
                key=("evolve", element_id),
                x=end.x(), y=end.y(),
                width=rect.width(), height=rect.height(),
                ascent=metrics.ascent(), lift=rect.height() - metrics.lineSpacing(),
                radius=FUTURE_RADIUS,
                offset=hand_set or DEFAULT_LABEL_OFFSET,
                fixed=hand_set is not None,
            )
        )
    for other in scene.items():
        if isinstance(other, OBSTACLE_TYPES):
            problem.obstacles.append(_box(other.sceneBoundingRect()))
    for annotation in scene.document.map.annotations:
        for point in annotation.positions:
            centre = to_scene(point.evolution, point.visibility)
            problem.symbols.append(Circle(centre.x(), centre.y(), MARKER_RADIUS))
    return problem


def apply_label_layout(scene: MapScene) -> dict[Hashable, tuple[float, float]]:
    """Place every label of the scene; returns the chosen offsets by key."""
    problem = layout_problem(scene)
    offsets = place_labels(problem)
    fixed = {label.key for label in problem.labels if label.fixed}
    for (kind, element_id), offset in offsets.items():  # type: ignore[misc]
        auto = None if (kind, element_id) in fixed else offset
        target = scene.elements.get(element_id) if kind == "element" else scene.evolves.get(element_id)
        if target is not None:
            target.set_auto_label_offset(auto)
    return offsets

"""The scene's side of label placement: reads symbols, lines and labels from a
MapScene into plain geometry, runs :mod:`wardley.render.label_layout`, and
gives each element, evolve and accelerator item the offset it chose. The model
is never written: an automatic position is a drawing decision, recomputed each
time. A position the user set (``label_offset``) is kept as it is unless it
collides (lies over another label, a symbol or an obstacle, is crossed by a line,
or sits nearer another symbol than its own) and a clear spot exists nearby; then
it is moved for the drawing and the scene lists it in ``moved_hand_set_labels``.
One straying more than STRAY_OFFSET from its symbol is placed as if unset.
Lines that still cross a label (no clear spot) run under a halo behind its text."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from wardley.render.context import LABEL_WRAP_WIDTH, wrap_lines
from wardley.render.geometry import MAP_HEIGHT, MAP_RECT, scene_x, to_scene
from wardley.render.items.element import DEFAULT_LABEL_OFFSET, ElementItem, label_offset, left_of_symbol
from wardley.render.items.evolve_pipeline import FUTURE_RADIUS, EvolveItem, PipelineItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.notes import MARKER_RADIUS, AnnotationLegendItem, NoteItem
from wardley.model.kinds import kind_info
from wardley.render.items.symbols import METHOD_RADIUS, inertia_rect, symbol_radius
from wardley.render.label_layout import Box, Circle, LabelSpec, LayoutProblem, Segment, crossed_labels, place_labels_and_shapes

if TYPE_CHECKING:
    from wardley.render.scene import MapScene

#: A hand-set offset farther than this from its symbol (OWM files hold some of
#: thousands of pixels) is a slip, not a choice: that label is placed like any other.
STRAY_OFFSET = 200.0

#: Items that stay put and that labels should not cover.
OBSTACLE_TYPES = (NoteItem, PipelineItem, AnnotationLegendItem)
#: With ``Theme.labels_nearest_symbol``: what a label whose middle lies nearer another symbol
#: costs. More than two crossing lines (they run under a halo), less than covering a symbol.
NEAREST_SYMBOL = 150.0
#: How far an accelerator arrow reaches from its centre (its label keeps clear of it).
ACCELERATOR_REACH = 26.0


def _box(rect: QRectF) -> Box:
    return Box(rect.left(), rect.top(), rect.right(), rect.bottom())


def _reach(item: ElementItem) -> float:
    e = item.element
    return METHOD_RADIUS if e.method != "none" else symbol_radius(e.kind)


def _text_size(name: str, metrics: QFontMetricsF, wrap: float) -> tuple[float, float]:
    """Width and height of ``name`` wrapped at ``wrap``, as the label items draw it."""
    lines = wrap_lines(name, metrics, wrap)
    return max((metrics.horizontalAdvance(line) for line in lines), default=0.0), metrics.lineSpacing() * len(lines)


def _shaped(spec: LabelSpec, name: str, metrics: QFontMetricsF, narrow: dict[Hashable, float]) -> LabelSpec:
    """``spec`` at the usual wrap; a name that fits on one line also gets a narrow shape, broken
    at the space that best halves it (its wrap width goes into ``narrow``): two short lines
    often fit between lines where one long one cannot."""
    width, height = _text_size(name, metrics, LABEL_WRAP_WIDTH)
    spec = replace(spec, width=width, height=height, lift=height - metrics.lineSpacing())
    words = name.split(" ")
    if spec.hand_set or len(words) < 2 or height > metrics.lineSpacing() * 1.5:
        return spec
    wrap = min(
        max(metrics.horizontalAdvance(" ".join(words[:k])), metrics.horizontalAdvance(" ".join(words[k:])))
        for k in range(1, len(words))
    ) + 0.5
    narrow_width, narrow_height = _text_size(name, metrics, wrap)
    if narrow_width > width * 0.8:
        return spec
    narrow[spec.key] = wrap
    shape = replace(spec, width=narrow_width, height=narrow_height, lift=narrow_height - metrics.lineSpacing())
    return replace(spec, narrow=shape)


def _kept(offset: tuple[float, float] | None, scale: float) -> tuple[float, float] | None:
    """The user's offset as drawn (times the theme's label scale), unless there is none or it strays."""
    if offset is None or math.hypot(*offset) > STRAY_OFFSET:
        return None
    return offset[0] * scale, offset[1] * scale


def layout_problem(scene: MapScene, narrow: dict[Hashable, float] | None = None) -> LayoutProblem:
    """The labels to place and what they should keep clear of, in scene units. Labels that
    may be drawn narrower have their wrap width put in ``narrow``."""
    narrow = {} if narrow is None else narrow
    ctx = scene.ctx
    scale = ctx.theme.label_scale
    problem = LayoutProblem(bounds=_box(MAP_RECT), middle_weight=NEAREST_SYMBOL if ctx.theme.labels_nearest_symbol else 0.0)
    for element_id, item in scene.elements.items():
        e = item.element
        pos = item.pos()
        reach = _reach(item)
        problem.symbols.append(Circle(pos.x(), pos.y(), reach))
        if e.inertia:
            problem.obstacles.append(_box(inertia_rect(e.kind, e.method).translated(pos)))
        metrics = ctx.bold_metrics if kind_info(e.kind).actor else ctx.label_metrics
        rect = item.label_rect()
        hand_set = _kept(e.label_offset, scale) if scene.keep_hand_set_labels else None
        if hand_set is not None:
            hand_set = (left_of_symbol(hand_set[0], rect.width(), reach), hand_set[1])
        spec = LabelSpec(
            key=("element", element_id),
            x=pos.x(), y=pos.y(),
            width=rect.width(), height=rect.height(),
            ascent=metrics.ascent(), lift=rect.height() - metrics.lineSpacing(),
            radius=reach,
            owner=element_id,
            offset=hand_set or label_offset(e.model_copy(update={"label_offset": None})),
            hand_set=hand_set is not None,
        )
        problem.labels.append(_shaped(spec, e.name, metrics, narrow))
    for (source, target), link in scene.links.items():
        a, b = link.source_item.pos(), link.target_item.pos()
        problem.lines.append(Segment(a.x(), a.y(), b.x(), b.y()))
        problem.line_owners.append(frozenset((source, target)))
    for a, b in scene.overlay_lines:
        problem.lines.append(Segment(a.x(), a.y(), b.x(), b.y()))
        problem.line_owners.append(frozenset())
    metrics = ctx.label_metrics
    for element_id, evolve in scene.evolves.items():
        start, end = evolve.element_item.pos(), evolve.future_point()
        problem.lines.append(Segment(start.x(), start.y(), end.x(), end.y()))
        problem.line_owners.append(frozenset((element_id,)))
        problem.symbols.append(Circle(end.x(), end.y(), FUTURE_RADIUS))
        rect = evolve.label_rect()
        hand_set = _kept(evolve.evolve.label_offset, scale) if scene.keep_hand_set_labels else None
        spec = LabelSpec(
            key=("evolve", element_id),
            x=end.x(), y=end.y(),
            width=rect.width(), height=rect.height(),
            ascent=metrics.ascent(), lift=rect.height() - metrics.lineSpacing(),
            radius=FUTURE_RADIUS,
            owner=element_id,
            offset=hand_set or DEFAULT_LABEL_OFFSET,
            hand_set=hand_set is not None,
        )
        problem.labels.append(_shaped(spec, evolve.label_name(), metrics, narrow))
    if scene.document.map.axis.show_evolution:
        for boundary in scene.document.map.axis.boundaries:
            problem.lines.append(Segment(scene_x(boundary), 0.0, scene_x(boundary), MAP_HEIGHT))
            problem.line_owners.append(frozenset())
    for index, accelerator in enumerate(scene.accelerator_items()):
        pos = accelerator.pos()
        problem.obstacles.append(_box(accelerator.arrow_scene_rect()))
        rect = accelerator.label_rect()
        problem.labels.append(
            LabelSpec(
                key=("accelerator", str(index)),
                x=pos.x(), y=pos.y(),
                width=rect.width(), height=rect.height(),
                ascent=metrics.ascent(), lift=rect.height() - metrics.lineSpacing(),
                radius=ACCELERATOR_REACH,
                offset=accelerator.default_label_offset(),
            )
        )
    for other in scene.items():
        if isinstance(other, OBSTACLE_TYPES):
            problem.obstacles.append(_box(other.sceneBoundingRect()))
        elif isinstance(other, AttitudeItem):  # only its title: labels may sit inside the box
            problem.obstacles.append(_box(other.title_rect()))
    for annotation in scene.document.map.annotations:
        for point in annotation.positions:
            centre = to_scene(point.evolution, point.visibility)
            problem.symbols.append(Circle(centre.x(), centre.y(), MARKER_RADIUS))
    return problem


def apply_label_layout(scene: MapScene) -> dict[Hashable, tuple[float, float]]:
    """Place every label of the scene; returns the chosen offsets by key."""
    wraps: dict[Hashable, float] = {}
    problem = layout_problem(scene, wraps)
    offsets, narrowed = place_labels_and_shapes(problem)
    crossed = crossed_labels(problem, offsets, narrowed)
    kept = {label.key: label.offset for label in problem.labels if label.fixed or label.hand_set}
    moved: list[str] = []
    accelerators = scene.accelerator_items()
    for key, offset in offsets.items():
        kind, ident = str(key[0]), str(key[1])  # type: ignore[index]
        auto = None if kept.get(key) == offset else offset
        target: ElementItem | EvolveItem | AcceleratorItem | None
        if kind == "element":
            target = scene.elements.get(ident)
        elif kind == "evolve":
            target = scene.evolves.get(ident)
        else:
            target = accelerators[int(ident)]
        if target is None:
            continue
        if isinstance(target, AcceleratorItem):
            target.set_auto_label_offset(auto)
        else:
            target.set_auto_label_offset(auto, wraps[key] if key in narrowed else None)
        target.set_label_halo(key in crossed)
        if key in kept and auto is not None:
            moved.append(target.label_name())
    scene.moved_hand_set_labels = moved
    place_link_labels(scene, problem.symbols)
    return offsets


#: A link label reaching a symbol's centre costs as much as overlapping this many other labels.
SYMBOL_WEIGHT = 2.0
#: ...and one struck through by its own line costs this much.
OWN_LINE = 0.5
#: Where a link's labels may sit along its line, best first: the middle, then either side.
LINK_LABEL_STOPS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)


def place_link_labels(scene: MapScene, symbols: list[Circle]) -> None:
    """Slide each link's labels ("fines", a flow label) along its line to a stop clear of
    symbols and element labels: at the middle they can sit under another element's symbol,
    which is drawn over them, and the word is lost from the picture."""
    labelled = [link for link in scene.links.values() if link.has_labels()]
    if not labelled:
        return
    labelled_items: list[ElementItem | EvolveItem] = [*scene.elements.values(), *scene.evolves.values()]
    taken = [item.mapRectToScene(item.label_rect()) for item in labelled_items]
    for link in labelled:
        # Only what lies near this line can clash with its labels.
        stops = [(t, left) for t in LINK_LABEL_STOPS for left in (False, True)]
        rects = {stop: link.labels_rect_at(*stop) for stop in stops}
        area = QRectF()
        for rect in rects.values():
            area = area.united(rect)
        near_symbols = [c for c in symbols if _depth(c, area) > 0.0]
        near_labels = [other for other in taken if other.intersects(area)]
        a, b = link.source_item.pos(), link.target_item.pos()
        own_line = Segment(a.x(), a.y(), b.x(), b.y())
        best, best_cost = stops[0], math.inf
        for stop in stops:
            rect = rects[stop]
            # Under a symbol a label is lost (the symbol is drawn over it); over another label both
            # still show in part. So symbols weigh more, and by how deep the label reaches into them.
            cost = SYMBOL_WEIGHT * sum(_depth(c, rect) for c in near_symbols) + sum(
                1.0 for o in near_labels if o.intersects(rect)
            )
            if _box(rect).hits_segment(own_line):
                cost += OWN_LINE  # struck through by its own line (a rising line, text to its right)
            if cost < best_cost:
                best, best_cost = stop, cost
            if cost == 0:
                break
        link.set_label_at(*best)
        taken.append(link.labels_rect_at(*best))


def _depth(circle: Circle, rect: QRectF) -> float:
    """How far ``rect`` reaches into ``circle``: 0 clear, 1 over its centre."""
    nearest_x = min(max(circle.x, rect.left()), rect.right())
    nearest_y = min(max(circle.y, rect.top()), rect.bottom())
    return max(0.0, 1.0 - math.hypot(circle.x - nearest_x, circle.y - nearest_y) / circle.r)

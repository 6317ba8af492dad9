"""Label placement as plain geometry: boxes, circles and segments in scene
units (x right, y down). No Qt here, so it is quick to test and to reason about.

Each label has an anchor (its symbol's centre), a size and a preferred offset
(OWM's default, or one the user set). Labels the user placed by hand are
``fixed``: they never move but others keep clear of them. A free label stays
where it prefers unless it overlaps another label, covers a symbol, crosses a
line or leaves the map; then it takes the cheapest of a ring of positions
around its symbol. A few passes settle chains of moves."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

Offset = tuple[float, float]

# Costs: any overlap with a label must outweigh any move, so it wins first.
LABEL_OVERLAP = 1000.0
SYMBOL_OVERLAP = 400.0
OBSTACLE_OVERLAP = 300.0
LINE_CROSSING = 30.0
#: Closer to another symbol than to its own: a reader may pin it on the wrong one.
AMBIGUOUS = 60.0
OUTSIDE = 800.0
MOVE = 6.0
DISTANCE = 0.1
#: Left of the symbol reads slightly worse than right (OWM's habit is right).
LEFT_SIDE = 3.0
GAP = 3.0
#: Extra distance of each ring of candidate positions, and what using it costs:
#: outer rings are for escaping overlaps, not for dodging a line.
RINGS = ((0.0, 0.0), (10.0, 14.0), (24.0, 36.0))
MAX_PASSES = 4
CELL = 64.0


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap_area(self, other: Box) -> float:
        w = min(self.right, other.right) - max(self.left, other.left)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return w * h if w > 0 and h > 0 else 0.0

    def area_outside(self, bounds: Box) -> float:
        return (self.right - self.left) * (self.bottom - self.top) - self.overlap_area(bounds)

    def hits_circle(self, circle: Circle) -> bool:
        nx = min(max(circle.x, self.left), self.right)
        ny = min(max(circle.y, self.top), self.bottom)
        return (circle.x - nx) ** 2 + (circle.y - ny) ** 2 < circle.r * circle.r

    def hits_segment(self, s: Segment) -> bool:
        """Liang-Barsky clipping: does any part of the segment lie inside?"""
        dx, dy = s.x2 - s.x1, s.y2 - s.y1
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, s.x1 - self.left), (dx, self.right - s.x1), (-dy, s.y1 - self.top), (dy, self.bottom - s.y1)):
            if p == 0.0:
                if q < 0.0:
                    return False
                continue
            t = q / p
            if p < 0.0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
        return True


@dataclass(frozen=True, slots=True)
class Circle:
    x: float
    y: float
    r: float


@dataclass(frozen=True, slots=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class LabelSpec:
    key: Hashable
    #: The symbol's centre.
    x: float
    y: float
    width: float
    height: float
    #: The offset's y is the first line's baseline, this far below the box's top.
    ascent: float
    #: How far from the anchor the symbol reaches (labels keep clear of it).
    radius: float
    offset: Offset
    fixed: bool = False
    #: A label placed above its anchor (offset y < 0) grows upwards: its last
    #: line sits on the offset's baseline, so the box rises by this much.
    lift: float = 0.0

    def box(self, offset: Offset) -> Box:
        left = self.x + offset[0]
        top = self.y + offset[1] - self.ascent - (self.lift if offset[1] < 0 else 0.0)
        return Box(left, top, left + self.width, top + self.height)

    def offset_for(self, left: float, top: float) -> Offset:
        """The offset whose box has this top-left corner (relative to the anchor)."""
        dy = top + self.ascent
        if dy + self.lift < 0:
            dy += self.lift
        elif dy < 0:
            dy = 0.0  # between the two rules: sit just below the baseline instead
        return round(left, 2), round(dy, 2)


@dataclass
class LayoutProblem:
    labels: list[LabelSpec] = field(default_factory=list)
    symbols: list[Circle] = field(default_factory=list)
    lines: list[Segment] = field(default_factory=list)
    #: Text and boxes that do not move (notes, link labels, pipelines).
    obstacles: list[Box] = field(default_factory=list)
    bounds: Box | None = None


class _Grid:
    """Buckets of item indices by CELL-sized squares, for neighbour queries."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], set[int]] = {}

    @staticmethod
    def _span(box: Box, pad: int = 0) -> Iterable[tuple[int, int]]:
        for i in range(math.floor(box.left / CELL) - pad, math.floor(box.right / CELL) + pad + 1):
            for j in range(math.floor(box.top / CELL) - pad, math.floor(box.bottom / CELL) + pad + 1):
                yield i, j

    def add(self, index: int, box: Box) -> None:
        for cell in self._span(box):
            self.cells.setdefault(cell, set()).add(index)

    def add_cells(self, index: int, cells: Iterable[tuple[int, int]]) -> None:
        for cell in cells:
            self.cells.setdefault(cell, set()).add(index)

    def remove(self, index: int, box: Box) -> None:
        for cell in self._span(box):
            self.cells.get(cell, set()).discard(index)

    def near(self, box: Box, pad: int = 0) -> set[int]:
        found: set[int] = set()
        for cell in self._span(box, pad):
            bucket = self.cells.get(cell)
            if bucket:
                found |= bucket
        return found


def _segment_cells(s: Segment) -> set[tuple[int, int]]:
    # Samples every half cell; queries look one cell further to cover what falls between.
    steps = max(1, math.ceil(math.hypot(s.x2 - s.x1, s.y2 - s.y1) / (CELL / 2)))
    return {
        (math.floor((s.x1 + (s.x2 - s.x1) * k / steps) / CELL), math.floor((s.y1 + (s.y2 - s.y1) * k / steps) / CELL))
        for k in range(steps + 1)
    }


class _Layout:
    def __init__(self, problem: LayoutProblem) -> None:
        self.p = problem
        self.offsets: list[Offset] = [label.offset for label in problem.labels]
        self.boxes: list[Box] = [label.box(label.offset) for label in problem.labels]
        self.preference: list[float] = [0.0] * len(problem.labels)
        self.label_grid = _Grid()
        for index, box in enumerate(self.boxes):
            self.label_grid.add(index, box)
        self.symbol_grid = _Grid()
        for index, c in enumerate(problem.symbols):
            self.symbol_grid.add(index, Box(c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r))
        self.line_grid = _Grid()
        for index, s in enumerate(problem.lines):
            self.line_grid.add_cells(index, _segment_cells(s))
        self.obstacle_grid = _Grid()
        for index, box in enumerate(problem.obstacles):
            self.obstacle_grid.add(index, box)

    def conflict(self, index: int, box: Box) -> float:
        """What is wrong with label ``index`` at ``box`` (0 when nothing)."""
        cost = 0.0
        for other in self.label_grid.near(box):
            if other != index:
                area = box.overlap_area(self.boxes[other])
                if area > 0.5:
                    cost += LABEL_OVERLAP + area
        for k in self.symbol_grid.near(box):
            if box.hits_circle(self.p.symbols[k]):
                cost += SYMBOL_OVERLAP
        for k in self.line_grid.near(box, pad=1):
            if box.hits_segment(self.p.lines[k]):
                cost += LINE_CROSSING
        for k in self.obstacle_grid.near(box):
            area = box.overlap_area(self.p.obstacles[k])
            if area > 0.5:
                cost += OBSTACLE_OVERLAP + area
        if self.p.bounds is not None:
            outside = box.area_outside(self.p.bounds)
            if outside > 0.5:
                cost += OUTSIDE + outside
        label = self.p.labels[index]
        own = _distance_to_box(label.x, label.y, box) - label.radius
        if own > 2.0:
            for k in self.symbol_grid.near(box, pad=1):
                c = self.p.symbols[k]
                if (c.x, c.y) != (label.x, label.y) and _distance_to_box(c.x, c.y, box) - c.r + 2.0 < own:
                    cost += AMBIGUOUS
                    break
        return cost

    def move(self, index: int, offset: Offset, preference: float) -> None:
        self.label_grid.remove(index, self.boxes[index])
        self.offsets[index] = offset
        self.preference[index] = preference
        self.boxes[index] = self.p.labels[index].box(offset)
        self.label_grid.add(index, self.boxes[index])

    def improve(self, index: int) -> bool:
        label = self.p.labels[index]
        trouble = self.conflict(index, self.boxes[index])
        if trouble == 0.0 and self.offsets[index] == label.offset:
            return False
        best, best_preference = self.offsets[index], self.preference[index]
        best_cost = trouble + best_preference
        for offset, preference in candidate_offsets(label):
            if preference >= best_cost:
                continue
            cost = preference + self.conflict(index, label.box(offset))
            if cost < best_cost - 1e-9:
                best, best_cost, best_preference = offset, cost, preference
        if best != self.offsets[index]:
            self.move(index, best, best_preference)
            return True
        return False


def _distance_to_box(x: float, y: float, box: Box) -> float:
    dx = max(box.left - x, 0.0, x - box.right)
    dy = max(box.top - y, 0.0, y - box.bottom)
    return math.hypot(dx, dy)


def candidate_offsets(label: LabelSpec) -> list[tuple[Offset, float]]:
    """The preferred offset (cost 0), then positions all round the symbol,
    nearest ring first, each with what choosing it costs."""
    w, h = label.width, label.height
    found: list[tuple[Offset, float]] = [(label.offset, 0.0)]
    for ring, ring_cost in RINGS:
        d = label.radius + GAP + ring
        diagonal = d * 0.75
        # (left, top) of the label's box relative to the anchor.
        for left, top in (
            (diagonal, -diagonal - h),  # above right
            (d, -h / 2),  # right
            (diagonal, diagonal),  # below right
            (-w / 2, d),  # below
            (-diagonal - w, diagonal),  # below left
            (-d - w, -h / 2),  # left
            (-diagonal - w, -diagonal - h),  # above left
            (-w / 2, -d - h),  # above
        ):
            offset = label.offset_for(left, top)
            moved = math.hypot(offset[0] - label.offset[0], offset[1] - label.offset[1])
            side = LEFT_SIDE if left + w / 2 < 0 else 0.0
            found.append((offset, MOVE + ring_cost + side + DISTANCE * moved))
    return found


def place_labels(problem: LayoutProblem) -> dict[Hashable, Offset]:
    """The offset for every label (fixed ones unchanged), deterministic for a given problem."""
    layout = _Layout(problem)
    free = [i for i, label in enumerate(problem.labels) if not label.fixed]
    for _ in range(MAX_PASSES):
        moved = False
        for index in free:
            moved = layout.improve(index) or moved
        if not moved:
            break
    return {label.key: layout.offsets[i] for i, label in enumerate(problem.labels)}


def overlapping_pairs(labels: Sequence[LabelSpec], offsets: dict[Hashable, Offset] | None = None) -> int:
    """How many pairs of labels overlap (by more than half a square unit)."""
    boxes = [label.box(offsets[label.key] if offsets else label.offset) for label in labels]
    grid = _Grid()
    count = 0
    for index, box in enumerate(boxes):
        for other in grid.near(box):
            if box.overlap_area(boxes[other]) > 0.5:
                count += 1
        grid.add(index, box)
    return count

"""Plain geometry for label placement: boxes, circles, segments, the labels
themselves, and a bucket grid for neighbour queries. No Qt."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

Offset = tuple[float, float]


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
    #: Placed by the user: it stays at ``offset`` unless that collides with a label,
    #: a symbol, an obstacle or a line, and only moves where it is clear.
    hand_set: bool = False
    #: What the label belongs to: lines of the same owner (its element's links) are
    #: no fault to cross, since they start at its own symbol.
    owner: Hashable = None
    #: A label placed above its anchor (offset y < 0) grows upwards: its last
    #: line sits on the offset's baseline, so the box rises by this much.
    lift: float = 0.0
    #: The same name wrapped onto more, shorter lines (same anchor, key and offset): placement
    #: may draw it so where the usual shape finds no clear spot, at a small cost.
    narrow: LabelSpec | None = None

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
    #: For each line, the owners it belongs to (its ends); empty for none (stage lines).
    line_owners: list[frozenset[Hashable]] = field(default_factory=list)
    #: Text and boxes that do not move (notes, link labels, pipelines).
    obstacles: list[Box] = field(default_factory=list)
    bounds: Box | None = None
    #: What a label whose middle lies nearer another symbol's centre than its own costs
    #: (0: not weighed). A long label starting at its symbol can end over a neighbour.
    middle_weight: float = 0.0


class Grid:
    """Buckets of item indices by square cells, for neighbour queries."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], set[int]] = {}

    def span(self, box: Box) -> Iterable[tuple[int, int]]:
        c = self.cell
        jt, jb = math.floor(box.top / c), math.floor(box.bottom / c)
        for i in range(math.floor(box.left / c), math.floor(box.right / c) + 1):
            for j in range(jt, jb + 1):
                yield i, j

    def add(self, index: int, box: Box) -> None:
        self.add_cells(index, self.span(box))

    def add_cells(self, index: int, cells: Iterable[tuple[int, int]]) -> None:
        for cell in cells:
            bucket = self.cells.get(cell)
            if bucket is None:
                self.cells[cell] = {index}
            else:
                bucket.add(index)

    def remove(self, index: int, box: Box) -> None:
        for cell in self.span(box):
            bucket = self.cells.get(cell)
            if bucket is not None:
                bucket.discard(index)

    def near(self, box: Box) -> set[int]:
        found: set[int] = set()
        get = self.cells.get
        for cell in self.span(box):
            bucket = get(cell)
            if bucket:
                found |= bucket
        return found

    def add_segment(self, index: int, s: Segment) -> None:
        """Into exactly the cells the segment passes through: column by column,
        the rows between where it enters and leaves that column."""
        c = self.cell
        x1, y1, x2, y2 = (s.x1, s.y1, s.x2, s.y2) if s.x1 <= s.x2 else (s.x2, s.y2, s.x1, s.y1)
        cells: list[tuple[int, int]] = []
        for i in range(math.floor(x1 / c), math.floor(x2 / c) + 1):
            if x2 == x1:
                ya, yb = y1, y2
            else:
                xa, xb = max(x1, i * c), min(x2, (i + 1) * c)
                slope = (y2 - y1) / (x2 - x1)
                ya, yb = y1 + slope * (xa - x1), y1 + slope * (xb - x1)
            for j in range(math.floor(min(ya, yb) / c), math.floor(max(ya, yb) / c) + 1):
                cells.append((i, j))
        self.add_cells(index, cells)

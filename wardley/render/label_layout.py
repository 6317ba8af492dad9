"""Label placement as plain geometry (scene units, x right, y down; no Qt).

Each label has an anchor (its symbol's centre), a size and a preferred offset
(OWM's default, or one the user set). Labels the user placed by hand are
``fixed``: they never move, but others keep clear of them. A free label stays
where it prefers unless it overlaps another label, covers a symbol or a fixed
obstacle, crosses a line or leaves the map; then it takes the cheapest of a
few rings of positions around its symbol. Further passes revisit only labels
that still overlap another, since everything else stands still.

Work is bounded: in a crowd (many labels or lines around one spot) a label
tries only the nearest ring and stops dodging lines, and the whole pass has a
fixed budget of evaluations, so a 1,000-component map still lays out in a
fraction of a second. The result depends only on the input (no clocks)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Sequence

from wardley.render.label_geometry import Box, Circle, Grid, LabelSpec, LayoutProblem, Offset, Segment

__all__ = [
    "Box", "Circle", "LabelSpec", "LayoutProblem", "Segment", "candidate_offsets", "crossed_labels", "overlapping_pairs",
    "place_labels", "place_labels_and_shapes",
]

# Costs: any overlap with a label must outweigh any move, so it wins first.
LABEL_OVERLAP = 1000.0
SYMBOL_OVERLAP = 400.0
OBSTACLE_OVERLAP = 300.0
OUTSIDE = 800.0
LINE_CROSSING = 80.0
#: A label touched by a line from its own symbol reads fine: a tie-breaker only.
OWN_LINE_CROSSING = 2.0
#: Closer to another symbol than to its own: a reader may pin it on the wrong one.
AMBIGUOUS = 90.0
MOVE = 6.0
DISTANCE = 0.1
#: Left of the symbol reads slightly worse than right (OWM's habit is right).
LEFT_SIDE = 3.0
#: Drawing a name on more, shorter lines than usual (LabelSpec.narrow): only to get clear.
NARROW = 12.0
GAP = 3.0
#: Extra distance of each ring of candidate positions, and what using it costs:
#: outer rings are for escaping overlaps, not for dodging a line.
RINGS = ((0.0, 0.0), (10.0, 14.0), (24.0, 36.0), (40.0, 52.0))
#: Positions along the top and the bottom of the symbol: this many steps from a label
#: starting at the symbol to one ending at it (the middle one is "above" / "below").
SLIDE_STEPS = 8
#: More lines than this around a label and it stops trying to dodge them.
LINE_THICKET = 48
#: More labels than this around a label and it tries the nearest ring only.
LABEL_CROWD = 24
#: What moving a label the user placed costs on top of any move: it moves only
#: off a real fault (an overlap, a symbol, a line), never for a slightly better spot.
HAND_SET_MOVE = 12.0
MAX_PASSES = 4
#: A label still in trouble may move others out of its way: at most this many ...
MAKE_ROOM_FOR = 2
#: ... for the few spots that would suit it best.
MAKE_ROOM_TRIES = 4
#: Cost evaluations allowed per label, over all passes together (two shapes and large
#: presentation type need room; big maps are held by MAX_EVALUATIONS).
EVALUATIONS_PER_LABEL = 600
#: ... and never more than this in all, whatever the size of the map.
MAX_EVALUATIONS = 12_000
LABEL_CELL = 64.0
LINE_CELL = 32.0


class _Layout:
    def __init__(self, problem: LayoutProblem) -> None:
        self.p = problem
        self.offsets: list[Offset] = [label.offset for label in problem.labels]
        self.boxes: list[Box] = [label.box(label.offset) for label in problem.labels]
        self.preference: list[float] = [0.0] * len(problem.labels)
        #: Which labels are drawn in their narrow shape.
        self.narrowed: list[bool] = [False] * len(problem.labels)
        self.label_grid = Grid(LABEL_CELL)
        for index, box in enumerate(self.boxes):
            self.label_grid.add(index, box)
        self.symbol_grid = Grid(LABEL_CELL)
        for index, c in enumerate(problem.symbols):
            self.symbol_grid.add(index, Box(c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r))
        self.line_grid = Grid(LINE_CELL)
        for index, s in enumerate(problem.lines):
            self.line_grid.add_segment(index, s)
        self.obstacle_grid = Grid(LABEL_CELL)
        for index, box in enumerate(problem.obstacles):
            self.obstacle_grid.add(index, box)
        self.weigh_lines: list[bool] = []
        self.rings: list[int] = []
        for label in problem.labels:
            region = _reach(label)
            self.weigh_lines.append(len(self.line_grid.near(region)) <= LINE_THICKET)
            self.rings.append(1 if len(self.label_grid.near(region)) > LABEL_CROWD else len(RINGS))
        self.evaluations_left = min(EVALUATIONS_PER_LABEL * len(problem.labels), MAX_EVALUATIONS)

    def label_overlap(self, index: int, box: Box, budget: float = math.inf) -> float:
        cost = 0.0
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        boxes = self.boxes
        for other in self.label_grid.near(box):
            if other != index:
                o = boxes[other]
                w = (right if right < o.right else o.right) - (left if left > o.left else o.left)
                if w > 0:
                    h = (bottom if bottom < o.bottom else o.bottom) - (top if top > o.top else o.top)
                    if h > 0 and w * h > 0.5:
                        cost += LABEL_OVERLAP + w * h
                        if cost > budget:
                            return cost
        return cost

    def conflict(self, index: int, box: Box, budget: float = math.inf) -> float:
        """What is wrong with label ``index`` at ``box`` (0 when nothing).
        Stops counting once past ``budget``: the caller only needs to know it lost."""
        self.evaluations_left -= 1
        cost = self.label_overlap(index, box, budget)
        if cost > budget:
            return cost
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        symbols = self.p.symbols
        for k in self.symbol_grid.near(box):
            c = symbols[k]
            nx = left if c.x < left else right if c.x > right else c.x
            ny = top if c.y < top else bottom if c.y > bottom else c.y
            if (c.x - nx) ** 2 + (c.y - ny) ** 2 < c.r * c.r:
                cost += SYMBOL_OVERLAP
        obstacles = self.p.obstacles
        for k in self.obstacle_grid.near(box):
            area = box.overlap_area(obstacles[k])
            if area > 0.5:
                cost += OBSTACLE_OVERLAP + area
        bounds = self.p.bounds
        if bounds is not None and (left < bounds.left or top < bounds.top or right > bounds.right or bottom > bounds.bottom):
            cost += OUTSIDE + box.area_outside(bounds)
        if cost > budget:
            return cost
        label = self.p.labels[index]
        cost += self._ambiguity(label, box)
        if self.weigh_lines[index]:
            lines, owners = self.p.lines, self.p.line_owners
            for k in self.line_grid.near(box):
                if box.hits_segment(lines[k]):
                    own = k < len(owners) and label.owner is not None and label.owner in owners[k]
                    cost += OWN_LINE_CROSSING if own else LINE_CROSSING
                    if cost > budget:
                        return cost
        return cost

    def _ambiguity(self, label: LabelSpec, box: Box) -> float:
        """How likely a reader is to pin the label at ``box`` on another symbol: its text
        comes nearer another symbol than its own, and (weighed by the problem's
        ``middle_weight``) its middle, where the eye lands on a long label, lies nearer
        another symbol's centre than its own."""
        symbols = self.p.symbols
        cost = 0.0
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        own = _distance_to_box(label.x, label.y, box) - label.radius
        if own > 2.0:
            for k in self.symbol_grid.near(Box(left - 30, top - 30, right + 30, bottom + 30)):
                c = symbols[k]
                if (c.x, c.y) != (label.x, label.y) and _distance_to_box(c.x, c.y, box) - c.r + 2.0 < own:
                    cost += AMBIGUOUS
                    break
        if self.p.middle_weight > 0.0:
            cx, cy = (left + right) / 2, (top + bottom) / 2
            middle = math.hypot(cx - label.x, cy - label.y)
            for k in self.symbol_grid.near(Box(cx - middle, cy - middle, cx + middle, cy + middle)):
                c = symbols[k]
                if (c.x, c.y) != (label.x, label.y) and math.hypot(cx - c.x, cy - c.y) < middle:
                    cost += self.p.middle_weight
                    break
        return cost

    def shape(self, index: int, narrow: bool) -> LabelSpec:
        label = self.p.labels[index]
        return label.narrow if narrow and label.narrow is not None else label

    def shapes(self, index: int) -> list[tuple[bool, LabelSpec]]:
        label = self.p.labels[index]
        return [(False, label)] if label.narrow is None else [(False, label), (True, label.narrow)]

    def priced_candidates(self, index: int) -> Iterator[tuple[bool, LabelSpec, Offset, float]]:
        """Every position label ``index`` may take, in each of its shapes, with what it costs to
        be there before any conflict: a hand-set label pays to move, a narrowed one to wrap."""
        extra = HAND_SET_MOVE if self.p.labels[index].hand_set else 0.0
        for narrow, spec in self.shapes(index):
            for offset, preference in candidate_offsets(spec, self.rings[index]):
                if preference > 0.0:
                    preference += extra
                if narrow:
                    preference += NARROW
                yield narrow, spec, offset, preference

    def move(self, index: int, offset: Offset, preference: float, narrow: bool = False) -> None:
        self.label_grid.remove(index, self.boxes[index])
        self.offsets[index] = offset
        self.preference[index] = preference
        self.narrowed[index] = narrow
        self.boxes[index] = self.shape(index, narrow).box(offset)
        self.label_grid.add(index, self.boxes[index])

    def improve(self, index: int) -> bool:
        if self.evaluations_left <= 0:
            return False
        label = self.p.labels[index]
        trouble = self.conflict(index, self.boxes[index])
        now = (self.offsets[index], self.narrowed[index])
        if trouble == 0.0 and now == (label.offset, False):
            return False
        best, best_preference = now, self.preference[index]
        best_cost = trouble + best_preference
        for narrow, spec, offset, preference in self.priced_candidates(index):
            if preference >= best_cost or (offset, narrow) == now:
                continue
            cost = preference + self.conflict(index, spec.box(offset), best_cost - preference)
            if cost < best_cost - 1e-9:
                best, best_cost, best_preference = (offset, narrow), cost, preference
        if best != now:
            self.move(index, best[0], best_preference, best[1])
            return True
        return False


    def make_room(self, index: int) -> bool:
        """Move label ``index`` to a spot where only one or two other labels are in its way,
        and move those elsewhere, if that leaves the labels involved better off in all. Two
        labels can each sit in the other's best place (two symbols one above the other), which
        no single move undoes."""
        if self.evaluations_left <= 0:
            return False
        current = self.conflict(index, self.boxes[index]) + self.preference[index]
        options: list[tuple[float, Offset, float, bool, list[int]]] = []
        for narrow, spec, offset, preference in self.priced_candidates(index):
            if preference >= current or (offset, narrow) == (self.offsets[index], self.narrowed[index]):
                continue
            box = spec.box(offset)
            others = sorted(j for j in self.label_grid.near(box) if j != index and box.overlap_area(self.boxes[j]) > 0.5)
            if not others or len(others) > MAKE_ROOM_FOR or any(self.p.labels[j].fixed for j in others):
                continue
            rest = self.conflict(index, box) - self.label_overlap(index, box)
            if preference + rest < current:
                options.append((preference + rest, offset, preference, narrow, others))
        options.sort(key=lambda option: option[0])
        for _, offset, preference, narrow, others in options[:MAKE_ROOM_TRIES]:
            involved = [index, *others]
            saved = [(k, self.offsets[k], self.preference[k], self.narrowed[k]) for k in involved]
            before = sum(self.conflict(k, self.boxes[k]) + self.preference[k] for k in involved)
            self.move(index, offset, preference, narrow)
            for j in others:
                self.improve(j)
            if sum(self.conflict(k, self.boxes[k]) + self.preference[k] for k in involved) < before - 1e-9:
                return True
            for k, old, old_preference, old_narrow in saved:
                self.move(k, old, old_preference, old_narrow)
        return False


def _reach(label: LabelSpec) -> Box:
    """Everywhere the label could go."""
    r = label.radius + GAP + RINGS[-1][0] + max(label.width, label.height)
    return Box(label.x - r, label.y - r, label.x + r, label.y + r)


def _distance_to_box(x: float, y: float, box: Box) -> float:
    dx = max(box.left - x, 0.0, x - box.right)
    dy = max(box.top - y, 0.0, y - box.bottom)
    return math.hypot(dx, dy)


def candidate_offsets(label: LabelSpec, rings: int = len(RINGS)) -> list[tuple[Offset, float]]:
    """The preferred offset (cost 0), then positions all round the symbol,
    nearest ring first, each with what choosing it costs."""
    w, h = label.width, label.height
    slide = [GAP - w + step / SLIDE_STEPS * (w - 2 * GAP) for step in range(SLIDE_STEPS + 1) if 2 * step != SLIDE_STEPS]
    found: list[tuple[Offset, float]] = [(label.offset, 0.0)]
    for ring, ring_cost in RINGS[:rings]:
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
            # Beside the symbol, resting on its middle or hanging from it.
            (d, -h), (d, 0.0), (-d - w, -h), (-d - w, 0.0),
            # Sliding along the top and bottom, from starting at the symbol to ending at it:
            # a long label clears a line or a stage boundary beside its symbol.
            *((x, y) for x in slide for y in (-d - h, d)),
        ):
            offset = label.offset_for(left, top)
            moved = math.hypot(offset[0] - label.offset[0], offset[1] - label.offset[1])
            side = LEFT_SIDE if left + w / 2 < 0 else 0.0
            found.append((offset, MOVE + ring_cost + side + DISTANCE * moved))
    return found


def place_labels(problem: LayoutProblem) -> dict[Hashable, Offset]:
    """The offset for every label (fixed ones unchanged), deterministic for a given problem."""
    return place_labels_and_shapes(problem)[0]


def place_labels_and_shapes(problem: LayoutProblem) -> tuple[dict[Hashable, Offset], set[Hashable]]:
    """The offset for every label, and the keys of those to draw in their narrow shape."""
    layout = _Layout(problem)
    # Automatic labels first: they give way to the user's, which then move only if still in trouble.
    free = [i for i, label in enumerate(problem.labels) if not label.fixed and not label.hand_set]
    free += [i for i, label in enumerate(problem.labels) if label.hand_set and not label.fixed]
    for index in free:
        layout.improve(index)
    # Symbols, lines and obstacles stay put, so after the first pass only labels that
    # still overlap a label (one moved into them) or are still crossed (a label that
    # has since moved may have been in the way of a clear spot) can do better.
    for _ in range(MAX_PASSES - 1):
        troubled = [i for i in free if layout.conflict(i, layout.boxes[i]) >= LINE_CROSSING]
        if not any([layout.improve(i) for i in troubled]):
            break
    for index in free:
        if layout.conflict(index, layout.boxes[index]) >= LINE_CROSSING:
            layout.make_room(index)
    offsets = {label.key: layout.offsets[i] for i, label in enumerate(problem.labels)}
    return offsets, {label.key for i, label in enumerate(problem.labels) if layout.narrowed[i]}


def crossed_labels(
    problem: LayoutProblem, offsets: dict[Hashable, Offset], narrowed: set[Hashable] | frozenset[Hashable] = frozenset()
) -> set[Hashable]:
    """Keys of labels that a line not their own still runs through at these offsets, in
    their narrow shape where ``narrowed`` says so (they get a halo)."""
    grid = Grid(LINE_CELL)
    for index, s in enumerate(problem.lines):
        grid.add_segment(index, s)
    owners = problem.line_owners
    crossed: set[Hashable] = set()
    for label in problem.labels:
        shape = label.narrow if label.key in narrowed and label.narrow is not None else label
        box = shape.box(offsets.get(label.key, label.offset))
        for k in grid.near(box):
            own = k < len(owners) and label.owner is not None and label.owner in owners[k]
            if not own and box.hits_segment(problem.lines[k]):
                crossed.add(label.key)
                break
    return crossed


def overlapping_pairs(labels: Sequence[LabelSpec], offsets: dict[Hashable, Offset] | None = None) -> int:
    """How many pairs of labels overlap (by more than half a square unit)."""
    boxes = [label.box(offsets[label.key] if offsets else label.offset) for label in labels]
    grid = Grid(LABEL_CELL)
    count = 0
    for index, box in enumerate(boxes):
        for other in grid.near(box):
            if box.overlap_area(boxes[other]) > 0.5:
                count += 1
        grid.add(index, box)
    return count

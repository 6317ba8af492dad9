"""A clear spot for a new symbol and its label: no overlap with any other symbol or label.

Works in map units measured on the drawn map (1000 x 700 scene units, 11 px labels
running to the right of the symbol), so "clear" means clear when the map is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Scene units per unit of evolution and of visibility (``wardley.render.geometry``).
_WIDE, _TALL = 1000.0, 700.0
#: A label character's width, the symbol's reach, half a label's height, the gap kept.
_CHAR, _SYMBOL, _HALF_HEIGHT, _GAP = 6.3, 10.0, 11.0, 6.0
#: Longest label line before the renderer wraps it (in characters).
_LINE = 28
_STEPS = 0.025


@dataclass(frozen=True)
class Placed:
    evolution: float
    visibility: float
    name: str


def footprint(item: Placed) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in scene units: the symbol and a label to its right."""
    x, y = item.evolution * _WIDE, (1 - item.visibility) * _TALL
    lines = max(1, -(-len(item.name) // _LINE))
    width = min(len(item.name), _LINE) * _CHAR
    half = _HALF_HEIGHT * lines
    return x - _SYMBOL, y - half, x + _SYMBOL + 4 + width, y + half


def collides(a: Placed, b: Placed) -> bool:
    al, at, ar, ab = footprint(a)
    bl, bt, br, bb = footprint(b)
    return al < br + _GAP and bl < ar + _GAP and at < bb + _GAP and bt < ab + _GAP


def clear_spot(
    placed: Sequence[Placed],
    name: str,
    wanted: tuple[float, float],
    evolution_range: tuple[float, float],
    visibility_range: tuple[float, float],
) -> tuple[float, float]:
    """The spot nearest ``wanted`` (moving down costs less than up or sideways) within the
    ranges where ``name``'s symbol and label touch nothing; the least crowded spot when
    none is clear."""
    e_low, e_high = min(evolution_range), max(evolution_range)
    v_low, v_high = min(visibility_range), max(visibility_range)
    e0 = min(max(wanted[0], e_low), e_high)
    v0 = min(max(wanted[1], v_low), v_high)
    e_count = int((e_high - e_low) / _STEPS) + 1
    v_count = int((v_high - v_low) / _STEPS) + 1
    candidates = {(e0, v0)}
    candidates |= {(round(e_low + i * _STEPS, 4), v0) for i in range(e_count)}
    candidates |= {(e, round(v_low + j * _STEPS, 4)) for e in (e0, *(round(e_low + i * _STEPS, 4) for i in range(e_count)))
                   for j in range(v_count)}

    def cost(spot: tuple[float, float]) -> float:
        dv = spot[1] - v0
        return abs(spot[0] - e0) * 1.2 + (abs(dv) * 1.0 if dv < 0 else dv * 2.5)

    best, best_hits = (e0, v0), len(placed) + 1
    for spot in sorted(candidates, key=lambda s: (cost(s), s)):
        item = Placed(spot[0], spot[1], name)
        hits = sum(collides(item, other) for other in placed)
        if hits == 0:
            return round(spot[0], 4), round(spot[1], 4)
        if hits < best_hits:
            best, best_hits = spot, hits
    return round(best[0], 4), round(best[1], 4)

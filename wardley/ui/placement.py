"""Where a new element goes when the keyboard, not the mouse, adds it.

A free spot in the band its kind belongs to (users at the top, needs below
them, components in the middle), as far from existing symbols and labels as
the band allows, preferring the middle of the map so the room can see it.
"""

from __future__ import annotations

from wardley.model import WardleyMap
from wardley.model.kinds import kind_info

#: (lowest, highest) visibility searched for a note; each element kind's band is in the kind registry.
_NOTE_BAND = (0.05, 0.95)
#: Labels run to the right of symbols, so horizontal closeness matters less.
_X_WEIGHT = 0.6
#: Far enough apart for a label and a symbol not to overlap on a fitted map.
_CLEAR = 0.07


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return (((a[0] - b[0]) * _X_WEIGHT) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def free_spot(wardley_map: WardleyMap, kind: str = "component", near: tuple[float, float] | None = None) -> tuple[float, float]:
    """(evolution, visibility) for a new element of ``kind``.

    ``near`` (e.g. the selected element) pulls the choice towards it; otherwise
    the centre of the band is preferred.
    """
    low, high = _NOTE_BAND if kind == "note" else kind_info(kind).band
    taken = [(e.evolution, e.visibility) for e in wardley_map.elements]
    taken += [(n.evolution, n.visibility) for n in wardley_map.notes]
    centre = near if near is not None else (0.5, (low + high) / 2)

    candidates = [
        (round(0.05 + i * 0.05, 4), round(low + j * (high - low) / 8, 4))
        for i in range(19)
        for j in range(9)
    ]
    # Closest to the preferred point first: the first clear candidate wins.
    candidates.sort(key=lambda c: (_distance(c, centre), c))
    best, best_gap = candidates[0], -1.0
    for candidate in candidates:
        gap = min((_distance(candidate, t) for t in taken), default=1.0)
        if gap >= _CLEAR:
            return candidate
        if gap > best_gap:
            best, best_gap = candidate, gap
    return best

"""The evolution axis: stage names and where one stage gives way to the next."""

from __future__ import annotations

from collections.abc import Sequence

DEFAULT_STAGES: tuple[str, str, str, str] = (
    "Genesis",
    "Custom-built",
    "Product (+rental)",
    "Commodity (+utility)",
)

#: Where OWM draws its dashed separators (width/20 x 3.5, 8 and 14).
DEFAULT_BOUNDARIES: tuple[float, float, float] = (0.175, 0.40, 0.70)


def stage_index(evolution: float, boundaries: Sequence[float] = DEFAULT_BOUNDARIES) -> int:
    """0 for genesis .. 3 for commodity. A value on a boundary belongs to the later stage."""
    index = 0
    for boundary in boundaries:
        if evolution >= boundary:
            index += 1
    return index


def stage_name(
    evolution: float,
    stages: Sequence[str] = DEFAULT_STAGES,
    boundaries: Sequence[float] = DEFAULT_BOUNDARIES,
) -> str:
    return stages[stage_index(evolution, boundaries)]


def round_coordinate(value: float) -> float:
    """Four places is a tenth of a pixel on a 1,000 px map: finer detail is noise in diffs."""
    return round(float(value), 4)

"""Colour themes. Every distinction a theme draws in colour is also drawn as a
shape, dash or hatch, so a map reads the same in print and to colour-blind eyes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    map_background: str
    frame: str
    text: str
    axis_text: str
    stage_line: str
    element_stroke: str
    element_fill: str
    actor_fill: str
    link: str
    flow: str
    link_label: str
    evolve: str
    inertia: str
    method_stroke: str
    method_build: str
    method_buy: str
    method_outsource: str
    pipeline: str
    note_text: str
    annotation_stroke: str
    annotation_fill: str
    accelerator: str
    pioneers: str
    settlers: str
    townplanners: str
    selection: str
    highlight: str
    #: Opacity of things not emphasised by :meth:`MapScene.highlight`.
    faded_opacity: float = 0.18
    #: Alpha (0-255) of the tint inside pioneers/settlers/town planners boxes; 0 = hatch only.
    attitude_alpha: int = 30
    #: Shipped with the program (wardley/render/fonts.py), so maps look alike on every OS.
    font_family: str = "Atkinson Hyperlegible"
    font_size: float = 11.0
    title_size: float = 16.0
    #: Hand-set label offsets are multiplied by this, so that in larger type (presentation) a
    #: label keeps its side of the symbol: offset and text grow together about the symbol.
    label_scale: float = 1.0
    #: Labels keep their middle nearer their own symbol than any other (label placement weighs
    #: it, at some cost in crossing lines): for type large next to the map, read from afar.
    labels_nearest_symbol: bool = False

    def color(self, field_name: str) -> QColor:
        return QColor(getattr(self, field_name))


# Okabe-Ito palette: distinguishable under the common colour-vision deficiencies.
_OI_ORANGE = "#E69F00"
_OI_SKY = "#56B4E9"
_OI_GREEN = "#009E73"
_OI_BLUE = "#0072B2"
_OI_VERMILLION = "#D55E00"
_OI_PURPLE = "#CC79A7"

DEFAULT = Theme(
    name="default",
    background="#FFFFFF",
    map_background="#FFFFFF",
    frame="#000000",
    text="#000000",
    axis_text="#222222",
    stage_line="#8A8A8A",
    element_stroke="#000000",
    element_fill="#FFFFFF",
    actor_fill="#FFFFFF",
    link="#6B6B6B",
    flow=_OI_BLUE,
    link_label="#333333",
    evolve=_OI_VERMILLION,
    inertia="#000000",
    method_stroke="#555555",
    method_build="#FFFFFF",
    method_buy=_OI_SKY,
    method_outsource="#4D4D4D",
    pipeline="#000000",
    note_text="#000000",
    annotation_stroke="#000000",
    annotation_fill="#FFFFFF",
    accelerator=_OI_PURPLE,
    pioneers=_OI_GREEN,
    settlers=_OI_ORANGE,
    townplanners=_OI_BLUE,
    selection=_OI_BLUE,
    highlight=_OI_ORANGE,
)

#: Black on white only: survives photocopying and greyscale printers.
PRINT = Theme(
    name="print",
    background="#FFFFFF",
    map_background="#FFFFFF",
    frame="#000000",
    text="#000000",
    axis_text="#000000",
    stage_line="#000000",
    element_stroke="#000000",
    element_fill="#FFFFFF",
    actor_fill="#FFFFFF",
    link="#000000",
    flow="#000000",
    link_label="#000000",
    evolve="#000000",
    inertia="#000000",
    method_stroke="#000000",
    method_build="#FFFFFF",
    method_buy="#000000",
    method_outsource="#000000",
    pipeline="#000000",
    note_text="#000000",
    annotation_stroke="#000000",
    annotation_fill="#FFFFFF",
    accelerator="#000000",
    pioneers="#000000",
    settlers="#000000",
    townplanners="#000000",
    selection="#000000",
    highlight="#000000",
    faded_opacity=0.3,
    attitude_alpha=0,
)

DARK = Theme(
    name="dark",
    background="#1E1F22",
    map_background="#26282C",
    frame="#D8D8D8",
    text="#EDEDED",
    axis_text="#CFCFCF",
    stage_line="#7C7C7C",
    element_stroke="#EDEDED",
    element_fill="#26282C",
    actor_fill="#26282C",
    link="#A8A8A8",
    flow=_OI_SKY,
    link_label="#D0D0D0",
    evolve="#FF8A3D",
    inertia="#EDEDED",
    method_stroke="#BBBBBB",
    method_build="#26282C",
    method_buy=_OI_BLUE,
    method_outsource="#BBBBBB",
    pipeline="#EDEDED",
    note_text="#EDEDED",
    annotation_stroke="#EDEDED",
    annotation_fill="#26282C",
    accelerator=_OI_PURPLE,
    pioneers=_OI_GREEN,
    settlers=_OI_ORANGE,
    townplanners=_OI_SKY,
    selection=_OI_SKY,
    highlight=_OI_ORANGE,
    faded_opacity=0.25,
)

THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, PRINT, DARK)}


def theme_named(name: str) -> Theme:
    """The theme called ``name``; raises KeyError listing the known names."""
    try:
        return THEMES[name]
    except KeyError:
        raise KeyError(f"unknown theme {name!r} (known: {', '.join(THEMES)})") from None

"""A scene of its own for one export, when the picture must differ from the canvas.

Used by ``wardley export`` and by File > Export: a print theme or automatic labels
apply to the picture only, so they are drawn on a fresh scene over a copy of the map
(the canvas keeps its theme and its labels, and screen aids such as focus or
analysis fading stay off the paper)."""

from __future__ import annotations

from wardley.model import MapDocument, WardleyMap
from wardley.render.scene import MapScene
from wardley.render.themes import Theme


def export_scene(wardley_map: WardleyMap, theme: Theme, relabel: bool = False) -> MapScene:
    """A new scene drawing a copy of ``wardley_map``; ``relabel`` places every label
    automatically, ignoring offsets set by hand. The caller calls ``detach()`` when done."""
    scene = MapScene(MapDocument(wardley_map.model_copy(deep=True)), theme)
    if relabel:
        scene.keep_hand_set_labels = False
        scene.flush_label_layout(force=True)
    return scene

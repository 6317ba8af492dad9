"""Builds the map's QGraphicsScene from the model: one drawing path for the
editing canvas and for image export."""

from wardley.render.export import map_bounds, render_map
from wardley.render.geometry import MAP_HEIGHT, MAP_RECT, MAP_WIDTH, SCENE_RECT, to_map, to_scene
from wardley.render.scene import MapScene
from wardley.render.themes import DARK, DEFAULT, PRINT, THEMES, Theme, theme_named

__all__ = [
    "DARK", "DEFAULT", "MAP_HEIGHT", "MAP_RECT", "MAP_WIDTH", "PRINT", "SCENE_RECT", "THEMES", "MapScene",
    "Theme", "map_bounds", "render_map", "theme_named", "to_map", "to_scene",
]

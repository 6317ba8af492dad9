"""The editing canvas: MapView (a QGraphicsView over the render package's MapScene)."""

from wardley.ui.canvas.view import MapView

__all__ = ["MapView"]

"""A still picture of the map behind a drag, on big maps.

Dragging a well-linked component on a map of thousands of items makes each step repaint most
of the view (its links cross the whole map), and painting every item again took over 100 ms a
step. While a drag moves a few items, everything else is painted once, by the view itself, into
a picture that the view then shows as its background; those items are hidden until the drag
ends. Only the moving items (and what is drawn from their positions: links, evolve arrows,
pipelines) are painted on each step. Small maps keep painting everything: they are fast anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView

#: From this many items on a scene a drag paints over a still picture.
FREEZE_FROM_ITEMS = 1_500


class Backdrop:
    def __init__(self, view: MapView) -> None:
        self._view = view
        self._picture: QPixmap | None = None
        #: Items in the picture, with the opacity each had (a focus or highlight fades some).
        self._pictured: list[tuple[QGraphicsItem, float]] = []
        #: The view's transform and scroll position the picture was taken at.
        self._taken_at: tuple[QTransform, QPoint] | None = None

    @property
    def active(self) -> bool:
        return self._picture is not None

    def freeze(self, live: Iterable[QGraphicsItem]) -> bool:
        """Picture everything but ``live`` and stop painting it; False (nothing done) on a small map."""
        view, scene = self._view, self._view.scene()
        items = scene.items()
        if self.active or len(items) < FREEZE_FROM_ITEMS:
            return False
        moving = set(live)
        moving_opacity = [(item, item.opacity()) for item in moving]
        for item, _ in moving_opacity:
            item.setOpacity(0.0)
        picture = view.viewport().grab()  # the view's own painting, so the picture is exact
        for item, opacity in moving_opacity:
            item.setOpacity(opacity)
        # Top-level items only: a child is drawn (or not) with its parent.
        self._pictured = [(item, item.opacity()) for item in items if item.parentItem() is None and item not in moving]
        self._picture = picture
        self._taken_at = (view.transform(), QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value()))
        for item, _ in self._pictured:
            item.setOpacity(0.0)
        return True

    def thaw(self) -> None:
        if not self.active:
            return
        self._picture, self._taken_at = None, None
        pictured, self._pictured = self._pictured, []
        for item, opacity in pictured:
            if shiboken6.isValid(item) and item.scene() is self._view.scene():
                item.setOpacity(opacity)
        # A highlight or focus that changed mid-drag set its fading on items then hidden.
        self._view.map_scene.reapply_highlight()
        self._view.viewport().update()

    def still_valid(self) -> bool:
        """The view has not zoomed or scrolled since the picture was taken."""
        view = self._view
        return self._taken_at == (
            view.transform(),
            QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
        )

    def paint(self, painter: QPainter) -> None:
        """Draw the picture as the view's background (called from ``drawBackground``)."""
        assert self._picture is not None
        painter.save()
        painter.resetTransform()  # viewport pixels, where the picture was taken
        painter.drawPixmap(0, 0, self._picture)
        painter.restore()

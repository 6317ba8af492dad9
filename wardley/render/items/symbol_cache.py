"""On-screen symbols drawn from pixmaps rendered once per kind, method, inertia,
theme and device scale. Antialiased circles and hatched halos cost tens of
microseconds each; a blit costs about one, which keeps big maps smooth to pan
and drag. Export (no widget) always draws vectors, so PDF and SVG stay sharp."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap

from wardley.render.items.symbols import draw_method, draw_symbol, inertia_rect
from wardley.render.themes import Theme

#: Half the side of the square every symbol (with halo and inertia bar) fits in.
HALF = 30.0
#: Beyond this device scale a pixmap would be large; vectors are drawn instead.
MAX_SCALE = 6.0
MAX_ENTRIES = 256


def draw_symbol_vector(painter: QPainter, kind: str, method: str, inertia: bool, theme: Theme) -> None:
    if method != "none":
        draw_method(painter, method, theme)
    draw_symbol(painter, kind, theme)
    if inertia:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(theme.inertia)))
        painter.drawRect(inertia_rect(kind, method))


class SymbolCache:
    def __init__(self) -> None:
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def __len__(self) -> int:
        return len(self._pixmaps)

    def clear(self) -> None:
        self._pixmaps.clear()

    def draw(self, painter: QPainter, kind: str, method: str, inertia: bool, theme: Theme) -> None:
        transform = painter.deviceTransform()
        scale = transform.m11()
        if transform.isRotating() or abs(transform.m22() - scale) > 1e-6 or not 0.05 < scale <= MAX_SCALE:
            draw_symbol_vector(painter, kind, method, inertia, theme)
            return
        key = (theme, kind, method, inertia, round(scale, 3))
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= MAX_ENTRIES:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = _render(kind, method, inertia, theme, scale)
        painter.drawPixmap(QPointF(-HALF, -HALF), pixmap)


def _render(kind: str, method: str, inertia: bool, theme: Theme, scale: float) -> QPixmap:
    side = math.ceil(2 * HALF * scale)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(side / (2 * HALF), side / (2 * HALF))
    painter.translate(HALF, HALF)
    draw_symbol_vector(painter, kind, method, inertia, theme)
    painter.end()
    # Drawn back at its logical size, one pixmap pixel lands on one device pixel.
    pixmap.setDevicePixelRatio(side / (2 * HALF))
    return pixmap

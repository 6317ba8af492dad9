"""Symbols drawn from pixmaps rendered once per kind, method, inertia, theme and
device scale. Antialiased circles and hatched halos cost tens of microseconds each
(a stroked 37 px halo in a 2,400 px PNG over 100); a blit costs a few, which keeps
big maps smooth to pan and drag and big PNG exports quick.

On screen a symbol's pixmap lands wherever the item is, rounded to the pixel. A big
map's PNG (render/export.py decides) instead draws each symbol from an image rendered
at the symbol's own sub-pixel offset (to a quarter pixel), so the picture matches the
vector drawing. PDF and SVG always get vectors, so they stay sharp at any zoom."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPixmap, QTransform

from wardley.render.items.symbols import METHOD_RADIUS, draw_method, draw_symbol, inertia_rect, symbol_radius
from wardley.render.themes import Theme

#: Half the side of the square every symbol (with halo and inertia bar) fits in.
HALF = 30.0
#: Beyond this device scale a pixmap would be large; vectors are drawn instead.
MAX_SCALE = 6.0
MAX_ENTRIES = 256
#: Sub-pixel steps per device pixel for symbols in a PNG: a symbol lands within 1/8 px of
#: where the vector drawing puts it, which changes no more than its edge pixels' shading.
PHASES = 4
#: Scene units beyond a symbol's radius that its pen and antialiasing may touch.
EXTENT_MARGIN = 2.0


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
        self._images: dict[tuple[object, ...], tuple[QImage, QPoint]] = {}

    def __len__(self) -> int:
        return len(self._pixmaps) + len(self._images)

    def clear(self) -> None:
        self._pixmaps.clear()
        self._images.clear()

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

    def draw_aligned(self, painter: QPainter, kind: str, method: str, inertia: bool, theme: Theme) -> None:
        """Into an image (a PNG export): each symbol from an image rendered at its own offset
        within the pixel, blitted at a whole-pixel position; vectors where that cannot apply."""
        transform = painter.deviceTransform()
        scale = transform.m11()
        if transform.isRotating() or abs(transform.m22() - scale) > 1e-6 or not 0.05 < scale <= MAX_SCALE:
            draw_symbol_vector(painter, kind, method, inertia, theme)
            return
        centre = transform.map(QPointF(0.0, 0.0))
        x, y = math.floor(centre.x()), math.floor(centre.y())
        phase_x, phase_y = round((centre.x() - x) * PHASES), round((centre.y() - y) * PHASES)
        x, phase_x = (x + 1, 0) if phase_x == PHASES else (x, phase_x)
        y, phase_y = (y + 1, 0) if phase_y == PHASES else (y, phase_y)
        painter.save()
        try:
            painter.setWorldTransform(QTransform())
            if not painter.deviceTransform().isIdentity():  # a window / viewport mapping: not a plain image
                painter.setWorldTransform(transform)
                draw_symbol_vector(painter, kind, method, inertia, theme)
                return
            key = (theme, kind, method, inertia, round(scale, 3), phase_x, phase_y)
            found = self._images.get(key)
            if found is None:
                if len(self._images) >= MAX_ENTRIES:
                    self._images.clear()
                found = self._images[key] = _render_at(kind, method, inertia, theme, scale, phase_x, phase_y)
            image, corner = found
            painter.drawImage(QPoint(x + corner.x(), y + corner.y()), image)
        finally:
            painter.restore()


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


def _extent(kind: str, method: str, inertia: bool) -> QRectF:
    """What a symbol covers, in scene units about its centre (pen and antialiasing included)."""
    reach = (METHOD_RADIUS if method != "none" else symbol_radius(kind)) + EXTENT_MARGIN
    extent = QRectF(-reach, -reach, 2 * reach, 2 * reach)
    return extent.united(inertia_rect(kind, method)) if inertia else extent


def _render_at(
    kind: str, method: str, inertia: bool, theme: Theme, scale: float, phase_x: int, phase_y: int
) -> tuple[QImage, QPoint]:
    """The symbol drawn with its centre ``phase / PHASES`` px into pixel (0, 0), as an image
    no bigger than the symbol (blending cost grows with its area), and where that image's
    top-left pixel is from pixel (0, 0)."""
    extent = _extent(kind, method, inertia)
    left, top = math.floor(extent.left() * scale) - 1, math.floor(extent.top() * scale) - 1
    right, bottom = math.ceil(extent.right() * scale) + 2, math.ceil(extent.bottom() * scale) + 2
    image = QImage(right - left, bottom - top, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-left + phase_x / PHASES, -top + phase_y / PHASES)
    painter.scale(scale, scale)
    draw_symbol_vector(painter, kind, method, inertia, theme)
    painter.end()
    return image, QPoint(left, top)

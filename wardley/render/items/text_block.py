"""Plain-text blocks: map text is drawn with QPainter.drawText(point, str), which
never interprets markup, so a name like ``<b>x</b>`` shows those characters."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from wardley.render.context import wrap_lines


class TextBlock:
    """Wrapped lines whose first baseline starts at ``origin`` (OWM label semantics);
    with ``grow_up`` the LAST line's baseline sits there instead."""

    __slots__ = ("lines", "font", "origin", "_ascent", "_spacing", "_width")

    def __init__(
        self, text: str, font: QFont, metrics: QFontMetricsF, origin: QPointF, wrap_width: float, grow_up: bool = False
    ) -> None:
        self.lines = wrap_lines(text, metrics, wrap_width)
        self.font = font
        self._ascent = metrics.ascent()
        self._spacing = metrics.lineSpacing()
        # A label above its symbol grows upwards, so extra lines never cover the symbol.
        lift = self._spacing * (len(self.lines) - 1) if grow_up else 0.0
        self.origin = QPointF(origin.x(), origin.y() - lift)
        self._width = max((metrics.horizontalAdvance(line) for line in self.lines), default=0.0)

    def rect(self) -> QRectF:
        return QRectF(
            self.origin.x(), self.origin.y() - self._ascent, self._width, self._spacing * len(self.lines)
        )

    def paint(self, painter: QPainter, color: QColor) -> None:
        painter.setFont(self.font)
        painter.setPen(color)
        x, y = self.origin.x(), self.origin.y()
        for line in self.lines:
            painter.drawText(QPointF(x, y), line)
            y += self._spacing

"""The map's frame: title, value-chain axis (Visible at the top, Invisible at the
bottom), evolution axis with the map's stage names and dashed stage boundaries."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Axis
from wardley.render.context import RenderContext
from wardley.render.geometry import MAP_HEIGHT, MAP_RECT, MAP_WIDTH, SCENE_RECT, scene_x

Z_FRAME = 0.0


class FrameItem(QGraphicsItem):
    def __init__(self, title: str, axis: Axis, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setZValue(Z_FRAME)
        self.set_map_fields(title, axis)

    def set_map_fields(self, title: str, axis: Axis) -> None:
        self.title = title
        self.axis = axis
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return SCENE_RECT

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        ctx, theme = self._ctx, self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawRect(MAP_RECT)
        frame = QColor(theme.frame)
        axis_text = QColor(theme.axis_text)

        if self.axis.show_evolution:
            # Not cosmetic: a cosmetic pen is one device pixel, a hairline in a 1200 dpi PDF.
            dashed = QPen(QColor(theme.stage_line), 1.0, Qt.PenStyle.DashLine)
            painter.setPen(dashed)
            for boundary in self.axis.boundaries:
                x = scene_x(boundary)
                painter.drawLine(QPointF(x, 0), QPointF(x, MAP_HEIGHT))

        painter.setPen(QPen(frame, 1.6))
        painter.setBrush(QBrush(frame))
        painter.drawLine(QPointF(0, MAP_HEIGHT), QPointF(0, 0))
        painter.drawLine(QPointF(0, MAP_HEIGHT), QPointF(MAP_WIDTH, MAP_HEIGHT))
        painter.drawPolygon(QPolygonF([QPointF(0, -8), QPointF(-4, 0), QPointF(4, 0)]))
        painter.drawPolygon(QPolygonF([QPointF(MAP_WIDTH + 8, MAP_HEIGHT), QPointF(MAP_WIDTH, MAP_HEIGHT - 4), QPointF(MAP_WIDTH, MAP_HEIGHT + 4)]))

        painter.setFont(ctx.axis_font)
        painter.setPen(axis_text)
        if self.axis.show_evolution:
            edges = [0.0, *self.axis.boundaries, 1.0]
            for index, stage in enumerate(self.axis.stages):
                left, right = scene_x(edges[index]), scene_x(edges[index + 1])
                cell = QRectF(left + 2, MAP_HEIGHT + 4, max(right - left - 4, 10), 20)
                painter.drawText(cell, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 ctx.label_metrics.elidedText(stage, Qt.TextElideMode.ElideRight, cell.width()))
            painter.setFont(ctx.bold_font)
            painter.drawText(QRectF(MAP_WIDTH - 200, MAP_HEIGHT + 24, 200, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "Evolution")
        if self.axis.show_value_chain:
            painter.save()
            painter.rotate(-90)
            # Rotated: x runs up the map (as -y), y runs left of the axis (as -x).
            band = QRectF(-MAP_HEIGHT, -24, MAP_HEIGHT, 20)
            painter.setFont(ctx.axis_font)
            painter.drawText(band.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Invisible")
            painter.drawText(band.adjusted(0, 0, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "Visible")
            painter.setFont(ctx.bold_font)
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, "Value chain")
            painter.restore()

        painter.setFont(ctx.title_font)
        painter.setPen(QColor(theme.text))
        title_rect = QRectF(0, -40, MAP_WIDTH, 30)
        title = ctx.title_metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

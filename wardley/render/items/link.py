"""A dependency line from ``source`` (above) to ``target`` (below).

Flows are drawn as a hollow double line (a pipe), so they differ from plain
dependencies in shape as well as colour. Context and flow labels are plain text."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Link
from wardley.render.context import RenderContext
from wardley.render.items.element import ElementItem
from wardley.render.items.text_block import TextBlock

Z_LINK = 10.0
LABEL_WRAP = 160.0


class LinkItem(QGraphicsItem):
    def __init__(self, link: Link, source: ElementItem, target: ElementItem, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.source_item = source
        self.target_item = target
        self.link = link
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_LINK)
        self._line = QLineF()
        self._labels: list[TextBlock] = []
        self.set_link(link)

    @property
    def key(self) -> tuple[str, str]:
        return self.link.source, self.link.target

    def set_link(self, link: Link) -> None:
        self.link = link
        self.setToolTip(
            ("Flow" if link.flow else "Dependency")
            + f"\n{self.source_item.element.name} → {self.target_item.element.name}"
            + (f"\n{link.label}" if link.label else "")
            + "\nClick to select · Delete to remove"
        )
        self.update_geometry()

    def update_geometry(self) -> None:
        """Follow the two ends (called whenever either element moves)."""
        self.prepareGeometryChange()
        self._line = QLineF(self.source_item.pos(), self.target_item.pos())
        mid = self._line.center()
        ctx = self._ctx
        self._labels = []
        y = mid.y() - 4.0
        if self.link.flow_label:
            self._labels.append(TextBlock(self.link.flow_label, ctx.bold_font, ctx.bold_metrics, QPointF(mid.x() + 6, y), LABEL_WRAP))
            y += ctx.bold_metrics.lineSpacing() * len(self._labels[-1].lines)
        if self.link.label:
            self._labels.append(TextBlock(self.link.label, ctx.small_font, ctx.small_metrics, QPointF(mid.x() + 6, y), LABEL_WRAP))
        stroker = QPainterPathStroker()
        stroker.setWidth(9.0)
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        self._shape = stroker.createStroke(path)
        bounds = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-5, -5, 5, 5)
        for label in self._labels:
            bounds = bounds.united(label.rect())
            # United, not added: an added rectangle overlapping the stroke would cut a hole in it.
            box = QPainterPath()
            box.addRect(label.rect())
            self._shape = self._shape.united(box)
        self._bounds = bounds

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected() and self._ctx.editing_chrome
        if selected:
            halo = QPen(QColor(theme.selection), 6.0)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(halo)
            painter.drawLine(self._line)
        if self.link.flow:
            painter.setPen(QPen(QColor(theme.flow), 4.5))
            painter.drawLine(self._line)
            painter.setPen(QPen(QColor(theme.map_background), 1.6))
            painter.drawLine(self._line)
        else:
            pen = QPen(QColor(theme.link), 1.1)
            # On screen a cosmetic hairline: crisp at any zoom and several times faster to
            # rasterise than a stroked line. Export keeps map-unit widths for print.
            if widget is not None:
                pen.setWidthF(1.2)
                pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(self._line)
        for label in self._labels:
            label.paint(painter, QColor(theme.link_label))

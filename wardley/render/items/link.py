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
from wardley.render.themes import Theme

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
        #: Where along the line the labels sit (0 source .. 1 target): the middle unless
        #: that would hide them under a symbol or another label.
        self._label_at = 0.5
        self._label_left = False
        self.set_link(link)

    @property
    def key(self) -> tuple[str, str]:
        return self.link.source, self.link.target

    def set_link(self, link: Link) -> None:
        self.link = link
        if self._ctx.interactive:
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
        self._labels = self._make_labels(self._line.pointAt(self._label_at), self._label_left)
        bounds = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-5, -5, 5, 5)
        for label in self._labels:
            bounds = bounds.united(label.rect())
        self._bounds = bounds
        self._shape: QPainterPath | None = None  # built on the first hit test: an export never needs it

    def _make_labels(self, anchor: QPointF, left: bool = False) -> list[TextBlock]:
        ctx = self._ctx
        labels: list[TextBlock] = []
        y = anchor.y() - 4.0
        if self.link.flow_label:
            labels.append(TextBlock(self.link.flow_label, ctx.bold_font, ctx.bold_metrics, QPointF(anchor.x() + 6, y), LABEL_WRAP))
            y += ctx.bold_metrics.lineSpacing() * len(labels[-1].lines)
        if self.link.label:
            labels.append(TextBlock(self.link.label, ctx.small_font, ctx.small_metrics, QPointF(anchor.x() + 6, y), LABEL_WRAP))
        if left:  # mirrored to the other side of the anchor, each block right-aligned to it
            for block in labels:
                block.origin = QPointF(block.origin.x() - block.rect().width() - 12.0, block.origin.y())
        return labels

    def has_labels(self) -> bool:
        return bool(self.link.flow_label or self.link.label)

    def labels_rect_at(self, t: float, left: bool = False) -> QRectF:
        """Where the labels would be, anchored at fraction ``t`` along the line (0 at the
        source), right of that point or (``left``) left of it."""
        rect = QRectF()
        for label in self._make_labels(QLineF(self.source_item.pos(), self.target_item.pos()).pointAt(t), left):
            rect = rect.united(label.rect())
        return rect

    @property
    def label_stop(self) -> tuple[float, bool]:
        """Where the labels are anchored: (fraction along the line, left of it)."""
        return self._label_at, self._label_left

    def set_label_at(self, t: float, left: bool = False) -> None:
        """Anchor the labels at fraction ``t`` along the line; the placement pass picks it."""
        if (t, left) != (self._label_at, self._label_left):
            self._label_at, self._label_left = t, left
            self.update_geometry()
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(9.0)
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            shape = stroker.createStroke(path)
            for label in self._labels:
                # United, not added: an added rectangle overlapping the stroke would cut a hole in it.
                box = QPainterPath()
                box.addRect(label.rect())
                shape = shape.united(box)
            self._shape = shape
        return self._shape

    @staticmethod
    def draw_line(painter: QPainter, line: QLineF, flow: bool, theme: Theme, on_screen: bool = False) -> None:
        """A dependency or flow line (the map's and the legend's one way to draw it)."""
        if flow:
            painter.setPen(QPen(QColor(theme.flow), 4.5))
            painter.drawLine(line)
            painter.setPen(QPen(QColor(theme.map_background), 1.6))
            painter.drawLine(line)
        else:
            pen = QPen(QColor(theme.link), 1.1)
            # On screen a cosmetic hairline: crisp at any zoom and several times faster to
            # rasterise than a stroked line. Export keeps map-unit widths for print.
            if on_screen:
                pen.setWidthF(1.2)
                pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(line)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected() and self._ctx.editing_chrome
        if selected:
            halo = QPen(QColor(theme.selection), 6.0)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(halo)
            painter.drawLine(self._line)
        self.draw_line(painter, self._line, self.link.flow, theme, on_screen=widget is not None)
        for label in self._labels:
            label.paint(painter, QColor(theme.link_label))

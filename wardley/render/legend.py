"""The optional key to the map's symbols, drawn with the very functions that
draw the map (so the key cannot disagree with the map), in a free corner of
the map or, when every corner is taken, in a band below it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from wardley.model.kinds import KINDS
from wardley.render.context import RenderContext
from wardley.render.geometry import MAP_RECT
from wardley.render.items.confidence import draw_band
from wardley.render.items.frame import FrameItem
from wardley.render.items.symbols import draw_method, draw_symbol, inertia_rect
from wardley.render.scene import MapScene
from wardley.render.themes import Theme

ROW_HEIGHT = 26.0
SYMBOL_COLUMN = 44.0
PAD = 8.0
COLUMN_GAP = 18.0
#: Gap between the map's frame and a legend placed below it.
BELOW_GAP = 16.0

Painter = Callable[[QPainter, Theme], None]


def _symbol(kind: str) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        draw_symbol(painter, kind, theme)

    return paint


def _method(method: str) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        painter.scale(0.7, 0.7)
        draw_method(painter, method, theme)
        draw_symbol(painter, "component", theme)

    return paint


def _inertia(painter: QPainter, theme: Theme) -> None:
    painter.translate(-8, 0)
    draw_symbol(painter, "component", theme)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(theme.inertia)))
    painter.drawRect(inertia_rect("component", "none"))


def _evolve(painter: QPainter, theme: Theme) -> None:
    color = QColor(theme.evolve)
    painter.setPen(QPen(color, 1.4, Qt.PenStyle.DashLine))
    painter.drawLine(QLineF(-18, 0, 6, 0))
    painter.setPen(QPen(color, 1.0))
    painter.setBrush(QBrush(color))
    painter.drawPolygon(QPolygonF([QPointF(12, 0), QPointF(5, -4), QPointF(5, 4)]))
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(QBrush(QColor(theme.map_background)))
    painter.drawEllipse(QPointF(17, 0), 5.0, 5.0)


def _pipeline(painter: QPainter, theme: Theme) -> None:
    color = QColor(theme.pipeline)
    painter.setPen(QPen(color, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(-20, -7, 40, 14))
    painter.setBrush(QBrush(color))
    for x in (-9.0, 9.0):
        painter.drawPolygon(QPolygonF([QPointF(x, -4), QPointF(x - 4, 3), QPointF(x + 4, 3)]))


def _band(painter: QPainter, theme: Theme) -> None:
    draw_band(painter, QRectF(-20, -8, 40, 16), theme)
    draw_symbol(painter, "component", theme)


#: Every kind's symbol (from the kind registry, so a new kind gets its row), then the marks.
ENTRIES: tuple[tuple[str, Painter], ...] = tuple((info.label, _symbol(info.kind)) for info in KINDS) + (
    ("Build", _method("build")),
    ("Buy", _method("buy")),
    ("Outsource", _method("outsource")),
    ("Inertia", _inertia),
    ("Evolution", _evolve),
    ("Pipeline", _pipeline),
    ("Low confidence", _band),
)


class Legend:
    """A box of rows (symbol, name) in ``columns`` columns, in scene units."""

    def __init__(self, ctx: RenderContext, columns: int = 1) -> None:
        self.ctx = ctx
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        self.columns = max(1, min(columns, len(ENTRIES)))
        self.rows = -(-len(ENTRIES) // self.columns)
        # Entries fill column by column: drop columns the rows leave empty.
        self.columns = -(-len(ENTRIES) // self.rows)
        text = max(self.ctx.label_metrics.horizontalAdvance(name) for name, _ in ENTRIES)
        self.column_width = SYMBOL_COLUMN + text + 4
        title_height = self.ctx.bold_metrics.lineSpacing() + 4

        self.title_height = title_height
        width = self.columns * self.column_width + (self.columns - 1) * COLUMN_GAP + 2 * PAD
        height = title_height + self.rows * ROW_HEIGHT + 2 * PAD
        self.size = (width, height)

    def rect_at(self, top_left: QPointF) -> QRectF:
        return QRectF(top_left.x(), top_left.y(), *self.size)

    def paint(self, painter: QPainter, top_left: QPointF) -> None:
        ctx, theme = self.ctx, self.ctx.theme
        box = self.rect_at(top_left)
        painter.save()
        painter.setPen(QPen(QColor(theme.frame), 1.0))
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawRect(box)
        painter.setFont(ctx.bold_font)
        painter.setPen(QColor(theme.text))
        painter.drawText(QPointF(box.x() + PAD, box.y() + PAD + ctx.bold_metrics.ascent()), "Legend")
        top = box.y() + PAD + self.title_height
        for index, (name, draw) in enumerate(ENTRIES):
            column, row = divmod(index, self.rows)
            x = box.x() + PAD + column * (self.column_width + COLUMN_GAP)
            y = top + row * ROW_HEIGHT + ROW_HEIGHT / 2
            painter.save()
            painter.translate(x + SYMBOL_COLUMN / 2 - 4, y)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(painter, theme)
            painter.restore()
            painter.setFont(ctx.label_font)
            painter.setPen(QColor(theme.text))
            baseline = y + (ctx.label_metrics.ascent() - ctx.label_metrics.descent()) / 2
            painter.drawText(QPointF(x + SYMBOL_COLUMN, baseline), name)
        painter.restore()


def legend_placement(scene: MapScene, legend: Legend, body: QRectF) -> tuple[QPointF, QRectF]:
    """Where the legend's top-left goes, and the picture's new extent.

    A corner of the map is used when no map content touches it; otherwise the
    legend becomes a band of columns centred below the picture."""
    legend.set_columns(1)
    width, height = legend.size
    inset = 10.0
    m = MAP_RECT
    corners = (
        QPointF(m.left() + inset, m.top() + inset),
        QPointF(m.right() - inset - width, m.top() + inset),
        QPointF(m.left() + inset, m.bottom() - inset - height),
        QPointF(m.right() - inset - width, m.bottom() - inset - height),
    )
    for corner in corners:
        if _is_free(scene, legend.rect_at(corner).adjusted(-6, -6, 6, 6)):
            return corner, body
    columns = max(1, int((body.width() - 2 * PAD + COLUMN_GAP) // (legend.column_width + COLUMN_GAP)))
    legend.set_columns(columns)
    width, height = legend.size
    top_left = QPointF(body.center().x() - width / 2, body.bottom() + BELOW_GAP)
    return top_left, body.united(legend.rect_at(top_left))


def _is_free(scene: MapScene, rect: QRectF) -> bool:
    for item in scene.items(rect, Qt.ItemSelectionMode.IntersectsItemShape):
        if not isinstance(item, FrameItem) and item.isVisible():
            return False
    return True

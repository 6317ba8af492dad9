"""The optional key to the map's symbols: one row for each thing the map holds
(each element kind, method, inertia, evolve arrows, pipelines, dependencies,
flows, accelerators, attitudes, confidence bands) and none for what it lacks.

Each row's mark is drawn by the very function the map's item class draws with,
in the map's theme, so the key cannot disagree with the map. The legend goes in
free space on the map (a corner first) or, when none is big enough, in a band
below it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from wardley.model import WardleyMap
from wardley.model.kinds import KINDS
from wardley.render.context import RenderContext
from wardley.render.geometry import MAP_RECT
from wardley.render.items.confidence import draw_band, has_band
from wardley.render.items.evolve_pipeline import EvolveItem, PipelineItem
from wardley.render.items.forces import ATTITUDE_TITLE, AcceleratorItem, AttitudeItem
from wardley.render.items.frame import FrameItem
from wardley.render.items.link import LinkItem
from wardley.render.items.symbol_cache import draw_symbol_vector
from wardley.render.items.symbols import METHOD_RADIUS, SYMBOLS
from wardley.render.scene import MapScene
from wardley.render.themes import Theme

ROW_HEIGHT = 26.0
#: The tallest a mark may be: taller ones (ecosystem, method halos) are scaled down to it.
MARK_HEIGHT = ROW_HEIGHT - 4.0
#: The widest a mark may be (accelerator arrows, pipelines).
MARK_WIDTH = 40.0
SYMBOL_COLUMN = 44.0
PAD = 8.0
COLUMN_GAP = 18.0
#: Gap between the map's frame and a legend placed below it.
BELOW_GAP = 16.0
#: Space kept between the legend and anything on the map.
CLEARANCE = 6.0
#: Step of the search for free space inside the map, in scene units.
SEARCH_STEP = 20.0
#: Beyond this many items the search inside the map costs more than it is worth.
SEARCH_ITEM_LIMIT = 600

Painter = Callable[[QPainter, Theme], None]


@dataclass(frozen=True)
class Entry:
    name: str
    #: The mark's extent around (0, 0) at full size; the legend scales it to fit a row.
    extent: QRectF
    paint: Painter


def _square(half: float) -> QRectF:
    return QRectF(-half, -half, 2 * half, 2 * half)


def _element(kind: str, method: str = "none", inertia: bool = False) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        draw_symbol_vector(painter, kind, method, inertia, theme)

    return paint


def _inertia(painter: QPainter, theme: Theme) -> None:
    painter.translate(-7, 0)
    draw_symbol_vector(painter, "component", "none", True, theme)


def _band(painter: QPainter, theme: Theme) -> None:
    draw_band(painter, QRectF(-20, -8, 40, 16), theme)
    draw_symbol_vector(painter, "component", "none", False, theme)


def _line(flow: bool) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        LinkItem.draw_line(painter, QLineF(-20, -8, 20, 8), flow, theme)

    return paint


def _evolve(painter: QPainter, theme: Theme) -> None:
    EvolveItem.draw_arrow(painter, QLineF(-22, 0, 16, 0), QColor(theme.evolve), theme, start_gap=0.0)


def _pipeline(painter: QPainter, theme: Theme) -> None:
    PipelineItem.draw_box(painter, QRectF(-20, -9, 40, 18), [-9.0, 9.0], theme)


def _accelerator(negative: bool) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        AcceleratorItem.draw_arrow(painter, AcceleratorItem.arrow(negative), negative, theme)

    return paint


def _attitude(kind: str) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        AttitudeItem.draw_box(painter, QRectF(-18, -9, 36, 18), kind, theme)

    return paint


def legend_entries(wardley_map: WardleyMap) -> list[Entry]:
    """The rows for what ``wardley_map`` holds, in a fixed order (kinds in the
    registry's order first)."""
    elements = wardley_map.elements
    kinds = {e.kind for e in elements}
    methods = {e.method for e in elements}
    entries = [
        Entry(info.label, _square(SYMBOLS[info.kind].radius + 1.0), _element(info.kind))
        for info in KINDS if info.kind in kinds
    ]
    entries += [
        Entry(method.capitalize(), _square(METHOD_RADIUS + 1.0), _element("component", method))
        for method in ("build", "buy", "outsource") if method in methods
    ]
    if any(e.inertia for e in elements):
        entries.append(Entry("Inertia", QRectF(-14, -12, 26, 24), _inertia))
    if any(has_band(e) for e in elements):
        entries.append(Entry("Low confidence", QRectF(-22, -12, 44, 24), _band))
    if any(not link.flow for link in wardley_map.links):
        entries.append(Entry("Dependency", QRectF(-21, -9, 42, 18), _line(False)))
    if any(link.flow for link in wardley_map.links):
        entries.append(Entry("Flow", QRectF(-22, -11, 44, 22), _line(True)))
    if wardley_map.evolves:
        entries.append(Entry("Evolution", QRectF(-23, -8, 47, 16), _evolve))
    if wardley_map.pipelines:
        entries.append(Entry("Pipeline", QRectF(-21, -10, 42, 20), _pipeline))
    negatives = {a.negative for a in wardley_map.accelerators}
    entries += [
        Entry(name, QRectF(-27, -15, 54, 30), _accelerator(negative))
        for name, negative in (("Accelerator", False), ("Deaccelerator", True)) if negative in negatives
    ]
    attitudes = {a.kind for a in wardley_map.attitudes}
    entries += [
        Entry(title, QRectF(-19, -10, 38, 20), _attitude(kind)) for kind, title in ATTITUDE_TITLE.items() if kind in attitudes
    ]
    return entries


def mark_scale(extent: QRectF) -> float:
    """How much a mark is shrunk so it stays inside its row and symbol column."""
    return min(1.0, MARK_HEIGHT / extent.height(), MARK_WIDTH / extent.width())


class Legend:
    """A box of rows (mark, name) in ``columns`` columns, in scene units."""

    def __init__(self, ctx: RenderContext, entries: Sequence[Entry], columns: int = 1) -> None:
        if not entries:
            raise ValueError("a legend needs at least one entry")
        self.ctx = ctx
        self.entries = tuple(entries)
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        count = len(self.entries)
        self.columns = max(1, min(columns, count))
        self.rows = -(-count // self.columns)
        # Entries fill column by column: drop columns the rows leave empty.
        self.columns = -(-count // self.rows)
        text = max(self.ctx.label_metrics.horizontalAdvance(entry.name) for entry in self.entries)
        self.column_width = SYMBOL_COLUMN + text + 4
        self.title_height = self.ctx.bold_metrics.lineSpacing() + 4
        width = self.columns * self.column_width + (self.columns - 1) * COLUMN_GAP + 2 * PAD
        height = self.title_height + self.rows * ROW_HEIGHT + 2 * PAD
        self.size = (width, height)

    def rect_at(self, top_left: QPointF) -> QRectF:
        return QRectF(top_left.x(), top_left.y(), *self.size)

    def row_centre(self, top_left: QPointF, index: int) -> QPointF:
        """Where entry ``index``'s mark is centred."""
        column, row = divmod(index, self.rows)
        x = top_left.x() + PAD + column * (self.column_width + COLUMN_GAP)
        y = top_left.y() + PAD + self.title_height + row * ROW_HEIGHT + ROW_HEIGHT / 2
        return QPointF(x + SYMBOL_COLUMN / 2 - 2, y)

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
        text_offset = (ctx.label_metrics.ascent() - ctx.label_metrics.descent()) / 2
        for index, entry in enumerate(self.entries):
            centre = self.row_centre(top_left, index)
            painter.save()
            painter.translate(centre)
            scale = mark_scale(entry.extent)
            painter.scale(scale, scale)
            painter.translate(-entry.extent.center())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            entry.paint(painter, theme)
            painter.restore()
            painter.setFont(ctx.label_font)
            painter.setPen(QColor(theme.text))
            painter.drawText(QPointF(centre.x() - SYMBOL_COLUMN / 2 + 2 + SYMBOL_COLUMN, centre.y() + text_offset), entry.name)
        painter.restore()


def legend_placement(scene: MapScene, legend: Legend, body: QRectF) -> tuple[QPointF, QRectF]:
    """Where the legend's top-left goes, and the picture's new extent.

    Inside the map where nothing on it (symbol, label, line, box, note) would be
    covered: a corner first, else the free spot nearest a corner; otherwise the
    legend becomes a band of columns centred below the picture."""
    legend.set_columns(1)
    spot = _free_spot(scene, legend)
    if spot is not None:
        return spot, body
    columns = max(1, int((body.width() - 2 * PAD + COLUMN_GAP) // (legend.column_width + COLUMN_GAP)))
    legend.set_columns(columns)
    width, _ = legend.size
    top_left = QPointF(body.center().x() - width / 2, body.bottom() + BELOW_GAP)
    return top_left, body.united(legend.rect_at(top_left))


def _free_spot(scene: MapScene, legend: Legend) -> QPointF | None:
    width, height = legend.size
    inset = 10.0
    area = MAP_RECT.adjusted(inset, inset, -inset - width, -inset - height)
    if area.width() < 0 or area.height() < 0:
        return None
    corners = [area.topLeft(), area.topRight(), area.bottomLeft(), area.bottomRight()]
    items = [
        (item.sceneBoundingRect(), item)
        for item in scene.items() if item.isVisible() and not isinstance(item, FrameItem) and item.parentItem() is None
    ]
    candidates = list(corners)
    if len(items) <= SEARCH_ITEM_LIMIT:
        columns = int(area.width() // SEARCH_STEP) + 1
        rows = int(area.height() // SEARCH_STEP) + 1
        grid = [QPointF(area.left() + c * SEARCH_STEP, area.top() + r * SEARCH_STEP) for r in range(rows) for c in range(columns)]

        def from_corner(point: QPointF) -> float:
            return min((point - corner).manhattanLength() for corner in corners)

        candidates += sorted(grid, key=from_corner)
    for top_left in candidates:
        if _is_free(items, legend.rect_at(top_left).adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)):
            return top_left
    return None


def _is_free(items: list[tuple[QRectF, QGraphicsItem]], rect: QRectF) -> bool:
    for bounds, item in items:
        if not bounds.intersects(rect):
            continue
        # The shape, not the bounding box: a long link's box covers much empty map.
        if item.shape().intersects(item.mapRectFromScene(rect)):
            return False
    return True

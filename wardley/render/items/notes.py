"""Notes (free text on the map) and numbered annotations with their legend."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Annotation, Note, Point
from wardley.render.context import NOTE_WRAP_WIDTH, RenderContext
from wardley.render.geometry import clamp_to_map, to_scene
from wardley.render.items.chrome import draw_selection, make_selectable
from wardley.render.items.text_block import TextBlock

Z_NOTE = 25.0
Z_ANNOTATION = 30.0
MARKER_RADIUS = 9.0
#: Where the legend goes when the map does not say (bottom left, clear of the axis).
DEFAULT_LEGEND_AT = Point(evolution=0.02, visibility=0.22)


class NoteItem(QGraphicsItem):
    def __init__(self, note: Note, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        if ctx.interactive:
            self.setFlags(
                QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
            )
        self.setZValue(Z_NOTE)
        self.set_note(note)

    @property
    def note_id(self) -> str:
        return self.note.id

    def set_note(self, note: Note) -> None:
        self.prepareGeometryChange()
        self.note = note
        self._text = TextBlock(note.text, self._ctx.bold_font, self._ctx.bold_metrics, QPointF(0, 0), NOTE_WRAP_WIDTH)
        self._bounds = self._text.rect().adjusted(-3, -3, 3, 3)
        self.setPos(to_scene(note.evolution, note.visibility))
        if self._ctx.interactive:
            self.setToolTip("Note\nDrag to move · Delete to remove")
        self.update()

    def relayout(self) -> None:
        self.set_note(self.note)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._text.paint(painter, QColor(theme.note_text))
        if self.isSelected() and self._ctx.editing_chrome:
            pen = QPen(QColor(theme.selection), 1.5, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._text.rect().adjusted(-2, -1, 2, 1))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            return clamp_to_map(value)  # type: ignore[arg-type]
        return super().itemChange(change, value)


class AnnotationItem(QGraphicsItem):
    """One numbered annotation: a numbered circle at each of its positions."""

    collection = "annotations"

    def __init__(self, annotation: Annotation, ctx: RenderContext, index: int = 0) -> None:
        super().__init__()
        self._ctx = ctx
        self.annotation = annotation
        #: Its place in the map's list of annotations: what an edit of it names.
        self.index = index
        self.setZValue(Z_ANNOTATION)
        self._centres = [to_scene(p.evolution, p.visibility) for p in annotation.positions]
        bounds = QRectF()
        for c in self._centres:
            bounds = bounds.united(QRectF(c.x() - MARKER_RADIUS - 2, c.y() - MARKER_RADIUS - 2, 2 * MARKER_RADIUS + 4, 2 * MARKER_RADIUS + 4))
        self._bounds = bounds
        if ctx.interactive:
            make_selectable(self)
            self.setToolTip(
                f"Annotation {annotation.number}\n{annotation.text}\n"
                "Drag to move · Double-click to edit · Delete to remove"
            )

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._ctx.label_font)
        number = str(self.annotation.number)
        for c in self._centres:
            painter.setPen(QPen(QColor(theme.annotation_stroke), 1.4))
            painter.setBrush(QBrush(QColor(theme.annotation_fill)))
            painter.drawEllipse(c, MARKER_RADIUS, MARKER_RADIUS)
            rect = QRectF(c.x() - MARKER_RADIUS, c.y() - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)
            if self.isSelected() and self._ctx.editing_chrome:
                draw_selection(painter, rect.adjusted(-2, -2, 2, 2), theme)
                painter.setPen(QPen(QColor(theme.annotation_stroke), 1.4))


class AnnotationLegendItem(QGraphicsItem):
    """"Annotations" box listing each number with its text."""

    def __init__(self, annotations: list[Annotation], at: Point | None, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setZValue(Z_ANNOTATION)
        where = at or DEFAULT_LEGEND_AT
        origin = clamp_to_map(to_scene(where.evolution, where.visibility))
        #: Its top left corner on the map, in scene units: what a drag moves.
        self.origin = origin
        if ctx.interactive:
            make_selectable(self)
            self.setToolTip("Annotations\nDrag to move the list")
        metrics = ctx.label_metrics
        y = origin.y() + ctx.bold_metrics.ascent() + 6
        self._title = TextBlock("Annotations", ctx.bold_font, ctx.bold_metrics, QPointF(origin.x() + 6, y), 300)
        y += ctx.bold_metrics.lineSpacing() + 2
        self._entries: list[TextBlock] = []
        for a in sorted(annotations, key=lambda a: a.number):
            block = TextBlock(f"{a.number}. {a.text}", ctx.label_font, metrics, QPointF(origin.x() + 6, y), 260)
            self._entries.append(block)
            y += metrics.lineSpacing() * len(block.lines)
        box = self._title.rect()
        for block in self._entries:
            box = box.united(block.rect())
        self._box = box.adjusted(-6, -6, 6, 6)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._box.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setPen(QPen(QColor(theme.annotation_stroke), 1.0))
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawRect(self._box)
        self._title.paint(painter, QColor(theme.text))
        for block in self._entries:
            block.paint(painter, QColor(theme.text))
        if self.isSelected() and self._ctx.editing_chrome:
            draw_selection(painter, self._box.adjusted(-2, -2, 2, 2), theme)

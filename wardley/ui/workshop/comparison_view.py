"""The comparison on screen: the newer side of a comparison drawn read-only, with
the comparison overlay, laid over the canvas until Escape.

It draws a copy of the newer map in a scene of its own, so showing, zooming or
closing a comparison cannot change the map being edited, and comparing two
snapshots needs no change to the live canvas either. A banner says, in plain
text, what is compared with what and how to read the marks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QVBoxLayout, QWidget

from wardley.model import MapDocument, WardleyMap
from wardley.model.entities import MAX_NAME_LENGTH
from wardley.model.compare import MapDiff, compare_maps
from wardley.render.comparison import ComparisonOverlay
from wardley.render.export import map_bounds
from wardley.render.scene import MapScene
from wardley.render.themes import Theme
from wardley.ui.workshop.snapshots import Side

BANNER_STYLE = "background: white; color: black; border-bottom: 2px solid #0072B2; padding: 6px 12px;"


def summary(diff: MapDiff) -> str:
    if diff.unchanged:
        return "no differences"
    parts = [(len(diff.moved), "moved"), (len(diff.added), "added"), (len(diff.removed), "removed"),
             (len(diff.renamed), "renamed"), (len({c.element_id for c in diff.changed}), "changed"),
             (len(diff.links_added), "linked"), (len(diff.links_removed), "unlinked"),
             (len(diff.evolves), "evolve arrows changed" if len(diff.evolves) > 1 else "evolve arrow changed")]
    return ", ".join(f"{count} {what}" for count, what in parts if count)


def shown_map(after: Side, diff: MapDiff) -> WardleyMap:
    """The newer side as drawn in a comparison: a renamed element reads "NEW (was OLD)"."""
    shown = WardleyMap.model_validate(after.content.model_dump())
    renamed = {r.element_id: r.old for r in diff.renamed}
    shown.elements = [
        e.model_copy(update={"name": f"{e.name} (was {renamed[e.id]})"[:MAX_NAME_LENGTH]}) if e.id in renamed else e
        for e in shown.elements
    ]
    return shown


class MapCanvas(QGraphicsView):
    """Read-only: shows a scene fitted to the view, takes no input of its own."""

    def __init__(self, scene: MapScene, parent: QWidget) -> None:
        super().__init__(scene, parent)
        self.setInteractive(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit(self) -> None:
        scene: MapScene = self.scene()  # type: ignore[assignment]
        self.fitInView(map_bounds(scene).united(scene.itemsBoundingRect()), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()


class ComparisonView(QWidget):
    """The banner above a read-only canvas, laid over (and sized to) ``parent``."""

    closed = Signal()

    def __init__(self, before: Side, after: Side, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.before, self.after = before, after
        self.diff = compare_maps(before.content, after.content)
        self.document = MapDocument(shown_map(after, self.diff))
        self.map_scene = MapScene(self.document, theme, self)
        self.map_scene.set_editing_chrome(False)
        self.overlay = ComparisonOverlay(self.map_scene, self.diff)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # snapshot and file names are map text
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(
            f"Comparing {before.label} \u2192 {after.label}: {summary(self.diff)}.\n"
            "Arrow: moved, from the dashed ring  \u00b7  thick ring: new  \u00b7  faded: removed  \u00b7  "
            "Esc: back to the map"
        )
        self.canvas = MapCanvas(self.map_scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.canvas, 1)
        self._apply_banner_font(theme)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()

    def set_theme(self, theme: Theme) -> None:
        # Rebuilding the scene deletes every item in it, the overlay's too: draw it again.
        self.map_scene.set_theme(theme)
        self.overlay = ComparisonOverlay(self.map_scene, self.diff)
        self._apply_banner_font(theme)
        self.canvas.fit()

    def _apply_banner_font(self, theme: Theme) -> None:
        font = self.banner.font()
        font.setPixelSize(round(theme.font_size * 1.45))
        self.banner.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

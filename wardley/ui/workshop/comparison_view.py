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
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QWidget

from wardley.model import MapDocument, WardleyMap
from wardley.model.compare import MapDiff, compare_maps
from wardley.render.comparison import ComparisonOverlay
from wardley.render.export import map_bounds
from wardley.render.scene import MapScene
from wardley.render.themes import Theme
from wardley.ui.workshop.snapshots import Side

BANNER_STYLE = "background: rgba(255, 255, 255, 235); color: black; border-bottom: 2px solid #0072B2; padding: 6px 12px;"


def summary(diff: MapDiff) -> str:
    if diff.unchanged:
        return "no differences"
    parts = [(len(diff.moved), "moved"), (len(diff.added), "added"), (len(diff.removed), "removed"),
             (len(diff.renamed), "renamed")]
    return ", ".join(f"{count} {what}" for count, what in parts if count)


class ComparisonView(QGraphicsView):
    closed = Signal()

    def __init__(self, before: Side, after: Side, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.before, self.after = before, after
        self.diff = compare_maps(before.content, after.content)
        self.document = MapDocument(WardleyMap.model_validate(after.content.model_dump()))
        self.map_scene = MapScene(self.document, theme, self)
        self.map_scene.set_editing_chrome(False)
        self.overlay = ComparisonOverlay(self.map_scene, self.diff)
        self.setScene(self.map_scene)
        self.setInteractive(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # snapshot and file names are map text
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(
            f"Comparing {before.label} \u2192 {after.label}: {summary(self.diff)}.   "
            "Arrows: moved (from the dashed ring)  \u00b7  thick ring: new  \u00b7  faded: removed  \u00b7  Esc: back to the map"
        )
        self._apply_banner_font(theme)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()

    def set_theme(self, theme: Theme) -> None:
        # Rebuilding the scene deletes every item in it, the overlay's too: draw it again.
        self.map_scene.set_theme(theme)
        self.overlay = ComparisonOverlay(self.map_scene, self.diff)
        self._apply_banner_font(theme)
        self._fit()

    def _apply_banner_font(self, theme: Theme) -> None:
        font = self.banner.font()
        font.setPixelSize(round(theme.font_size * 1.45))
        self.banner.setFont(font)
        self._place_banner()

    def _place_banner(self) -> None:
        width = self.width()
        self.banner.setFixedWidth(width)
        self.banner.setFixedHeight(self.banner.heightForWidth(width))
        self.banner.move(0, 0)

    def _fit(self) -> None:
        # Room for the banner above the map.
        bounds = map_bounds(self.map_scene).united(self.map_scene.itemsBoundingRect())
        top = self.banner.height() / max(1, self.height()) * bounds.height()
        self.fitInView(bounds.adjusted(0, -top * 1.1, 0, 0), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_banner()
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

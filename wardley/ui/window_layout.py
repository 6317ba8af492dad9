"""How big a map window is, and how much of it the side panels may take.

A facilitator's first start should fill most of the screen (a 1280x820 window on a
1920x1080 projector drew canvas labels about 7 px tall); after that the window comes
back at the size it was closed at. However many panels are open, the canvas keeps at
least half the window's width: the map is what the room is looking at.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle

from wardley.ui.recent_files import settings

#: Share of the screen's free width and height a first window takes (room left for the
#: taskbar and a window frame on a 1366x768 laptop).
FIRST_START_SHARE = (0.95, 0.92)
#: Share of the window's width the canvas always keeps.
CANVAS_SHARE = 0.5
_SIZE_KEY = "window/size"
_MAXIMIZED_KEY = "window/maximized"
_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


def first_start_size(room: QRect) -> QSize:
    return QSize(int(room.width() * FIRST_START_SHARE[0]), int(room.height() * FIRST_START_SHARE[1]))


def remembered_size(room: QRect) -> tuple[QSize, bool]:
    """The size the last window was closed at (never larger than this screen), and whether it
    was maximised; the first-start size when nothing was remembered."""
    stored = settings().value(_SIZE_KEY)
    maximized = settings().value(_MAXIMIZED_KEY, False) in (True, "true")
    if isinstance(stored, QSize) and stored.width() > 0 and stored.height() > 0:
        return QSize(min(stored.width(), room.width()), min(stored.height(), room.height())), maximized
    return first_start_size(room), maximized


def remember_size(window: QMainWindow) -> None:
    if window.isFullScreen():
        return  # presenting: the window comes back at the size it had before
    maximized = window.isMaximized()
    store = settings()
    store.setValue(_MAXIMIZED_KEY, maximized)
    if not maximized:  # a maximised window's own size is the screen's; keep the last normal one
        store.setValue(_SIZE_KEY, window.size())


def place_window(window: QMainWindow) -> None:
    """Size a new window as remembered (or most of the screen) and centre it on the screen."""
    room = window.screen().availableGeometry()
    size, maximized = remembered_size(room)
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(room.center())
    window.move(frame.topLeft())
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


class CanvasShare(QObject):
    """Caps the side panels' widths so that, together, they never take more than half the
    window: each side with a panel showing gets an equal part of that half."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def watch(self, dock: QDockWidget) -> None:
        # Bound methods, not lambdas: Qt drops the connections when this object goes with its
        # window, so a dock hidden while the window is torn down calls nothing.
        dock.visibilityChanged.connect(self._dock_changed)
        dock.dockLocationChanged.connect(self._dock_changed)
        dock.topLevelChanged.connect(self._dock_changed)
        self.apply()

    def _dock_changed(self, _what: object) -> None:
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.apply()
        return False

    def apply(self) -> None:
        window = self._window
        if not shiboken6.isValid(window):
            return  # the window is being torn down, its docks with it
        docks = [d for d in window.findChildren(QDockWidget) if d.parent() is window]
        shown: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in docks:
            area = window.dockWidgetArea(dock)
            if area in _SIDES and not dock.isFloating():
                shown.setdefault(area, []).append(dock)
        sides = [area for area, members in shown.items() if any(d.isVisible() for d in members)]
        # The splitter between a panel and the canvas comes out of the canvas's half too.
        separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window)
        allowed = (int(window.width() * (1 - CANVAS_SHARE)) - len(sides) * (separator + 2)) // max(len(sides), 1)
        for members in shown.values():
            for dock in members:
                dock.setMaximumWidth(max(allowed, 1))
        for dock in docks:
            if dock.isFloating():
                dock.setMaximumWidth(16_777_215)  # Qt's "no limit"

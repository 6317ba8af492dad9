"""Presentation mode: the map alone, full screen, in type large enough to read from
the back of a room. Leaving puts the window back exactly as it was: size and
place, maximised or not, which bars and panels were showing, theme and zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QDockWidget, QToolBar, QWidget

from wardley.render.themes import Theme

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView
    from wardley.ui.main_window import MainWindow

#: How much bigger map text is while presenting, at least. The map is also fitted
#: to the whole screen; then the type grows further until a label line is
#: :data:`READABLE_LABEL_PX` tall on screen.
TYPE_SCALE = 1.4
#: Height of a label line (ascender to descender) on a 1080-line screen: readable from
#: the back of a meeting room (about 6 m). Other screens get the same share of their height.
READABLE_LABEL_PX = 24.0
READABLE_SCREEN_LINES = 1080
#: No more than this, however small the map would have to be drawn.
MAX_TYPE_SCALE = 4.0
#: The title grows less: it sits just above the top row of labels.
TITLE_SCALE = 1.15
#: States in which the window's size is the screen's, not its own.
_SIZED = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen


def presentation_theme(theme: Theme, type_scale: float = TYPE_SCALE) -> Theme:
    return replace(
        theme,
        font_size=theme.font_size * type_scale,
        title_size=theme.title_size * max(TITLE_SCALE, type_scale * TITLE_SCALE / TYPE_SCALE),
        label_scale=theme.label_scale * type_scale,
        # From the back of the room a label is read as naming the symbol nearest it.
        labels_nearest_symbol=True,
    )


def readable_label_px(screen_height: int) -> float:
    return READABLE_LABEL_PX * screen_height / READABLE_SCREEN_LINES


def label_line_px(view: MapView) -> float:
    """How tall one line of an element label is on screen now, ascender to descender."""
    return view.transform().m11() * view.map_scene.ctx.label_metrics.height()


def show_readable(view: MapView, theme: Theme, screen_height: int) -> float:
    """Give ``view`` the presentation type, large enough that a label line is readable on a
    screen ``screen_height`` pixels tall while the whole map stays in view; the type scale used.

    Bigger type makes the labels (and so the map's bounds) bigger and the fitted zoom smaller,
    so the size is found in a few steps. Each step rebuilds the scene with the new fonts, so
    labels are placed around their symbols at the size they are shown.
    """
    wanted = readable_label_px(screen_height)
    scale = TYPE_SCALE
    for _ in range(6):
        view.set_theme(presentation_theme(theme, scale))
        view.zoom_to_fit()
        shown = label_line_px(view)
        if shown >= wanted or scale >= MAX_TYPE_SCALE:
            break
        scale = min(MAX_TYPE_SCALE, scale * wanted / max(shown, 1.0) * 1.03)
    return scale


@dataclass
class SavedWindow:
    geometry: QRect
    states: Qt.WindowState
    theme: Theme
    fit: bool
    transform: QTransform
    scroll: tuple[int, int]
    hidden: list[QWidget] = field(default_factory=list)
    #: Panel and toolbar sizes and places (``QMainWindow.saveState``).
    layout: QByteArray = field(default_factory=QByteArray)


class Presentation:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._saved: SavedWindow | None = None
        #: How much bigger the type is than on the canvas, while presenting.
        self.type_scale = TYPE_SCALE

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def chrome(self) -> list[QWidget]:
        """Everything around the map: menus, toolbars, panels, status bar."""
        w = self._window
        return [w.menuBar(), *w.findChildren(QToolBar), *w.findChildren(QDockWidget), w.statusBar()]

    def enter(self) -> None:
        if self.active:
            return
        w, view = self._window, self._window.view
        shown = [widget for widget in self.chrome() if widget.isVisible() and widget.parentWidget() is w]
        self._saved = SavedWindow(
            geometry=w.normalGeometry() if w.windowState() & _SIZED else w.geometry(),
            states=w.windowState(),
            theme=view.map_scene.theme,
            # MapView keeps fitting the map while in fit mode; a hand-set zoom is kept as a transform.
            fit=bool(getattr(view, "_fit_mode", True)),
            transform=view.transform(),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            hidden=shown,
            layout=w.saveState(),
        )
        for widget in shown:
            widget.hide()
        # The room sees the map, not selection marks; the selection stays (F6 focuses on it),
        # and keys cannot change what nobody can see is selected.
        view.map_scene.set_editing_chrome(False)
        view.presenting = True
        w.update_edit_actions()
        w.showFullScreen()
        # Without a window manager that honours full-screen requests (a bare X server, some
        # kiosk set-ups) the window would stay its old size: cover the screen ourselves.
        w.setGeometry(w.screen().geometry())
        self.type_scale = show_readable(view, self._saved.theme, w.screen().geometry().height())
        view.setFocus()

    def leave(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        w, view = self._window, self._window.view
        view.set_theme(saved.theme)
        # Back to the old state first, then the old place and size (a full-screen window ignores them).
        # Not saveGeometry/restoreGeometry: they guess at frame sizes and can land a title bar lower.
        w.setWindowState(saved.states & ~_SIZED)
        w.setGeometry(saved.geometry)
        if saved.states & _SIZED:
            w.setWindowState(saved.states)  # maximised again, over the normal geometry just set
        for widget in saved.hidden:
            widget.show()
        # The panels' sizes and front tabs, which showing them again does not give back; again once
        # the window has its old size (it resizes after this returns), or the split follows the
        # full screen's.
        w.restoreState(saved.layout)
        QTimer.singleShot(0, w, lambda: self.active or w.restoreState(saved.layout))
        view.map_scene.set_editing_chrome(True)
        view.presenting = False
        w.update_edit_actions()
        if saved.fit:
            view.zoom_to_fit()
        else:
            view.setTransform(saved.transform)
            view.horizontalScrollBar().setValue(saved.scroll[0])
            view.verticalScrollBar().setValue(saved.scroll[1])
        view.setFocus()

    def forget_view(self) -> None:
        """The window's map was replaced while presenting: keep presenting the new one."""
        if self._saved is not None:
            w = self._window
            self.type_scale = show_readable(w.view, self._saved.theme, w.screen().geometry().height())
            w.view.map_scene.set_editing_chrome(False)
            w.view.presenting = True
            w.update_edit_actions()

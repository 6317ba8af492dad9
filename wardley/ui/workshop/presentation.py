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
    from wardley.ui.main_window import MainWindow

#: How much bigger map text is while presenting. The map is also fitted to the
#: whole screen, so on a 1080p projector an 11 px label ends up near 20 px. More
#: than this and labels (wrapped at a fixed width) turn into tall columns that
#: crowd each other on a busy map.
TYPE_SCALE = 1.4
#: The title grows less: it sits just above the top row of labels.
TITLE_SCALE = 1.15
#: States in which the window's size is the screen's, not its own.
_SIZED = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen


def presentation_theme(theme: Theme) -> Theme:
    return replace(
        theme,
        font_size=theme.font_size * TYPE_SCALE,
        title_size=theme.title_size * TITLE_SCALE,
        label_scale=theme.label_scale * TYPE_SCALE,
    )


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
        view.set_theme(presentation_theme(self._saved.theme))
        w.showFullScreen()
        # Without a window manager that honours full-screen requests (a bare X server, some
        # kiosk set-ups) the window would stay its old size: cover the screen ourselves.
        w.setGeometry(w.screen().geometry())
        view.zoom_to_fit()
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
            self._window.view.set_theme(presentation_theme(self._saved.theme))
            self._window.view.map_scene.set_editing_chrome(False)
            self._window.view.presenting = True
            self._window.update_edit_actions()
            self._window.view.zoom_to_fit()

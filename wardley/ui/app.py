"""Starting the desktop app: the QApplication, the first window, and the crash-recovery offer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from wardley.io import MapFileError, parse_map_text
from wardley.package_data import example_map, resource
from wardley.ui import dialogs
from wardley.ui.editor_document import EditorDocument
from wardley.ui.main_window import MainWindow
from wardley.ui.windows import WindowManager

#: The map the app opens when started without a file, shipped inside the package.
EXAMPLE_MAP = example_map()
#: Set to 1 to print each element's screen centre once the first window is shown
#: (``element ID X Y`` lines on stdout), so the end-to-end test can drag them, and the
#: canvas's width beside the window's whenever it changes (``canvas W window W``).
DEBUG_GEOMETRY_ENV = "WARDLEY_DEBUG_GEOMETRY"
#: Set to 1 to close every window once the first is shown and drawn (printing ``started TITLE``):
#: how the install checks start the real app on its example map and see it exit cleanly.
QUIT_AFTER_START_ENV = "WARDLEY_QUIT_AFTER_START"


def example_editor() -> EditorDocument:
    """The example map as an unsaved, untitled copy, so Save asks where to put it."""
    # Read as bytes, not opened by path: inside a zipped or frozen install there may be no path.
    text = EXAMPLE_MAP.read_bytes().decode("utf-8")
    return EditorDocument(parse_map_text(text, "json", f"built-in example {EXAMPLE_MAP.name}").map)


def make_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (1.25, 1.5) as the screen asks, not rounded to whole numbers.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("wardley")
    app.setOrganizationName("wardley")
    app.setApplicationDisplayName("wardley")
    app.setDesktopFileName("wardley")
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """The icon drawn in resources/wardley.svg (taskbar, window title, Alt+Tab)."""
    pixmap = QPixmap()
    pixmap.loadFromData(resource("wardley.svg").read_bytes(), "SVG")
    return QIcon(pixmap)


def open_first_windows(manager: WindowManager, paths: list[Path]) -> list[MainWindow]:
    """A window per file that opens; a file that fails gets a dialog and the app carries on."""
    windows, failures = [], []
    for path in paths:
        try:
            editor = EditorDocument.open(path)
        except MapFileError as error:
            failures.append(error)
            continue
        window = manager.open_editor(editor)
        windows.append(window)
        if editor.warnings:
            dialogs.show_import_warnings(window, str(path), editor.warnings)
    if not windows:
        windows.append(manager.open_editor(example_editor() if not paths else EditorDocument()))
    for failure in failures:  # over a window, so the app is plainly still there
        dialogs.show_file_error(windows[0], "open", failure)
    return windows


def print_element_geometry(window: MainWindow) -> None:
    """Screen centre of every element, for driving the real window from a test.

    Lines ``element ID X Y`` (device pixels), then ``geometry done``.
    """
    from wardley.render.geometry import to_scene

    view = window.view
    ratio = window.devicePixelRatioF()  # xdotool speaks device pixels, Qt logical ones
    for element in window.editor.document.map.elements:
        point = view.viewport().mapToGlobal(view.mapFromScene(to_scene(element.evolution, element.visibility)))
        print(f"element {element.id} {round(point.x() * ratio)} {round(point.y() * ratio)}", flush=True)
    print("geometry done", flush=True)


class _CanvasWidths(QObject):
    """Prints ``canvas W window W`` (device pixels) each time the canvas is resized: an X test
    cannot see a Qt widget's size, and checks with this that panels leave the canvas half."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.view.installEventFilter(self)
        self._report()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._report()
        return False

    def _report(self) -> None:
        ratio = self._window.devicePixelRatioF()
        print(f"canvas {round(self._window.view.width() * ratio)} window {round(self._window.width() * ratio)}", flush=True)


def report_geometry(window: MainWindow) -> None:
    print_element_geometry(window)
    _CanvasWidths(window)  # lives as long as the window, its parent


def _when_exposed(window: MainWindow, then: Callable[[], None]) -> None:
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        window.view.zoom_to_fit()
        then()
    else:
        QTimer.singleShot(50, lambda: _when_exposed(window, then))


def _quit_after_start(window: MainWindow) -> None:
    editor = window.editor
    assert editor is not None
    window.grab()  # the map really drawn, fonts and all, before leaving
    print(f"started {editor.document.map.title} ({len(editor.document.map.elements)} elements)", flush=True)
    editor.undo_stack.setClean()
    QApplication.closeAllWindows()


def run(paths: list[Path]) -> int:
    app = make_application()
    manager = WindowManager()
    windows = open_first_windows(manager, paths)
    first = windows[0]

    def after_start() -> None:
        restored = manager.offer_recovery(first)
        if restored and first.editor.path is None and not first.editor.is_modified:
            first.close()  # the untouched example would only be in the way
        if os.environ.get(DEBUG_GEOMETRY_ENV) and not restored:
            _when_exposed(first, lambda: report_geometry(first))
        if os.environ.get(QUIT_AFTER_START_ENV):
            _when_exposed(first, lambda: _quit_after_start(first))

    QTimer.singleShot(0, after_start)
    app.setQuitOnLastWindowClosed(True)
    return int(app.exec())

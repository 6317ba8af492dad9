"""The window: most of the screen on first start, remembered afterwards; panels leave the canvas half."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401

from wardley.ui.editor_document import EditorDocument
from wardley.ui.window_layout import FIRST_START_SHARE


def test_the_first_window_fills_most_of_the_screen_and_its_size_is_remembered(manager) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    room = window.screen().availableGeometry()
    assert window.width() >= int(room.width() * FIRST_START_SHARE[0]) - 1 >= room.width() * 0.9
    assert window.height() >= int(room.height() * FIRST_START_SHARE[1]) - 1 >= room.height() * 0.9
    assert room.contains(window.geometry().center())
    chosen = QSize(room.width() * 3 // 4, room.height() * 2 // 3)
    window.resize(chosen)
    window.close()
    again = manager.open_editor(EditorDocument(small_map()))
    assert again.size() == chosen


def test_side_panels_never_shrink_the_canvas_below_half_the_window(manager) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    window.resize(1280, 820)
    window.show()
    # Every side panel open at once: OWM text on the left, properties and analysis on the right.
    window.owm_text.panel.show()
    window.properties.show()
    window.analysis.show()
    for _ in range(3):
        QApplication.processEvents()
    for width in (1280, 1000, 1920):
        window.resize(width, 820)
        for _ in range(3):
            QApplication.processEvents()
        assert window.view.width() >= window.width() // 2 - 2, (width, window.view.width())
    assert window.owm_text.panel.isVisible() and window.owm_text.panel.width() > 100

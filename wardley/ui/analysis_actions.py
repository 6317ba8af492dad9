"""View > Analysis: the shared-platform analysis dock, installed into a window by one call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from wardley.ui.panels.analysis import AnalysisPanel

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow


def install_analysis_panel(window: MainWindow) -> AnalysisPanel:
    """Add the analysis dock (hidden at first) and its View menu entry to ``window``."""
    panel = AnalysisPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    toggle = panel.toggleViewAction()
    toggle.setText("&Analysis")
    toggle.setShortcut("Ctrl+Shift+A")
    tip = "Which components could councils or services share? Analyse this map or a folder of maps"
    toggle.setToolTip(f"{tip} (Ctrl+Shift+A)")
    toggle.setStatusTip(tip)
    window.view_menu.addAction(toggle)
    toggle.triggered.connect(lambda checked: _make_room(window, panel) if checked else None)
    # The view is replaced when another map opens: look it up at the time of each request.
    panel.highlight_requested.connect(lambda ids: window.view.highlight(ids))
    panel.status_message.connect(lambda text: window.show_status(text))
    window.editor_changed.connect(lambda: panel.set_editor(window.editor))
    return panel


def _make_room(window: MainWindow, panel: AnalysisPanel) -> None:
    # Names and badges need more than the properties dock's narrow default, and the list
    # more height than the properties panel when nothing is selected.
    panel.raise_()  # it may be a tab behind the snapshots panel
    window.resizeDocks([panel], [max(panel.width(), 430)], Qt.Orientation.Horizontal)
    if not window.properties.isHidden():
        window.resizeDocks([window.properties, panel], [1, 2], Qt.Orientation.Vertical)

"""View > OWM Text, Edit > Copy as OWM and Edit > Paste OWM, installed into a window by one call.

Paste OWM adds the pasted map's elements (with the links among them and their
evolve arrows) to the open map as new elements, one undo step, rather than
replacing the map: pasting a colleague's fragment into a workshop map is the
common case, and replacing everything is what File > Open is for. The pasted
text's notes, pipelines and other extras are left out (the status bar says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from wardley.io import MapFileError
from wardley.io.owm import format_owm, parse_owm
from wardley.ui import dialogs
from wardley.ui.canvas.fragments import Fragment
from wardley.ui.panels.owm_text import OwmTextPanel
from wardley.ui.window_protocol import MENU_EDIT
from wardley.wording import counted

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow


class OwmTextActions:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.panel = OwmTextPanel(window)
        self.panel.hide()
        self.toggle = self.panel.toggleViewAction()
        self.toggle.setText("OWM &Text")
        self.toggle.setShortcut("Ctrl+Shift+O")
        tip = "Show the map as OWM text you can edit: typing updates the map after a short pause"
        self.toggle.setToolTip(f"{tip} (Ctrl+Shift+O)")
        self.toggle.setStatusTip(tip)
        self.copy_owm = QAction("Copy as &OWM", window)
        tip = "Put the whole map on the clipboard as OWM text (paste into onlinewardleymaps.com)"
        self.copy_owm.setToolTip(tip)
        self.copy_owm.setStatusTip(tip)
        self.copy_owm.triggered.connect(lambda _checked=False: self.copy_as_owm())
        self.paste_owm = QAction("Paste O&WM", window)
        tip = "Add the elements of OWM text on the clipboard to this map (one undo step)"
        self.paste_owm.setToolTip(tip)
        self.paste_owm.setStatusTip(tip)
        self.paste_owm.triggered.connect(lambda _checked=False: self.paste_as_owm())
        self.warning_box: QMessageBox | None = None
        window.editor_changed.connect(self._editor_changed)
        self.panel.visibilityChanged.connect(self._shown)

    def _editor_changed(self) -> None:
        editor = self._window.editor
        self.panel.set_document(editor.document, editor.undo_stack)

    def _shown(self, visible: bool) -> None:
        if visible:
            self.panel.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_as_owm(self) -> None:
        self.panel.apply_pending()
        QGuiApplication.clipboard().setText(format_owm(self._window.editor.document.map))
        self._window.statusBar().showMessage("Copied the map as OWM text", 5000)

    def paste_as_owm(self) -> list[str]:
        """Add the clipboard's OWM elements to the map; returns their ids (empty when none)."""
        self.panel.apply_pending()
        text = QGuiApplication.clipboard().text()
        try:
            result = parse_owm(text, "pasted text") if text.strip() else None
        except MapFileError as error:  # over the item limit
            self._window.statusBar().showMessage(f"Nothing pasted: {error.problems[0].message}", 8000)
            return []
        if result is None or not result.map.elements:
            self._window.statusBar().showMessage("Nothing to paste: the clipboard holds no OWM components", 6000)
            return []
        pasted = result.map
        fragment = Fragment(list(pasted.elements), list(pasted.links), list(pasted.evolves))
        view = self._window.view
        ids = view.editor.add_fragment(fragment, (0.0, 0.0), "Paste OWM")
        view.select_elements(ids)
        left_out = len(pasted.notes) + len(pasted.pipelines) + len(pasted.annotations) + len(pasted.accelerators)
        extra = f"; {counted(left_out, 'note, pipeline or other extra', 'notes, pipelines or other extras')} left out"
        extra = extra if left_out else ""
        self._window.statusBar().showMessage(f"Pasted {counted(len(ids), 'element')} from OWM text{extra}", 8000)
        if result.warnings:
            lines = [w.format("pasted text") for w in result.warnings]
            shown = "\n".join(lines[:12]) + (f"\n... and {len(lines) - 12} more" if len(lines) > 12 else "")
            were = "was" if len(lines) == 1 else "were"
            self.warning_box = dialogs.plain_message(
                self._window, QMessageBox.Icon.Warning, "Pasted with warnings",
                f"{counted(len(lines), 'line')} of the pasted text {were} skipped or read in a guessed way:\n\n{shown}",
            )
            self.warning_box.open()
        return ids


def install_owm_text(window: MainWindow) -> OwmTextActions:
    """Add the OWM text dock (hidden at first) and the OWM clipboard actions to ``window``."""
    actions = OwmTextActions(window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, actions.panel)
    actions.panel.hide()
    window.view_menu.addAction(actions.toggle)
    # Wide enough for a component line with its coordinates.
    actions.toggle.triggered.connect(
        lambda checked: window.resizeDocks([actions.panel], [max(actions.panel.width(), 380)],
                                           Qt.Orientation.Horizontal) if checked else None
    )
    # After Paste, so the OWM pair sits with the other clipboard commands.
    window.menu(MENU_EDIT).insertActions(window.window_actions.duplicate, [actions.copy_owm, actions.paste_owm])
    return actions

"""The set of open map windows: new windows, quitting, and crash recovery at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from wardley.ui.editor_document import EditorDocument
from wardley.ui.main_window import MainWindow, ViewFactory
from wardley.ui.recovery import RecoveredMap, discard_recovery, orphaned_recoveries
from wardley.wording import counted


class WindowManager(QObject):
    def __init__(self, view_factory: ViewFactory | None = None) -> None:
        super().__init__()
        self._view_factory = view_factory
        self.windows: list[MainWindow] = []

    def open_editor(self, editor: EditorDocument, recovery_file: Path | None = None, show: bool = True) -> MainWindow:
        window = MainWindow(editor, self, self._view_factory, recovery_file)
        self.windows.append(window)
        if show:
            window.show()
            # After the first layout, so the fit uses the view's real size.
            # (With the view as context: no call if it is gone by then.)
            QTimer.singleShot(0, window.view, window.view.zoom_to_fit)
        return window

    def window_for(self, path: Path) -> MainWindow | None:
        """The window already showing the file at ``path``, if any."""
        wanted = path.absolute()
        return next((w for w in self.windows if w.editor.path == wanted), None)

    def forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def close_all(self) -> bool:
        """Close every window, each asking about its unsaved changes; False if one was kept."""
        for window in list(self.windows):
            if not window.close():
                return False
        return True

    def offer_recovery(self, parent: QWidget | None = None) -> list[MainWindow]:
        """After a crash: offer the maps it left behind; open the ones the user keeps."""
        found = orphaned_recoveries()
        if not found or not ask_restore(parent, found):
            for recovered in found:
                discard_recovery(recovered)
            return []
        opened = []
        for recovered in found:
            # The window adopts the old recovery file: it stays the safety net until a save.
            # A window already showing that file (named on the command line) shows the restored
            # map instead: two windows on one file would overwrite each other's saves.
            existing = self.window_for(recovered.original) if recovered.original is not None else None
            if existing is not None and not existing.editor.is_modified:
                existing.set_editor(recovered.to_editor(), recovered.file)
                window = existing
            else:
                window = self.open_editor(recovered.to_editor(), recovered.file)
            assert window.autosaver is not None
            window.autosaver.autosave_now()
            opened.append(window)
        return opened


def ask_restore(parent: QWidget | None, found: list[RecoveredMap]) -> bool:
    names = "\n".join(f"  {r.describe()}" for r in found)
    box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved maps", "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"wardley did not close properly last time. It kept a copy of {counted(len(found), 'map')} with unsaved changes:\n\n"
        f"{names}\n\nRestore them? If you discard them, those changes are lost."
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore

"""The Workshop menu and its keys, installed into a main window by one call.

| key            | what                                                       |
|----------------|------------------------------------------------------------|
| F5             | presentation mode on / off (Escape also leaves)            |
| F6, Shift+F6   | focus on the selected need, or the next one; clear focus   |
| Ctrl+Shift+T   | save a snapshot of the map                                 |
| Ctrl+Shift+D   | compare (latest snapshot -> current map by default)        |
| Escape         | close a comparison, then leave presentation mode           |
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMenu, QMessageBox, QWidget

from wardley.io import MapFileError
from wardley.model import EditError
from wardley.ui import dialogs
from wardley.ui.editor_document import EditorDocument
from wardley.ui.workshop.compare_dialog import CompareDialog, Choice
from wardley.ui.workshop.comparison_view import ComparisonView, summary
from wardley.ui.workshop.focus import Focus
from wardley.ui.workshop.guided_dialog import GuidedStartDialog
from wardley.ui.workshop.presentation import Presentation
from wardley.ui.workshop.snapshots import (
    Side,
    current_side,
    default_snapshot_name,
    delete_snapshots_command,
    file_side,
    save_snapshot_command,
    snapshot_side,
)
from wardley.ui.workshop.snapshots_panel import SnapshotsPanel
from wardley.ui.window_protocol import MENU_VIEW, MENU_WORKSHOP
from wardley.wording import counted

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow

#: How long a message stays on screen while presenting, and where (below the focus caption).
NOTICE_MS = 6000
NOTICE_TOP = 72
CAPTION_STYLE = "background: rgba(255, 255, 255, 230); color: black; border: 2px solid #E69F00; padding: 4px 10px;"


class CornerCaption(QLabel):
    """A plain-text label pinned to the top right of its parent (where the map's
    title is not), following the parent's resizes."""

    def __init__(self, parent: QWidget, top: int = 12) -> None:
        super().__init__(parent)
        self._top = top
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(CAPTION_STYLE)
        parent.installEventFilter(self)

    def show_text(self, text: str, pixel_size: float) -> None:
        font = self.font()
        font.setPixelSize(round(pixel_size))
        self.setFont(font)
        self.setText(text)
        self.adjustSize()
        self._pin()
        self.show()
        self.raise_()

    def _pin(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.move(max(0, parent.width() - self.width() - 16), self._top)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._pin()
        return False


def _action(window: QWidget, text: str, keys: str | None, tip: str) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
    else:
        action.setToolTip(tip)
    action.setStatusTip(tip)
    # On the window itself too, so the keys keep working with the menu bar hidden (presentation).
    window.addAction(action)
    return action


class WorkshopActions(QObject):
    comparison_shown = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.presentation = Presentation(window)
        self.focus = Focus(window)
        self.comparison: ComparisonView | None = None
        self._caption: CornerCaption | None = None
        #: While presenting there is no status bar: messages show here for a while instead.
        self._notice: CornerCaption | None = None
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self._hide_notice)
        #: Asks for another map file to compare with (tests replace it).
        self.ask_file = self._ask_file
        a, w = _action, window
        self.present = a(w, "&Presentation Mode", "F5", "Full screen, large type, no menus: for a room (Esc leaves)")
        self.escape = a(w, "Leave", "Escape", "Close the comparison, or leave presentation mode")
        self.escape.setEnabled(False)
        self.focus_next = a(w, "&Focus on Need", "F6", "Fade everything outside the selected (or next) need's value chain")
        self.clear_focus = a(w, "C&lear Focus", "Shift+F6", "Show the whole map again")
        self.save_snapshot = a(w, "&Save Snapshot...", "Ctrl+Shift+T", "Keep a named copy of the map in the file (\u201cafter session 3\u201d)")
        self.compare = a(w, "&Compare...", "Ctrl+Shift+D", "Compare snapshots, the current map or another file: moves drawn as arrows")
        self.compare_file = a(w, "Compare with &File...", None, "Compare the current map with another map file")
        self.close_comparison = a(w, "Close Compa&rison", None, "Back to the map (Esc)")
        self.guided_start = a(w, "&Guided Start...", None, "Build a map from four questions to the room")
        self.present.triggered.connect(self.toggle_presentation)
        self.escape.triggered.connect(self.leave_innermost)
        self.focus_next.triggered.connect(self._focus_next)
        self.clear_focus.triggered.connect(self.focus.clear)
        self.save_snapshot.triggered.connect(self.ask_snapshot_name)
        self.compare.triggered.connect(self.compare_dialog)
        self.compare_file.triggered.connect(lambda: self.compare_with_file())
        self.close_comparison.triggered.connect(self.hide_comparison)
        self.guided_start.triggered.connect(self.start_guided)
        self.close_comparison.setEnabled(False)
        self.focus.changed.connect(self._focus_changed)
        self.focus.added_outside.connect(
            lambda name: self._status(f"{name} is outside the focused value chain, so it shows faded until "
                                      "something in the chain links to it (Shift+F6 shows the whole map)")
        )

        self.panel = SnapshotsPanel(self.ask_snapshot_name, lambda: self.compare_with_file(), window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.panel.compare_requested.connect(self._compare_names)
        self.panel.delete_requested.connect(self.delete_snapshots)
        self.focus_menu = QMenu("Focus &On", window)
        self.focus_menu.aboutToShow.connect(self._fill_focus_menu)

    # -- window plumbing ---------------------------------------------------
    def build_menu(self) -> QMenu:
        w = self._window
        menu = QMenu("&Workshop", w)
        menu.setToolTipsVisible(True)
        menu.addAction(self.present)
        menu.addSeparator()
        menu.addActions([self.focus_next, self.clear_focus])
        menu.addMenu(self.focus_menu)
        menu.addSeparator()
        menu.addActions([self.save_snapshot, self.compare, self.compare_file, self.close_comparison])
        toggle = self.panel.toggleViewAction()
        toggle.setText("Snapshots &Panel")
        toggle.setToolTip("Show or hide the list of snapshots saved in this map")
        toggle.triggered.connect(lambda checked: self.panel.raise_() if checked else None)
        menu.addAction(toggle)
        menu.addSeparator()
        menu.addAction(self.guided_start)
        return menu

    def editor_changed(self) -> None:
        """The window shows another map (open, revert target, new view)."""
        editor = self._window.editor
        self.comparison = None  # it belonged to the old view, which is gone
        self._caption = None
        self._update_escape()
        self.focus.attach(editor.document)
        self.panel.set_document(editor.document)
        self.presentation.forget_view()

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)
        if self.presentation.active:
            view = self._window.view
            notice = self._notice if self._notice is not None and shiboken6.isValid(self._notice) else None
            if notice is None or notice.parentWidget() is not view:
                notice = self._notice = CornerCaption(view, top=NOTICE_TOP)
            notice.show_text(text, view.map_scene.theme.font_size)
            self._notice_timer.start()

    def _hide_notice(self) -> None:
        if self._notice is not None and shiboken6.isValid(self._notice):
            self._notice.hide()

    def _update_escape(self) -> None:
        comparing = self.comparison is not None and shiboken6.isValid(self.comparison)
        self.escape.setEnabled(comparing or self.presentation.active)
        self.close_comparison.setEnabled(comparing)

    # -- presentation ------------------------------------------------------
    def toggle_presentation(self) -> None:
        self.presentation.toggle()
        self.focus.reapply()  # a theme change rebuilds the scene
        if self.comparison is not None and shiboken6.isValid(self.comparison):
            self.comparison.set_theme(self._window.view.map_scene.theme)
        self._place_caption()
        if not self.presentation.active:
            self._hide_notice()
        self._update_escape()

    def leave_innermost(self) -> None:
        if self.comparison is not None and shiboken6.isValid(self.comparison):
            self.hide_comparison()
        elif self.presentation.active:
            self.toggle_presentation()

    # -- focus -------------------------------------------------------------
    def _fill_focus_menu(self) -> None:
        from wardley.workshop.value_chain import needs_of

        self.focus_menu.clear()
        needs = needs_of(self._window.editor.document.map)
        for need_id, name in needs:
            action = self.focus_menu.addAction(name)  # menu text is plain, but "&" would make a mnemonic
            action.setText(name.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(need_id == self.focus.need_id)
            action.triggered.connect(lambda _checked=False, n=need_id: self.focus.focus_on(n))
        if not needs:
            self.focus_menu.addAction("(this map has no user needs)").setEnabled(False)

    def _focus_next(self) -> None:
        from wardley.workshop.value_chain import needs_of

        if not needs_of(self._window.editor.document.map):
            # OWM has no needs, so every imported map lands here: say why nothing faded.
            self._status("This map has no user needs to focus on: set a component's Kind to need in Properties")
            return
        self.focus.focus_next()

    def _focus_changed(self, name: str) -> None:
        if name:
            # The status bar only: while presenting, the corner caption already names the focus.
            self._window.statusBar().showMessage(f"Focus: {name} (F6 next need, Shift+F6 whole map)", 8000)
        self._place_caption()

    def _place_caption(self) -> None:
        view = self._window.view
        name = self._window.editor.document.element(self.focus.need_id).name if self.focus.need_id else ""
        caption = self._caption if self._caption is not None and shiboken6.isValid(self._caption) else None
        if not name:
            if caption is not None:
                caption.hide()
            return
        if caption is None or caption.parentWidget() is not view:
            caption = CornerCaption(view)
            self._caption = caption
        caption.show_text(f"Focus: {name}", view.map_scene.theme.font_size * 1.4)

    # -- snapshots ---------------------------------------------------------
    def ask_snapshot_name(self) -> None:
        document = self._window.editor.document
        name, ok = QInputDialog.getText(self._window, "Save snapshot", "Name for this snapshot of the map:",
                                        text=default_snapshot_name(document))
        if ok:
            self.take_snapshot(name)

    def take_snapshot(self, name: str) -> bool:
        editor = self._window.editor
        try:
            command = save_snapshot_command(editor.document, name)
        except (EditError, ValueError) as error:
            dialogs.plain_message(self._window, QMessageBox.Icon.Warning, "Snapshot not saved", str(error)).open()
            return False
        editor.undo_stack.push(command)
        if not self.presentation.active:  # a dock would squeeze the map the room is looking at
            self.panel.show()
            self.panel.raise_()  # it may be a tab behind the analysis panel
        self._status(f"Saved snapshot {' '.join(name.split())} (Ctrl+Shift+D compares with it)")
        return True

    def delete_snapshots(self, names: list[str]) -> None:
        editor = self._window.editor
        editor.undo_stack.push(delete_snapshots_command(editor.document, names))
        self._status(f"Deleted {counted(len(names), 'snapshot')} (Ctrl+Z brings them back)")

    # -- comparison --------------------------------------------------------
    def compare_dialog(self) -> None:
        dialog = CompareDialog(self._window.editor.document, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            before, after = dialog.choices()
            sides = self._side(before), self._side(after)
            if sides[0] is not None and sides[1] is not None:
                self.show_comparison(sides[0], sides[1])
        self._window.view.setFocus()

    def _side(self, choice: Choice) -> Side | None:
        what, name = choice
        document = self._window.editor.document
        if what == "snapshot" and name is not None:
            return snapshot_side(document, name)
        if what == "current":
            return current_side(document)
        path = self.ask_file()
        if path is None:
            return None
        try:
            return file_side(path)
        except MapFileError as error:
            dialogs.show_file_error(self._window, "open", error)
            return None

    def _ask_file(self) -> Path | None:
        folder = str(self._window.editor.path.parent) if self._window.editor.path else ""
        return dialogs.choose_open_path(self._window, folder)

    def compare_with_file(self) -> None:
        before = self._side(("file", None))
        if before is not None:
            self.show_comparison(before, current_side(self._window.editor.document))

    def _compare_names(self, before: str, after: str | None) -> None:
        document = self._window.editor.document
        self.show_comparison(snapshot_side(document, before),
                             current_side(document) if after is None else snapshot_side(document, after))

    def compare_latest(self) -> bool:
        """The latest snapshot against the current map; False when there is no snapshot."""
        document = self._window.editor.document
        if not document.map.snapshots:
            self._status("No snapshots to compare with: Ctrl+Shift+T saves one")
            return False
        self.show_comparison(snapshot_side(document, document.map.snapshots[-1].name), current_side(document))
        return True

    def show_comparison(self, before: Side, after: Side) -> ComparisonView:
        self.hide_comparison()
        view = self._window.view
        theme = view.map_scene.theme
        comparison = ComparisonView(before, after, theme, view)
        comparison.closed.connect(self.hide_comparison)
        comparison.show()
        comparison.setFocus()
        self.comparison = comparison
        self._update_escape()
        self.comparison_shown.emit(True)
        self._status(f"{before.label} \u2192 {after.label}: {summary(comparison.diff)} (Esc: back to the map)")
        return comparison

    def hide_comparison(self) -> None:
        comparison, self.comparison = self.comparison, None
        if comparison is not None and shiboken6.isValid(comparison):
            comparison.hide()
            comparison.deleteLater()
            self._window.view.setFocus()
            self.comparison_shown.emit(False)
        self._update_escape()

    # -- guided start ------------------------------------------------------
    def start_guided(self) -> GuidedStartDialog:
        """On this map if it is empty, else on a new map in a new window."""
        window = self._window
        if window.editor.document.map.elements:
            window = window.manager.open_editor(EditorDocument())
        dialog = GuidedStartDialog(window.editor.document, window.editor.undo_stack, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: window.view.zoom_to_fit())
        dialog.open()  # window-modal but not blocking: the map behind it grows as the room answers
        # Over the right-hand panel, not the map: the room watches the map fill in.
        frame = window.geometry()
        dialog.move(max(frame.left(), frame.right() - dialog.width() - 16), frame.top() + 60)
        return dialog


def install_workshop_actions(window: MainWindow) -> WorkshopActions:
    """Add the Workshop menu, its keys and the Snapshots panel to ``window``."""
    actions = WorkshopActions(window)
    bar = window.menuBar()
    menus = [a for a in bar.actions() if a.menu() is not None]
    view_menu = window.menu(MENU_VIEW).menuAction()
    menu = actions.build_menu()
    menu.setObjectName(MENU_WORKSHOP)
    # After View (before Help, if any): where people look for modes.
    following = menus[menus.index(view_menu) + 1] if menus.index(view_menu) + 1 < len(menus) else None
    if following is not None:
        bar.insertMenu(following, menu)
    else:
        bar.addMenu(menu)
    window.editor_changed.connect(actions.editor_changed)
    return actions

"""One map's window: the canvas in the middle, properties on the right, menus and toolbar.

Thin on purpose: file commands are in :mod:`wardley.ui.file_actions`, the
actions in :mod:`wardley.ui.actions`, keyboard building in
:mod:`wardley.ui.keyboard_tools`; this class wires them to the current map.
Each open map has its own window; copy and paste go through the system
clipboard, so they work between windows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from wardley.io.files import MAP_SUFFIXES
from wardley.io.problems import MapFileError
from wardley.io.submap_links import SubmapLinkError, link_for, submap_path
from wardley.model import ElementKind, MapDocument
from wardley.ui import dialogs, recent_files
from wardley.ui.actions import install_window_actions
from wardley.ui.analysis_actions import install_analysis_panel
from wardley.ui.canvas.tools import Tool
from wardley.ui.capture_actions import ask_which, capture, looks_like_owm
from wardley.ui.capture_box import CaptureBox
from wardley.ui.editor_document import EditorDocument
from wardley.ui.export_actions import install_export_actions
from wardley.ui.file_actions import FileCommands
from wardley.ui.keyboard_tools import LinkPicker, WindowKeysFirst, add_note, link_elements
from wardley.ui.owm_actions import install_owm_text
from wardley.ui.panels.properties import PropertiesPanel
from wardley.ui.placement import free_spot
from wardley.ui.recovery import Autosaver
from wardley.ui.window_layout import CanvasShare, place_window, remember_size
from wardley.ui.workshop.install import install_workshop_actions
from wardley.workshop.capture import entry_lines

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView
    from wardley.ui.windows import WindowManager

ViewFactory = Callable[[MapDocument, QUndoStack, QWidget], "MapView"]


def default_view_factory(document: MapDocument, undo_stack: QUndoStack, parent: QWidget) -> MapView:
    from wardley.ui.canvas.view import MapView

    return MapView(document, undo_stack, parent)


def dropped_map_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.name.lower().endswith(MAP_SUFFIXES) else None


class MapFileDrops(QObject):
    """Opens map files dropped on the window: watches the window itself (drops on bars
    and panels reach it) and the canvas, whose scene would otherwise swallow the drag."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            path = dropped_map_path(event)  # type: ignore[arg-type]
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if event.type() == QEvent.Type.Drop:
                    # Later, not inside the drop: the dragging program waits until we return,
                    # and opening may ask a question and replaces this very canvas.
                    QTimer.singleShot(0, lambda: self._window.open_path(path))
                return True
        return False


class MainWindow(QMainWindow):
    recent_menu: QMenu
    view_menu: QMenu
    #: Another map is shown in this window (set_editor); panels follow ``editor``.
    editor_changed = Signal()

    def __init__(
        self,
        editor: EditorDocument,
        manager: WindowManager,
        view_factory: ViewFactory | None = None,
        recovery_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        place_window(self)
        self.manager = manager
        self._view_factory = view_factory or default_view_factory
        self.files = FileCommands(self)
        self._drops = MapFileDrops(self)
        self.installEventFilter(self._drops)
        self.undo_group = QUndoGroup(self)
        # Set by set_editor below; read through the ``editor`` and ``view`` properties.
        self._editor: EditorDocument | None = None
        self._view: MapView | None = None
        self.autosaver: Autosaver | None = None
        # The map view sits in a holder that stays for the window's life: replacing the central
        # widget itself lets the docks spread over the whole window for a moment, and they keep
        # that width, leaving the new map a sliver.
        self._stage = QStackedWidget(self)
        self.setCentralWidget(self._stage)

        self.properties = PropertiesPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties)
        self.properties.open_submap.connect(self.open_submap)
        self.properties.choose_submap.connect(self.choose_submap)
        self.window_actions = install_window_actions(self)
        self.export_actions = install_export_actions(self)
        self.workshop = install_workshop_actions(self)
        toolbar = self.window_actions.toolbar
        self.quick_add_box = CaptureBox(lambda: [e.name for e in self.editor.document.map.elements], self)
        self.quick_add_box.setMaximumWidth(400)
        self.quick_add_box.submitted.connect(self.quick_add)
        self.quick_add_box.left.connect(lambda: self.view.setFocus())
        toolbar.addWidget(self.quick_add_box)
        # Removed from the application with this object, when the window goes.
        app = QApplication.instance()
        if app is not None:  # always: there is no window without one
            app.installEventFilter(WindowKeysFirst(self))
        toggle = self.properties.toggleViewAction()
        toggle.setToolTip("Show or hide the properties of the selection")
        self.view_menu.addAction(toggle)
        self.owm_text = install_owm_text(self)
        self.analysis = install_analysis_panel(self)
        # Analysis and snapshots share one place, as tabs: stacked, each got a third of the
        # height and the analysis list showed three rows.
        self.tabifyDockWidget(self.analysis, self.workshop.panel)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        # Made now, not on the first message: a status bar appearing later would shrink
        # the canvas and move the whole map under the pointer.
        self.statusBar().setSizeGripEnabled(True)
        self.canvas_share = CanvasShare(self)
        for dock in self.findChildren(QDockWidget):
            self.canvas_share.watch(dock)
        self.set_editor(editor, recovery_file)

    # -- the map shown -----------------------------------------------------
    def set_editor(self, editor: EditorDocument, recovery_file: Path | None = None) -> None:
        """Show ``editor``'s map in this window, replacing (and dropping) the current one.

        ``recovery_file``: a restored map keeps writing to the file it came from.
        """
        old = self._editor
        if old is not None:
            if self.autosaver is not None:
                self.autosaver.stop()
            self.undo_group.removeStack(old.undo_stack)
        editor.setParent(self)
        self._editor = editor
        old_view, self._view = self._view, self._view_factory(editor.document, editor.undo_stack, self)
        self._stage.addWidget(self.view)
        self._stage.setCurrentWidget(self.view)
        if old_view is not None:
            self._stage.removeWidget(old_view)
            old_view.hide()
            old_view.deleteLater()
        self.view.viewport().installEventFilter(self._drops)
        self.view.addActions(self.window_actions.map_scoped)
        self.view.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.text_pasted.connect(self.paste_entries)
        self.view.selection_changed.connect(self._selection_changed)
        self.properties.set_document(editor.document, editor.undo_stack)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        editor.modified_changed.connect(self.setWindowModified)
        editor.path_changed.connect(self._update_title)
        self.autosaver = Autosaver(editor, recovery_file)
        self.autosaver.failed.connect(lambda text: self.statusBar().showMessage(text, 20000))
        if old is not None:
            old.deleteLater()
        self._update_title()
        self.setWindowModified(editor.is_modified)
        self._selection_changed()
        self.editor_changed.emit()
        self.view.setFocus()

    # -- what add-ons use (wardley.ui.window_protocol.MapWindow) -------------------
    @property
    def editor(self) -> EditorDocument:
        if self._editor is None:
            raise RuntimeError("the window shows no map yet")
        return self._editor

    @property
    def view(self) -> MapView:
        if self._view is None:
            raise RuntimeError("the window shows no map yet")
        return self._view

    @property
    def undo_stack(self) -> QUndoStack:
        return self.editor.undo_stack

    def menu(self, name: str) -> QMenu:
        for action in self.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.objectName() == name:
                return menu
        raise KeyError(f"no menu named {name!r}")

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def _update_title(self) -> None:
        # "[*]" is where Qt shows the unsaved-changes mark from setWindowModified.
        self.setWindowTitle(f"{self.editor.display_name}[*] \u2014 wardley")
        if self.editor.path is not None:
            self.setWindowFilePath(str(self.editor.path))

    def _selection_changed(self) -> None:
        self.properties.set_selection(list(self.view.selected_element_ids()))
        self.update_edit_actions()

    def update_edit_actions(self) -> None:
        """Selection actions need a selection; nothing that edits the map works while presenting."""
        actions = self.window_actions
        selected = bool(self.view.selected_element_ids())
        # An annotation, accelerator or box on its own can be deleted, not copied or renamed.
        deletable = selected or bool(self.view.selected_extras())
        presenting = bool(getattr(self.view, "presenting", False))
        for action in {*actions.selection_only, *actions.editing}:
            needs_selection = action in actions.selection_only
            chosen = deletable if action is actions.delete else selected
            action.setEnabled((chosen or not needs_selection) and not (presenting and action in actions.editing))
        self.quick_add_box.setEnabled(not presenting)

    # -- file commands (File menu) -------------------------------------------
    def new_map(self) -> None:
        self.manager.open_editor(EditorDocument())

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def revert(self) -> None:
        self.files.revert()

    def quit_app(self) -> None:
        self.manager.close_all()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files.recent_files()
        for path in paths:
            # "&" would mark a shortcut letter and vanish: "R&D.owm" must read as named.
            action = self.recent_menu.addAction(path.name.replace("&", "&&"))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))  # the menu shows no tooltips; the status bar shows this
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("(no recent maps)").setEnabled(False)

    # -- editing that needs more than the view ------------------------------
    def cut(self) -> None:
        self.view.copy_selection()
        self.view.delete_selection()

    def rename(self) -> None:
        ids = self.view.selected_element_ids()
        if ids:
            self.view.start_rename(ids[0])

    def insert(self, kind: ElementKind | Literal["note"]) -> None:
        """Insert menu: a new element of ``kind`` at a free spot, named on the canvas."""
        if kind == "note":
            text, ok = QInputDialog.getText(self, "Add a note", "Note text:")
            if ok and text.strip():
                add_note(self.editor, text.strip())
            return
        evolution, visibility = free_spot(self.editor.document.map, kind)
        self.view.add_element_at(kind, evolution, visibility)

    def insert_tool(self, tool: Tool) -> None:
        """Insert menu: arm the canvas's drawing tool; the next click places it (see canvas/tools.py)."""
        self.view.arm_tool(tool)

    def focus_quick_add(self) -> None:
        self.quick_add_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quick_add_box.selectAll()

    def quick_add(self, line: str) -> list[str]:
        """One capture-line entry (see :mod:`wardley.workshop.capture`); returns the ids it named.

        After an entry that added something the box keeps the focus for the next one; an
        entry that was only a name of an element already there hands the focus to the map, to move
        or link it."""
        result = capture(self.editor, line, ask_which(self), self.view.selected_element_ids())
        # Back to this window for the next entry, even where no window manager hands the focus
        # back after a question.
        self.activateWindow()
        self.statusBar().showMessage(result.message, 10000)
        if not result.ok:
            self.quick_add_box.setText(line)  # to correct, not to type again
            self.quick_add_box.setFocus()
            return []
        if result.named:
            self.view.select_elements(result.named)  # what the room just said, highlighted
        # Only a bare name is a look-up; an entry saying a stage, kind or link the map already
        # has is still the room talking, and its next entry must not land on the map.
        if result.changed or not result.lookup:
            self.quick_add_box.setFocus()
        else:
            self.view.setFocus()
        return result.named

    def paste_entries(self, text: str) -> None:
        """Text pasted on the map: each line a capture-line entry (each its own undo step)."""
        if looks_like_owm(text):
            self.statusBar().showMessage("The clipboard holds OWM text: Edit > Paste OWM adds it", 8000)
            return
        for line in entry_lines(text):
            if not self.quick_add(line):
                break  # the line stays in the box to be corrected; the rest are not guessed at

    def link_to(self) -> None:
        sources = list(self.view.selected_element_ids())
        if not sources:
            self.statusBar().showMessage("Select what depends on something first, then Link to...", 5000)
            return
        picker = LinkPicker(self.editor.document, sources, self)
        chosen = picker.chosen_id if picker.exec() else None
        # Back to the map for the next key, even where no window manager hands focus back.
        self.activateWindow()
        self.view.setFocus()
        if chosen is not None:
            self.statusBar().showMessage(link_elements(self.editor, sources, chosen), 8000)

    # -- submaps ----------------------------------------------------------------
    def open_submap(self, link: str) -> MainWindow | None:
        """Open a submap's linked map file in a new window (or bring forward the window that
        has it). Only local map files: an address or a missing file is explained, not followed."""
        try:
            path = submap_path(link, self.editor.path)
        except SubmapLinkError as error:
            dialogs.plain_message(self, QMessageBox.Icon.Warning, "Open submap", f"Cannot open the submap: {error}").exec()
            return None
        existing = self.manager.window_for(path)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            editor = EditorDocument.open(path)
        except MapFileError as error:
            dialogs.show_file_error(self, "open", error)
            return None
        return self.manager.open_editor(editor)

    def choose_submap(self) -> None:
        folder = str(self.editor.path.parent) if self.editor.path is not None else ""
        chosen = dialogs.choose_open_path(self, folder)
        if chosen is not None:
            self.properties.set_submap_link(link_for(chosen, self.editor.path))

    # -- window events ---------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.stop()
        remember_size(self)
        self.manager.forget(self)
        event.accept()

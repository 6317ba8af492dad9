"""The window's menus and toolbar: every action with a shortcut and a tooltip.

Handlers live on the window (file commands) or the canvas view (editing); this
module only says what exists, where it is shown and which keys reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from wardley.ui.window_protocol import MENU_EDIT, MENU_FILE, MENU_INSERT, MENU_VIEW

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey | str | list[str] | None


def make_action(window: MainWindow, text: str, slot: Callable[[], object], keys: Keys, tip: str) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(keys))
        else:
            action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


class WindowActions:
    """All of one window's actions, by name, so tests and menus reach the same objects."""

    def __init__(self, window: MainWindow) -> None:
        w, S = window, QKeySequence.StandardKey
        style = w.style()
        a = make_action
        self.new = a(w, "&New", w.new_map, S.New, "Start a new, empty map in a new window")
        self.open = a(w, "&Open...", w.open_dialog, S.Open, "Open a .wardley.json map or an OWM text file")
        self.save = a(w, "&Save", w.save, S.Save, "Save the map to its file")
        self.save_as = a(w, "Save &As...", w.save_as, S.SaveAs, "Save the map to a new file (.wardley.json or .owm)")
        self.revert = a(w, "&Revert", w.revert, None, "Throw away unsaved changes and reload the file")
        self.close = a(w, "&Close Window", w.close, S.Close, "Close this map's window")
        self.quit = a(w, "&Quit", w.quit_app, "Ctrl+Q", "Close every window and quit")
        self.new.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.open.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.save.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))

        group = w.undo_group
        self.undo = group.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.redo = group.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(QKeySequence.keyBindings(S.Redo))
        # Icons, so the toolbar does not jump about as "Undo <what>" changes length.
        self.undo.setIcon(QIcon.fromTheme("edit-undo", style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack)))
        self.redo.setIcon(QIcon.fromTheme("edit-redo", style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward)))
        group.undoTextChanged.connect(lambda text: self.undo.setToolTip(f"Undo {text} (Ctrl+Z)" if text else "Nothing to undo"))
        group.redoTextChanged.connect(lambda text: self.redo.setToolTip(f"Redo {text} (Ctrl+Shift+Z)" if text else "Nothing to redo"))
        self.undo.setToolTip("Nothing to undo")
        self.redo.setToolTip("Nothing to redo")

        self.cut = a(w, "Cu&t", w.cut, S.Cut, "Copy the selection to the clipboard and delete it")
        self.copy = a(w, "&Copy", lambda: w.view.copy_selection(), S.Copy, "Copy the selection (paste into any map)")
        self.paste = a(w, "&Paste", lambda: w.view.paste(), S.Paste, "Paste copied elements into this map")
        self.duplicate = a(w, "D&uplicate", lambda: w.view.duplicate_selection(), "Ctrl+D", "Copy the selection in place")
        self.delete = a(w, "&Delete", lambda: w.view.delete_selection(), S.Delete, "Delete the selection and its links")
        self.select_all = a(w, "Select &All", lambda: w.view.select_all(), S.SelectAll, "Select every element")
        self.rename = a(w, "Re&name", w.rename, "F2", "Rename the selected element on the map")
        self.link_to = a(w, "&Link to...", w.link_to, "Ctrl+L", "Make the selection depend on an element you pick by name")
        self.quick_add = a(w, "&Quick Add", w.focus_quick_add, "Ctrl+E", "Type a name to add a component")

        self.add_user = a(w, "&User", lambda: w.insert("user"), "Ctrl+1", "Add a user (top of the map)")
        self.add_need = a(w, "N&eed", lambda: w.insert("need"), "Ctrl+2", "Add a user need")
        self.add_component = a(w, "&Component", lambda: w.insert("component"), "Ctrl+3", "Add a component")
        self.add_note = a(w, "&Note", lambda: w.insert("note"), "Ctrl+4", "Add a text note")
        # Drawing tools: the shortcut arms the tool, the next click (or Enter) places it.
        self.add_annotation = a(w, "&Annotation", lambda: w.insert_tool("annotation"), "Ctrl+5",
                                "Click on the map to place the next numbered annotation, then type its text")
        self.add_accelerator = a(w, "&Accelerator", lambda: w.insert_tool("accelerator"), "Ctrl+6",
                                 "Click on the map to place an accelerator (a force speeding evolution up), then name it;"
                                 " press again for a deaccelerator")
        self.add_deaccelerator = a(w, "&Deaccelerator", lambda: w.insert_tool("deaccelerator"), None,
                                   "Click on the map to place a deaccelerator (a force holding evolution back), then name it")
        self.add_pioneers = a(w, "&Pioneers Box", lambda: w.insert_tool("pioneers"), "Ctrl+7",
                              "Drag on the map to draw a pioneers box")
        self.add_settlers = a(w, "&Settlers Box", lambda: w.insert_tool("settlers"), "Ctrl+8",
                              "Drag on the map to draw a settlers box")
        self.add_townplanners = a(w, "&Town Planners Box", lambda: w.insert_tool("townplanners"), "Ctrl+9",
                                  "Drag on the map to draw a town planners box")
        tools = [self.add_annotation, self.add_accelerator, self.add_deaccelerator,
                 self.add_pioneers, self.add_settlers, self.add_townplanners]

        self.zoom_in = a(w, "Zoom &In", lambda: w.view.zoom_in(), ["Ctrl++", "Ctrl+="], "Zoom in")
        self.zoom_out = a(w, "Zoom &Out", lambda: w.view.zoom_out(), S.ZoomOut, "Zoom out")
        self.zoom_fit = a(w, "&Fit Map", lambda: w.view.zoom_to_fit(), "Ctrl+0", "Show the whole map")
        self.selection_only = [self.cut, self.copy, self.duplicate, self.delete, self.rename, self.link_to]
        #: Keys that act on the map only while the map has the focus: Delete or Ctrl+A
        #: pressed in the properties panel must not delete or select elements.
        self.map_scoped = [self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all, self.rename]
        #: Keys that change the map: off while presenting (the selection's marks are hidden then).
        self.editing = [
            self.cut, self.paste, self.duplicate, self.delete, self.rename, self.link_to, self.quick_add,
            self.add_user, self.add_need, self.add_component, self.add_note, *tools,
        ]
        for action in self.map_scoped:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def build_menus(self, window: MainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.open])
        window.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as, self.revert])
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all])
        edit.addSeparator()
        edit.addActions([self.rename, self.link_to, self.quick_add])
        insert = bar.addMenu("&Insert")
        insert.addActions([self.add_user, self.add_need, self.add_component, self.add_note])
        insert.addSeparator()
        insert.addActions([self.add_annotation, self.add_accelerator, self.add_deaccelerator])
        insert.addSeparator()
        insert.addActions([self.add_pioneers, self.add_settlers, self.add_townplanners])
        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_fit])
        view.addSeparator()
        window.view_menu = view
        for menu, name in ((file_menu, MENU_FILE), (edit, MENU_EDIT), (insert, MENU_INSERT), (view, MENU_VIEW)):
            menu.setObjectName(name)  # add-ons find menus by this, not by the translatable title
            menu.setToolTipsVisible(True)

    def build_toolbar(self, window: MainWindow) -> QToolBar:
        bar = window.addToolBar("Tools")
        self.toolbar = bar
        bar.setObjectName("tools")
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addActions([self.add_user, self.add_need, self.add_component, self.add_note, self.link_to])
        bar.addSeparator()
        bar.addActions([self.zoom_in, self.zoom_out, self.zoom_fit])
        bar.addSeparator()
        return bar


def install_window_actions(window: MainWindow) -> WindowActions:
    """The window's own menus (File, Edit, Insert, View) and toolbar: installed first,
    like every add-on after it, so the add-ons find the menus by name."""
    actions = WindowActions(window)
    actions.build_menus(window)
    actions.build_toolbar(window)
    return actions

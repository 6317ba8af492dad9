"""File > Export (PNG, SVG, PDF) and Edit > Copy Map as Image.

Both draw the canvas's own scene through :mod:`wardley.render.export_files`,
so what is exported is what is on screen, minus selection marks."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from wardley.io.formats import Format, formats
from wardley.render import MapScene, theme_named
from wardley.render.export_files import ExportError, ExportOptions, export_map, render_image
from wardley.render.export_scene import export_scene
from wardley.ui import recent_files
from wardley.ui.describe_dialog import DescribeDialog
from wardley.ui.dialogs import plain_message
from wardley.ui.file_actions import default_folder
from wardley.ui.window_protocol import MENU_EDIT, MENU_FILE
from wardley.workshop.describe import describe_map

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow

#: The picture formats File > Export offers, by key ("png"), from the format registry.
KINDS: dict[str, Format] = {f.key: f for f in formats("picture")}

#: Asks where to save: (parent, caption, suggested path, filter) -> chosen path or None.
AskPath = Callable[[QWidget, str, str, str], "Path | None"]


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return Path(chosen) if chosen else None


def file_stem(title: str) -> str:
    """A file name from the map title: letters, digits and dashes only."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return stem[:80] or "map"


class ExportActions:
    def __init__(self, window: MainWindow, ask_path: AskPath = ask_save_path) -> None:
        self._window = window
        self.ask_path = ask_path
        self.export: dict[str, QAction] = {}
        self.export_menu: QMenu | None = None
        for kind, picture in KINDS.items():
            action = QAction(f"{kind.upper()}...", window)
            action.setToolTip(picture.description)
            action.setStatusTip(picture.description)
            action.triggered.connect(lambda _checked=False, k=kind: self.export_dialog(k))
            self.export[kind] = action
        # Report options, kept for the session: the command line has --theme print and --legend,
        # and a user preparing board papers should not need the command line for them.
        self.print_theme = QAction("Black and &White (Print)", window)
        self.print_theme.setCheckable(True)
        self.print_theme.setToolTip("Export in pure black on white, for photocopiers (the screen is unchanged)")
        self.with_legend = QAction("Include &Legend", window)
        self.with_legend.setCheckable(True)
        self.with_legend.setToolTip("Add a key to the symbols this map uses, in free space on the map or below it")
        self.relabel = QAction("Place All Labels &Automatically", window)
        self.relabel.setCheckable(True)
        self.relabel.setToolTip(
            "Ignore label positions set by hand (e.g. in OnlineWardleyMaps, for other fonts) so no labels overlap; "
            "the map keeps them"
        )
        self.copy_image = QAction("Copy Map as &Image", window)
        self.copy_image.setShortcut("Ctrl+Shift+I")
        tip = "Put a picture of the whole map on the clipboard (paste into slides or documents)"
        self.copy_image.setToolTip(f"{tip} (Ctrl+Shift+I)")
        self.copy_image.setStatusTip(tip)
        self.copy_image.triggered.connect(lambda _checked=False: self.copy_to_clipboard())
        self.describe = QAction("&Describe Map...", window)
        tip = "Show the map described in plain English, to copy as alt text for a picture of it"
        self.describe.setToolTip(tip)
        self.describe.setStatusTip(tip)
        self.describe.triggered.connect(lambda _checked=False: self.show_description())
        self.describe_dialog: DescribeDialog | None = None

    def _scene(self) -> MapScene:
        return self._window.view.map_scene

    def _suggested_path(self, kind: str) -> str:
        editor = self._window.editor
        folder = editor.path.parent if editor.path is not None else default_folder()
        return str(folder / f"{file_stem(self._scene().document.map.title)}{KINDS[kind].suffix}")

    def export_dialog(self, kind: str) -> Path | None:
        picture = KINDS[kind]
        chosen = self.ask_path(
            self._window, f"Export Map as {picture.name}", self._suggested_path(kind), picture.dialog_filter()
        )
        if chosen is None:
            return None
        if not picture.matches(chosen):
            chosen = chosen.with_name(chosen.name + picture.suffix)
        recent_files.remember_folder(chosen.parent)
        return self.export_to(
            chosen, ExportOptions(legend=self.with_legend.isChecked()), self.print_theme.isChecked(), self.relabel.isChecked()
        )

    def export_to(
        self, path: Path, options: ExportOptions = ExportOptions(), for_print: bool = False, relabel: bool = False
    ) -> Path | None:
        scene = self._scene()
        own_scene = for_print or relabel
        if own_scene:
            scene = export_scene(scene.document.map, theme_named("print") if for_print else scene.theme, relabel)
        try:
            export_map(scene, path, options)
        except ExportError as error:
            box = plain_message(self._window, QMessageBox.Icon.Warning, "Export failed", str(error))
            box.open()
            return None
        finally:
            if own_scene:
                scene.detach()
        self._window.statusBar().showMessage(f"Exported {path.name}", 8000)
        return path

    def copy_to_clipboard(self) -> None:
        """The picture and, as text, its description: pasted into a document that takes images
        the picture lands; where only text goes (an alt-text box) the description does."""
        scene = self._scene()
        data = QMimeData()
        data.setImageData(render_image(scene))
        data.setText(describe_map(scene.document.map))
        QGuiApplication.clipboard().setMimeData(data)
        self._window.statusBar().showMessage("Copied the map as a picture, with its description as text", 5000)

    def show_description(self) -> DescribeDialog:
        if self.describe_dialog is None:
            self.describe_dialog = DescribeDialog(self._window)
        self.describe_dialog.show_text(describe_map(self._scene().document.map))
        return self.describe_dialog


def install_export_actions(window: MainWindow) -> ExportActions:
    """Add File > Export and Edit > Copy Map as Image to ``window``'s menus."""
    actions = ExportActions(window)
    export_menu = QMenu("&Export", window)
    export_menu.setObjectName("export")
    export_menu.setToolTipsVisible(True)
    export_menu.addActions(list(actions.export.values()))
    export_menu.addSeparator()
    export_menu.addActions([actions.print_theme, actions.with_legend, actions.relabel])
    export_menu.addSeparator()
    export_menu.addAction(actions.describe)
    before = window.window_actions.close
    file_menu = window.menu(MENU_FILE)
    file_menu.insertMenu(before, export_menu)
    file_menu.insertSeparator(before)
    actions.export_menu = export_menu
    window.menu(MENU_EDIT).insertAction(window.window_actions.paste, actions.copy_image)
    return actions

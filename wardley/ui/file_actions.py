"""File commands of one window: open, save, save as, revert, and the unsaved-changes question.

Kept apart from the window so the window only wires things together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from wardley.io import MapFileError
from wardley.io.files import FileFormat, format_of, map_text, parse_map_text, read_text
from wardley.io.owm.syntax import comment_line_count
from wardley.ui import dialogs, recent_files
from wardley.ui.dialogs import SaveChoice
from wardley.ui.editor_document import EditorDocument
from wardley.wording import counted

if TYPE_CHECKING:
    from wardley.ui.main_window import MainWindow


#: What to do about an OWM file's comments that saving over it would drop.
OverwriteChoice = Literal["save as", "overwrite", "cancel"]


class FileCommands:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        #: Asks before saving over an OWM file's comments (tests replace it).
        self.ask_overwrite_comments: Callable[[Path, int], OverwriteChoice] = self._ask_overwrite_comments
        #: Asks before saving over changes made to the file elsewhere (tests replace it).
        self.ask_overwrite_changed: Callable[[Path], OverwriteChoice] = self._ask_overwrite_changed

    @property
    def _editor(self) -> EditorDocument:
        return self._window.editor

    def open_dialog(self) -> None:
        folder = self._editor.path.parent if self._editor.path else recent_files.last_folder()
        path = dialogs.choose_open_path(self._window, str(folder or ""))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` in this window, after asking about unsaved changes; False if not opened.

        A file already open in another window is brought forward instead: two windows
        editing one file would overwrite each other's saves.
        """
        other = self._window.manager.window_for(Path(path))
        if other is not None and other is not self._window:
            other.raise_()
            other.activateWindow()
            return True
        if not self.maybe_save():
            return False
        try:
            editor = EditorDocument.open(path)
        except MapFileError as error:
            dialogs.show_file_error(self._window, "open", error)
            return False
        self._window.set_editor(editor)
        recent_files.remember_file(Path(path))
        self._window.statusBar().showMessage(f"Opened {editor.display_name}", 5000)
        if editor.warnings:
            dialogs.show_import_warnings(self._window, str(path), editor.warnings)
        return True

    def commit_pending_edits(self) -> None:
        """Apply what is typed but not yet confirmed (a name on the map, a properties field),
        so Ctrl+S or closing straight after typing keeps it."""
        view = self._window.view
        name_editor = view.name_editor() if hasattr(view, "name_editor") else None
        if name_editor is not None:
            name_editor.commit()
        focus = QApplication.focusWidget()
        if focus is not None and self._window.isAncestorOf(focus) and focus is not view:
            # Leaving a field is what commits it; come straight back so typing goes on.
            focus.clearFocus()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        self.commit_pending_edits()
        if self._editor.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        editor = self._editor
        suggestion = str(editor.path) if editor.path else _suggested_name(editor)
        path = dialogs.choose_save_path(self._window, suggestion)
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path | None) -> bool:
        editor = self._editor
        target = Path(path) if path is not None else editor.path
        same_file = target is not None and editor.path is not None and _same_file(target, editor.path)
        if same_file and target is not None and editor.changed_on_disk():
            choice = self.ask_overwrite_changed(target)
            if choice == "save as":
                return self.save_as_other()
            if choice == "cancel":
                return False
            comments = 0  # overwriting what changed there was just agreed to
        else:
            comments = _comment_lines(target) if target is not None else 0
        if comments and target is not None:
            choice = self.ask_overwrite_comments(target, comments)
            if choice == "save as":
                return self.save_as_other()
            if choice == "cancel":
                return False
        try:
            editor.save(path)
        except MapFileError as error:
            dialogs.show_file_error(self._window, "save", error)
            return False
        assert editor.path is not None
        recent_files.remember_file(editor.path)
        kind = " as OWM text" if editor.file_format == "owm" else ""
        self._window.statusBar().showMessage(f"Saved {editor.display_name}{kind}", 8000)
        return True

    def _ask_overwrite_changed(self, target: Path) -> OverwriteChoice:
        """The file changed on disk since this window read or wrote it."""
        return self._ask_save_as_or_overwrite(
            "File changed on disk",
            f"{target.name} was changed by another program or window after this map was opened or last "
            "saved here. Saving over it replaces those changes.\n\nSave this map under another name, or "
            "overwrite the file?",
            "Overwrite Their Changes",
        )

    def _ask_overwrite_comments(self, target: Path, comments: int) -> OverwriteChoice:
        """OWM text written from the map has no comments: save elsewhere, overwrite, or cancel."""
        if format_of(target) in ("mermaid", "markdown"):
            return self._ask_save_as_or_overwrite(
                "Save over the Mermaid file?",
                f"{target.name} has {counted(comments, 'line')} that wardley does not keep (text around the "
                "diagram, comments, other diagrams). wardley writes the file from the map, so saving over it "
                "would drop them.\n\nSave the map under another name (as a wardley map, it keeps everything "
                "you add), or overwrite the file?",
                "Overwrite, Dropping Them",
            )
        return self._ask_save_as_or_overwrite(
            "Save over the OWM file?",
            f"{target.name} has {counted(comments, 'line')} with comments (notes, a licence, "
            "components commented out). wardley writes OWM text from the map, so saving over the file "
            "would drop them.\n\nSave the map under another name (as a wardley map, it keeps everything "
            "you add), or overwrite the file?",
            "Overwrite, Dropping Comments",
        )

    def _ask_save_as_or_overwrite(self, title: str, text: str, overwrite_label: str) -> OverwriteChoice:
        """Save As (the default), overwrite (what is lost is named on its button), or cancel."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        save_as = box.addButton("Save As...", QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(overwrite_label, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return "save as" if clicked is save_as else "overwrite" if clicked is overwrite else "cancel"

    def save_as_other(self) -> bool:
        """Save As, suggesting a wardley map beside the current file, which stays as it is."""
        editor = self._editor
        assert editor.path is not None
        name = editor.path.name
        base = name[: -len(".wardley.json")] if name.lower().endswith(".wardley.json") else editor.path.stem
        suffix = " (copy).wardley.json" if editor.file_format == "json" else ".wardley.json"
        path = dialogs.choose_save_path(self._window, str(editor.path.with_name(base + suffix)))
        return path is not None and self._save_to(path)  # the same OWM file again: asked again

    def revert(self) -> None:
        editor = self._editor
        if editor.path is None:
            self._window.statusBar().showMessage("This map has never been saved: there is no file to revert to", 5000)
            return
        if editor.is_modified:
            answer = dialogs.plain_question(
                self._window,
                "Revert",
                f"Throw away every unsaved change and reload {editor.display_name} from disk?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        try:
            editor.revert()
        except MapFileError as error:
            dialogs.show_file_error(self._window, "open", error)
            return
        self._window.statusBar().showMessage(f"Reverted to the saved {editor.display_name}", 5000)

    def maybe_save(self) -> bool:
        """True when it is fine to throw the current map away (saved, discarded or clean)."""
        self.commit_pending_edits()
        if not self._editor.is_modified:
            return True
        choice = dialogs.ask_save_changes(self._window, self._editor.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def _comment_lines(target: Path) -> int:
    """The author's comment lines in the OWM file at ``target`` (0 for other formats, or no file):
    read at save time, so a map restored after a crash, or a file edited elsewhere, counts too.
    For Mermaid and Markdown: the lines that writing the file's own map again would not give
    back (a Markdown page's prose, the author's ``%%`` comments, other diagrams)."""
    file_format = format_of(target)
    if file_format in ("mermaid", "markdown") and target.is_file():
        return _lines_not_kept(target, file_format)
    if file_format != "owm" or not target.is_file():
        return 0
    try:
        return comment_line_count(read_text(target))
    except MapFileError:
        return 0  # unreadable as text: nothing of the author's that we could keep anyway


def _lines_not_kept(target: Path, file_format: FileFormat) -> int:
    try:
        text = read_text(target)
    except MapFileError:
        return 0  # unreadable as text: nothing of the author's that we could keep anyway
    try:
        rewritten = map_text(parse_map_text(text, file_format, str(target)).map, file_format)
    except MapFileError:
        rewritten = ""  # not a map we can read: all of it is the author's
    kept = Counter(rewritten.split("\n"))
    lost = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        if kept[line] > 0:
            kept[line] -= 1
        else:
            lost += 1
    return lost


def _suggested_name(editor: EditorDocument) -> str:
    from wardley.model.ids import slug

    title = editor.document.map.title
    base = slug(title, "map") if title and title != "Untitled map" else "map"
    return str(default_folder() / f"{base}.wardley.json")


def default_folder() -> Path:
    """Where a dialog for a map never saved starts: the folder last used, else Documents, else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return recent_files.last_folder() or (Path(documents) if documents and Path(documents).is_dir() else Path.home())

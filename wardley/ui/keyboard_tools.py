"""Building a map from the keyboard alone: the "Link to..." name picker, notes, and Ctrl+E
from any field (the capture box itself is :mod:`wardley.ui.capture_box`).

Both push ordinary undo commands, so a keyboard edit undoes like a mouse one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from wardley.model import MapDocument, Note
from wardley.ui.commands import AddLinkCommand, AddNoteCommand
from wardley.ui.editor_document import EditorDocument
from wardley.ui.placement import free_spot
from wardley.wording import counted
from wardley.workshop.capture import complete_name


class WindowKeysFirst(QObject):
    """Ctrl+E reaches quick add from any text field of the window. A line edit would take it
    (end of line) and the name typed next would land in whatever field had the focus."""

    KEYS = (QKeySequence("Ctrl+E"),)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and QKeySequence(event.keyCombination()) in self.KEYS
        ):
            return True  # not accepted: the window's shortcut runs instead
        return False


def add_note(editor: EditorDocument, text: str) -> str:
    """Add a text note at a free spot; returns its id."""
    document = editor.document
    evolution, visibility = free_spot(document.map, "note")
    note = Note(id=document.new_id(text, "note"), text=text, evolution=evolution, visibility=visibility)
    editor.undo_stack.push(AddNoteCommand(document, note))
    return note.id


def _choices(document: MapDocument, exclude: Sequence[str]) -> dict[str, str]:
    """Picker text -> element id; a name shared by several elements gets its id added."""
    counts: dict[str, int] = {}
    for element in document.map.elements:
        counts[element.name.casefold()] = counts.get(element.name.casefold(), 0) + 1
    choices = {}
    for element in document.map.elements:
        if element.id in exclude:
            continue
        text = element.name if counts[element.name.casefold()] == 1 else f"{element.name} ({element.id})"
        choices[text] = element.id
    return choices


def resolve_choice(choices: dict[str, str], typed: str) -> str | None:
    """The id the typed text means, completed as the capture line completes names
    (:func:`wardley.workshop.capture.complete_name`); None when none or several match."""
    wanted = typed.strip().casefold()
    exact = [element_id for text, element_id in choices.items() if text.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    found = complete_name([(element_id, text) for text, element_id in choices.items()], typed)
    return found[0] if len(found) == 1 else None


class LinkPicker(QDialog):
    """Asks which element the selection depends on, completing names as you type."""

    def __init__(self, document: MapDocument, source_ids: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to...")
        self.choices = _choices(document, source_ids)
        names = ", ".join(document.element(i).name for i in source_ids[:3]) + ("..." if len(source_ids) > 3 else "")
        label = QLabel(f"{names} depends on:")
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_box = QLineEdit()
        self.name_box.setPlaceholderText("Type part of a name")
        completer = QCompleter(sorted(self.choices, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_box.setCompleter(completer)
        # One Enter links: picking from the list, or typing enough and pressing Enter
        # while the list is still open (which Qt would otherwise spend closing it).
        completer.activated.connect(self._picked)
        popup = completer.popup()
        assert popup is not None  # a completer always has its list
        self._popup = popup
        popup.installEventFilter(self)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.name_box, self.problem, buttons):
            layout.addWidget(widget)
        self.chosen_id: str | None = None

    def _picked(self, text: str) -> None:
        self.name_box.setText(text)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self._popup.currentIndex().isValid()
        ):
            self._popup.hide()
            self.accept()
            return True
        return False

    def accept(self) -> None:
        typed = self.name_box.text().strip()
        self.chosen_id = resolve_choice(self.choices, typed)
        if self.chosen_id is None:
            completer = self.name_box.completer()
            completer.setCompletionPrefix(typed)
            if not typed:
                self.problem.setText("Type part of the name of what the selection depends on.")
            elif len(complete_name([(i, text) for text, i in self.choices.items()], typed)) > 1:
                self.problem.setText("Several names start with that: pick one from the list (Up and Down, then Enter).")
                completer.complete()  # the list again, for the arrow keys
            else:
                self.problem.setText("No element has that name (type its start, or a whole word of it).")
            return
        super().accept()


def link_elements(editor: EditorDocument, source_ids: Sequence[str], target_id: str) -> str:
    """Link each source to ``target_id`` as one undo step; returns a status message."""
    document = editor.document
    linkable = [s for s in source_ids if document.check_link(s, target_id) is None]
    target = document.element(target_id).name
    if not linkable:
        problem = document.check_link(source_ids[0], target_id) if source_ids else "nothing is selected"
        return f"Not linked: {problem}"
    stack = editor.undo_stack
    stack.beginMacro(f"Link to {target}")
    for source in linkable:
        stack.push(AddLinkCommand(document, source, target_id))
    stack.endMacro()
    return f"Linked {counted(len(linkable), 'element')} to {target}"

"""Building a map from the keyboard alone: a quick-add box and a "Link to..." name picker.

Both push ordinary undo commands, so a keyboard edit undoes like a mouse one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from wardley.model import Element, MapDocument, Note
from wardley.model.ids import name_key
from wardley.ui.commands import AddElementCommand, AddLinkCommand, AddNoteCommand
from wardley.ui.editor_document import EditorDocument
from wardley.ui.placement import free_spot
from wardley.wording import counted


class QuickAddBox(QLineEdit):
    """Type a name, press Enter: ``submitted`` carries the name and the box empties.

    Names already on the map are offered as you type: picking one selects that element
    instead of adding another (the keyboard's way to get to any element)."""

    submitted = Signal(str)

    def __init__(self, names: Callable[[], Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names_now = names
        self.setPlaceholderText("Quick add or find: type a name, Enter")
        self.setToolTip(
            "Add a component: type its name and press Enter; a name already on the map selects it "
            "(Ctrl+E to get here)"
        )
        self.setClearButtonEnabled(True)
        self.setMaxLength(200)
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.returnPressed.connect(self._submit)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # The map's names as they are now, however the box got the focus (Ctrl+E or a click).
        self.names.setStringList(sorted(set(self._names_now()), key=str.casefold))
        super().focusInEvent(event)

    def _picked(self, name: str) -> None:
        self.setText(name)
        self._submit()

    def _submit(self) -> None:
        name = self.text().strip()
        if name:
            self.clear()
            self.submitted.emit(name)


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


def element_named(document: MapDocument, name: str) -> str | None:
    """The first element whose name is ``name`` (ignoring case and runs of spacing), if any."""
    key = name_key(name)
    return next((e.id for e in document.map.elements if name_key(e.name) == key), None)


def add_component(editor: EditorDocument, name: str, near_ids: Sequence[str] = ()) -> str:
    """Add a component called ``name`` at a free spot (below the selection, if any); returns its id."""
    document = editor.document
    near = None
    if near_ids:
        first = document.element(near_ids[0])
        near = (first.evolution, max(0.05, first.visibility - 0.12))
    evolution, visibility = free_spot(document.map, "component", near)
    element = Element(id=document.new_id(name), kind="component", name=name, evolution=evolution, visibility=visibility)
    editor.undo_stack.push(AddElementCommand(document, element))
    return element.id


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
    """The id the typed text means: an exact name (any case), or the only name containing it."""
    wanted = typed.strip().casefold()
    if not wanted:
        return None
    for text, element_id in choices.items():
        if text.casefold() == wanted:
            return element_id
    partial = [element_id for text, element_id in choices.items() if wanted in text.casefold()]
    return partial[0] if len(partial) == 1 else None


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
        if popup is not None:  # always: a completer makes its own list on first asking
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
        popup = self.name_box.completer().popup()
        if (
            popup is not None
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not popup.currentIndex().isValid()
        ):
            popup.hide()
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
            elif completer.completionCount():
                self.problem.setText("Several names contain that: pick one from the list (Up and Down, then Enter).")
                completer.complete()  # the list again, for the arrow keys
            else:
                self.problem.setText("No element has that name.")
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

"""The capture line's box in the toolbar (Ctrl+E): one entry per Enter, names offered as you type.

The list offers names for the part being typed (after the last arrow or comma), so
``Report a pothole -> Council w`` offers "Council website". Pasting several lines
submits each as an entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from wardley.workshop.capture import KIND_WORDS, entry_lines

PLACEHOLDER = "Capture: name [stage], A -> B, C  (Ctrl+E)"
TOOLTIP = (
    "One entry per Enter:\n"
    "  Hosting commodity            a component, with a stage word (genesis, custom, product,\n"
    "                               commodity) or a number (Road survey 0.3)\n"
    "  user Resident                a kind word first: user, need, component, market, ecosystem\n"
    "  Report a pothole -> Council website, Online forms     links: the first depends on the others\n"
    "  Hosting <- Council website, Document store            links from the other end\n"
    "Names are completed from the map: part of a name (its start or a whole word) that only one\n"
    "element has names that element; when several have it you are asked. \"Quotes\" take a name as\n"
    "typed. A name already on the map alone selects it. Escape goes back to the map; pasting\n"
    "several lines adds each."
)

def current_part(text: str) -> tuple[int, str]:
    """(where the name being typed starts, that name without a kind word)."""
    match = None
    for match in re.finditer(r"->|<-|,", text):
        pass
    start = match.end() if match else 0
    while start < len(text) and text[start] == " ":
        start += 1
    part = text[start:]
    first, _, rest = part.partition(" ")
    if first in KIND_WORDS and rest:
        start += len(first) + 1
        part = rest
    return start, part


class CaptureBox(QLineEdit):
    """``submitted`` carries each entry; the box empties after each. ``left`` asks for the map."""

    submitted = Signal(str)
    left = Signal()

    def __init__(self, names: Callable[[], Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names_now = names
        self.setPlaceholderText(PLACEHOLDER)
        self.setToolTip(TOOLTIP)
        self.setClearButtonEnabled(True)
        self.setMaxLength(2000)
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self)
        completer.activated.connect(self._picked)
        # Ours runs before the completer's own filter: one Enter is one entry, list open or not.
        self._completer = completer
        self.popup.installEventFilter(self)
        self.textEdited.connect(self._offer)
        self.returnPressed.connect(self._submit)

    def completer(self) -> QCompleter:  # noqa: D102 - the list of names (not set on the line edit)
        return self._completer

    @property
    def popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # a completer always has its list
        return popup

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # The map's names as they are now, however the box got the focus (Ctrl+E or a click).
        self.names.setStringList(sorted(set(self._names_now()), key=str.casefold))
        super().focusInEvent(event)

    def _offer(self, text: str) -> None:
        _, part = current_part(text[: self.cursorPosition()])
        popup = self.popup
        if len(part.strip()) < 1:
            popup.hide()
            return
        self._completer.setCompletionPrefix(part.strip())
        if self._completer.completionCount():
            self._completer.complete()
        else:
            popup.hide()

    def _picked(self, name: str) -> None:
        start, _ = current_part(self.text())
        whole = self.text()[:start] + name
        self.setText(whole)
        self.popup.hide()
        if start == 0:  # a name alone: picking it is the entry (finds that element)
            self._submit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            popup = self.popup
            index = popup.currentIndex()
            popup.hide()
            if index.isValid():
                self._picked(str(index.data()))
            else:
                self._submit()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.popup.hide()
            self.left.emit()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip():
                self.submit_lines(self.text() + text)
                return
        super().keyPressEvent(event)

    def submit_lines(self, text: str) -> None:
        """Several entries at once (a pasted list): each one its own entry, in order."""
        self.clear()
        for line in entry_lines(text):
            self.submitted.emit(line)

    def _submit(self) -> None:
        line = self.text().strip()
        if line:
            self.clear()
            self.submitted.emit(line)

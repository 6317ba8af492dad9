"""Telling a command key from typing that landed on the map by mistake.

C, N and U add an element where the pointer is. A word typed while the map has the
focus (the facilitator thought a text box had it, or the focus moved mid-word) must
not become an element named with the rest of the word. Two signs of typing, read
from the keys' own timestamps (so they hold however busy the program is):

- the key before it, anywhere in the application, was a character typed less than
  :data:`TYPING_GAP_MS` earlier: the letter is part of a word, not a command;
- the first character typed into the new element's name box came less than
  :data:`WORD_GAP_MS` after the letter that opened it, quicker than anyone reads
  the box: the letter was the word's first.

A timestamp of 0 means "not known" (events made by a program): never typing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

TYPING_GAP_MS = 700
WORD_GAP_MS = 220
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@dataclass(frozen=True)
class Press:
    timestamp: int
    key: int
    #: A character that goes into text (a letter, digit, space or punctuation).
    typed: bool


def is_typed(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS


class KeyHistory(QObject):
    """The last two key presses the application saw (installed on the application)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: Press | None = None
        self.before: Press | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and not event.isAutoRepeat():
            press = Press(event.timestamp(), event.key(), is_typed(event))
            # One press reaches the filter once per widget it is offered to: count it once.
            if press != self.latest:
                self.before, self.latest = self.latest, press
        return False

    def mid_word(self, event: QKeyEvent) -> bool:
        """``event`` (just pressed) follows a character typed a moment before it."""
        before = self.before if self.latest == Press(event.timestamp(), event.key(), is_typed(event)) else self.latest
        return (
            before is not None
            and before.typed
            and before.timestamp > 0
            and 0 <= event.timestamp() - before.timestamp <= TYPING_GAP_MS
        )


def typed_straight_on(opened_at: int, event: QKeyEvent) -> bool:
    """The first key typed into a name box came too soon after the key that opened it."""
    return opened_at > 0 and is_typed(event) and 0 <= event.timestamp() - opened_at <= WORD_GAP_MS

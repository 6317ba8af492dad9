"""The in-place name editor: Enter (or clicking elsewhere) confirms, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

MIN_WIDTH = 180


class NameEditor(QLineEdit):
    """A one-shot editor: calls exactly one of ``on_commit(text)`` / ``on_cancel()``."""

    def __init__(
        self,
        parent: QWidget,
        text: str,
        where: QRect,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None],
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._on_commit, self._on_cancel = on_commit, on_cancel
        self._done = False
        self.setObjectName("canvasNameEditor")
        self.setText(text)
        self.setPlaceholderText(placeholder)
        self.setMaxLength(200)
        self.setToolTip("Enter to confirm · Escape to cancel")
        height = max(where.height() + 8, self.sizeHint().height())
        self.setGeometry(QRect(where.left() - 4, where.center().y() - height // 2, max(where.width() + 40, MIN_WIDTH), height))
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def done(self) -> bool:
        return self._done

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = self.text()
        self.hide()
        self.deleteLater()
        self._on_commit(text)

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        self.deleteLater()
        self._on_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        # Clicking elsewhere keeps what was typed: forgiving in a live workshop.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

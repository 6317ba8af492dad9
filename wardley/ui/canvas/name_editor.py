"""The in-place name editor: Enter (or clicking elsewhere) confirms, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

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
        font: QFont | None = None,
        on_first_key: Callable[[NameEditor, QKeyEvent], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_commit, self._on_cancel = on_commit, on_cancel
        self._on_first_key = on_first_key
        self._done = False
        #: Clicking elsewhere confirms what was typed; off where the typing looked stray.
        self.commit_on_focus_loss = True
        self.setObjectName("canvasNameEditor")
        self.setText(text)
        self.setPlaceholderText(placeholder)
        self.setMaxLength(200)
        self.setToolTip("Enter to confirm · Escape to cancel")
        if font is not None:
            self.setFont(font)
        height = max(min(where.height(), self.fontMetrics().height() * 2) + 8, self.sizeHint().height())
        width = max(where.width() + 40, MIN_WIDTH, self.fontMetrics().horizontalAdvance(placeholder) + 24)
        self.setGeometry(QRect(where.left() - 4, where.top() + (where.height() - height) // 2, width, height))
        self.selectAll()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # always: there is no widget without one
            app.focusChanged.connect(self._focus_changed)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def done(self) -> bool:
        return self._done

    def _finish(self) -> None:
        self._done = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)

    def commit(self) -> None:
        if self._done:
            return
        self._finish()
        text = self.text()
        self.hide()
        self.deleteLater()
        self._on_commit(text)

    def cancel(self) -> None:
        if self._done:
            return
        self._finish()
        self.hide()
        self.deleteLater()
        self._on_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            if self._on_first_key is not None and event.text():
                hook, self._on_first_key = self._on_first_key, None
                hook(self, event)
            super().keyPressEvent(event)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Clicking elsewhere keeps what was typed: forgiving in a live workshop. (A
        # focusOutEvent override would also run while Qt tears the window down.)
        if old is self and new is not None and not self._done:
            if self.commit_on_focus_loss:
                self.commit()
            else:
                self.cancel()

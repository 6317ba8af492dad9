"""File > Export > Describe Map: the map's text alternative, read-only, with a Copy button."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class DescribeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Describe Map")
        self.resize(620, 420)
        intro = QLabel("The map in plain English: paste it as the alt text of a picture of the map.")
        intro.setWordWrap(True)
        # A plain-text editor: names from the map are never read as rich text.
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def show_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.show()
        self.raise_()
        self.activateWindow()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

"""The system clipboard side of copy and paste: our JSON fragment under its own
mime type, plus the names as plain text for anything else."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from wardley.ui.canvas.fragments import MIME_TYPE, Fragment, fragment_from_json, fragment_text, fragment_to_json


def put_on_clipboard(fragment: Fragment) -> None:
    data = QMimeData()
    data.setData(MIME_TYPE, fragment_to_json(fragment).encode("utf-8"))
    data.setText(fragment_text(fragment))
    QGuiApplication.clipboard().setMimeData(data)


def fragment_on_clipboard() -> Fragment:
    """What was copied from a map; ValueError (a sentence for the status bar) otherwise."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not data.hasFormat(MIME_TYPE):
        raise ValueError("Nothing to paste: copy map elements first")
    try:
        return fragment_from_json(bytes(data.data(MIME_TYPE).data()).decode("utf-8", "replace"))
    except ValueError as error:
        raise ValueError(f"Cannot paste: {error}") from None

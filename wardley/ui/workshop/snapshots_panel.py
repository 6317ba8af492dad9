"""The Snapshots dock: the map's saved snapshots, newest last, as plain text.

Keys in the list: Enter compares the selected snapshot with the current map (or
two selected snapshots with each other, older first); Delete deletes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wardley.model import Change, MapDocument
from wardley.wording import counted

NAME_ROLE = Qt.ItemDataRole.UserRole


def saved_when(created: str) -> str:
    """A snapshot's ``created`` stamp as a UTC time ("2024-05-01 14:03 UTC"), or "at an unknown
    time" when it is not one: the stamp comes from the file and may hold anything."""
    try:
        moment = datetime.fromisoformat(created.strip().replace("Z", "+00:00"))
    except ValueError:
        return "at an unknown time"
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


class SnapshotList(QListWidget):
    activated_keys = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_keys.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class SnapshotsPanel(QDockWidget):
    #: (before, after) snapshot names; after None = the current map.
    compare_requested = Signal(str, object)
    delete_requested = Signal(list)

    def __init__(self, save: Callable[[], object], compare_file: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__("Snapshots", parent)
        self.setObjectName("snapshots")
        self._document: MapDocument | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.hint = QLabel("No snapshots yet. Save one at the end of a session to compare the next time.")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.list = SnapshotList()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip("Enter: compare with the map (two selected: with each other) \u00b7 Delete: delete")
        buttons = QGridLayout()
        self.save_button = QPushButton("Save snapshot\u2026")
        self.compare_button = QPushButton("Compare")
        self.compare_file_button = QPushButton("Compare with file\u2026")
        self.delete_button = QPushButton("Delete")
        self.save_button.clicked.connect(lambda: save())
        self.compare_button.clicked.connect(self.compare_selected)
        self.compare_file_button.clicked.connect(lambda: compare_file())
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.save_button, 0, 0)
        buttons.addWidget(self.compare_button, 0, 1)
        buttons.addWidget(self.compare_file_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.list.activated_keys.connect(self.compare_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.compare_selected())
        self.list.delete_pressed.connect(self.delete_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._refresh()

    def set_document(self, document: MapDocument) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_change)
        self._document = document
        document.changed.connect(self._on_change)
        self._refresh()

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def selected_names(self) -> list[str]:
        """Selected snapshot names in list (oldest first) order."""
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count()) if self.list.item(i).isSelected()]

    def compare_selected(self) -> None:
        chosen = self.selected_names()
        if len(chosen) == 1:
            self.compare_requested.emit(chosen[0], None)
        elif len(chosen) == 2:
            self.compare_requested.emit(chosen[0], chosen[1])

    def delete_selected(self) -> None:
        chosen = self.selected_names()
        if chosen:
            self.delete_requested.emit(chosen)

    def _on_change(self, change: Change) -> None:
        if change.kind == "reset" or (change.kind == "collection_changed" and change.key == "snapshots"):
            self._refresh()

    def _refresh(self) -> None:
        selected = set(self.selected_names())
        self.list.clear()
        snapshots = self._document.map.snapshots if self._document is not None else []
        for snapshot in snapshots:
            # QListWidgetItem text is never read as markup: names show as typed.
            item = QListWidgetItem(snapshot.name)
            item.setData(NAME_ROLE, snapshot.name)
            # Qt takes a tooltip holding a tag for rich text, so the file's ``created`` text is
            # never shown as written: only the time it reads as, if it reads as one.
            item.setToolTip(f"Saved {saved_when(snapshot.created)}, {counted(len(snapshot.content.elements), 'element')}")
            self.list.addItem(item)
            item.setSelected(snapshot.name in selected)
        self.hint.setVisible(not snapshots)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.selected_names())
        self.compare_button.setEnabled(count in (1, 2))
        self.compare_button.setText("Compare the two" if count == 2 else "Compare with map")
        self.delete_button.setEnabled(count > 0)

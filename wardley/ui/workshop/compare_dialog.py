"""Compare...: pick the two sides (a snapshot, the current map, or another file).

Opens with the latest snapshot before and the current map after, so Ctrl+Shift+D
then Enter answers the coaching question "what changed since last time?".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from wardley.model import MapDocument

#: (what, snapshot name): what is "snapshot", "current" or "file".
Choice = tuple[str, str | None]
CURRENT: Choice = ("current", None)
FILE: Choice = ("file", None)


class CompareDialog(QDialog):
    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare maps")
        layout = QVBoxLayout(self)
        intro = QLabel("Moves are drawn as arrows from the \u201cbefore\u201d position, new elements ringed, "
                       "removed ones faded.")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.before = QComboBox()
        self.after = QComboBox()
        self._choices: list[Choice] = [("snapshot", s.name) for s in document.map.snapshots] + [CURRENT, FILE]
        for combo in (self.before, self.after):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for what, name in self._choices:
                combo.addItem(f"Snapshot: {name}" if what == "snapshot" else
                              "The current map" if what == "current" else "Another map file\u2026")
        snapshots = len(document.map.snapshots)
        self.before.setCurrentIndex(snapshots - 1 if snapshots else len(self._choices) - 1)
        self.after.setCurrentIndex(snapshots)  # the current map
        form.addRow("Before", self.before)
        form.addRow("After", self.after)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Compare")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.before.setFocus()

    def choices(self) -> tuple[Choice, Choice]:
        return self._choices[self.before.currentIndex()], self._choices[self.after.currentIndex()]

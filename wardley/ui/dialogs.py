"""The few questions the shell asks: save changes?, which file?, and what went wrong.

Every text that can come from a file (names, paths, problems) is shown as plain
text: a map called ``<b>x</b>`` must not turn bold, let alone load anything.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from wardley.io import MapFileError, Problem
from wardley.io import formats as file_formats
from wardley.wording import counted

MAP_FILTERS = file_formats.open_filters("map")
SAVE_FILTERS = file_formats.save_filters("map")
#: Problems listed in the dialog itself; the rest are under "Show Details".
_SHOWN_PROBLEMS = 12


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def plain_question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """``QMessageBox.question`` guesses rich text from the first line, where the file
    name stands; escaping it into HTML shows a name like ``<b>x</b>.json`` as typed."""
    return QMessageBox.question(parent, title, GuiQt.convertFromPlainText(text), buttons, default)


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    answer = plain_question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing it?\n\nIf you don't save, the changes are lost.",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def plain_message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    return box


def _problem_text(lines: list[str]) -> tuple[str, str]:
    shown = "\n".join(lines[:_SHOWN_PROBLEMS])
    if len(lines) > _SHOWN_PROBLEMS:
        shown += f"\n... and {len(lines) - _SHOWN_PROBLEMS} more (Show Details)"
    return shown, "\n".join(lines)


def show_file_error(parent: QWidget | None, action: str, error: MapFileError) -> None:
    """``action`` is "open" or "save"; names the file and lists every problem."""
    lines = error.lines()
    shown, details = _problem_text(lines)
    verb = "opened" if action == "open" else "saved"
    text = f"{Path(error.source).name} could not be {verb}.\n\n{shown}"
    plain_message(parent, QMessageBox.Icon.Critical, f"Could not {action} the map", text,
                  details if len(lines) > _SHOWN_PROBLEMS else "").exec()


def show_import_warnings(parent: QWidget | None, source: str, warnings: list[Problem]) -> None:
    lines = [w.format(source) for w in warnings]
    shown, details = _problem_text(lines)
    were = "was" if len(lines) == 1 else "were"
    text = (
        f"{Path(source).name} was opened, but {counted(len(lines), 'line')} {were} skipped or read in a guessed way. "
        f"Check the map before saving it.\n\n{shown}"
    )
    plain_message(parent, QMessageBox.Icon.Warning, "Imported with warnings", text,
                  details if len(lines) > _SHOWN_PROBLEMS else "").exec()


def choose_open_path(parent: QWidget | None, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open map", folder, MAP_FILTERS)
    return Path(name) if name else None


def choose_save_path(parent: QWidget | None, suggestion: str) -> Path | None:
    name, chosen_filter = QFileDialog.getSaveFileName(parent, "Save map as", suggestion, SAVE_FILTERS)
    if not name:
        return None
    path = Path(name)
    lower = path.name.lower()
    if not lower.endswith(file_formats.suffixes("map")):
        # Qt's dialog does not always add the suffix of the chosen filter; the dialog asked
        # about replacing the name as typed, so the name with its suffix is asked about here.
        chosen = next((f for f in file_formats.formats("map") if f.dialog_filter(False) == chosen_filter),
                      file_formats.formats("map")[0])
        path = path.with_name(path.name + chosen.suffix)
        if path.exists():
            answer = plain_question(
                parent, "Replace the file?", f"{path.name} already exists in {path.parent}.\n\nReplace it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
    return path

"""The properties dock: every field of the selected element(s), each edit one undo step.

The panel never changes the model directly: it pushes a
:class:`~wardley.ui.commands.SetElementsCommand` and, like the canvas, redraws
itself from the document's change events, so undo and redo update the fields.
With several elements selected, the fields show the first one and an edit
applies to all of them (the name only to one at a time).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFrame,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wardley.model import Change, EditError, MapDocument, stage_name
from wardley.model.kinds import KIND_NAMES, KINDS
from wardley.ui.commands import SetElementsCommand, SetMapFieldsCommand
from wardley.ui.panels.evolution_fields import EvolutionFields
from wardley.ui.panels.fields import coordinate_box

METHODS = ("none", "build", "buy", "outsource")
CONFIDENCES = (None, "low", "medium", "high")
#: Consecutive spin-box steps on the same field and elements merge into one undo step.
_MERGE_IDS = {"evolution": 2001, "visibility": 2002}


class PlainTextField(QPlainTextEdit):
    """A plain-text box that reports when the user is done with it (focus out, Ctrl+Enter)."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editing_finished.emit()
            return
        super().keyPressEvent(event)


class PropertiesPanel(QDockWidget):
    #: Open the selected submap's linked map file (its link text), in a new window.
    open_submap = Signal(str)
    #: Ask for a map file to link the selected submap to.
    choose_submap = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Properties", parent)
        self.setObjectName("properties")
        self._document: MapDocument | None = None
        self._stack: QUndoStack | None = None
        self._ids: list[str] = []
        self._updating = False

        body = QWidget()
        outer = QVBoxLayout(body)
        # With nothing selected the panel edits the map itself: without this a new map
        # could only get a title by typing OWM text, and every export said "Untitled map".
        self.map_box = QWidget()
        map_form = QFormLayout(self.map_box)
        map_form.setContentsMargins(0, 0, 0, 0)
        self.map_title = QLineEdit()
        self.map_title.setToolTip("The map's title, drawn above the map and in exports (Enter to apply)")
        map_form.addRow("Map title", self.map_title)
        outer.addWidget(self.map_box)
        self.empty_label = QLabel("Select a component to see and change its properties.")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fields_box = QWidget()
        outer.addWidget(self.empty_label)
        outer.addWidget(self.fields_box, 1)
        outer.addStretch(0)  # keeps the hint at the top while the fields are hidden
        form = QFormLayout(self.fields_box)
        form.setContentsMargins(0, 0, 0, 0)

        self.name = QLineEdit()
        self.name.setToolTip("The element's name as drawn on the map (Enter to apply)")
        self.kind = QComboBox()
        for info in KINDS:
            self.kind.addItem(info.label, info.kind)
            self.kind.setItemData(self.kind.count() - 1, f"{info.label}: {info.hint}", Qt.ItemDataRole.ToolTipRole)
        self.kind.setToolTip(", ".join(info.label for info in KINDS))
        self.evolution = coordinate_box("Evolution: 0 = Genesis (left) .. 1 = Commodity (right)")
        self.stage = QLabel()
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.visibility = coordinate_box("Visibility: 1 = visible to the user (top) .. 0 = invisible (bottom)")
        self.method = QComboBox()
        self.method.addItems(METHODS)
        self.method.setToolTip("How it is sourced: build in house, buy a product, outsource")
        self.inertia = QCheckBox("Resists change (inertia)")
        self.inertia.setToolTip("Marks the element with an inertia bar: something holds it back")
        self.confidence = QComboBox()
        self.confidence.addItems(["not set", "low", "medium", "high"])
        self.confidence.setToolTip("How sure the room is about this placement")
        self.description = PlainTextField()
        self.description.setPlaceholderText("Why is it here? (Ctrl+Enter or leave the box to apply)")
        self.description.setToolTip("The rationale the room agreed on for this placement")

        # A submap stands for another map: its link names that map's file (local files only).
        self.submap_link = QLineEdit()
        self.submap_link.setPlaceholderText("a map file, e.g. highways.wardley.json")
        self.submap_link.setToolTip(
            "The map this submap stands for: a local map file, relative to this map's folder "
            "(Enter to apply). Web addresses are never opened."
        )
        self.submap_choose = QPushButton("Choose...")
        self.submap_choose.setToolTip("Pick the map file this submap stands for")
        self.submap_open = QPushButton("Open")
        self.submap_open.setToolTip("Open the linked map in a new window")
        self.submap_row = QWidget()
        submap_layout = QHBoxLayout(self.submap_row)
        submap_layout.setContentsMargins(0, 0, 0, 0)
        submap_layout.addWidget(self.submap_link, 1)
        submap_layout.addWidget(self.submap_choose)
        submap_layout.addWidget(self.submap_open)

        evolution_row = QHBoxLayout()
        evolution_row.addWidget(self.evolution)
        evolution_row.addWidget(self.stage, 1)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Evolution", evolution_row)
        form.addRow("Visibility", self.visibility)
        form.addRow("Method", self.method)
        form.addRow("", self.inertia)
        form.addRow("Confidence", self.confidence)
        form.addRow("Why here?", self.description)
        form.addRow("Submap of", self.submap_row)
        self._submap_label = form.labelForField(self.submap_row)
        self.evolution_fields = EvolutionFields()
        form.addRow(self.evolution_fields)
        # Scrolled rather than tall: with other panels open below it, the fields of a selection
        # made the whole window grow taller than the screen.
        scroller = QScrollArea()
        scroller.setWidget(body)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(scroller)
        # The same width with and without a selection: a dock that grows on the first click
        # would shrink the map under the pointer, mid-drag.
        body.setMinimumWidth(self.fields_box.sizeHint().width() + 24)
        scroller.setMinimumWidth(body.minimumWidth() + scroller.verticalScrollBar().sizeHint().width())
        self._fields: list[QWidget] = [
            self.name, self.kind, self.evolution, self.visibility, self.method,
            self.inertia, self.confidence, self.description,
        ]

        self.name.editingFinished.connect(self._name_edited)
        self.map_title.editingFinished.connect(self._title_edited)
        self.kind.activated.connect(lambda i: self._apply("kind", KIND_NAMES[i], "Change kind"))
        self.evolution.valueChanged.connect(lambda v: self._apply("evolution", v, "Move"))
        self.visibility.valueChanged.connect(lambda v: self._apply("visibility", v, "Move"))
        self.method.activated.connect(lambda i: self._apply("method", METHODS[i], "Change method"))
        self.inertia.toggled.connect(lambda on: self._apply("inertia", on, "Change inertia"))
        self.confidence.activated.connect(lambda i: self._apply("confidence", CONFIDENCES[i], "Change confidence"))
        self.submap_link.editingFinished.connect(self._submap_link_edited)
        self.submap_choose.clicked.connect(self.choose_submap)
        self.submap_open.clicked.connect(lambda: self.open_submap.emit(self.submap_link.text()))
        self.description.editing_finished.connect(
            lambda: self._apply("description", self.description.toPlainText(), "Change description")
        )
        self._refresh()

    # -- wiring ----------------------------------------------------------
    def set_document(self, document: MapDocument | None, undo_stack: QUndoStack | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_change)
        self._document, self._stack, self._ids = document, undo_stack, []
        if document is not None:
            document.changed.connect(self._on_change)
        self.evolution_fields.set_document(document, undo_stack)
        self._refresh()

    def set_selection(self, element_ids: Sequence[str]) -> None:
        self._commit_pending_text()
        self._ids = [i for i in element_ids if self._document is not None and self._document.has_element(i)]
        self.evolution_fields.set_element(self._ids[0] if len(self._ids) == 1 else None)
        self._refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("reset", "map_changed"):
            self._refresh_title()
        if change.kind in ("reset", "element_removed") or (change.kind == "element_changed" and change.key in self._ids):
            if self._document is not None:
                self._ids = [i for i in self._ids if self._document.has_element(i)]
            self._refresh()

    # -- edits -------------------------------------------------------------
    def _apply(self, field: str, value: Any, text: str) -> None:
        if self._updating or not self._ids or self._document is None or self._stack is None:
            return
        changes = {i: {field: value} for i in self._ids if getattr(self._document.element(i), field) != value}
        if not changes:
            return
        try:
            command = SetElementsCommand(self._document, changes, text, _MERGE_IDS.get(field, -1))
            self._stack.push(command)
        except (EditError, ValueError):
            self._refresh()  # the model refused (e.g. an empty name): show what is really there

    def _name_edited(self) -> None:
        name = self.name.text().strip()
        if len(self._ids) == 1 and name:
            self._apply("name", name, "Rename")
        else:
            self._refresh()

    def _submap_link_edited(self) -> None:
        if len(self._ids) == 1:
            self.set_submap_link(self.submap_link.text())

    def set_submap_link(self, link: str) -> None:
        """Link the selected element to a map file (empty: no link), as one undo step."""
        self._apply("url", link.strip() or None, "Set submap link")

    def _title_edited(self) -> None:
        title = " ".join(self.map_title.text().split())
        self.map_title.setModified(False)
        if self._document is None or self._stack is None or not title or title == self._document.map.title:
            self._refresh_title()  # an empty title is refused: show what is really there
            return
        try:
            self._stack.push(SetMapFieldsCommand(self._document, "Change map title", title=title))
        except (EditError, ValueError):
            self._refresh_title()

    def _commit_pending_text(self) -> None:
        # A selection change can arrive before the description box loses focus.
        if self.description.hasFocus() and self._ids:
            self._apply("description", self.description.toPlainText(), "Change description")

    # -- display -----------------------------------------------------------
    def _refresh_title(self) -> None:
        if self.map_title.hasFocus() and self.map_title.isModified():
            return  # never overwrite a title still being typed
        title = self._document.map.title if self._document is not None else ""
        if self.map_title.text() != title:
            self.map_title.setText(title)
            self.map_title.setCursorPosition(0)

    def _refresh(self) -> None:
        self._refresh_title()
        self._updating = True
        try:
            has = bool(self._ids) and self._document is not None
            self.map_box.setVisible(not has and self._document is not None)
            self.empty_label.setVisible(not has)
            self.fields_box.setVisible(has)
            for widget in self._fields:
                widget.setEnabled(has)
            if not has:
                self.name.clear()
                self.description.clear()
                self.stage.clear()
                return
            assert self._document is not None
            element = self._document.element(self._ids[0])
            several = len(self._ids) > 1
            self.name.setEnabled(not several)
            self.name.setText(f"({len(self._ids)} selected)" if several else element.name)
            self.kind.setCurrentIndex(KIND_NAMES.index(element.kind))
            self.evolution.setValue(element.evolution)
            self.visibility.setValue(element.visibility)
            axis = self._document.map.axis
            self.stage.setText(stage_name(element.evolution, axis.stages, axis.boundaries))
            self.method.setCurrentIndex(METHODS.index(element.method))
            self.inertia.setChecked(element.inertia)
            self.confidence.setCurrentIndex(CONFIDENCES.index(element.confidence))
            submap = element.kind == "submap" and not several
            self.submap_row.setVisible(submap)
            if self._submap_label is not None:
                self._submap_label.setVisible(submap)
            if not self.submap_link.hasFocus():
                self.submap_link.setText(element.url or "")
            self.submap_open.setEnabled(bool(element.url))
            if self.description.toPlainText() != element.description:
                self.description.setPlainText(element.description)
        finally:
            self._updating = False

"""Properties of where an element is heading: its evolve arrow, its own pipeline, and
the pipeline it belongs to. Part of the properties dock; every edit is one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from wardley.model import Change, Evolve, MapDocument, Pipeline
from wardley.ui.commands import SetEvolveCommand, SetPipelineCommand
from wardley.ui.panels.fields import coordinate_box

#: How far a new evolve arrow or pipeline reaches from the element, in evolution.
DEFAULT_STEP = 0.15
NO_PIPELINE = "(none)"


class EvolutionFields(QWidget):
    """Shows and edits one element's evolve arrow and pipelines (the first selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: MapDocument | None = None
        self._stack: QUndoStack | None = None
        self._element_id: str | None = None
        self._updating = False

        self.evolving = QCheckBox("Evolving to")
        self.evolving.setToolTip("Draw a dashed arrow to where this is expected to move")
        self.evolve_to = coordinate_box("Expected future evolution (0 = Genesis .. 1 = Commodity)")
        self.evolve_name = QLineEdit()
        self.evolve_name.setPlaceholderText("same name")
        self.evolve_name.setToolTip("The name it will have once evolved, if different (Enter to apply)")
        self.has_pipeline = QCheckBox("Pipeline")
        self.has_pipeline.setToolTip("Draw a pipeline box under this element: the range of ways it is provided")
        self.pipeline_start = coordinate_box("Where the pipeline starts (evolution)")
        self.pipeline_end = coordinate_box("Where the pipeline ends (evolution)")
        self.member_of = QComboBox()
        self.member_of.setToolTip("Put this element inside another element's pipeline")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        evolve_row = QHBoxLayout()
        evolve_row.addWidget(self.evolving)
        evolve_row.addWidget(self.evolve_to, 1)
        form.addRow(evolve_row)
        form.addRow("Evolved name", self.evolve_name)
        pipeline_row = QHBoxLayout()
        pipeline_row.addWidget(self.has_pipeline)
        pipeline_row.addWidget(self.pipeline_start, 1)
        pipeline_row.addWidget(self.pipeline_end, 1)
        form.addRow(pipeline_row)
        form.addRow("In pipeline of", self.member_of)

        self.evolving.toggled.connect(self._evolving_toggled)
        self.evolve_to.valueChanged.connect(lambda _v: self._apply_evolve())
        self.evolve_name.editingFinished.connect(self._apply_evolve)
        self.has_pipeline.toggled.connect(self._pipeline_toggled)
        self.pipeline_start.valueChanged.connect(lambda _v: self._apply_pipeline_range())
        self.pipeline_end.valueChanged.connect(lambda _v: self._apply_pipeline_range())
        self.member_of.activated.connect(self._membership_chosen)
        self._refresh()

    # -- wiring ----------------------------------------------------------
    def set_document(self, document: MapDocument | None, undo_stack: QUndoStack | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_change)
        self._document, self._stack, self._element_id = document, undo_stack, None
        if document is not None:
            document.changed.connect(self._on_change)
        self._refresh()

    def set_element(self, element_id: str | None) -> None:
        self._element_id = element_id
        self._refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("evolve_changed", "pipeline_changed", "reset", "element_removed", "element_added") or (
            change.kind == "element_changed"
        ):
            self._refresh()

    def _ready(self) -> tuple[MapDocument, QUndoStack, str] | None:
        if self._updating or self._document is None or self._stack is None or self._element_id is None:
            return None
        if not self._document.has_element(self._element_id):
            return None
        return self._document, self._stack, self._element_id

    # -- evolve ------------------------------------------------------------
    def _evolving_toggled(self, on: bool) -> None:
        ready = self._ready()
        if ready is None:
            return
        document, stack, element_id = ready
        if on:
            start = document.element(element_id).evolution
            target = min(1.0, start + DEFAULT_STEP)
            stack.push(SetEvolveCommand(document, element_id, Evolve(element=element_id, evolution=target), "Evolve"))
        else:
            stack.push(SetEvolveCommand(document, element_id, None, "Remove evolve arrow"))

    def _apply_evolve(self) -> None:
        ready = self._ready()
        if ready is None or not self.evolving.isChecked():
            return
        document, stack, element_id = ready
        current = document.evolve_of(element_id)
        name = self.evolve_name.text().strip() or None
        wanted = Evolve(
            element=element_id,
            evolution=self.evolve_to.value(),
            name=name,
            label_offset=current.label_offset if current else None,
        )
        if current != wanted:
            stack.push(SetEvolveCommand(document, element_id, wanted, "Change evolve arrow"))

    # -- pipelines -----------------------------------------------------------
    def _pipeline_toggled(self, on: bool) -> None:
        ready = self._ready()
        if ready is None:
            return
        document, stack, element_id = ready
        if on:
            middle = document.element(element_id).evolution
            pipeline = Pipeline(
                element=element_id, start=max(0.0, middle - DEFAULT_STEP), end=min(1.0, middle + DEFAULT_STEP)
            )
            stack.push(SetPipelineCommand(document, element_id, pipeline, "Add pipeline"))
        else:
            stack.push(SetPipelineCommand(document, element_id, None, "Remove pipeline"))

    def _apply_pipeline_range(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        document, stack, element_id = ready
        current = document.pipeline_of(element_id)
        if current is None:
            return
        start, end = sorted((self.pipeline_start.value(), self.pipeline_end.value()))
        if (current.start, current.end) != (round(start, 4), round(end, 4)):
            updated = Pipeline(element=element_id, start=start, end=end, members=current.members)
            stack.push(SetPipelineCommand(document, element_id, updated, "Pipeline range"))

    def _membership_chosen(self, index: int) -> None:
        ready = self._ready()
        if ready is None:
            return
        document, stack, element_id = ready
        owner = self.member_of.itemData(index)
        stack.beginMacro("Pipeline membership")
        try:
            for pipeline in list(document.map.pipelines):
                if element_id in pipeline.members and pipeline.element != owner:
                    members = [m for m in pipeline.members if m != element_id]
                    stack.push(SetPipelineCommand(document, pipeline.element, pipeline.model_copy(update={"members": members})))
            if owner is not None:
                joined = document.pipeline_of(owner)
                if joined is not None and element_id not in joined.members:
                    members = [*joined.members, element_id]
                    stack.push(SetPipelineCommand(document, owner, joined.model_copy(update={"members": members})))
        finally:
            stack.endMacro()

    # -- display -------------------------------------------------------------
    def _refresh(self) -> None:
        self._updating = True
        try:
            document, element_id = self._document, self._element_id
            present = document is not None and element_id is not None and document.has_element(element_id)
            for widget in (self.evolving, self.evolve_to, self.evolve_name, self.has_pipeline,
                           self.pipeline_start, self.pipeline_end, self.member_of):
                widget.setEnabled(present)
            self.member_of.clear()
            if not present:
                return
            assert document is not None and element_id is not None
            evolve = document.evolve_of(element_id)
            self.evolving.setChecked(evolve is not None)
            self.evolve_to.setEnabled(evolve is not None)
            self.evolve_name.setEnabled(evolve is not None)
            self.evolve_to.setValue(evolve.evolution if evolve else document.element(element_id).evolution)
            if not self.evolve_name.hasFocus():
                self.evolve_name.setText(evolve.name or "" if evolve else "")
            pipeline = document.pipeline_of(element_id)
            self.has_pipeline.setChecked(pipeline is not None)
            self.pipeline_start.setEnabled(pipeline is not None)
            self.pipeline_end.setEnabled(pipeline is not None)
            if pipeline is not None:
                self.pipeline_start.setValue(pipeline.start)
                self.pipeline_end.setValue(pipeline.end)
            self.member_of.addItem(NO_PIPELINE, None)
            for candidate in document.map.pipelines:
                if candidate.element != element_id:
                    self.member_of.addItem(document.element(candidate.element).name, candidate.element)
                    if element_id in candidate.members:
                        self.member_of.setCurrentIndex(self.member_of.count() - 1)
            self.member_of.setEnabled(self.member_of.count() > 1)
        finally:
            self._updating = False

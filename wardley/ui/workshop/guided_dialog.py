"""Guided start: four questions for the room, and the map grows as they answer.

Each Next applies that question's answers to the map as ONE undo step ("Guided
start: users", "...: needs", "...: dependencies", "...: evolution"), so the room
sees the map take shape behind the dialog and can undo any step afterwards.
Back undoes the step just made; Cancel asks, then keeps or undoes every step the guide made. The
thinking (what to add and where) is in :mod:`wardley.workshop.guided_start`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wardley.model import Element, MapDocument
from wardley.ui.commands import AddElementCommand, AddLinkCommand, SetElementsCommand
from wardley.workshop.guided_start import GuidedAnswers, changes_for, name_key, parse_names, plan_map

STEPS = ("users", "needs", "dependencies", "evolution")
QUESTIONS = {
    "users": "Who are the users?",
    "needs": "What does each of them need?",
    "dependencies": "What does meeting each need depend on?",
    "evolution": "How evolved is each one?",
}
HINTS = {
    "users": "One per line, e.g. Resident, Parking officer, Local business.",
    "needs": "One need per line, in the user's words, e.g. Renew my parking permit.",
    "dependencies": "One component per line. Write \u201cOnline form -> Payments, Identity\u201d to say what a "
    "component depends on in turn. The same name under two needs is one shared component.",
    "evolution": "Genesis: new and uncertain \u00b7 Custom-built: made for us \u00b7 Product: bought, several "
    "on the market \u00b7 Commodity: standard, utility. \u201cNot sure\u201d draws the place as a range.",
}
NOT_SURE = "Not sure"


class GuidedStartDialog(QDialog):
    def __init__(self, document: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Guided start")
        self.document, self.undo_stack = document, undo_stack
        self.answers = GuidedAnswers()
        self.step = 0
        #: Ids of the elements this guide added: only these does it move later.
        self.owned: set[str] = set()
        #: Undo-stack index after each step the guide applied (None: that step changed nothing).
        self._applied: list[int | None] = []
        #: Asked when the room leaves before the end with answers on the map (tests replace it):
        #: "keep", "discard" or "stay".
        self.ask_leaving = self._ask_leaving
        self.editors: dict[str, QPlainTextEdit] = {}
        self.stage_boxes: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        self.progress = QLabel()
        self.question = QLabel()
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.question.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        for label in (self.progress, self.question, self.hint):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.answers_area = QScrollArea()
        self.answers_area.setWidgetResizable(True)
        layout.addWidget(self.answers_area, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("< &Back")
        self.next_button = QPushButton("&Next >")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Close and take away everything this guide added")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(False)  # Enter makes a new line in the answers
        self.next_button.setToolTip("Add these answers to the map and go on (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.go_next)
        self.resize(470, 500)
        self._show_step()

    # -- pages -------------------------------------------------------------
    @property
    def step_name(self) -> str:
        return STEPS[self.step]

    def _show_step(self) -> None:
        name = self.step_name
        self.progress.setText(f"Question {self.step + 1} of {len(STEPS)}")
        self.question.setText(QUESTIONS[name])
        self.hint.setText(HINTS[name])
        self.back_button.setEnabled(self.step > 0)
        self.next_button.setText("&Finish" if self.step == len(STEPS) - 1 else "&Next >")
        page = QWidget()
        form = QFormLayout(page)
        self.editors, self.stage_boxes = {}, {}
        if name == "users":
            self._add_editor(form, "", "\n".join(self.answers.users))
        elif name == "needs":
            for user in self.answers.users:
                self._add_editor(form, f"What does {user} need?", "\n".join(self.answers.needs.get(user, [])))
        elif name == "dependencies":
            for need in self._plan_names("need"):
                self._add_editor(form, f"Meeting \u201c{need}\u201d depends on:", self._dependency_text(need))
        else:
            stages = self.document.map.axis.stages
            for element_name in self._plan_names("need") + self._plan_names("component"):
                box = QComboBox()
                box.addItems([NOT_SURE, *stages])
                chosen = self.answers.stages.get(element_name, None)
                box.setCurrentIndex(0 if chosen is None else chosen + 1)
                label = QLabel(element_name)
                label.setTextFormat(Qt.TextFormat.PlainText)
                form.addRow(label, box)
                self.stage_boxes[element_name] = box
        self.answers_area.setWidget(page)
        first = next(iter(self.editors.values()), None) or next(iter(self.stage_boxes.values()), None)
        if first is not None:
            first.setFocus()

    def _add_editor(self, form: QFormLayout, question: str, text: str) -> None:
        editor = QPlainTextEdit(text)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(90)
        if question:
            label = QLabel(question)
            label.setTextFormat(Qt.TextFormat.PlainText)  # names typed by the room, never markup
            label.setWordWrap(True)
            form.addRow(label)
        form.addRow(editor)
        self.editors[question] = editor

    def _plan_names(self, kind: str) -> list[str]:
        return plan_map(self.answers).names(kind)  # type: ignore[arg-type]

    def _dependency_text(self, need: str) -> str:
        lines = []
        for component in self.answers.dependencies.get(need, []):
            below = self.answers.dependencies.get(component, [])
            lines.append(f"{component} -> {', '.join(below)}" if below else component)
        return "\n".join(lines)

    # -- answers -----------------------------------------------------------
    def _read_answers(self) -> None:
        name, a = self.step_name, self.answers
        if name == "users":
            a.users = parse_names(next(iter(self.editors.values())).toPlainText())
        elif name == "needs":
            a.needs = {user: parse_names(editor.toPlainText()) for user, editor in zip(a.users, self.editors.values())}
        elif name == "dependencies":
            a.dependencies = {}
            for need, editor in zip(self._plan_names("need"), self.editors.values()):
                a.add_dependencies(need, editor.toPlainText())
        else:
            a.stages = {n: (box.currentIndex() - 1 if box.currentIndex() > 0 else None) for n, box in self.stage_boxes.items()}

    def _apply(self) -> None:
        """This step's answers onto the map, as one undo step."""
        changes = changes_for(plan_map(self.answers, self.document.map.axis.boundaries), self.document.map, self.owned)
        if changes.empty:
            self._applied.append(None)
            return
        stack = self.undo_stack
        stack.beginMacro(f"Guided start: {self.step_name}")
        for fields in changes.added:
            stack.push(AddElementCommand(self.document, Element.model_validate(fields)))
            self.owned.add(fields["id"])
        if changes.changed:
            stack.push(SetElementsCommand(self.document, changes.changed, "Place"))
        for source, target in changes.links:
            stack.push(AddLinkCommand(self.document, source, target))
        stack.endMacro()
        self._applied.append(stack.index())

    def _undo_last(self) -> None:
        applied = self._applied.pop() if self._applied else None
        # Only if nothing else was done since: never undo someone else's edit.
        if applied is not None and self.undo_stack.index() == applied:
            self.undo_stack.undo()

    # -- navigation --------------------------------------------------------
    def go_next(self) -> None:
        self._read_answers()
        if self.step_name == "users" and not self.answers.users:
            self.hint.setText("Name at least one user to go on.")
            return
        self._apply()
        if self.step == len(STEPS) - 1:
            self.accept()
            return
        self.step += 1
        self._show_step()

    def go_back(self) -> None:
        if self.step == 0:
            return
        self._read_answers()  # keep what was typed on this page for when the room comes back
        self.step -= 1
        self._undo_last()
        self._show_step()

    def reject(self) -> None:
        if any(index is not None for index in self._applied):
            choice = self.ask_leaving()
            if choice == "stay":
                return
            if choice == "keep":
                super().accept()  # what is on the map stays, each answer still its own undo step
                return
        while self._applied:
            self._undo_last()
        self.owned.clear()
        super().reject()

    def _ask_leaving(self) -> str:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Leave Guided Start?")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText("The room's answers so far are on the map. Keep them, or take them all off again?")
        keep = box.addButton("Keep Them", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Take Them Off", QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton("Back to the Questions", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "discard" if clicked is discard else "stay"

    def element_id(self, name: str) -> str | None:
        """The id of the element named ``name`` on the map (tests, status messages)."""
        key = name_key(name)
        return next((e.id for e in self.document.map.elements if name_key(e.name) == key), None)

"""The capture line in a window: read an entry, ask about ambiguous names, apply it as one undo step.

The grammar and placement are :mod:`wardley.workshop.capture` and
:mod:`wardley.workshop.capture_plan`; this module only asks and pushes commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QWidget

from wardley.model import MapDocument
from wardley.model.ids import name_key
from wardley.ui.commands import AddElementCommand, AddLinkCommand, SetElementsCommand
from wardley.ui.editor_document import EditorDocument
from wardley.wording import counted
from wardley.workshop.capture import CaptureError, parse_entry
from wardley.workshop.capture_plan import Ambiguous, CapturePlan, plan_entry

#: Answers (id, or None for "a new one") for ``name_key(typed)``; None: the question was dismissed.
Asker = Callable[[MapDocument, Ambiguous], "str | None | Cancelled"]


class Cancelled:
    """The room dismissed a question: nothing is added."""


CANCELLED = Cancelled()


@dataclass
class Captured:
    """What one entry did, for the status bar and the selection."""

    message: str
    named: list[str] = field(default_factory=list)
    #: Something was added or changed (not only found).
    changed: bool = False
    ok: bool = True
    #: The entry was only names (no kind, stage or link): a look-up, so the map takes the keys.
    lookup: bool = False


#: An OWM line with a position or a title: OWM text, which Paste OWM reads, not the capture line.
_OWM_LINE = re.compile(r"^\s*(?:(?:component|anchor|market|ecosystem|submap|pipeline|evolve|note|annotation)\b.*\[|title\s)")


def looks_like_owm(text: str) -> bool:
    return any(_OWM_LINE.match(line) for line in text.splitlines())


def choice_texts(document: MapDocument, ids: Sequence[str]) -> list[str]:
    """How each candidate is listed: its name, with its id where names are shared."""
    names = [document.element(i).name for i in ids]
    return [f"{n} ({i})" if names.count(n) > 1 else n for n, i in zip(names, ids, strict=True)]


def which_one_dialog(parent: QWidget, typed: str, options: list[str]) -> QInputDialog:
    """The question for an ambiguous name; what was typed and the names show as plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Which one?")
    dialog.setLabelText(f'"{typed}" could be any of these:')
    dialog.setComboBoxItems(options)
    dialog.setComboBoxEditable(False)
    for label in dialog.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return dialog


def ask_which(parent: QWidget) -> Asker:
    def ask(document: MapDocument, question: Ambiguous) -> str | None | Cancelled:
        options = choice_texts(document, question.candidates)
        new = f'A new element named "{question.typed}"'
        dialog = which_one_dialog(parent, question.typed, [*options, new])
        if not dialog.exec():
            return CANCELLED
        picked = dialog.textValue()
        return None if picked == new else question.candidates[options.index(picked)] if picked in options else CANCELLED

    return ask


def capture(editor: EditorDocument, line: str, ask: Asker, near: Sequence[str] = ()) -> Captured:
    """Read ``line`` and apply it to ``editor``'s map as one undo step."""
    document = editor.document
    try:
        entry = parse_entry(line, document.map.axis.stages)
    except CaptureError as error:
        return Captured(f"Not added: {error} ({line.strip()[:60]})", ok=False)
    answers: dict[str, str | None] = {}
    while True:
        plan = plan_entry(document.map, entry, answers, near)
        if isinstance(plan, CapturePlan):
            break
        answer = ask(document, plan)
        if isinstance(answer, Cancelled):
            return Captured(f"Not added: which \"{plan.typed}\" was meant was not chosen", ok=False)
        answers[name_key(plan.typed)] = answer
    apply_plan(editor, plan, line.strip())
    lookup = not entry.arrows and all(
        m.kind is None and m.stage is None and m.evolution is None for m in entry.mentions())
    return Captured(_summary(document, plan), plan.named, bool(plan.new_elements or plan.links or plan.changes), lookup=lookup)


def apply_plan(editor: EditorDocument, plan: CapturePlan, text: str) -> None:
    """One undo step: new elements, then changes, then links, all through the model's edit API."""
    document, stack = editor.document, editor.undo_stack
    if not (plan.new_elements or plan.changes or plan.links):
        return
    stack.beginMacro(f"Capture {text[:60]}")
    for element in plan.new_elements:
        stack.push(AddElementCommand(document, element))
    if plan.changes:
        stack.push(SetElementsCommand(document, plan.changes, "Change"))
    for source, target in plan.links:
        if document.check_link(source, target) is None:
            stack.push(AddLinkCommand(document, source, target))
    stack.endMacro()


def _summary(document: MapDocument, plan: CapturePlan) -> str:
    parts = []
    if plan.new_elements:
        parts.append("added " + ", ".join(e.name for e in plan.new_elements))
    if plan.links:
        parts.append(counted(len(plan.links), "link") + " made")
    if plan.changes:
        parts.append("changed " + ", ".join(document.element(i).name for i in plan.changes))
    if not parts:
        names = ", ".join(document.element(i).name for i in plan.named)
        parts.append(f"{names} {'is' if len(plan.named) == 1 else 'are'} already on the map: selected")
    text = "; ".join(parts)
    if plan.skipped:
        text += " (" + "; ".join(plan.skipped) + ")"
    return text[0].upper() + text[1:]

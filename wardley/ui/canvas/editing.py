"""Turns canvas gestures into undo commands. Every edit is one command (or one
macro) pushed on the stack; the scene then follows the document's events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtGui import QUndoCommand, QUndoStack

from wardley.model import Element, ElementKind, Evolve, MapDocument, Point
from wardley.model.kinds import kind_info
from wardley.render.geometry import clamp01
from wardley.ui.commands import (
    NUDGE_ID,
    AddElementCommand,
    AddFragmentCommand,
    AddLinkCommand,
    RemoveElementsCommand,
    RemoveLinkCommand,
    RemoveNoteCommand,
    SetElementsCommand,
    SetEvolveCommand,
    SetMapFieldsCommand,
    SetNoteCommand,
)
from wardley.ui.canvas.fragments import Fragment, rebased
from wardley.ui.map_tools import Moves, move_extras, remove_extras

class CanvasEditor:
    def __init__(self, document: MapDocument, stack: QUndoStack, report: Callable[[str], None]) -> None:
        self.document = document
        self.stack = stack
        self._report = report

    def add_element(self, kind: ElementKind, evolution: float, visibility: float, name: str) -> str:
        element = Element(
            id=self.document.new_id(name),
            kind=kind,
            name=name,
            evolution=round(clamp01(evolution), 4),
            visibility=round(clamp01(visibility), 4),
        )
        self.stack.push(AddElementCommand(self.document, element, f"Add {kind_info(kind).noun} {name}"))
        return element.id

    def rename(self, element_id: str, name: str) -> bool:
        name = name.strip()
        if not name or not self.document.has_element(element_id):
            return False
        if self.document.element(element_id).name == name:
            return False
        self.stack.push(SetElementsCommand(self.document, {element_id: {"name": name}}, f"Rename to {name}"))
        return True

    def move(
        self, elements: Mapping[str, tuple[float, float]], notes: Mapping[str, tuple[float, float]] | None = None,
        extras: Moves | None = None, legend: tuple[float, float] | None = None,
    ) -> None:
        """Elements and notes to these places; annotations, accelerators and boxes (``extras``)
        by these amounts; the annotations' list (``legend``) to this place. One undo step,
        whatever was dragged together."""
        # Anything undone away mid-drag (Ctrl+Z while holding the mouse) is skipped.
        elements = {i: p for i, p in elements.items() if self.document.has_element(i)}
        live_notes = {n.id for n in self.document.map.notes}
        notes = {i: p for i, p in (notes or {}).items() if i in live_notes}
        changes = {
            element_id: {"evolution": evo, "visibility": vis}
            for element_id, (evo, vis) in elements.items()
            if (self.document.element(element_id).evolution, self.document.element(element_id).visibility) != (evo, vis)
        }
        note_moves = {
            note_id: (evo, vis)
            for note_id, (evo, vis) in notes.items()
            if (self.document.note(note_id).evolution, self.document.note(note_id).visibility) != (evo, vis)
        }
        commands: list[QUndoCommand] = []
        if changes:
            commands.append(SetElementsCommand(self.document, changes, "Move"))
        for note_id, (evo, vis) in note_moves.items():
            commands.append(SetNoteCommand(self.document, note_id, {"evolution": evo, "visibility": vis}, "Move note"))
        commands.extend(move_extras(self.document, extras or {}))
        presentation = self.document.map.presentation
        if legend is not None and legend != _point_of(presentation.annotations_position):
            evolution, visibility = legend
            moved = presentation.model_copy(
                update={"annotations_position": Point(evolution=evolution, visibility=visibility)}
            )
            commands.append(SetMapFieldsCommand(self.document, "Move annotations list", presentation=moved))
        self._push_all(commands, "Move")

    def nudge(self, element_ids: Iterable[str], d_evolution: float, d_visibility: float) -> None:
        changes = {}
        for element_id in element_ids:
            element = self.document.element(element_id)
            evo = round(clamp01(element.evolution + d_evolution), 4)
            vis = round(clamp01(element.visibility + d_visibility), 4)
            changes[element_id] = {"evolution": evo, "visibility": vis}
        if changes:
            self.stack.push(SetElementsCommand(self.document, changes, "Nudge", merge_id=NUDGE_ID))

    def nudge_extras(self, picked: Mapping[str, Iterable[int]], d_evolution: float, d_visibility: float) -> None:
        """Arrow keys on selected annotations, accelerators and boxes: a run of presses on
        one of them is one undo step, as for elements."""
        moves = {name: {i: (d_evolution, d_visibility) for i in indexes} for name, indexes in picked.items()}
        commands = move_extras(self.document, moves, NUDGE_ID)
        if len(commands) == 1:
            self.stack.push(commands[0])
        else:  # several lists at once: a macro, which does not merge
            self._push_all(list(commands), "Nudge")

    def link_problem(self, source: str, target: str) -> str | None:
        """Why ``source`` cannot be made to depend on ``target`` (None: it can)."""
        problem = self.document.check_link(source, target)
        if problem is None and self.document.has_link(target, source):
            problem = "those two are already linked (the other way round)"
        return problem

    def link(self, source: str, target: str) -> bool:
        problem = self.link_problem(source, target)
        if problem is not None:
            self._report(f"Link not made: {problem}")
            return False
        self.stack.push(AddLinkCommand(self.document, source, target, f"Link {self._name(source)} to {self._name(target)}"))
        self._report(f"{self._name(source)} now depends on {self._name(target)}")
        return True

    def delete(
        self,
        element_ids: Iterable[str] = (),
        link_keys: Iterable[tuple[str, str]] = (),
        note_ids: Iterable[str] = (),
        evolve_ids: Iterable[str] = (),
        extras: dict[str, set[int]] | None = None,
    ) -> None:
        elements = list(dict.fromkeys(element_ids))
        doomed = set(elements)
        commands: list[QUndoCommand] = []
        if elements:
            commands.append(RemoveElementsCommand(self.document, elements))
        # Links and arrows of removed elements go with them; only the others need commands.
        for source, target in link_keys:
            if source not in doomed and target not in doomed:
                commands.append(RemoveLinkCommand(self.document, source, target))
        for element_id in evolve_ids:
            if element_id not in doomed:
                commands.append(SetEvolveCommand(self.document, element_id, None, "Remove evolve arrow"))
        for note_id in note_ids:
            commands.append(RemoveNoteCommand(self.document, note_id))
        commands.extend(remove_extras(self.document, extras or {}))
        self._push_all(commands, "Delete")

    def set_evolve(self, element_ids: Iterable[str], evolution: float) -> None:
        evolution = round(clamp01(evolution), 4)
        commands: list[QUndoCommand] = []
        for element_id in element_ids:
            if not self.document.has_element(element_id):
                continue
            current = self.document.evolve_of(element_id)
            evolve = (
                current.model_copy(update={"evolution": evolution})
                if current is not None
                else Evolve(element=element_id, evolution=evolution)
            )
            if current != evolve:
                commands.append(SetEvolveCommand(self.document, element_id, evolve, f"Evolve {self._name(element_id)}"))
        self._push_all(commands, "Evolve")

    def add_fragment(self, fragment: Fragment, offset: tuple[float, float], text: str) -> list[str]:
        placed = rebased(self.document, fragment, offset)
        if not placed.elements:
            return []
        self.stack.push(AddFragmentCommand(self.document, placed.elements, placed.links, placed.evolves, text))
        return [e.id for e in placed.elements]

    def _push_all(self, commands: list[QUndoCommand], text: str) -> None:
        if len(commands) == 1:
            self.stack.push(commands[0])
        elif commands:
            self.stack.beginMacro(text)
            for command in commands:
                self.stack.push(command)
            self.stack.endMacro()

    def _name(self, element_id: str) -> str:
        return self.document.element(element_id).name


def _point_of(point: Point | None) -> tuple[float, float] | None:
    return None if point is None else (point.evolution, point.visibility)

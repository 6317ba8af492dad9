"""Adding a group of elements with the links among them in one step (paste, duplicate)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from wardley.model import Element, Evolve, Link, MapDocument


class AddFragmentCommand(QUndoCommand):
    """Elements (with ids new to the map), links among them and their evolve arrows."""

    def __init__(
        self,
        document: MapDocument,
        elements: Sequence[Element],
        links: Sequence[Link] = (),
        evolves: Sequence[Evolve] = (),
        text: str = "Paste",
    ) -> None:
        super().__init__(text)
        self._document = document
        self.elements, self.links, self.evolves = list(elements), list(links), list(evolves)

    def redo(self) -> None:
        for element in self.elements:
            self._document.insert_element(element)
        for link in self.links:
            self._document.add_link(link.source, link.target, **link.model_dump(exclude={"source", "target"}))
        for evolve in self.evolves:
            self._document.set_evolve(evolve.element, evolve)

    def undo(self) -> None:
        # Removing the elements takes their links and arrows with them.
        self._document.remove_elements([e.id for e in self.elements])

"""Copy and paste between maps: a JSON fragment of elements, the links among
them and their evolve arrows. Pasted elements get ids new to the target map."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from wardley.model import Element, Evolve, Link, MapDocument
from wardley.model.ids import unique_id
from wardley.render.geometry import clamp01

MIME_TYPE = "application/x-wardley-fragment+json"
FRAGMENT_FORMAT = "wardley-fragment"
#: Where a paste lands relative to the original (right and down), so it is seen.
PASTE_OFFSET = (0.02, -0.03)


@dataclass
class Fragment:
    elements: list[Element] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    evolves: list[Evolve] = field(default_factory=list)


def fragment_of(document: MapDocument, element_ids: Iterable[str]) -> Fragment:
    chosen = set(element_ids)
    m = document.map
    return Fragment(
        elements=[e for e in m.elements if e.id in chosen],
        links=[l for l in m.links if l.source in chosen and l.target in chosen],
        evolves=[e for e in m.evolves if e.element in chosen],
    )


def fragment_to_json(fragment: Fragment) -> str:
    data = {
        "format": FRAGMENT_FORMAT,
        "version": 1,
        "elements": [e.model_dump(mode="json", exclude_defaults=True) for e in fragment.elements],
        "links": [l.model_dump(mode="json", exclude_defaults=True) for l in fragment.links],
        "evolves": [e.model_dump(mode="json", exclude_defaults=True) for e in fragment.evolves],
    }
    return json.dumps(data, ensure_ascii=False)


def fragment_from_json(text: str) -> Fragment:
    """Raises ValueError with a one-line reason when the text is not a fragment."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError("the clipboard does not hold map elements") from None
    if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT:
        raise ValueError("the clipboard does not hold map elements")
    try:
        fragment = Fragment(
            elements=[Element.model_validate(e) for e in data.get("elements", [])],
            links=[Link.model_validate(l) for l in data.get("links", [])],
            evolves=[Evolve.model_validate(e) for e in data.get("evolves", [])],
        )
    except (ValidationError, TypeError):
        raise ValueError("the copied elements are damaged and cannot be pasted") from None
    ids = {e.id for e in fragment.elements}
    fragment.links = [l for l in fragment.links if l.source in ids and l.target in ids and l.source != l.target]
    fragment.evolves = [e for e in fragment.evolves if e.element in ids]
    return fragment


def fragment_text(fragment: Fragment) -> str:
    """The plain-text flavour: one name per line, for pasting into notes or chat."""
    return "\n".join(e.name for e in fragment.elements)


def rebased(document: MapDocument, fragment: Fragment, offset: tuple[float, float] = PASTE_OFFSET) -> Fragment:
    """A copy of ``fragment`` with ids free in ``document``, shifted by ``offset``."""
    m = document.map
    taken = {e.id for e in m.elements} | {n.id for n in m.notes} | {a.id for a in m.accelerators}
    renamed: dict[str, str] = {}
    elements: list[Element] = []
    for element in fragment.elements:
        new_id = unique_id(element.name, taken)
        taken.add(new_id)
        renamed[element.id] = new_id
        elements.append(
            element.model_copy(
                update={
                    "id": new_id,
                    "evolution": round(clamp01(element.evolution + offset[0]), 4),
                    "visibility": round(clamp01(element.visibility + offset[1]), 4),
                }
            )
        )
    seen: set[tuple[str, str]] = set()
    links: list[Link] = []
    for link in fragment.links:
        key = (renamed[link.source], renamed[link.target])
        if key not in seen:
            seen.add(key)
            links.append(link.model_copy(update={"source": key[0], "target": key[1]}))
    evolves = [
        e.model_copy(update={"element": renamed[e.element], "evolution": round(clamp01(e.evolution + offset[0]), 4)})
        for e in fragment.evolves
    ]
    return Fragment(elements, links, evolves)

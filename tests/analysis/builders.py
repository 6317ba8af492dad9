"""Small maps for the analysis tests, written as names and positions rather than JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence

from wardley.model.entities import Element, Link, WardleyMap

#: (name, evolution, visibility) or (name, evolution, visibility, method)
Spec = tuple


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x"


def make_map(
    title: str = "Test map",
    users: Sequence[str] = (),
    needs: Sequence[Spec] = (),
    components: Sequence[Spec] = (),
    links: Sequence[tuple[str, str]] = (),
) -> WardleyMap:
    """Elements get their slugged names as ids (suffixed when two names slug alike); links use names."""
    elements: list[Element] = []
    ids: dict[str, str] = {}

    def add(name: str, kind: str, evolution: float, visibility: float, method: str = "none") -> None:
        key = slug(name)
        while key in ids.values():
            key += "-x"
        ids[name] = key
        elements.append(Element(id=key, kind=kind, name=name, evolution=evolution, visibility=visibility,
                                method=method))  # type: ignore[arg-type]

    for name in users:
        add(name, "user", 0.5, 0.97)
    for spec in needs:
        add(spec[0], "need", *spec[1:])
    for spec in components:
        add(spec[0], "component", *spec[1:])
    return WardleyMap(title=title, elements=elements,
                      links=[Link(source=ids[source], target=ids[target]) for source, target in links])


def service_map(title: str, parts: Sequence[Spec], needs: int = 1) -> WardleyMap:
    """A user with ``needs`` needs, each depending on every component in ``parts``."""
    need_specs = [(f"{title} need {index + 1}", 0.5, 0.9) for index in range(needs)]
    links = [("User", spec[0]) for spec in need_specs]
    links += [(need[0], part[0]) for need in need_specs for part in parts]
    return make_map(title, ["User"], need_specs, parts, links)

"""Which elements are a map's user needs: one rule for the analysis and for workshop focus."""

from __future__ import annotations

from wardley.model.entities import MapContent
from wardley.model.kinds import kind_info


def need_ids(content: MapContent) -> list[str]:
    """Ids of the map's user needs, in map order: elements of kind need, and whatever else a
    user depends on directly (OWM has no need keyword: its maps show needs that way)."""
    roles = {element.id: kind_info(element.kind).role for element in content.elements}
    depended_on = {link.target for link in content.links if roles.get(link.source) == "user"}
    return [
        element.id
        for element in content.elements
        if roles[element.id] == "need" or (roles[element.id] != "user" and element.id in depended_on)
    ]

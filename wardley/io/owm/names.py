"""How link ends, evolve lines and pipelines find their element by name.

The reader and the writer both use this: the writer asks "would the reader
find the element I mean under the name I am about to write?" and adds an id
comment when it would not.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from wardley.model.ids import name_key

#: Which line made an element; link ends try them in this order (as OWM does).
GROUP_COMPONENT, GROUP_ANCHOR, GROUP_SUBMAP, GROUP_CHILD = 0, 1, 2, 3
#: The group of each element keyword a kind is written with (``KindInfo.owm_keyword``).
OWM_GROUPS: dict[str, int] = {"component": GROUP_COMPONENT, "anchor": GROUP_ANCHOR, "submap": GROUP_SUBMAP}


class NameIndex:
    def __init__(self, entries: Iterable[tuple[str, str, int]]) -> None:
        """``entries``: (name as written, element id, group) in line order."""
        self._entries = list(entries)
        # A stable sort keeps line order within each group.
        self._ranked = sorted(self._entries, key=itemgetter(2))
        self._exact: dict[str, str] = {}
        for name, element_id, _group in self._ranked:
            self._exact.setdefault(name, element_id)
        # OWM's fallback match: case-insensitive, runs of spacing (newlines too) as one space.
        # Built on first use: most link ends match exactly, and most maps have few evolve lines.
        self._loose: dict[str, str] | None = None
        #: Loose lookups so far: maps often name the same missing element in many links.
        self._looked_up: dict[str, str | None] = {}
        self._all_exact: dict[str, list[str]] | None = None

    def link_end(self, name: str) -> str | None:
        found = self._exact.get(name)
        if found is not None:
            return found
        if name in self._looked_up:
            return self._looked_up[name]
        if self._loose is None:
            self._loose = {}
            for entry_name, element_id, _group in self._ranked:
                self._loose.setdefault(name_key(entry_name), element_id)
        found = self._looked_up[name] = self._loose.get(name_key(name))
        return found

    def exact(self, name: str) -> str | None:
        return self._exact.get(name)

    def every(self, name: str) -> list[str]:
        """All elements written with exactly this name, in line order (evolve applies to each)."""
        if self._all_exact is None:
            self._all_exact = {}
            for entry_name, element_id, _group in self._entries:
                self._all_exact.setdefault(entry_name, []).append(element_id)
        return self._all_exact.get(name, [])

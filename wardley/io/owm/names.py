"""How link ends, evolve lines and pipelines find their element by name.

The reader and the writer both use this: the writer asks "would the reader
find the element I mean under the name I am about to write?" and adds an id
comment when it would not.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Which line made an element; link ends try them in this order (as OWM does).
GROUP_COMPONENT, GROUP_ANCHOR, GROUP_SUBMAP, GROUP_CHILD = 0, 1, 2, 3


def loose_key(name: str) -> str:
    """OWM's fallback match: case-insensitive, newlines as spaces, whitespace collapsed."""
    return " ".join(name.replace("\n", " ").split()).casefold()


class NameIndex:
    def __init__(self, entries: Iterable[tuple[str, str, int]]) -> None:
        """``entries``: (name as written, element id, group) in line order."""
        entries = list(entries)
        ordered = sorted(enumerate(entries), key=lambda item: (item[1][2], item[0]))
        self._exact: dict[str, str] = {}
        self._loose: dict[str, str] = {}
        self._all_exact: dict[str, list[str]] = {}
        for _, (name, element_id, _group) in ordered:
            self._exact.setdefault(name, element_id)
            self._loose.setdefault(loose_key(name), element_id)
        for name, element_id, _group in entries:
            self._all_exact.setdefault(name, []).append(element_id)

    def link_end(self, name: str) -> str | None:
        found = self._exact.get(name)
        return found if found is not None else self._loose.get(loose_key(name))

    def exact(self, name: str) -> str | None:
        return self._exact.get(name)

    def every(self, name: str) -> list[str]:
        """All elements written with exactly this name, in line order (evolve applies to each)."""
        return self._all_exact.get(name, [])

"""Keeping ids stable when the map is re-read from edited OWM text.

Reading OWM text gives every element an id made from its name. Applied as is,
a text edit would change the id of a renamed element (and, through that, the
selection, snapshot matching and the JSON diff of the saved file). So the
freshly parsed map is matched to the map it replaces and takes the old ids:

1. by id, then by name (:func:`wardley.model.compare.compare_maps`), which
   covers everything the text did not rename (our writer puts any id it cannot
   predict in a ``// wardley:`` comment, so unchanged lines keep their ids);
2. what is left, by position: the n-th element of the new map takes the id of
   the n-th element of the old one when that one is unmatched and of the same
   kind (a renamed line keeps its place in the text).

Notes and accelerators are matched the same way (id, then text or name, then
position). No Qt here: this is plain model work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

from wardley.model import WardleyMap
from wardley.model.compare import compare_maps
from wardley.model.ids import unique_id

T = TypeVar("T")


def _position_matches(old: Sequence[T], new: Sequence[T], matches: dict[int, int],
                      same_kind: Callable[[T, T], bool]) -> None:
    """Add (new index -> old index) pairs for unmatched items at the same position."""
    taken = set(matches.values())
    for index, item in enumerate(new):
        if index in matches or index >= len(old) or index in taken:
            continue
        if same_kind(old[index], item):
            matches[index] = index
            taken.add(index)


def _match_by(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str]) -> dict[int, int]:
    """new index -> old index: by id, then by ``key``, then by position."""
    matches: dict[int, int] = {}
    old_ids = {item.id: i for i, item in enumerate(old)}
    for index, item in enumerate(new):
        if item.id in old_ids:
            matches[index] = old_ids[item.id]
    taken = set(matches.values())
    for index, item in enumerate(new):
        if index in matches:
            continue
        found = next((i for i, o in enumerate(old) if i not in taken and key(o) == key(item)), None)
        if found is not None:
            matches[index] = found
            taken.add(found)
    _position_matches(old, new, matches, lambda a, b: True)
    return matches


def _renaming(old_ids: list[str], new_ids: list[str], matches: dict[int, int], reserved: set[str],
              names: list[str], fallback: str) -> dict[str, str]:
    """new id -> final id: matched items take the old id, others keep theirs unless it is taken."""
    final = {new_ids[n]: old_ids[o] for n, o in matches.items()}
    taken = set(final.values()) | reserved
    for index, new_id in enumerate(new_ids):
        if index in matches:
            continue
        chosen = new_id if new_id not in taken else unique_id(names[index], taken, fallback)
        final[new_id] = chosen
        taken.add(chosen)
    return final


class Renaming(NamedTuple):
    """Each id of the new map -> the id it keeps, for elements, notes and accelerators."""

    elements: dict[str, str]
    notes: dict[str, str]
    accelerators: dict[str, str]


def keep_ids(old: WardleyMap, new: WardleyMap) -> WardleyMap:
    """``new`` with the ids of ``old`` wherever an element, note or accelerator is the same one."""
    return renamed(new, id_renaming(old, new))


def id_renaming(old: WardleyMap, new: WardleyMap) -> Renaming:
    """Which id each element, note and accelerator of ``new`` keeps (see :func:`keep_ids`)."""
    by_id = {e.id: i for i, e in enumerate(old.elements)}
    diff = compare_maps(old, new)
    new_index = {e.id: i for i, e in enumerate(new.elements)}
    matches = {new_index[n]: by_id[o] for n, o in diff.matches.items()}
    _position_matches(old.elements, new.elements, matches, lambda a, b: a.kind == b.kind)
    # An added element never takes an id a note or accelerator of the old map has.
    others = {n.id for n in old.notes} | {a.id for a in old.accelerators}
    element_ids = _renaming(
        [e.id for e in old.elements], [e.id for e in new.elements], matches, others,
        [e.name for e in new.elements], "element",
    )
    reserved = set(element_ids.values())
    note_ids = _renaming(
        [n.id for n in old.notes], [n.id for n in new.notes],
        _match_by(old.notes, new.notes, lambda n: " ".join(n.text.split()).casefold()),
        reserved, [n.text for n in new.notes], "note",
    )
    reserved |= set(note_ids.values())
    accelerator_ids = _renaming(
        [a.id for a in old.accelerators], [a.id for a in new.accelerators],
        _match_by(old.accelerators, new.accelerators, lambda a: a.name.casefold()),
        reserved, [a.name for a in new.accelerators], "accelerator",
    )
    return Renaming(element_ids, note_ids, accelerator_ids)


def renamed(new: WardleyMap, renaming: Renaming) -> WardleyMap:
    if all(old == kept for ids in renaming for old, kept in ids.items()):
        return new  # every id kept as read (text typed by name, or written by us)
    element_ids, note_ids, accelerator_ids = renaming
    data = new.model_dump()
    for element in data["elements"]:
        element["id"] = element_ids[element["id"]]
    for link in data["links"]:
        link["source"], link["target"] = element_ids[link["source"]], element_ids[link["target"]]
    for evolve in data["evolves"]:
        evolve["element"] = element_ids[evolve["element"]]
    for pipeline in data["pipelines"]:
        pipeline["element"] = element_ids[pipeline["element"]]
        pipeline["members"] = [element_ids[m] for m in pipeline["members"]]
    for note in data["notes"]:
        note["id"] = note_ids[note["id"]]
    for accelerator in data["accelerators"]:
        accelerator["id"] = accelerator_ids[accelerator["id"]]
    return WardleyMap.model_validate(data)

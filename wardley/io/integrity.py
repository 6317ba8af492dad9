"""Checks that span records: ids unique, links and arrows pointing at real elements.

They run on the raw JSON data, not the validated model, so that a file with a
type error in one place still gets its broken links reported in the same pass.
"""

from __future__ import annotations

from typing import Any

from wardley.io.problems import Problem


def _items(data: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(name)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ref(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def integrity_problems(data: dict[str, Any], prefix: str = "$") -> list[Problem]:
    problems: list[Problem] = []
    ids: set[str] = set()
    for i, element in _items(data, "elements"):
        element_id = _ref(element.get("id"))
        if element_id is None:
            continue
        if element_id in ids:
            problems.append(Problem(f"{prefix}.elements[{i}].id", f"duplicate id {element_id!r}"))
        ids.add(element_id)

    def check_ref(place: str, value: Any, what: str) -> None:
        ref = _ref(value)
        if ref is not None and ref not in ids:
            problems.append(Problem(place, f"{what} missing element {ref!r}"))

    seen_links: set[tuple[str, str]] = set()
    for i, link in _items(data, "links"):
        place = f"{prefix}.links[{i}]"
        source, target = _ref(link.get("source")), _ref(link.get("target"))
        check_ref(f"{place}.source", source, "links from")
        check_ref(f"{place}.target", target, "links to")
        if source is None or target is None:
            continue
        if source == target:
            problems.append(Problem(place, f"{source!r} is linked to itself"))
        elif (source, target) in seen_links:
            problems.append(Problem(place, f"duplicate link from {source!r} to {target!r}"))
        seen_links.add((source, target))

    evolved: set[str] = set()
    for i, evolve in _items(data, "evolves"):
        ref = _ref(evolve.get("element"))
        check_ref(f"{prefix}.evolves[{i}].element", ref, "evolves")
        if ref is not None and ref in evolved:
            problems.append(Problem(f"{prefix}.evolves[{i}].element", f"{ref!r} has more than one evolve arrow"))
        if ref is not None:
            evolved.add(ref)

    piped: set[str] = set()
    for i, pipeline in _items(data, "pipelines"):
        ref = _ref(pipeline.get("element"))
        check_ref(f"{prefix}.pipelines[{i}].element", ref, "pipeline of")
        if ref is not None and ref in piped:
            problems.append(Problem(f"{prefix}.pipelines[{i}].element", f"{ref!r} has more than one pipeline"))
        if ref is not None:
            piped.add(ref)
        members = pipeline.get("members")
        if isinstance(members, list):
            for j, member in enumerate(members):
                check_ref(f"{prefix}.pipelines[{i}].members[{j}]", member, "pipeline holds")

    note_ids: set[str] = set()
    for i, note in _items(data, "notes"):
        note_id = _ref(note.get("id"))
        if note_id is not None and note_id in note_ids:
            problems.append(Problem(f"{prefix}.notes[{i}].id", f"duplicate note id {note_id!r}"))
        if note_id is not None:
            note_ids.add(note_id)

    names: set[str] = set()
    for i, snapshot in _items(data, "snapshots"):
        name = _ref(snapshot.get("name"))
        if name is not None and name in names:
            problems.append(Problem(f"{prefix}.snapshots[{i}].name", f"duplicate snapshot name {name!r}"))
        if name is not None:
            names.add(name)
        content = snapshot.get("content")
        if isinstance(content, dict):
            problems.extend(integrity_problems(content, f"{prefix}.snapshots[{i}].content"))
    return problems

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


def _repeats(items: list[tuple[int, dict[str, Any]]], key: str) -> dict[int, str]:
    """Index -> value, for each item whose ``key`` an earlier item already had."""
    seen: set[str] = set()
    repeats: dict[int, str] = {}
    for i, item in items:
        value = _ref(item.get(key))
        if value is None:
            continue
        if value in seen:
            repeats[i] = value
        seen.add(value)
    return repeats


def integrity_problems(data: dict[str, Any], prefix: str = "$") -> list[Problem]:
    problems: list[Problem] = []
    elements = _items(data, "elements")
    ids = {ref for _, element in elements if (ref := _ref(element.get("id"))) is not None}
    for i, element_id in _repeats(elements, "id").items():
        problems.append(Problem(f"{prefix}.elements[{i}].id", f"duplicate id {element_id!r}"))

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

    # An element has at most one evolve arrow and one pipeline.
    for name, what, repeated in (("evolves", "evolves", "evolve arrow"), ("pipelines", "pipeline of", "pipeline")):
        items = _items(data, name)
        repeats = _repeats(items, "element")
        for i, item in items:
            place = f"{prefix}.{name}[{i}]"
            check_ref(f"{place}.element", item.get("element"), what)
            if i in repeats:
                problems.append(Problem(f"{place}.element", f"{repeats[i]!r} has more than one {repeated}"))
            members = item.get("members") if name == "pipelines" else None
            if isinstance(members, list):
                for j, member in enumerate(members):
                    check_ref(f"{place}.members[{j}]", member, "pipeline holds")

    # Element, note and accelerator ids are one namespace (as in the editor and in OWM text,
    # whose reader gives a taken id a new one): a repeat anywhere would not survive a round trip.
    taken = set(ids)
    for name, what in (("notes", "note"), ("accelerators", "accelerator")):
        for i, item in _items(data, name):
            ref = _ref(item.get("id"))
            if ref is None:
                continue
            if ref in taken:
                owner = "an element" if ref in ids else "another note or accelerator"
                problems.append(Problem(f"{prefix}.{name}[{i}].id", f"duplicate {what} id {ref!r} (taken by {owner})"))
            taken.add(ref)

    snapshots = _items(data, "snapshots")
    repeated_names = _repeats(snapshots, "name")
    for i, snapshot in snapshots:
        if i in repeated_names:
            problems.append(Problem(f"{prefix}.snapshots[{i}].name", f"duplicate snapshot name {repeated_names[i]!r}"))
        content = snapshot.get("content")
        if isinstance(content, dict):
            problems.extend(integrity_problems(content, f"{prefix}.snapshots[{i}].content"))
    return problems

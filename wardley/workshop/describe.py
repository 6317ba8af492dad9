"""A map told in plain English: the text alternative for a picture of it (alt text, screen readers).

A summary comes first (what the map is of and its shape), then one short line per topic: the
users and their needs, the chain beneath each need, components by stage, what is evolving,
build / buy / outsource, inertia and notes. Names are listed, never explained, so a map of
15 elements stays under about 150 words. Qt-free: every export and ``wardley describe`` use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from wardley.model.entities import Element, MapContent
from wardley.model.evolution import stage_index
from wardley.model.roles import need_ids
from wardley.wording import counted

DescribeFormat = Literal["text", "markdown"]


@dataclass(frozen=True)
class Section:
    """One topic of the description: its name ("Inertia") and its sentence, which names the topic
    itself, so the text reads the same with or without headings."""

    heading: str
    text: str


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _list(names: Iterable[str]) -> str:
    # Commas only: names often hold "and" themselves ("Email and SMS"), so "X and Y" would blur.
    return ", ".join(names)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Describer:
    def __init__(self, content: MapContent, quote: Callable[[str], str]) -> None:
        self.content = content
        self.quote = quote
        self.by_id = {e.id: e for e in content.elements}
        self.needs = [self.by_id[i] for i in need_ids(content)]
        need_set = {n.id for n in self.needs}
        self.users = [e for e in content.elements if e.kind == "user"]
        self.components = [e for e in content.elements if e.kind != "user" and e.id not in need_set]
        self.down: dict[str, list[str]] = {}
        for link in content.links:
            if link.source in self.by_id and link.target in self.by_id:
                self.down.setdefault(link.source, []).append(link.target)

    def name(self, element: Element) -> str:
        return self.quote(_one_line(element.name))

    def names(self, elements: Iterable[Element]) -> str:
        return _list(self.name(e) for e in elements)

    def stage(self, evolution: float) -> str:
        index = stage_index(evolution, self.content.axis.boundaries)
        return _one_line(self.content.axis.stages[index]) or f"stage {index + 1}"

    # -- the summary ---------------------------------------------------------------

    def summary(self) -> str:
        title = _one_line(self.content.title) or "Untitled map"
        parts = [
            counted(len(self.users), "user"),
            counted(len(self.needs), "need"),
            counted(len(self.components), "component"),
        ]
        text = f"{self.quote(title)}: a Wardley map of {_join(parts)}."
        if self.components:
            counts = [0, 0, 0, 0]
            for element in self.components:
                counts[stage_index(element.evolution, self.content.axis.boundaries)] += 1
            most = max(range(4), key=lambda i: (counts[i], -i))
            stage = self.quote(_one_line(self.content.axis.stages[most]) or f"stage {most + 1}")
            if counts[most] == len(self.components):
                text += f" All components are in {stage}."
            elif counts[most] * 2 > len(self.components):
                text += f" Most are in {stage}."
            else:
                text += f" The largest group is in {stage}."
        return text

    # -- the details ---------------------------------------------------------------

    def users_and_needs(self) -> Section | None:
        """Each user with their needs, and beneath each need (at its first mention) the chain it
        rests on: what it depends on directly, and how many elements lie beneath it in all."""
        if not self.users and not self.needs:
            return None
        need_set = {n.id for n in self.needs}
        told: set[str] = set()
        sentences = []
        for user in self.users:
            wanted = [self.by_id[t] for t in dict.fromkeys(self.down.get(user.id, [])) if t in need_set]
            if wanted:
                sentences.append(f"Needs of {self.name(user)}: {'; '.join(self.need(n, told) for n in wanted)}")
            else:
                sentences.append(f"{self.name(user)} is drawn with no needs")
        rest = [n for n in self.needs if n.id not in told]
        if rest:
            sentences.append(f"{'Other needs' if told else 'Needs'}: {'; '.join(self.need(n, told) for n in rest)}")
        return Section("Users and needs", ". ".join(sentences) + ".")

    def need(self, need: Element, told: set[str]) -> str:
        if need.id in told:
            return self.name(need)
        told.add(need.id)
        direct = list(dict.fromkeys(self.down.get(need.id, [])))
        if not direct:
            return f"{self.name(need)} (nothing beneath it)"
        seen = {need.id}
        queue = list(direct)
        while queue:
            current = queue.pop()
            if current not in seen:
                seen.add(current)
                queue.extend(self.down.get(current, []))
        total = len(seen) - 1
        deeper = f", {total} in all" if total > len(direct) else ""
        return f"{self.name(need)} (on {self.names(self.by_id[d] for d in direct)}{deeper})"

    def by_stage(self) -> Section | None:
        if not self.components:
            return None
        groups: list[list[Element]] = [[], [], [], []]
        for element in self.components:
            groups[stage_index(element.evolution, self.content.axis.boundaries)].append(element)
        stages = self.content.axis.stages
        parts = [
            f"{self.quote(_one_line(stages[i]) or f'stage {i + 1}')}: {self.names(group)}"
            for i, group in enumerate(groups)
            if group
        ]
        return Section("By stage", "By stage: " + "; ".join(parts) + ".")

    def evolving(self) -> Section | None:
        parts = []
        for evolve in self.content.evolves:
            element = self.by_id.get(evolve.element)
            if element is None:
                continue
            renamed = f" as {self.quote(_one_line(evolve.name))}" if evolve.name else ""
            parts.append(f"{self.name(element)} to {self.quote(self.stage(evolve.evolution))}{renamed}")
        return Section("Evolving", "Evolving: " + "; ".join(parts) + ".") if parts else None

    def methods(self) -> Section | None:
        parts = []
        for method, verb in (("build", "built"), ("buy", "bought"), ("outsource", "outsourced")):
            chosen = [e for e in self.content.elements if e.method == method]
            if chosen:
                parts.append(f"{verb}: {self.names(chosen)}")
        if not parts:
            return None
        text = "; ".join(parts)
        return Section("Build, buy, outsource", text[:1].upper() + text[1:] + ".")

    def inertia(self) -> Section | None:
        held = [e for e in self.content.elements if e.inertia]
        return Section("Inertia", f"Inertia: {self.names(held)}.") if held else None

    def notes(self) -> Section | None:
        texts = [self.quote(_one_line(n.text)) for n in self.content.notes]
        return Section("Notes", "Notes: " + " ".join(t if t.endswith((".", "!", "?")) else t + "." for t in texts)) if texts else None

    def sections(self) -> list[Section]:
        found = [
            self.users_and_needs(), self.by_stage(), self.evolving(), self.methods(),
            self.inertia(), self.notes(),
        ]
        return [section for section in found if section is not None]


def _plain(text: str) -> str:
    return text


def describe_sections(content: MapContent) -> tuple[str, list[Section]]:
    """The summary sentence(s) and the detail sections, as plain text."""
    describer = _Describer(content, _plain)
    return describer.summary(), describer.sections()


def describe_map(content: MapContent, output: DescribeFormat = "text") -> str:
    """The map described in plain English: plain text (alt text) or Markdown (a report)."""
    if output == "markdown":
        from wardley.wording import md

        describer = _Describer(content, md)
        title = md(_one_line(content.title) or "Untitled map")
        lines = [f"## {title}", "", describer.summary(), ""]
        lines += [f"- {section.text}" for section in describer.sections()]
        return "\n".join(lines) + "\n"
    summary, sections = describe_sections(content)
    return "\n".join([summary, *(section.text for section in sections)]) + "\n"


def describe_one_line(content: MapContent) -> str:
    """The same description on one line (where line breaks are not kept, such as PDF keywords)."""
    return " ".join(describe_map(content).split("\n")).strip()


def word_count(text: str) -> int:
    return len(text.split())

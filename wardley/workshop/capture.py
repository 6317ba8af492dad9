"""The capture line: the few words a facilitator types while the room talks, read as map edits.

One entry per line::

    Hosting commodity                       a name, with a stage word or a number (0.3)
    user Resident                           a kind word first (lower case): user, need, ...
    Report a pothole -> Council website, Online forms     a link, or a fan of links
    Hosting <- Council website, Document store            the same, from the other end

``A -> B`` means A depends on B. Names are completed from the map (see
:func:`complete_name`); a name in double quotes is taken exactly as typed.
This module only reads text; :mod:`wardley.workshop.capture_plan` turns an entry
into elements, links and places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from wardley.model import DEFAULT_STAGES, ElementKind
from wardley.model.entities import MAX_NAME_LENGTH
from wardley.model.ids import name_key
from wardley.model.kinds import KIND_NAMES

#: The words that say a kind, first in an entry: the kind registry's names.
KIND_WORDS: tuple[str, ...] = KIND_NAMES
#: Words naming a stage of evolution (0 genesis .. 3 commodity), as people say them.
STAGE_WORDS: dict[str, int] = {
    "genesis": 0, "novel": 0,
    "custom": 1, "custom-built": 1, "bespoke": 1,
    "product": 2, "rental": 2,
    "commodity": 3, "utility": 3,
}
#: A position said as a number needs its decimal point ("0.3", ".3", "1.0"): "Phase 1" is a name.
_NUMBER = re.compile(r"^(?:0?\.\d+|[01]\.\d*)$")
_ARROWS = ("->", "<-")


class CaptureError(ValueError):
    """An entry that cannot be read; the message says why, in words for the room."""


@dataclass(frozen=True)
class Mention:
    """One name in an entry, with what was said about it."""

    #: The name as typed, with the kind and stage words taken off.
    name: str
    #: The whole text as typed (kind and stage words included).
    typed: str
    kind: ElementKind | None = None
    stage: int | None = None
    evolution: float | None = None
    #: Quoted: a name taken exactly, never completed to another.
    exact: bool = False


@dataclass(frozen=True)
class Entry:
    """Groups of names with an arrow between each two: ``A -> B, C`` is ((A,), (B, C)) and ("->",)."""

    groups: tuple[tuple[Mention, ...], ...]
    arrows: tuple[str, ...] = ()

    def mentions(self) -> list[Mention]:
        return [m for group in self.groups for m in group]

    def links(self) -> list[tuple[Mention, Mention]]:
        """(depends, on) pairs: every name of one group with every name of the next."""
        pairs = []
        for arrow, left, right in zip(self.arrows, self.groups, self.groups[1:], strict=False):
            for a in left:
                for b in right:
                    pairs.append((a, b) if arrow == "->" else (b, a))
        return pairs


def _split(line: str) -> list[str]:
    """Arrows and commas outside double quotes become tokens of their own."""
    tokens: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(line):
        char = line[i]
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif not quoted and line[i:i + 2] in _ARROWS:
            tokens += ["".join(current), line[i:i + 2]]
            current = []
            i += 1
        elif not quoted and char == ",":
            tokens += ["".join(current), ","]
            current = []
        else:
            current.append(char)
        i += 1
    if quoted:
        raise CaptureError('a double quote (") is not closed')
    tokens.append("".join(current))
    return tokens


def _stage_words(stages: Sequence[str]) -> dict[str, int]:
    """The usual words, and the first word of each of the map's own stage labels."""
    words = dict(STAGE_WORDS)
    for index, label in enumerate(stages[:4]):
        first = re.sub(r"[^\w-]", "", (label.split() or [""])[0]).casefold()
        if first and first not in words:
            words[first] = index
    return words


def read_mention(text: str, stage_words: dict[str, int] | None = None) -> Mention:
    """One name with its optional kind word before and stage word or number after."""
    typed = " ".join(text.split())
    if not typed:
        raise CaptureError("a name is missing")
    words = typed.split(" ")
    kind: ElementKind | None = None
    # Lower case only: "User research" is a component's name, "user Resident" a user.
    if len(words) > 1 and words[0] in KIND_WORDS:
        kind = words.pop(0)  # type: ignore[assignment]
    stage: int | None = None
    evolution: float | None = None
    stage_words = stage_words if stage_words is not None else STAGE_WORDS
    last = words[-1].casefold() if len(words) > 1 else ""
    if last and _NUMBER.match(last):
        evolution = float(last)
        if evolution > 1:
            raise CaptureError(f"{words[-1]} is not a position: evolution runs from 0 to 1")
        words.pop()
    elif len(words) > 2 and " ".join(words[-2:]).casefold() == "custom built":
        stage = 1
        del words[-2:]
    elif last in stage_words:
        stage = stage_words[last]
        words.pop()
    name = " ".join(words)
    exact = len(name) >= 2 and name.startswith('"') and name.endswith('"')
    if exact:
        name = " ".join(name[1:-1].split())
    elif '"' in name:
        raise CaptureError(f"put the whole name in double quotes: {name}")
    if not name:
        raise CaptureError("a name is missing")
    if len(name) > MAX_NAME_LENGTH:
        raise CaptureError(f"a name is longer than {MAX_NAME_LENGTH} characters")
    return Mention(name=name, typed=typed, kind=kind, stage=stage, evolution=evolution, exact=exact)


def parse_entry(line: str, stages: Sequence[str] = DEFAULT_STAGES) -> Entry:
    """Read one entry; raises :class:`CaptureError` saying what is wrong."""
    words = _stage_words(stages)
    tokens = _split(line)  # name, separator, name, separator, ..., name
    if not any(t.strip() for t in tokens[::2]):
        raise CaptureError("nothing to add: type a name")
    groups: list[tuple[Mention, ...]] = []
    arrows: list[str] = []
    group: list[Mention] = []
    for index, text in enumerate(tokens[::2]):
        before = tokens[2 * index - 1] if index else None
        after = tokens[2 * index + 1] if 2 * index + 1 < len(tokens) else None
        if not text.strip():
            raise CaptureError(f"a name is missing before {after}" if after else f"a name is missing after {before}")
        group.append(read_mention(text, words))
        if after in _ARROWS:
            groups.append(tuple(group))
            arrows.append(after)
            group = []
    groups.append(tuple(group))
    return Entry(tuple(groups), tuple(arrows))


def entry_lines(text: str) -> list[str]:
    """The entries of a pasted block: one per non-blank line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def complete_name(choices: Iterable[tuple[str, str]], typed: str) -> tuple[str, ...]:
    """The ids of the elements ``typed`` may mean, from (id, name) pairs.

    The same name (ignoring case and spacing) first; else the names that start with
    it; else the names with a word that starts with it ("asset" names "Highways
    asset system"). Empty: nothing matches (a new name); more than one: ambiguous.
    """
    wanted = name_key(typed)
    if not wanted:
        return ()
    pairs = [(element_id, name_key(name)) for element_id, name in choices]
    for matches in (
        lambda key: key == wanted,
        lambda key: key.startswith(wanted),
        lambda key: f" {wanted}" in f" {key}",
    ):
        found = tuple(dict.fromkeys(element_id for element_id, key in pairs if matches(key)))
        if found:
            return found
    return ()

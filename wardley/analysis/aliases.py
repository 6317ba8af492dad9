"""A library's own aliases file, ``wardley-aliases.json``: the merges a room has confirmed.

The file sits in the folder of maps and is meant to be read and edited by people::

    {
      "format": "wardley-aliases",
      "version": 1,
      "merges": {"Payments": ["Take a card payment", "ePay kiosk"]},
      "products": {"Payments": ["ParkPay"]},
      "keep_apart": [["Care needs assessment", "Financial assessment"]],
      "split": ["Parking enforcement system"],
      "renames": {"Waste collection management": "Refuse and recycling back office"}
    }

- ``merges``: each name in the list means the capability named by the key. The key may be a
  vocabulary capability or any component name; merging one capability into another moves all
  its names.
- ``products``: names that are a product or service implementing the capability (counted as
  implementations, so two of them on one capability mean duplicated supply).
- ``keep_apart``: pairs a room has said are different; never suggested as a merge again.
- ``split``: component names that stand as a capability of their own, whatever the vocabulary or
  the automatic matching would have merged them into (a room's "that is not the same thing").
- ``renames``: a capability's name as the room wants it reported (old name: new name).

Names are compared after normalisation, so case, plurals and filler words do not matter.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wardley.analysis.names import name_key
from wardley.analysis.vocabulary import Term
from wardley.io.files import read_text, write_text_file
from wardley.io.problems import MapFileError, Problem

ALIASES_FILE_NAME = "wardley-aliases.json"
FORMAT_NAME = "wardley-aliases"


@dataclass
class Aliases:
    merges: dict[str, list[str]] = field(default_factory=dict)
    products: dict[str, list[str]] = field(default_factory=dict)
    keep_apart: list[tuple[str, str]] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._terms: dict[str, Term] = {}
        self._apart: set[frozenset[str]] = set()
        self.reindex()

    def reindex(self) -> None:
        self._terms = {}
        for capability, names in self.merges.items():
            for name in names:
                self._terms[name_key(name)] = Term(capability)
        for capability, names in self.products.items():
            for name in names:
                self._terms[name_key(name)] = Term(capability, name)
        self._apart = {frozenset((name_key(a), name_key(b))) for a, b in self.keep_apart}
        self._split = {_whole(name): name for name in self.split}
        self._renames = {name_key(old): new for old, new in self.renames.items()}

    def lookup(self, name: str) -> Term | None:
        split = self._split.get(_whole(name))
        if split is not None:
            return Term(split)
        return self._terms.get(name_key(name))

    def is_split(self, name: str) -> bool:
        return _whole(name) in self._split

    def renamed(self, capability: str) -> str:
        """The name the room gave the capability (itself when not renamed)."""
        return self._renames.get(name_key(capability), capability)

    def canonical(self, capability: str) -> str:
        """Where a capability was merged to (following chains, never looping)."""
        seen = {name_key(capability)}
        while True:
            term = self._terms.get(name_key(capability))
            if term is None or name_key(term.capability) in seen:
                return capability
            capability = term.capability
            seen.add(name_key(capability))

    def kept_apart(self, first: str, second: str) -> bool:
        return frozenset((name_key(first), name_key(second))) in self._apart

    def to_data(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": 1,
            "merges": {key: list(values) for key, values in sorted(self.merges.items())},
            "products": {key: list(values) for key, values in sorted(self.products.items())},
            "keep_apart": [list(pair) for pair in self.keep_apart],
            "split": list(self.split),
            "renames": dict(sorted(self.renames.items())),
        }


def _whole(name: str) -> str:
    # A split names one way of writing a component, brackets and all: "Waste back office (Bartec)"
    # leaves "Waste back office (Whitespace)" where it was.
    return " ".join(name.casefold().split())


def _string_list(value: Any, place: str, problems: list[Problem]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(Problem(place, "must be a list of non-empty names"))
        return []
    return list(value)


def aliases_from_data(data: Any, source: str) -> Aliases:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise MapFileError.single(source, "an aliases file must hold a JSON object", "$")
    if data.get("format", FORMAT_NAME) != FORMAT_NAME:
        problems.append(Problem("$.format", f"must be {FORMAT_NAME!r}"))
    unknown = set(data) - {"format", "version", "merges", "products", "keep_apart", "split", "renames", "about"}
    for name in sorted(unknown):
        problems.append(Problem(f"$.{name}", "unknown field"))
    tables: dict[str, dict[str, list[str]]] = {"merges": {}, "products": {}}
    for table in tables:
        value = data.get(table, {})
        if not isinstance(value, dict):
            problems.append(Problem(f"$.{table}", "must be an object of capability: [names]"))
            continue
        for capability, names in value.items():
            if not capability.strip():
                problems.append(Problem(f"$.{table}", "a capability name must not be blank"))
            tables[table][capability] = _string_list(names, f"$.{table}.{capability}", problems)
    pairs: list[tuple[str, str]] = []
    apart = data.get("keep_apart", [])
    if not isinstance(apart, list):
        problems.append(Problem("$.keep_apart", "must be a list of [name, name] pairs"))
        apart = []
    for index, pair in enumerate(apart):
        names = _string_list(pair, f"$.keep_apart[{index}]", problems)
        if len(names) == 2:
            pairs.append((names[0], names[1]))
        elif names:
            problems.append(Problem(f"$.keep_apart[{index}]", "must hold exactly two names"))
    split = _string_list(data.get("split", []), "$.split", problems)
    renames: dict[str, str] = {}
    raw_renames = data.get("renames", {})
    if not isinstance(raw_renames, dict):
        problems.append(Problem("$.renames", "must be an object of old name: new name"))
    else:
        for old, new in raw_renames.items():
            if not isinstance(new, str) or not new.strip() or not old.strip():
                problems.append(Problem(f"$.renames.{old}", "must be a non-empty name"))
            else:
                renames[old] = new
    if problems:
        raise MapFileError(source, problems)
    return Aliases(tables["merges"], tables["products"], pairs, split, renames)


def load_aliases(path: str | os.PathLike[str]) -> Aliases:
    source = str(path)
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MapFileError.single(source, f"not valid JSON: {error.msg}", f"line {error.lineno}") from None
    return aliases_from_data(data, source)


def save_aliases(path: str | os.PathLike[str], aliases: Aliases) -> None:
    write_text_file(path, json.dumps(aliases.to_data(), indent=2, ensure_ascii=False) + "\n")


def _load_or_new(path: str | os.PathLike[str]) -> Aliases:
    return load_aliases(path) if Path(path).exists() else Aliases()


def add_merge(path: str | os.PathLike[str], canonical: str, names: list[str], *, products: bool = False) -> Aliases:
    """Record that ``names`` mean ``canonical`` (as products of it when ``products``); saves the file.

    Creates the file when missing; a name already recorded is not repeated.
    """
    aliases = _load_or_new(path)
    table = aliases.products if products else aliases.merges
    listed = table.setdefault(canonical, [])
    known = {name_key(name) for name in listed}
    for name in names:
        if name_key(name) != name_key(canonical) and name_key(name) not in known:
            listed.append(name)
            known.add(name_key(name))
    aliases.reindex()
    save_aliases(path, aliases)
    return aliases


def add_keep_apart(path: str | os.PathLike[str], first: str, second: str) -> Aliases:
    """Record that a suggested merge was rejected, so it is not suggested again; saves the file."""
    aliases = _load_or_new(path)
    if not aliases.kept_apart(first, second):
        aliases.keep_apart.append((first, second))
        aliases.reindex()
    save_aliases(path, aliases)
    return aliases


def add_split(path: str | os.PathLike[str], name: str) -> Aliases:
    """Record that components named ``name`` are a capability of their own; saves the file."""
    aliases = _load_or_new(path)
    if not aliases.is_split(name):
        aliases.split.append(name)
        aliases.reindex()
    save_aliases(path, aliases)
    return aliases


def add_rename(path: str | os.PathLike[str], capability: str, new_name: str) -> Aliases:
    """Record the name a room gives a capability; saves the file."""
    aliases = _load_or_new(path)
    for old in [old for old in aliases.renames if name_key(old) == name_key(capability)]:
        del aliases.renames[old]
    # Renaming a renamed capability again replaces the earlier name.
    for old, new in list(aliases.renames.items()):
        if name_key(new) == name_key(capability):
            aliases.renames[old] = new_name
            break
    else:
        aliases.renames[capability] = new_name
    aliases.reindex()
    save_aliases(path, aliases)
    return aliases

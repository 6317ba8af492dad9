"""The shipped vocabulary of common public-service capabilities, and looking a name up in it.

A name resolves, in this order, to:
1. a capability whose alias or product has the same key ("Online payments" -> Payments);
2. a product named inside a longer name ("GOV.UK Pay integration" -> Payments, via GOV.UK Pay);
3. an alias the name ends with ("Parking payments" -> Payments): English puts the kind of
   thing last, so "payment reconciliation" is *not* a payment.
A phrase made only of *generic* words (words found in the names of many different capabilities,
such as "office" or "management") never decides a match: "Waste back office" is not
"Office productivity" because both say "office".
Anything else is left for the cross-map grouping in :mod:`wardley.analysis.matching`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from wardley.analysis.names import (
    client_groups, content_words, contains, ends_with, head_words, name_key, set_label_words, words,
)
from wardley.package_data import resource

#: The shipped vocabulary's name among the package's resources (wardley/package_data.py).
VOCABULARY_NAME = "vocabulary.json"


@dataclass(frozen=True, slots=True)
class Term:
    """What a name means: a capability, and the product it names (None for a generic name)."""

    capability: str
    product: str | None = None


#: A word in the names of this many capabilities or more tells too little to match by alone.
GENERIC_SPREAD = 5
STAGES = ("custom", "product", "commodity")


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What the vocabulary knows of a capability nationally."""

    #: Where it typically sits: custom, product or commodity.
    stage: str
    #: The national platform or market to use instead of building it (commodities only).
    use_instead: str | None = None


@dataclass
class Vocabulary:
    capabilities: list[str] = field(default_factory=list)
    knowledge: dict[str, Knowledge] = field(default_factory=dict)
    #: Company names, compared by key: in a component's name they say who supplies it.
    suppliers: dict[str, str] = field(default_factory=dict)
    #: How many capabilities' names each word appears in (see :data:`GENERIC_SPREAD`).
    spread: dict[str, int] = field(default_factory=dict)
    #: Words that tell two otherwise similar names apart ("care" in "care needs assessment").
    distinguishing: frozenset[str] = frozenset()
    _exact: dict[str, Term] = field(default_factory=dict)
    _products_by_first_word: dict[str, list[tuple[tuple[str, ...], Term]]] = field(default_factory=dict)
    _aliases_by_last_word: dict[str, list[tuple[tuple[str, ...], Term]]] = field(default_factory=dict)
    #: Problems found while building (two capabilities claiming one name); empty when sound.
    conflicts: list[str] = field(default_factory=list)
    _capabilities_by_word: dict[str, set[str]] = field(default_factory=dict)
    #: Common words that name a capability only as the whole name ("Catalogue", "Notify"), by
    #: :func:`whole_name_key`: "Shared platform catalogue" is not a library's catalogue.
    _whole: dict[str, Term] = field(default_factory=dict)
    #: Keys of names that only look like a capability ("event hosting"): never looked up.
    _not: set[str] = field(default_factory=set)
    #: Capabilities for one client group only ("adults"): a name naming another group is not them.
    client_group: dict[str, str] = field(default_factory=dict)
    #: For a capability serving every group, the capability of each group's own ("children" -> ...).
    by_client_group: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, name: str, term: Term, *, phrase_match: bool = True) -> None:
        if not phrase_match:
            self._add_whole(name, term)
            return
        if not self._claim(self._exact, name_key(name), name, term):
            return
        phrase = content_words(name)
        for word in set(words(name)):
            self._capabilities_by_word.setdefault(word, set()).add(term.capability)
        entry = (phrase, term)
        if term.product is not None:
            self._products_by_first_word.setdefault(phrase[0], []).append(entry)
        else:
            self._aliases_by_last_word.setdefault(phrase[-1], []).append(entry)

    def _add_whole(self, name: str, term: Term) -> None:
        self._claim(self._whole, whole_name_key(name), name, term)

    def _claim(self, table: dict[str, Term], key: str, name: str, term: Term) -> bool:
        """Files ``name`` under ``key`` for ``term``; a key already another capability's is a
        conflict in the data, noted and not filed."""
        known = table.get(key)
        if known is not None and known.capability != term.capability:
            self.conflicts.append(f"{name!r} is claimed by both {known.capability} and {term.capability}")
            return False
        table.setdefault(key, term)
        return True

    def is_generic(self, word: str) -> bool:
        return self.spread.get(word, 0) >= GENERIC_SPREAD

    def _telling(self, phrase: tuple[str, ...]) -> bool:
        return not all(self.is_generic(word) for word in phrase)

    def supplier(self, text: str) -> str | None:
        """The supplier or product ``text`` names (an annotation such as "Whitespace"), or None."""
        known = self.suppliers.get(name_key(text))
        if known is not None:
            return known
        term = self._exact.get(name_key(text)) or self._whole.get(whole_name_key(text))
        return term.product if term is not None else None

    def finish(self) -> None:
        self.spread = {word: len(found) for word, found in self._capabilities_by_word.items()}
        # Longest phrase first, so "address search" beats "search".
        for table in (self._products_by_first_word, self._aliases_by_last_word):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))

    def lookup(self, name: str) -> Term | None:
        """The capability (and product) a component name stands for, or None if unknown.

        Who the name says it is for decides between capabilities that differ only by client group:
        "Mosaic (children)" is children's social care records, "Liquidlogic LAS (children)" is not
        the adults' system (and not known at all).
        """
        term = self._lookup(name)
        if term is None or (term.capability not in self.client_group and term.capability not in self.by_client_group):
            return term
        named = client_groups(name)
        own = self.client_group.get(term.capability)
        if own is not None:
            return term if named <= {own} else None
        if len(named) == 1:
            specific = self.by_client_group[term.capability].get(next(iter(named)))
            if specific is not None:
                return Term(specific, term.product)
        return term

    def _lookup(self, name: str) -> Term | None:
        key = name_key(name)
        term = self._exact.get(key) or self._whole.get(whole_name_key(name))
        if term is not None:
            return term
        if key in self._not:
            return None
        content = content_words(name)
        best: tuple[int, Term] | None = None
        for word in set(content):
            for phrase, candidate in self._products_by_first_word.get(word, ()):
                if (contains(phrase, content) and self._telling(phrase)
                        and (best is None or len(phrase) > best[0])):
                    best = (len(phrase), candidate)
                    break
        if best is not None:
            return best[1]
        head = head_words(name)
        if head:
            for phrase, candidate in self._aliases_by_last_word.get(head[-1], ()):
                if ends_with(phrase, head) and self._telling(phrase):
                    return candidate
        return None

    def is_distinguishing(self, word: str) -> bool:
        return word in self.distinguishing


#: Words that say nothing wherever they stand in a name ("Online catalogue" is a catalogue).
_EMPTY_WORDS = frozenset({"a", "an", "the", "our", "online", "digital"})
#: Words that say nothing at the end of a name, where English puts the kind of thing ("Search
#: service" is search); before another word they say what it is for ("Service maps").
_EMPTY_HEADS = frozenset({"service", "system", "platform", "solution", "software", "tool", "module"})


def whole_name_key(name: str) -> str:
    """The key of a name that must be a common word on its own: its words in order, only empty
    words set aside, so a modifier ("shared platform catalogue", "service maps") keeps it apart."""
    kept = [word for word in words(name) if word not in _EMPTY_WORDS]
    while len(kept) > 1 and kept[-1] in _EMPTY_HEADS:
        kept.pop()
    return " ".join(kept)


def vocabulary_from_data(data: dict[str, Any]) -> Vocabulary:
    vocabulary = Vocabulary(distinguishing=frozenset(
        word for text in data.get("distinguishing_words", []) for word in words(str(text))
    ))
    # Common words that name a capability only when they are the whole name ("Network", not "Peer network").
    exact_only = {name_key(str(name)) for name in data.get("exact_only_products", [])}
    exact_aliases = {name_key(str(name)) for name in data.get("exact_only_aliases", [])}
    set_label_words({str(supplier) for supplier in data.get("suppliers", []) if " " not in str(supplier)})
    for supplier in data.get("suppliers", []):
        vocabulary.suppliers[name_key(str(supplier))] = str(supplier)
    for entry in data.get("capabilities", []):
        capability = str(entry["name"])
        vocabulary.capabilities.append(capability)
        if "stage" in entry:
            instead = entry.get("use_instead")
            vocabulary.knowledge[capability] = Knowledge(str(entry["stage"]), str(instead) if instead else None)
        vocabulary.add(capability, Term(capability))
        vocabulary._not.update(name_key(str(name)) for name in entry.get("not", []))
        if "client_group" in entry:
            vocabulary.client_group[capability] = str(entry["client_group"])
        if "by_client_group" in entry:
            vocabulary.by_client_group[capability] = {
                str(group): str(name) for group, name in dict(entry["by_client_group"]).items()
            }
        for alias in entry.get("aliases", []):
            vocabulary.add(str(alias), Term(capability), phrase_match=name_key(str(alias)) not in exact_aliases)
        for product in entry.get("products", []):
            names = [str(product)] if isinstance(product, str) else [str(name) for name in product]
            term = Term(capability, names[0])
            for name in names:
                vocabulary.add(name, term, phrase_match=name_key(name) not in exact_only)
    vocabulary.finish()
    return vocabulary


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    """The vocabulary in ``path`` (default: the shipped ``resources/vocabulary.json``)."""
    data = Path(path).read_bytes() if path else resource(VOCABULARY_NAME).read_bytes()
    return vocabulary_from_data(json.loads(data.decode("utf-8")))

"""Deciding which components on different maps are the same capability.

Only certain evidence merges: the library's aliases file, the shipped vocabulary, or an identical
normalised name (once brackets, dash labels, suppliers and qualifier words are set aside, see
:mod:`.names`; "Fly-tipping reports" and "Fly tipping reports" also agree, written as one word or
two). Fuzzy similarity never merges; it only suggests (see :mod:`.suggestions`).
Every component placement ends up in exactly one capability.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from wardley.analysis.aliases import Aliases
from wardley.analysis.names import CLIENT_GROUP_WORDS, client_groups, name_key, qualifiers, split_name, words
from wardley.analysis.vocabulary import Term, Vocabulary


class Placement(NamedTuple):
    """One component as drawn on one map (a named tuple: a sector has hundreds of thousands)."""

    map_index: int
    map_path: str
    element_id: str
    name: str
    evolution: float
    visibility: float
    method: str
    #: The product or named service this component is, when its name is one ("GOV.UK Pay").
    product: str | None = None
    #: How its name says it is delivered ("inhouse", "consortium"...), for the report.
    qualifiers: tuple[str, ...] = ()


@dataclass
class CapabilityGroup:
    name: str
    placements: list[Placement]
    #: True when the vocabulary knows the capability (such groups are never suggested as merges).
    known: bool = False
    #: The vocabulary's name for it, when known (the room may have renamed it).
    vocabulary_name: str | None = None


class Matcher:
    """Resolves names to capabilities, remembering each answer: libraries repeat names a lot."""

    def __init__(self, vocabulary: Vocabulary, aliases: Aliases | None = None) -> None:
        self.vocabulary = vocabulary
        self.aliases = aliases or Aliases()
        self._known_keys = {name_key(name): name for name in vocabulary.capabilities}
        self._cache: dict[str, Term | None] = {}

    def term(self, name: str) -> Term | None:
        if name not in self._cache:
            self._cache[name] = self.aliases.lookup(name) or self.vocabulary.lookup(name)
        return self._cache[name]

    def product(self, name: str, term: Term | None) -> str | None:
        """The product a name names: the vocabulary's, else a supplier or product in its annotations."""
        if term is not None and term.product is not None:
            return term.product
        for annotation in split_name(name)[1]:
            found = self.vocabulary.supplier(annotation)
            if found is not None:
                return found
        return None

    def display_name(self, capability: str) -> str:
        """A vocabulary capability keeps the vocabulary's spelling whoever typed it."""
        return self._known_keys.get(name_key(capability), capability)

    def is_known(self, capability: str) -> bool:
        return name_key(capability) in self._known_keys


def _representative(names: Counter[str]) -> str:
    # The commonest spelling names the group; on a tie, the one written as a sentence is read out
    # ("Eligibility rules", not "Eligibility Rules" or "ELIGIBILITY RULES"), then the
    # alphabetically first, for stable output.
    return min(names, key=lambda name: (-names[name], name.isupper(), _title_cased_words(name), name))


def _title_cased_words(name: str) -> int:
    """Words after the first written with a capital and then small letters ("Rules"); acronyms do not count."""
    return sum(1 for word in name.split()[1:] if word[:1].isupper() and not word.isupper())


@lru_cache(maxsize=65_536)
def _group_key(name: str) -> tuple[str, frozenset[str]]:
    # Who it is for, said before or in brackets, is one fact: "Adult safeguarding referrals" and
    # "Safeguarding referrals (adults)" agree; the adults' and the children's versions do not.
    kept = " ".join(word for word in name_key(name).split() if word not in CLIENT_GROUP_WORDS)
    return kept, client_groups(name)


def group_placements(placements: list[Placement], matcher: Matcher) -> list[CapabilityGroup]:
    """Partition the placements into capabilities (each placement in exactly one)."""
    resolved: dict[str, list[Placement]] = defaultdict(list)
    # Who a name is for splits even where brackets do not: "Safeguarding referrals (adults)" and
    # "Safeguarding referrals (children)" are two statutory services.
    unresolved: dict[tuple[str, frozenset[str]], list[Placement]] = defaultdict(list)
    # What a name says is worked out once per name: a sector repeats names thousands of times.
    readings: dict[str, tuple[list[Placement], str | None, tuple[str, ...]]] = {}
    for placement in placements:
        reading = readings.get(placement.name)
        if reading is None:
            term = matcher.term(placement.name)
            target = unresolved[_group_key(placement.name)] if term is None else resolved[term.capability]
            reading = readings[placement.name] = (target, matcher.product(placement.name, term),
                                                  qualifiers(placement.name))
        target, product, qualified = reading
        if product is not None or qualified:
            placement = placement._replace(product=product, qualifiers=qualified)
        target.append(placement)
    # One word or two ("flytipping" / "fly tipping") is a way of writing, not a difference.
    joined: dict[tuple[str, frozenset[str]], list[Placement]] = defaultdict(list)
    for (_, named), members in unresolved.items():
        written = "".join(word for word in words(members[0].name) if word not in CLIENT_GROUP_WORDS)
        joined[(written, named)].extend(members)
    for members in joined.values():
        resolved[_representative(Counter(member.name for member in members))].extend(members)

    by_key: dict[tuple[str, frozenset[str]], CapabilityGroup] = {}
    for capability, members in resolved.items():
        base = matcher.display_name(matcher.aliases.canonical(capability))
        final = matcher.aliases.renamed(base)
        key = _group_key(final)
        group = by_key.get(key)
        if group is None:
            known = matcher.is_known(base)
            by_key[key] = CapabilityGroup(final, list(members), known, base if known else None)
        else:
            group.placements.extend(members)
    groups = list(by_key.values())
    for group in groups:
        group.placements.sort(key=lambda placement: (placement.map_index, placement.element_id))
    return groups


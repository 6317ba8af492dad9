"""Names that look alike across capabilities: *suggested* merges for a person to confirm.

Comparing every name with every other would grow with the square of the library, so names
are first put in blocks and only names sharing a block are compared. Two names can only be
alike enough to suggest (and not blocked by a differing word) when they differ in at most one
word, so the blocks are (see :func:`block_keys`):

- all words but one, plus the first letter of the word left out: "adress lookup" and
  "address lookup" meet in ``lookup|a``;
- all words but one, when two or more words remain: "permit enforcement team" meets
  "permit enforcement";
- for one-word names, the first three letters: "documnet" meets "document".

What this misses: a misspelt first letter, or two misspelt words in one name. A block that
still grows past ``block_size_limit`` is skipped rather than compared pair by pair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from rapidfuzz import fuzz, process

from wardley.analysis.aliases import Aliases
from wardley.analysis.matching import CapabilityGroup
from wardley.analysis.names import PREPOSITIONS, content_words, name_key
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings
from wardley.analysis.vocabulary import Vocabulary


@dataclass(frozen=True)
class SuggestedMerge:
    names: tuple[str, str]
    similarity: float
    #: Why the two look like one thing, for the room to judge ("'enforcment' looks like 'enforcement'").
    reason: str = ""


def merge_reason(first: str, second: str, vocabulary: Vocabulary, settings: Settings = DEFAULT_SETTINGS) -> str:
    """A sentence saying how two suggested names differ, so a room can decide quickly."""
    ours, theirs = _meaning_words(first), _meaning_words(second)
    only_ours, only_theirs = sorted(ours - theirs), sorted(theirs - ours)
    cutoff = settings.spelling_variant_similarity * 100
    parts = []
    for word in only_ours:
        twin = next((other for other in only_theirs if fuzz.ratio(word, other) >= cutoff), None)
        if twin is not None:
            only_theirs.remove(twin)
            parts.append(f"'{word}' and '{twin}' look like one word spelt two ways")
        else:
            parts.append(f"only '{first}' says '{word}'")
    parts += [f"only '{second}' says '{word}'" for word in only_theirs]
    generic = [word for word in ours & theirs if not vocabulary.is_generic(word)]
    shared = f"both say {', '.join(repr(word) for word in sorted(generic))}" if generic else ""
    if not parts:
        return f"{shared or 'the same words'}, in a different order or form"
    return "; ".join([shared, *parts] if shared else parts)


def _meaning_words(name: str) -> set[str]:
    return {word for word in content_words(name) if word not in PREPOSITIONS}


def block_keys(key: str) -> set[str]:
    """The blocks a normalised name key goes in (see the module notes)."""
    words = key.split()
    if len(words) == 1:
        return {"1:" + words[0][:3]}
    found = {"S:" + key}
    for index, word in enumerate(words):
        rest = " ".join(words[:index] + words[index + 1:])
        found.add(f"R:{rest}|{word[:1]}")
        if len(words) > 2:
            found.add("S:" + rest)
    return found


def blocking_words(first: str, second: str, vocabulary: Vocabulary,
                   settings: Settings = DEFAULT_SETTINGS) -> set[str]:
    """The words that show two names are different things; empty when nothing tells them apart.

    Words only one name has are compared with the other name's, so a misspelling is not a
    difference. What is left blocks a merge when both names have such a word ("care needs
    assessment" / "financial assessment"; "admissions" / "permit"), or when the one extra word
    is a distinguishing word from the vocabulary ("care needs assessment" / "needs assessment").
    """
    ours, theirs = _meaning_words(first), _meaning_words(second)
    only_ours, only_theirs = ours - theirs, theirs - ours
    cutoff = settings.spelling_variant_similarity * 100
    for word in sorted(only_ours):
        twin = next((other for other in sorted(only_theirs) if fuzz.ratio(word, other) >= cutoff), None)
        if twin is not None:
            only_ours.discard(word)
            only_theirs.discard(twin)
    if only_ours and only_theirs:
        return only_ours | only_theirs
    return {word for word in only_ours | only_theirs if vocabulary.is_distinguishing(word)}


def name_similarity(first: str, second: str, vocabulary: Vocabulary,
                    settings: Settings = DEFAULT_SETTINGS) -> float:
    """0..1 similarity of two names once normalised; 0 when a word tells them apart."""
    if blocking_words(first, second, vocabulary, settings):
        return 0.0
    return fuzz.token_sort_ratio(name_key(first), name_key(second)) / 100


def suggest_merges(groups: list[CapabilityGroup], vocabulary: Vocabulary, aliases: Aliases | None = None,
                   settings: Settings = DEFAULT_SETTINGS) -> list[SuggestedMerge]:
    """Pairs of capabilities whose names look like the same thing, best first."""
    aliases = aliases or Aliases()
    # One entry per distinct key: the name shown for it, and the group it is in.
    entries: dict[str, tuple[str, int]] = {}
    for index, group in enumerate(groups):
        for name in [group.name, *(placement.name for placement in group.placements)]:
            entries.setdefault(name_key(name), (name, index))
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in entries:
        for block in block_keys(key):
            blocks[block].append(key)
    best: dict[tuple[int, int], tuple[float, str, str]] = {}
    compared: set[tuple[str, str]] = set()
    cutoff = settings.suggest_similarity * 100
    for members in blocks.values():
        if len(members) < 2 or len(members) > settings.block_size_limit:
            continue
        for position, first in enumerate(members[:-1]):
            # rapidfuzz compares one name with the rest of its block in one call, in C, keeping
            # only scores over the cutoff: most of a block's pairs never reach Python.
            hits = process.extract(first, members[position + 1:], scorer=fuzz.token_sort_ratio,
                                   score_cutoff=cutoff, limit=None)
            for second, score, _ in hits:
                pair = (first, second) if first < second else (second, first)
                index_a, index_b = entries[first][1], entries[second][1]
                if index_a == index_b or pair in compared:
                    continue
                compared.add(pair)
                if groups[index_a].known and groups[index_b].known:
                    continue  # the vocabulary already says these are different capabilities
                name_a, name_b = entries[first][0], entries[second][0]
                if blocking_words(name_a, name_b, vocabulary, settings):
                    continue
                if (aliases.kept_apart(groups[index_a].name, groups[index_b].name)
                        or aliases.kept_apart(name_a, name_b)):
                    continue
                ordered = (min(index_a, index_b), max(index_a, index_b))
                if score / 100 > best.get(ordered, (0.0, "", ""))[0]:
                    pair_names = (name_a, name_b) if index_a < index_b else (name_b, name_a)
                    best[ordered] = (score / 100, *pair_names)
    found = [
        SuggestedMerge((groups[a].name, groups[b].name), round(similarity, 3),
                       merge_reason(name_a, name_b, vocabulary, settings))
        for (a, b), (similarity, name_a, name_b) in best.items()
    ]
    found.sort(key=lambda merge: (-merge.similarity, merge.names))
    return found

"""Names that look alike across capabilities: *suggested* merges for a person to confirm.

Comparing every name with every other would grow with the square of the library, so names
are first put in blocks by their words (and each word's first three letters, to catch typos);
only names sharing a block are compared. A block so common it says nothing ("management" on
hundreds of names) is skipped: names alike enough to suggest share rarer words as well.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from wardley.analysis.aliases import Aliases
from wardley.analysis.matching import CapabilityGroup
from wardley.analysis.names import PREPOSITIONS, content_words, name_key
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings
from wardley.analysis.vocabulary import Vocabulary


@dataclass(frozen=True)
class SuggestedMerge:
    names: tuple[str, str]
    similarity: float


def _meaning_words(name: str) -> set[str]:
    return {word for word in content_words(name) if word not in PREPOSITIONS}


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
        for word in set(key.split()):
            blocks[word].append(key)
            if len(word) > 3:
                blocks[word[:3] + "*"].append(key)
    best: dict[tuple[int, int], float] = {}
    compared: set[tuple[str, str]] = set()
    cutoff = settings.suggest_similarity * 100
    for members in blocks.values():
        if len(members) < 2 or len(members) > settings.block_size_limit:
            continue
        for first, second in combinations(members, 2):
            pair = (first, second) if first < second else (second, first)
            index_a, index_b = entries[first][1], entries[second][1]
            if index_a == index_b or pair in compared:
                continue
            compared.add(pair)
            if groups[index_a].known and groups[index_b].known:
                continue  # the vocabulary already says these are different capabilities
            score = fuzz.token_sort_ratio(first, second, score_cutoff=cutoff)
            if not score:
                continue
            name_a, name_b = entries[first][0], entries[second][0]
            if blocking_words(name_a, name_b, vocabulary, settings):
                continue
            if aliases.kept_apart(groups[index_a].name, groups[index_b].name) or aliases.kept_apart(name_a, name_b):
                continue
            ordered = (min(index_a, index_b), max(index_a, index_b))
            best[ordered] = max(best.get(ordered, 0.0), score / 100)
    found = [
        SuggestedMerge((groups[a].name, groups[b].name), round(similarity, 3))
        for (a, b), similarity in best.items()
    ]
    found.sort(key=lambda merge: (-merge.similarity, merge.names))
    return found

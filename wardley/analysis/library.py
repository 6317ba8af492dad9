"""A library of maps (a folder, or a list of files) analysed for what to share.

In a folder, the maps are the ``*.wardley.json`` files and OWM text (``.owm``, ``.wm``,
``.txt``), not in sub-folders; other JSON (such as the aliases file) is left alone. A file
named explicitly is read whatever its name, as long as its type is known.
"""

from __future__ import annotations

import gc
import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from wardley.analysis.aliases import ALIASES_FILE_NAME, Aliases, load_aliases
from wardley.analysis.candidates import badges, score, tier, tier_check
from wardley.analysis.explain import Explainer
from wardley.analysis.checked_maps import CheckedMap, check_files
from wardley.analysis.graph import map_graph
from wardley.analysis.lint import lint_map, one_need
from wardley.analysis.matching import CapabilityGroup, Matcher, Placement, group_placements
from wardley.analysis.measures import LibraryGraphs, mean_betweenness, measure
from wardley.analysis.ranking import TIER_ORDER, Ranked, lift_commodities
from wardley.analysis.report import Capability, LibraryReport, MapSummary
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings
from wardley.analysis.suggestions import suggest_merges
from wardley.analysis.vocabulary import Vocabulary, load_vocabulary
from wardley.io.files import OWM_SUFFIXES
from wardley.io.json_format import SUFFIX as JSON_MAP_SUFFIX
from wardley.io.problems import MapFileError
from wardley.model.entities import WardleyMap

def map_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The map files named by ``paths``, folders expanded (sorted by name); errors name the path."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                child for child in path.iterdir()
                if child.is_file() and child.name.lower().endswith((JSON_MAP_SUFFIX, *OWM_SUFFIXES))
            )
            if not inside:
                raise MapFileError.single(str(path), "no map files in this folder (*.wardley.json, *.owm, *.wm, *.txt)")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise MapFileError.single(str(path), "no such file or folder")
    # A file named twice (on its own and in its folder) is one map, not two.
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def default_aliases_path(paths: Sequence[str | os.PathLike[str]]) -> Path | None:
    """The aliases file of the first folder given, when there is one."""
    for raw in paths:
        candidate = Path(raw) / ALIASES_FILE_NAME
        if Path(raw).is_dir() and candidate.is_file():
            return candidate
    return None


def analyse_library(
    paths: Sequence[str | os.PathLike[str]],
    settings: Settings = DEFAULT_SETTINGS,
    aliases: Aliases | str | os.PathLike[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> LibraryReport:
    """Load every map under ``paths`` and analyse them together.

    ``aliases`` is an :class:`Aliases`, a path to an aliases file, or None to use the
    ``wardley-aliases.json`` of the folder given (if any). Raises :class:`MapFileError`
    for a missing path or a file that is not a readable map.
    """
    files = map_files(paths)
    if aliases is None:
        found = default_aliases_path(paths)
        aliases = load_aliases(found) if found else None
    elif not isinstance(aliases, Aliases):
        aliases = load_aliases(aliases)
    # Loading makes hundreds of thousands of objects and no garbage cycles: the collector, left on,
    # would rescan them all again and again as the heap grows.
    with _collector_paused():
        return _analyse(check_files(files), settings, aliases, vocabulary)


def analyse_map(wardley_map: WardleyMap, settings: Settings = DEFAULT_SETTINGS, aliases: Aliases | None = None,
                path: str = "") -> LibraryReport:
    """One map on its own (scored with the single-map formula). ``path`` labels it in the report."""
    return analyse_maps([(path or wardley_map.title, wardley_map)], settings, aliases)


def analyse_maps(
    maps: Sequence[tuple[str, WardleyMap]],
    settings: Settings = DEFAULT_SETTINGS,
    aliases: Aliases | None = None,
    vocabulary: Vocabulary | None = None,
) -> LibraryReport:
    """Analyse maps already in memory, each given with the path (or label) it is reported under."""
    with _collector_paused():
        checked = []
        for path, wardley_map in maps:
            graph = map_graph(wardley_map)
            checked.append((path, graph, lint_map(graph, path)))
        return _analyse(checked, settings, aliases, vocabulary)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # The analysis allocates many small, short-lived containers and makes no reference cycles
    # of its own; left on, Python's cycle collector rescans the growing heap again and again,
    # which made 2,000 maps cost 2.5 times 1,000. Paused for the run, restored after.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse(
    maps: Sequence[CheckedMap],
    settings: Settings,
    aliases: Aliases | None,
    vocabulary: Vocabulary | None,
) -> LibraryReport:
    vocabulary = vocabulary or load_vocabulary()
    aliases = aliases or Aliases()
    graphs = [graph for _, graph, _ in maps]
    placements: list[Placement] = []
    summaries: list[MapSummary] = []
    lint = []
    for index, (path, graph, issues) in enumerate(maps):
        components = graph.components
        summaries.append(MapSummary(path, graph.title, len(components)))
        for key in components:
            element = graph.elements[key]
            placements.append(Placement(index, path, key, element.name, element.evolution, element.visibility,
                                        element.method))
        lint.extend(issues)
    alone = one_need(graphs[0], maps[0][0]) if len(maps) == 1 else None
    if alone is not None:
        lint.append(alone)

    matcher = Matcher(vocabulary, aliases)
    groups = group_placements(placements, matcher)
    library = LibraryGraphs(graphs)
    explainer = Explainer(_titles(maps), settings)
    ranked = []
    for group in groups:
        measures = measure(group, library, vocabulary.knowledge.get(group.vocabulary_name or ""))
        value = score(measures, settings)
        check = tier_check(measures, value, settings)
        ranked.append((Ranked(measures, value, tier(measures, value, settings, check)), check))
    lift_commodities([item for item, _ in ranked], library)
    capabilities = []
    for group, (item, check) in zip(groups, ranked, strict=True):
        measures, value, level = item.measures, item.score, item.tier
        found = badges(measures, settings)
        tier_text = explainer.tier_sentence(measures, value, level, check, item.lifted_by)
        badge_text = {badge.kind: explainer.badge_sentence(measures, badge) for badge in found}
        capabilities.append(Capability(
            name=group.name, tier=level, score=round(value, 4),
            maps=[maps[index][0] for index in measures.maps],
            placements=group.placements, implementations=measures.implementations,
            needs=measures.needs_served, evolution=measures.evolution, spread=measures.spread,
            badges=[badge.kind for badge in found],
            badge_sentences=badge_text, tier_sentence=tier_text,
            reach=measures.reach, map_share=measures.map_share, hub=measures.hub, methods=dict(measures.methods),
            needs_by_map={maps[index][0]: sorted(ids) for index, ids in measures.needs.items()},
        ))
    commodities = {item.measures.name for item, _ in ranked if item.measures.national_commodity}
    _break_ties(capabilities, groups, library)
    # On equal tier and score, a national commodity comes before what may rest on it (see .ranking).
    capabilities.sort(key=lambda item: (TIER_ORDER[item.tier], -item.score, item.name not in commodities,
                                        -(item.betweenness or 0.0), item.name))
    merges = suggest_merges(groups, vocabulary, aliases, settings)
    return LibraryReport(summaries, capabilities, merges, lint)


def _break_ties(capabilities: list[Capability], groups: list[CapabilityGroup], library: LibraryGraphs) -> None:
    """Betweenness for candidates that share a tier and score with another candidate, and only those."""
    by_name = {group.name: group for group in groups}
    seen: dict[tuple[str, float], list[Capability]] = defaultdict(list)
    for item in capabilities:
        if item.tier != "none":
            seen[(item.tier, item.score)].append(item)
    for tied in seen.values():
        if len(tied) > 1:
            for item in tied:
                item.betweenness = mean_betweenness(by_name[item.name].placements, library)


def _titles(maps: Sequence[CheckedMap]) -> list[str]:
    """How sentences name each map: its title, or its file name if it has none; maps that share a
    title (copies, several teams' versions) are told apart by their file names."""
    titles = [_title(path, graph.title) for path, graph, _ in maps]
    counts = Counter(titles)
    return [
        f"{title} ({Path(path).name})" if counts[title] > 1 and title != _file_title(path) else title
        for title, (path, _, _) in zip(titles, maps, strict=True)
    ]


def _title(path: str, map_title: str) -> str:
    # Sentences name maps by title; an untitled map goes by its file name.
    title = map_title.strip()
    if title and title != "Untitled map":
        return title
    return _file_title(path)


def _file_title(path: str) -> str:
    name = Path(path).name
    for suffix in (JSON_MAP_SUFFIX, *OWM_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name or "untitled map"

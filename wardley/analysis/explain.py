"""Plain sentences a workshop can read aloud: every tier and badge says which maps and what numbers."""

from __future__ import annotations

from collections import defaultdict

from wardley.analysis.candidates import Badge, TierCheck, fit
from wardley.analysis.matching import Placement
from wardley.analysis.measures import CapabilityMeasures
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings
from wardley.model.evolution import stage_index
from wardley.wording import counted

_STAGE_PHRASES = ("genesis", "custom-built", "a product", "a commodity")
_STAGE_WORDS = ("genesis", "custom-built", "product", "commodity")


def stage_word(evolution: float) -> str:
    return _STAGE_WORDS[stage_index(evolution)]


def listing(items: list[str], limit: int | None = None) -> str:
    """"A, B and C"; with a ``limit``, longer lists end "and 4 more" (sentences list every map)."""
    if limit is not None and len(items) > limit:
        shown = items[:limit - 1]
        return ", ".join(shown) + f" and {len(items) - len(shown)} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def opening(name: str) -> str:
    """A name as the first word of a sentence: "society" -> "Society"; "eBooks" stays as written."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    if first.islower() and first[:1].isalpha():
        return name[:1].upper() + name[1:]
    return name


def figures(value: float, threshold: float) -> tuple[str, str]:
    """Both numbers to two places, or more when two places would make them read the same:
    "0.35 is below 0.35" is heard as a mistake."""
    for places in (2, 3):
        shown = f"{value:.{places}f}", f"{threshold:.{places}f}"
        if shown[0] != shown[1]:
            return shown
    return f"{value:.4f}", f"{threshold:.4f}"


def _below(m: CapabilityMeasures, threshold: float) -> str:
    # A median of one placement is just where it is placed; "median" is for several.
    value, limit = figures(m.evolution, threshold)
    if len(m.placements) == 1:
        return f"it is placed at {value}, which is below {limit}"
    return f"its median evolution {value} is below {limit}"


class Explainer:
    def __init__(self, titles: list[str], settings: Settings = DEFAULT_SETTINGS) -> None:
        self.titles = titles
        self.settings = settings

    def _title(self, placement: Placement) -> str:
        return self.titles[placement.map_index]

    def _where(self, m: CapabilityMeasures) -> str:
        served = m.needs_served
        needs = (f"{served} of {counted(m.all_needs, 'user need')}" if served
                 else f"none of the {counted(m.all_needs, 'user need')}" if m.all_needs > 1 else "no user need")
        if m.all_maps <= 1:
            # "0 of 0 user needs" is heard as nonsense: say why nothing can be traced.
            return "the map marks no user needs" if not m.all_needs else f"it serves {needs} on this map"
        if not m.all_needs:
            maps = listing([self.titles[index] for index in m.maps])
            return f"it is on {m.map_count} of {m.all_maps} maps ({maps}), none of which marks a user need"
        maps = listing([self.titles[index] for index in m.maps])
        return f"it is on {m.map_count} of {m.all_maps} maps ({maps}) and serves {needs}"

    def _placed(self, m: CapabilityMeasures) -> str:
        if len(m.placements) == 1:
            return f"it is placed as {_STAGE_PHRASES[stage_index(m.evolution)]}"
        stages_on: dict[int, set[int]] = defaultdict(set)
        for placement in m.placements:
            stages_on[placement.map_index].add(stage_index(placement.evolution))
        # A map that draws the capability twice, at two stages, cannot be counted at either.
        split = {index for index, stages in stages_on.items() if len(stages) > 1}
        if m.all_maps <= 1:
            if not split:
                return f"it is placed as {_STAGE_PHRASES[stage_index(m.evolution)]}"
            return self._each_placement(m)
        # Dicts as ordered sets: a capability can be on thousands of maps.
        staged: dict[int, dict[str, None]] = defaultdict(dict)
        for placement in m.placements:
            title = self._title(placement)
            label = f"{title} ('{placement.name}')" if placement.map_index in split else title
            staged[stage_index(placement.evolution)][label] = None
        by_stage = {stage: list(labels) for stage, labels in staged.items()}
        ranked = sorted(by_stage, key=lambda stage: (-len(by_stage[stage]), -stage))
        if split:
            parts = [f"as {_STAGE_PHRASES[stage]} by {listing(by_stage[stage])}" for stage in ranked]
            return "it is placed " + listing(parts)
        first = ranked[0]
        count = len(by_stage[first])
        if len(ranked) == 1:
            every = "both maps" if count == 2 else f"all {count} maps"
            return f"{every} place it as {_STAGE_PHRASES[first]}"
        parts = [f"{count} {'map places' if count == 1 else 'maps place'} it as {_STAGE_PHRASES[first]}"]
        parts += [f"{listing(by_stage[stage])} as {_STAGE_PHRASES[stage]}" for stage in ranked[1:]]
        return ", ".join(parts)

    @staticmethod
    def _each_placement(m: CapabilityMeasures) -> str:
        named: dict[int, dict[str, None]] = defaultdict(dict)
        for placement in m.placements:
            named[stage_index(placement.evolution)][f"'{placement.name}'"] = None
        ranked = sorted(named, key=lambda stage: -stage)
        first, *rest = ranked
        verb = "is" if len(named[first]) == 1 else "are"
        parts = [f"{listing(list(named[first]))} {verb} placed as {_STAGE_PHRASES[first]}"]
        parts += [f"{listing(list(named[stage]))} as {_STAGE_PHRASES[stage]}" for stage in rest]
        return listing(parts)

    def tier_sentence(self, m: CapabilityMeasures, value: float, tier: str, check: TierCheck,
                      lifted_by: list[str] | None = None) -> str:
        """``lifted_by``: the capabilities resting on it whose rank it was raised to (see .ranking)."""
        sentence = self._tier_sentence(m, tier, check)
        if lifted_by:
            verb = "depends" if len(lifted_by) == 1 else "depend"
            sentence += f" It ranks at least as high as {listing(lifted_by)}, which {verb} on it."
        return sentence

    def _tier_sentence(self, m: CapabilityMeasures, tier: str, check: TierCheck) -> str:
        # Sentences are read aloud in a room: counts of maps and needs, stages in words;
        # the score itself stays in the report's score column.
        where, placed = self._where(m), self._placed(m)
        if tier == "strong":
            return f"{opening(m.name)} is a strong candidate for a shared platform: {where}; {placed}."
        reasons = self._not_strong(m, check)
        if tier == "possible":
            return (f"{opening(m.name)} is a possible candidate to share: {where}; {placed}. "
                    f"It is not strong because {reasons}.")
        if fit(m.evolution, self.settings) == 0.0:
            value, limit = figures(m.evolution, self.settings.fit_start)
            one = len(m.placements) == 1
            # fit is 0 up to and at the threshold: on it, "0.35, below 0.35" would be heard as a mistake.
            spot = (f"at the {self.settings.fit_start:.2f} threshold" if value == limit
                    else f"{'at' if one else 'median'} {value}, below {limit}")
            # A capability the country buys as a commodity is not "too early" because a map drew it left.
            if m.national_commodity:
                why = (f"{'it is drawn' if one else 'the maps draw it'} as if still being worked out ({spot}), "
                       "though it is a commodity nationally")
            elif one:
                why = f"{spot}, it is too early to share"
            elif value == limit:
                why = f"its median evolution ({stage_word(m.evolution)}) is {spot}, too early to share"
            else:
                why = f"its median evolution {value} ({stage_word(m.evolution)}) is below {limit}, too early to share"
        elif m.all_maps <= 1 and not m.all_needs:
            why = "too little of the map depends on it for sharing to pay off"
        elif m.all_maps <= 1:
            why = "it serves too few of the map's needs for sharing to pay off"
        else:
            why = "it reaches too few needs and maps for sharing to pay off"
        return f"{opening(m.name)} is not a platform candidate now: {where}; {placed}; {why}."

    def _not_strong(self, m: CapabilityMeasures, check: TierCheck) -> str:
        s = self.settings
        reasons = []
        if not check.score_ok:
            reasons.append("not enough of this map depends on it" if m.all_maps <= 1
                           else "it does not yet serve enough of the needs across enough of the maps")
        if not check.evolution_ok:
            reasons.append(_below(m, s.strong_evolution))
        if not check.presence_ok:
            if m.all_maps <= 1 and not m.all_needs:
                reasons.append(f"a strong candidate serves at least {s.strong_single_map_needs} marked needs")
            elif m.all_maps <= 1:
                reasons.append(f"it serves only {counted(m.needs_served, 'need')} (a strong candidate serves "
                               f"at least {s.strong_single_map_needs})")
            else:
                reasons.append(f"it is on only {m.map_count} of {m.all_maps} maps (fewer than half)")
        return listing(reasons) or "no condition failed"

    def badge_sentence(self, m: CapabilityMeasures, badge: Badge) -> str:
        if badge.kind == "inconsistent-placement":
            low, high = badge.placements
            return (f"Teams see {m.name} differently: {self._title(low)} places '{low.name}' at "
                    f"{low.evolution:.2f} ({stage_word(low.evolution)}) and {self._title(high)} places "
                    f"'{high.name}' at {high.evolution:.2f} ({stage_word(high.evolution)}), a spread of {m.spread:.2f}.")
        if badge.kind == "custom-built-commodity":
            return self._custom_built(m, badge)
        if badge.kind == "duplicated-supply":
            maps: dict[str, dict[str, None]] = defaultdict(dict)
            for placement in badge.placements:
                maps[str(placement.product)][self._title(placement)] = None
            parts = [f"{product} ({listing(list(titles))})" for product, titles in sorted(maps.items())]
            return (f"{opening(m.name)} is supplied {len(maps)} different ways: {listing(parts)}; "
                    f"one shared supply could replace them.")
        if badge.kind == "use-a-utility":
            if m.map_count <= 1:
                return (f"{self._title(m.placements[0])} places {m.name} far to the right, as a commodity (evolution "
                        f"{m.evolution:.2f}): source it the standard way, as a utility, a shared contract or a "
                        f"national service, rather than building or specifying it again.")
            # "Most maps" would be heard as most of the library, though it may be on 2 of 6.
            return (f"On the {m.map_count} maps that show it, {m.name} sits far to the right, as a commodity "
                    f"(median evolution {m.evolution:.2f}): source it the standard way, as a utility, a shared "
                    f"contract or a national service, rather than building or specifying it again.")
        if badge.kind == "too-early":
            return (f"{opening(m.name)} is on {counted(m.map_count, 'map')} but its median evolution is "
                    f"{m.evolution:.2f} ({stage_word(m.evolution)}): too early to standardise; share what is "
                    f"being learnt, not a platform.")
        raise ValueError(f"unknown badge {badge.kind!r}")

    def _custom_built(self, m: CapabilityMeasures, badge: Badge) -> str:
        s = self.settings
        national: list[str] = []
        items = []
        for placement in badge.placements:
            gap = m.evolution - placement.evolution
            if m.national_commodity and m.national is not None and (
                    m.all_maps <= 1 or m.evolution < s.custom_built_median) and gap <= s.left_of_median:
                national.append(f"{self._title(placement)} builds '{placement.name}' itself (placed at "
                                f"{placement.evolution:.2f}, {stage_word(placement.evolution)})")
            elif gap > s.left_of_median:
                items.append(f"{self._title(placement)} places '{placement.name}' at {placement.evolution:.2f}, "
                             f"{gap:.2f} left of the median {m.evolution:.2f}")
            else:
                items.append(f"{self._title(placement)} builds '{placement.name}' itself although the "
                             f"median placement is {m.evolution:.2f} (commodity)")
        if national and m.national is not None:
            # Said once for every map that builds it: the room hears the alternative, not an echo.
            instead = m.national.use_instead or "the national platform or market"
            items.insert(0, f"{listing(national)}, but {m.name} is a commodity nationally: "
                            f"use {instead} instead")
        # "Others use a commodity" only when some placement that is not a builder is one.
        builders = {(p.map_index, p.element_id) for p in badge.placements}
        others = any(stage_index(p.evolution) == 3 for p in m.placements
                     if (p.map_index, p.element_id) not in builders)
        if m.all_maps > 1 and others:
            lead = "Custom-built where others use a commodity: "
        elif national or m.national_commodity or m.evolution >= s.custom_built_median:
            lead = "Custom-built where a commodity exists: "
        else:
            # Only placed far left of a library that sees it as a product: no commodity to name.
            lead = "Placed well left of the other maps: "
        sentence = lead + "; ".join(items) + "."
        if not national and m.national_commodity and m.national is not None:
            # Placed far left of the others, it still needs the name of what to use instead.
            instead = m.national.use_instead or "the national platform or market"
            sentence += f" {opening(m.name)} is a commodity nationally: use {instead} instead."
        return sentence

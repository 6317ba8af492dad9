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


def _evolution_phrase(m: CapabilityMeasures) -> str:
    # A median of one placement is just where it is placed; "median" is for several.
    if len(m.placements) == 1:
        return f"it is placed at {m.evolution:.2f}, which"
    return f"its median evolution {m.evolution:.2f}"


class Explainer:
    def __init__(self, titles: list[str], settings: Settings = DEFAULT_SETTINGS) -> None:
        self.titles = titles
        self.settings = settings

    def _title(self, placement: Placement) -> str:
        return self.titles[placement.map_index]

    def _where(self, m: CapabilityMeasures) -> str:
        needs = f"{m.needs_served} of {counted(m.all_needs, 'user need')}"
        if m.all_maps <= 1:
            return f"it serves {needs} on this map"
        maps = listing([self.titles[index] for index in m.maps])
        return f"it is on {m.map_count} of {m.all_maps} maps ({maps}) and serves {needs}"

    def _placed(self, m: CapabilityMeasures) -> str:
        # Dicts as ordered sets: a capability can be on thousands of maps.
        staged: dict[int, dict[str, None]] = defaultdict(dict)
        for placement in m.placements:
            staged[stage_index(placement.evolution)][self._title(placement)] = None
        by_stage = {stage: list(titles) for stage, titles in staged.items()}
        if m.all_maps <= 1 or len(m.placements) == 1:
            return f"it is placed as {_STAGE_PHRASES[stage_index(m.evolution)]}"
        ranked = sorted(by_stage, key=lambda stage: (-len(by_stage[stage]), -stage))
        first = ranked[0]
        count = len(by_stage[first])
        parts = [f"{count} {'map places' if count == 1 else 'maps place'} it as {_STAGE_PHRASES[first]}"]
        parts += [f"{listing(by_stage[stage])} as {_STAGE_PHRASES[stage]}" for stage in ranked[1:]]
        return ", ".join(parts)

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
            return f"{m.name} is a strong candidate for a shared platform: {where}; {placed}."
        reasons = self._not_strong(m, check)
        if tier == "possible":
            return (f"{m.name} is a possible candidate to share: {where}; {placed}. "
                    f"It is not strong because {reasons}.")
        if fit(m.evolution, self.settings) == 0.0:
            if len(m.placements) == 1:
                why = (f"it is placed at {m.evolution:.2f} ({stage_word(m.evolution)}), below "
                       f"{self.settings.fit_start:.2f}, too early to share")
            else:
                why = (f"its median evolution {m.evolution:.2f} ({stage_word(m.evolution)}) is below "
                       f"{self.settings.fit_start:.2f}, too early to share")
        elif m.all_maps <= 1:
            why = "it serves too few of the map's needs for sharing to pay off"
        else:
            why = "it reaches too few needs and maps for sharing to pay off"
        return f"{m.name} is not a platform candidate now: {where}; {placed}; {why}."

    def _not_strong(self, m: CapabilityMeasures, check: TierCheck) -> str:
        s = self.settings
        reasons = []
        if not check.score_ok:
            reasons.append("not enough of this map depends on it" if m.all_maps <= 1
                           else "it does not yet serve enough of the needs across enough of the maps")
        if not check.evolution_ok:
            reasons.append(f"{_evolution_phrase(m)} is below {s.strong_evolution:.2f}")
        if not check.presence_ok:
            if m.all_maps <= 1:
                reasons.append(f"it serves only {counted(m.needs_served, 'need')} (a strong candidate serves "
                               f"at least {s.strong_single_map_needs})")
            else:
                reasons.append(f"it is on only {m.map_count} of {m.all_maps} maps (fewer than half)")
        return listing(reasons) or "no condition failed"

    def badge_sentence(self, m: CapabilityMeasures, badge: Badge) -> str:
        s = self.settings
        if badge.kind == "inconsistent-placement":
            low, high = badge.placements
            return (f"Teams see {m.name} differently: {self._title(low)} places '{low.name}' at "
                    f"{low.evolution:.2f} ({stage_word(low.evolution)}) and {self._title(high)} places "
                    f"'{high.name}' at {high.evolution:.2f} ({stage_word(high.evolution)}), a spread of {m.spread:.2f}.")
        if badge.kind == "custom-built-commodity":
            items = []
            for placement in badge.placements:
                gap = m.evolution - placement.evolution
                if m.national_commodity and m.national is not None and (
                        m.all_maps <= 1 or m.evolution < s.custom_built_median) and gap <= s.left_of_median:
                    instead = m.national.use_instead or "the national platform or market"
                    items.append(f"{self._title(placement)} builds '{placement.name}' itself (placed at "
                                 f"{placement.evolution:.2f}, {stage_word(placement.evolution)}), but {m.name} is a "
                                 f"commodity nationally: use {instead} instead")
                elif gap > s.left_of_median:
                    items.append(f"{self._title(placement)} places '{placement.name}' at {placement.evolution:.2f}, "
                                 f"{gap:.2f} left of the median {m.evolution:.2f}")
                else:
                    items.append(f"{self._title(placement)} builds '{placement.name}' itself although the "
                                 f"median placement is {m.evolution:.2f} (commodity)")
            lead = ("Custom-built where a commodity exists: " if m.all_maps <= 1
                    else "Custom-built where others use a commodity: ")
            return lead + "; ".join(items) + "."
        if badge.kind == "duplicated-supply":
            maps: dict[str, dict[str, None]] = defaultdict(dict)
            for placement in badge.placements:
                maps[str(placement.product)][self._title(placement)] = None
            parts = [f"{product} ({listing(list(titles))})" for product, titles in sorted(maps.items())]
            return (f"{m.name} is supplied {len(maps)} different ways: {listing(parts)}; "
                    f"one shared supply could replace them.")
        if badge.kind == "use-a-utility":
            if m.map_count <= 1:
                return (f"{self._title(m.placements[0])} places {m.name} far to the right, as a commodity (evolution "
                        f"{m.evolution:.2f}): source it the standard way, as a utility, a shared contract or a "
                        f"national service, rather than building or specifying it again.")
            return (f"Most maps place {m.name} far to the right, as a commodity (median evolution "
                    f"{m.evolution:.2f}): source it the standard way, as a utility, a shared contract or a "
                    f"national service, rather than building or specifying it again.")
        if badge.kind == "too-early":
            return (f"{m.name} is on {counted(m.map_count, 'map')} but its median evolution is {m.evolution:.2f} "
                    f"({stage_word(m.evolution)}): too early to standardise; share what is being learnt, "
                    f"not a platform.")
        raise ValueError(f"unknown badge {badge.kind!r}")

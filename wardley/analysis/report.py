"""The result of an analysis, as the app and the ``analyse`` command read it.

:meth:`LibraryReport.to_data` is the JSON contract documented in README.md
("Shared-platform analysis"); keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wardley.analysis.lint import LintIssue
from wardley.analysis.matching import Placement
from wardley.analysis.suggestions import SuggestedMerge


@dataclass(frozen=True)
class MapSummary:
    path: str
    title: str
    #: Elements that are neither users nor needs.
    components: int


@dataclass(frozen=True)
class Highlight:
    """What to light up on one map's canvas for one capability."""

    element_ids: list[str]
    need_ids: list[str]


@dataclass
class Capability:
    name: str
    tier: str
    score: float
    maps: list[str]
    placements: list[Placement]
    implementations: list[str]
    needs: int
    evolution: float
    spread: float
    badges: list[str]
    #: One sentence per badge, in the order of ``badges``.
    badge_sentences: dict[str, str] = field(default_factory=dict)
    tier_sentence: str = ""
    reach: float = 0.0
    map_share: float = 0.0
    hub: float = 0.0
    #: Mean normalised betweenness; computed only to break a tie between candidates, else None.
    betweenness: float | None = None
    #: How its placements are marked: {"build": 2, "buy": 3, "none": 1}.
    methods: dict[str, int] = field(default_factory=dict)
    #: For each map path, the ids of the needs the capability serves there.
    needs_by_map: dict[str, list[str]] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        """The tier sentence, then each badge's sentence."""
        return " ".join([self.tier_sentence, *self.badge_sentences.values()])

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "tier": self.tier,
            "score": round(self.score, 4),
            "maps": list(self.maps),
            "placements": [
                {"map": p.map_path, "name": p.name, "evolution": p.evolution, "visibility": p.visibility,
                 "method": p.method, "product": p.product, "qualifiers": list(p.qualifiers)}
                for p in self.placements
            ],
            "implementations": list(self.implementations),
            "needs": self.needs,
            "evolution": self.evolution,
            "spread": self.spread,
            "badges": list(self.badges),
            "explanation": self.explanation,
        }


@dataclass
class LibraryReport:
    maps: list[MapSummary]
    capabilities: list[Capability]
    suggested_merges: list[SuggestedMerge]
    lint: list[LintIssue]
    _by_element: dict[tuple[str, str], Capability] | None = field(default=None, repr=False, compare=False)

    def capability(self, name: str) -> Capability | None:
        return next((item for item in self.capabilities if item.name == name), None)

    def highlight(self, capability: str, map_path: str) -> Highlight:
        """The element ids of ``capability`` on the map at ``map_path``, and the need ids it serves there."""
        found = self.capability(capability)
        if found is None:
            return Highlight([], [])
        ids = [p.element_id for p in found.placements if p.map_path == map_path]
        return Highlight(ids, list(found.needs_by_map.get(map_path, [])))

    def capability_of(self, map_path: str, element_id: str) -> Capability | None:
        """The capability an element on a map belongs to (None for users, needs and unknown ids)."""
        if self._by_element is None:
            self._by_element = {
                (p.map_path, p.element_id): item for item in self.capabilities for p in item.placements
            }
        return self._by_element.get((map_path, element_id))

    def on_map(self, map_path: str) -> list[Capability]:
        """The capabilities present on one map, in report order."""
        return [item for item in self.capabilities if map_path in item.maps]

    def candidates(self) -> list[Capability]:
        return [item for item in self.capabilities if item.tier != "none"]

    def to_data(self) -> dict[str, Any]:
        return {
            "maps": [{"path": m.path, "title": m.title, "components": m.components} for m in self.maps],
            "capabilities": [item.to_data() for item in self.capabilities],
            "suggested_merges": [
                {"names": list(merge.names), "similarity": merge.similarity, "reason": merge.reason}
                for merge in self.suggested_merges
            ],
            "lint": [
                {"map": issue.map, "kind": issue.kind, "element": issue.element, "message": issue.message}
                for issue in self.lint
            ],
        }

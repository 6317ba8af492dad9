"""Every element kind, and everything each layer needs to know about it, in one table.

Adding a kind means: a new ``KindInfo`` row here (and the name in ``ElementKind``),
its symbol in ``wardley/render/items/symbols.py``, and its tests. The OWM reader and
writer, JSON schema, Properties panel, canvas menus, legend, placement and analysis
all read this table; ``tests/model/test_kinds.py`` and ``tests/ui/test_kinds_everywhere.py``
fail when one does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

#: The kinds as a type (pydantic validates files against it; mypy checks code with it).
ElementKind = Literal["user", "need", "component", "market", "ecosystem", "submap"]
#: What the analysis treats an element of this kind as (a need is also anything a user depends on).
AnalysisRole = Literal["user", "need", "component"]


@dataclass(frozen=True)
class KindInfo:
    kind: ElementKind
    #: Capitalised, for tooltips, the legend and the Properties panel ("User need").
    label: str
    plural: str
    #: Lower case, inside sentences: undo text, menus, prompts ("Add user need Pay").
    noun: str
    #: The OWM line keyword this kind is written with.
    owm_keyword: Literal["component", "anchor", "submap"]
    #: OWM's ``(market)``-style decorator (also read as a keyword of its own, the older form).
    owm_decorator: str | None
    #: False when OWM has no way to say this kind: it is kept in wardley's meta comment.
    owm_native: bool
    #: People or what they need: drawn in bold, never a platform candidate.
    actor: bool
    #: (lowest, highest) visibility where the keyboard places a new one.
    band: tuple[float, float]
    role: AnalysisRole
    #: One line for the Properties panel's kind box.
    hint: str


_COMPONENT_BAND = (0.2, 0.65)

KINDS: tuple[KindInfo, ...] = (
    KindInfo("user", "User", "Users", "user", "anchor", None, True, True, (0.88, 0.97), "user",
             "a person or group the map is for (OWM: anchor)"),
    KindInfo("need", "User need", "User needs", "user need", "component", None, False, True, (0.72, 0.86), "need",
             "what a user needs from the service"),
    KindInfo("component", "Component", "Components", "component", "component", None, True, False, _COMPONENT_BAND,
             "component", "a capability, activity, practice or data the service depends on"),
    KindInfo("market", "Market", "Markets", "market", "component", "market", True, False, _COMPONENT_BAND,
             "component", "a market of competing suppliers"),
    KindInfo("ecosystem", "Ecosystem", "Ecosystems", "ecosystem", "component", "ecosystem", True, False,
             _COMPONENT_BAND, "component", "an ecosystem of many parties around a platform"),
    KindInfo("submap", "Submap", "Submaps", "submap", "submap", None, True, False, _COMPONENT_BAND, "component",
             "a component with a map of its own"),
)

KIND_NAMES: tuple[ElementKind, ...] = tuple(info.kind for info in KINDS)
_BY_KIND: dict[str, KindInfo] = {info.kind: info for info in KINDS}

#: Kinds that stand for people or what they need; never platform candidates.
ACTOR_KINDS: frozenset[str] = frozenset(info.kind for info in KINDS if info.actor)
#: OWM decorator words that set a kind, e.g. ``(market)``.
OWM_DECORATORS: dict[str, ElementKind] = {info.owm_decorator: info.kind for info in KINDS if info.owm_decorator}

if set(KIND_NAMES) != set(get_args(ElementKind)) or len(KIND_NAMES) != len(_BY_KIND):
    raise RuntimeError("kinds.py: KINDS and ElementKind list different kinds")


def kind_info(kind: str) -> KindInfo:
    """The row for ``kind``; an unknown kind (never valid in a map) reads as a component."""
    return _BY_KIND.get(kind, _BY_KIND["component"])


def is_kind(word: str) -> bool:
    return word in _BY_KIND

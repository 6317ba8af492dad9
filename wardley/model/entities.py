"""The map's data: plain pydantic records, no behaviour beyond validation.

Coordinates follow Wardley mapping, not screen space: ``evolution`` runs
left (genesis, 0) to right (commodity, 1) and ``visibility`` runs bottom
(invisible, 0) to top (visible to the user, 1).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


from wardley.model.kinds import ACTOR_KINDS as ACTOR_KINDS, ElementKind as ElementKind  # their home; kept importable here
from wardley.model.evolution import DEFAULT_BOUNDARIES, DEFAULT_STAGES, round_coordinate

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 20_000

#: A position on either axis, rounded on validation so that what is in memory
#: is exactly what a save and reload gives back.
Coordinate = Annotated[float, Field(ge=0.0, le=1.0), AfterValidator(round_coordinate)]
Name = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_NAME_LENGTH), Field(pattern=r"\S")
]
#: Label position in screen pixels from the symbol (+x right, +y down), as OWM.
Offset = Annotated[
    tuple[Annotated[float, Field(ge=-100_000, le=100_000)], Annotated[float, Field(ge=-100_000, le=100_000)]],
    AfterValidator(lambda xy: (round(xy[0], 2), round(xy[1], 2))),
]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.:-]+$")]

Method = Literal["none", "build", "buy", "outsource"]
Confidence = Literal["low", "medium", "high"]
AttitudeKind = Literal["pioneers", "settlers", "townplanners"]
FlowDirection = Literal["forward", "back", "both"]



class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Point(Record):
    evolution: Coordinate
    visibility: Coordinate


class Element(Record):
    """A user (OWM anchor), a user need, a component, market, ecosystem or submap."""

    id: Id
    kind: ElementKind = "component"
    name: Name
    evolution: Coordinate
    visibility: Coordinate
    label_offset: Offset | None = None
    method: Method = "none"
    inertia: bool = False
    #: Stored and shown, never opened by the app on its own.
    url: Text | None = None
    #: "Why is it here?": the rationale the room agreed on.
    description: Text = ""
    confidence: Confidence | None = None


class Link(Record):
    """``source`` depends on ``target`` (drawn from source down to target)."""

    source: Id
    target: Id
    flow: bool = False
    #: Which way a flow runs, as OWM writes it: ``+>`` forward (source to target), ``+<`` back,
    #: ``+<>`` both. Kept so that an OWM map read and saved keeps its meaning.
    flow_direction: FlowDirection = "forward"
    flow_label: Text = ""
    #: OWM's link "context": text drawn along the line.
    label: Text = ""


class Evolve(Record):
    """A component's expected future position, drawn as a dashed arrow."""

    element: Id
    evolution: Coordinate
    #: Set when the evolved component goes by another name (OWM ``A->B``).
    name: Name | None = None
    label_offset: Offset | None = None


class Pipeline(Record):
    """A pipeline box under ``element``, spanning ``start``..``end`` in evolution."""

    element: Id
    start: Coordinate
    end: Coordinate
    members: list[Id] = Field(default_factory=list)


class Note(Record):
    id: Id
    text: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_LENGTH)]
    evolution: Coordinate
    visibility: Coordinate


class Annotation(Record):
    number: Annotated[int, Field(ge=0, le=1_000_000)]
    text: Text = ""
    positions: list[Point] = Field(min_length=1)


class Accelerator(Record):
    """OWM accelerator / deaccelerator arrows: forces speeding up or slowing evolution."""

    id: Id
    name: Name
    evolution: Coordinate
    visibility: Coordinate
    negative: bool = False


class Attitude(Record):
    """A pioneers / settlers / town planners box."""

    kind: AttitudeKind
    top: Coordinate
    left: Coordinate
    bottom: Coordinate
    right: Coordinate


class Axis(Record):
    stages: tuple[Text, Text, Text, Text] = DEFAULT_STAGES
    #: Evolution values of the three dashed stage separators.
    boundaries: tuple[Coordinate, Coordinate, Coordinate] = DEFAULT_BOUNDARIES
    show_evolution: bool = True
    show_value_chain: bool = True


class Presentation(Record):
    """Display settings carried over from OWM so a round trip keeps them."""

    style: Annotated[str, StringConstraints(max_length=40)] = "plain"
    size: tuple[Annotated[int, Field(ge=0, le=100_000)], Annotated[int, Field(ge=0, le=100_000)]] | None = None
    annotations_position: Point | None = None


class MapContent(Record):
    """Everything drawn on a map. A snapshot freezes one of these."""

    title: Annotated[str, StringConstraints(max_length=MAX_NAME_LENGTH)] = "Untitled map"
    description: Text = ""
    axis: Axis = Field(default_factory=Axis)
    presentation: Presentation = Field(default_factory=Presentation)
    elements: list[Element] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    evolves: list[Evolve] = Field(default_factory=list)
    pipelines: list[Pipeline] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)
    accelerators: list[Accelerator] = Field(default_factory=list)
    attitudes: list[Attitude] = Field(default_factory=list)


class Snapshot(Record):
    """A named copy of the map kept inside the document ("after session 3")."""

    name: Name
    created: Annotated[str, StringConstraints(max_length=40)] = ""
    content: MapContent


class WardleyMap(MapContent):
    snapshots: list[Snapshot] = Field(default_factory=list)

    def element(self, element_id: str) -> Element | None:
        for element in self.elements:
            if element.id == element_id:
                return element
        return None

    def content(self) -> MapContent:
        """The map without its snapshots (what a snapshot stores)."""
        return MapContent.model_validate(self.model_dump(exclude={"snapshots"}))

"""A small map that uses every kind of thing the renderer draws."""

from __future__ import annotations

from wardley.model import (
    Accelerator,
    Annotation,
    Attitude,
    Element,
    Evolve,
    Link,
    Note,
    Pipeline,
    Point,
    WardleyMap,
)


def rich_map() -> WardleyMap:
    def el(id_: str, name: str, evo: float, vis: float, kind: str = "component", **kw: object) -> Element:
        return Element.model_validate({"id": id_, "name": name, "evolution": evo, "visibility": vis, "kind": kind, **kw})

    return WardleyMap(
        title="Council tax: moving home",
        elements=[
            el("resident", "Resident", 0.62, 0.97, "user"),
            el("move", "Tell us I am moving", 0.55, 0.86, "need"),
            el("portal", "Online forms portal", 0.58, 0.72, method="buy"),
            el("case", "Case management", 0.42, 0.55, method="build", inertia=True),
            el("identity", "Identity verification (GOV.UK One Login)", 0.66, 0.48, method="outsource"),
            el("payments", "Payments", 0.78, 0.40, "market"),
            el("data", "Address data", 0.55, 0.30, "ecosystem"),
            el("crm", "CRM", 0.30, 0.40, "submap"),
            el("hosting", "Cloud hosting", 0.90, 0.12),
            el("rules", "<b>x</b><img src=q>", 0.12, 0.35),
        ],
        links=[
            Link(source="resident", target="move"),
            Link(source="move", target="portal", flow=True, flow_label="£ fees"),
            Link(source="portal", target="case", label="hand-off"),
            Link(source="portal", target="identity"),
            Link(source="case", target="payments"),
            Link(source="case", target="data"),
            Link(source="case", target="crm"),
            Link(source="data", target="hosting"),
            Link(source="payments", target="hosting"),
            Link(source="case", target="rules"),
        ],
        evolves=[Evolve(element="case", evolution=0.74, name="Case management SaaS")],
        pipelines=[Pipeline(element="hosting", start=0.72, end=0.98, members=["hosting"])],
        notes=[Note(id="note", text="Every council builds this again", evolution=0.2, visibility=0.62)],
        annotations=[
            Annotation(number=1, text="Shared across councils?", positions=[Point(evolution=0.45, visibility=0.6)]),
            Annotation(number=2, text="Contract ends 2027", positions=[Point(evolution=0.26, visibility=0.45), Point(evolution=0.7, visibility=0.53)]),
        ],
        accelerators=[
            Accelerator(id="open", name="Open standards", evolution=0.35, visibility=0.2),
            Accelerator(id="proc", name="Procurement rules", evolution=0.85, visibility=0.62, negative=True),
        ],
        attitudes=[Attitude(kind="pioneers", top=0.95, left=0.02, bottom=0.75, right=0.2)],
    )

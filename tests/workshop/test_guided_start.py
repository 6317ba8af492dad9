"""Guided start without Qt: answers become the expected elements, links and places."""

from __future__ import annotations

import pytest

from wardley.model import MapDocument, WardleyMap, stage_index
from wardley.workshop.guided_start import (
    GuidedAnswers,
    changes_for,
    name_key,
    parse_dependencies,
    parse_names,
    plan_map,
)


def permit_answers() -> GuidedAnswers:
    answers = GuidedAnswers(users=parse_names("Resident\n\n resident \nParking officer"))
    answers.needs["Resident"] = parse_names("Apply for a permit\nRenew a permit")
    answers.needs["Parking officer"] = parse_names("Check a permit")
    answers.add_dependencies("Apply for a permit", "Online form -> Payments, Identity\nPermit rules")
    answers.add_dependencies("Renew a permit", "payments")
    answers.add_dependencies("Check a permit", "Permit register -> Hosting")
    return answers


def apply(document: MapDocument, answers: GuidedAnswers, owned: set[str]) -> None:
    changes = changes_for(plan_map(answers), document.map, owned)
    for fields in changes.added:
        owned.add(document.add_element(fields.pop("name"), fields.pop("evolution"), fields.pop("visibility"),
                                       fields.pop("kind"), **{k: v for k, v in fields.items() if k != "id"}).id)
    document.set_elements(changes.changed)
    for source, target in changes.links:
        document.add_link(source, target)


def test_parsing_answers() -> None:
    assert parse_names("  Resident \n\nresident\n Parking   officer ") == ["Resident", "Parking officer"]
    assert parse_dependencies("Online form -> Payments, , Identity\n\n -> nothing\nRules") == [
        ("Online form", ["Payments", "Identity"]), ("Rules", [])]


def test_plan_places_users_needs_and_components_by_depth_and_shares_repeated_names() -> None:
    plan = plan_map(permit_answers())
    assert plan.names("user") == ["Resident", "Parking officer"]
    assert plan.names("need") == ["Apply for a permit", "Renew a permit", "Check a permit"]
    assert sorted(plan.names("component")) == sorted(
        ["Online form", "Payments", "Identity", "Permit rules", "Permit register", "Hosting"])
    e = plan.elements
    assert {e[k].visibility for k in ("resident", "parking officer")} == {0.95}
    assert {e[name_key(n)].visibility for n in plan.names("need")} == {0.82}
    # Payments is named under "Online form" (depth 2) and directly under "Renew" (1): the deeper wins.
    assert e["payments"].visibility < e["permit rules"].visibility < e["apply for a permit"].visibility
    assert ("renew a permit", "payments") in plan.links and ("online form", "payments") in plan.links
    assert ("resident", "apply for a permit") in plan.links and ("parking officer", "check a permit") in plan.links
    assert len(plan.links) == len(set(plan.links)) == 10


def test_stages_place_left_to_right_and_not_sure_gets_low_confidence() -> None:
    answers = permit_answers()
    answers.stages = {"Payments": 3, "Online form": 1, "Identity": 2, "Permit rules": None, "Hosting": 3}
    plan = plan_map(answers)
    e = plan.elements
    assert stage_index(e["payments"].evolution) == 3 and stage_index(e["hosting"].evolution) == 3
    assert stage_index(e["online form"].evolution) == 1 and stage_index(e["identity"].evolution) == 2
    assert e["permit rules"].confidence == "low" and e["payments"].confidence is None
    assert 0.3 <= e["permit rules"].evolution <= 0.7


def test_building_step_by_step_gives_the_expected_map_and_reuses_existing_elements() -> None:
    document = MapDocument(WardleyMap.model_validate({"elements": [
        {"id": "hosting", "name": "Hosting", "evolution": 0.95, "visibility": 0.05}]}))
    owned: set[str] = set()
    answers = GuidedAnswers(users=["Resident"])
    apply(document, answers, owned)
    answers.needs["Resident"] = ["Renew a permit"]
    apply(document, answers, owned)
    answers.add_dependencies("Renew a permit", "Payments -> Hosting")
    apply(document, answers, owned)
    unplaced = document.element("payments").evolution
    answers.stages = {"Payments": 3, "Renew a permit": 1}
    apply(document, answers, owned)
    m = document.map
    assert [(x.kind, x.name) for x in m.elements] == [
        ("component", "Hosting"), ("user", "Resident"), ("need", "Renew a permit"), ("component", "Payments")]
    assert {(l.source, l.target) for l in m.links} == {
        ("resident", "renew-a-permit"), ("renew-a-permit", "payments"), ("payments", "hosting")}
    assert stage_index(unplaced) != 3 and stage_index(document.element("payments").evolution) == 3
    assert stage_index(document.element("renew-a-permit").evolution) == 1
    # Hosting was on the map before: linked to, never moved.
    assert (document.element("hosting").evolution, document.element("hosting").visibility) == (0.95, 0.05)
    # Applying the same answers again changes nothing.
    assert changes_for(plan_map(answers), document.map, owned).empty


def test_elements_in_one_row_keep_apart_and_crowded_stages_stay_in_their_stage() -> None:
    answers = GuidedAnswers(users=["Resident"])
    answers.needs["Resident"] = [f"Need {i}" for i in range(12)]
    answers.stages = {"Need 0": None, "Need 1": 2, **{f"Need {i}": 3 for i in range(2, 12)}}
    e = plan_map(answers).elements
    assert all(stage_index(e[f"need {i}"].evolution) == 3 for i in range(2, 12))
    assert stage_index(e["need 1"].evolution) == 2
    row = sorted(p.evolution for p in e.values() if p.kind == "need")
    assert len(row) == 12 and all(0.0 < x <= 0.98 for x in row)
    # Ten in Commodity share its width evenly; nothing lands on anything else.
    assert min(b - a for a, b in zip(row, row[1:])) >= 0.0299
    # A crowded row staggers up and down so neighbouring labels clear each other.
    assert len({p.visibility for p in e.values() if p.kind == "need"}) == 2
    # Uncrowded rows keep the stage asked for and the usual gap.
    two = GuidedAnswers(users=["Resident"], needs={"Resident": ["A", "B"]}, stages={"A": None, "B": 2})
    e = plan_map(two).elements
    assert stage_index(e["b"].evolution) == 2 and e["b"].evolution - e["a"].evolution >= 0.0899


def crowded_row(stage: int, count: int = 9) -> GuidedAnswers:
    """One need depending on ``count`` components the room put in ``stage``, beside one in
    every other stage and a "not sure", so a row overflows and pushes against its neighbours."""
    answers = GuidedAnswers(users=["Resident"], needs={"Resident": ["Report a pothole"]})
    crowd = [f"Part {i}" for i in range(count)]
    others = [f"Other {s}" for s in range(4) if s != stage]
    answers.add_dependencies("Report a pothole", "\n".join([*crowd, *others, "Unsure"]))
    answers.stages = {**{n: stage for n in crowd}, **{f"Other {s}": s for s in range(4) if s != stage},
                      "Unsure": None}
    return answers


@pytest.mark.parametrize("stage", [0, 1, 2, 3])
def test_guided_start_keeps_every_component_in_the_stage_the_room_chose(stage: int) -> None:
    answers = crowded_row(stage)
    e = plan_map(answers).elements
    for name, chosen in answers.stages.items():
        if chosen is not None:
            assert stage_index(e[name_key(name)].evolution) == chosen, (name, e[name_key(name)].evolution)
    crowd = sorted(e[f"part {i}"].evolution for i in range(9))
    assert len(set(crowd)) == 9  # spread within the stage, not stacked on one spot
    # The "not sure" component is not put on top of anything.
    row = sorted(p.evolution for p in e.values() if p.kind == "component")
    assert min(b - a for a, b in zip(row, row[1:])) > 0.005


def test_the_trial_overflow_keeps_custom_and_commodity_answers_in_their_stages() -> None:
    # The trial: a full Commodity row pushed a Custom-built answer into Genesis and a
    # Commodity answer into Product.
    answers = GuidedAnswers(users=["Resident"], needs={"Resident": ["Report a pothole"]})
    names = ["Repair scheduling", "Council website", "Online forms", "Highways asset system",
             "Payments", "Identity", "Hosting", "Email", "Maps", "Document store"]
    answers.add_dependencies("Report a pothole", "\n".join(names))
    answers.stages = {"Repair scheduling": 1, **{n: 3 for n in names[1:]}}
    e = plan_map(answers).elements
    assert stage_index(e["repair scheduling"].evolution) == 1
    assert all(stage_index(e[name_key(n)].evolution) == 3 for n in names[1:])

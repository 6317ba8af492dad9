import json
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.cli import main
from wardley.io import load_map, save_map
from wardley.model import MapDocument
from wardley.model.compare import compare_maps

EXAMPLE = MAPS / "county-library-service.wardley.json"


def edited() -> tuple[MapDocument, MapDocument]:
    old = MapDocument(load_map(EXAMPLE).map)
    new = MapDocument(load_map(EXAMPLE).map)
    new.move_element("payments", 0.9, 0.4)
    new.rename_element("event-booking", "Council booking")
    new.remove_elements(["public-wi-fi"])
    new.add_element("Chatbot", 0.1, 0.6)
    return old, new


def test_moved_added_removed_renamed_by_id() -> None:
    old, new = edited()
    diff = compare_maps(old.map, new.map)
    assert diff.to_json() == {
        "moved": [{"name": "Payments", "from": [0.78, 0.4], "to": [0.9, 0.4]}],
        "added": ["Chatbot"],
        "removed": ["Public Wi-Fi"],
        "renamed": [{"from": "Event booking", "to": "Council booking"}],
        "changed": [],
        "links_added": [],
        # Removing an element takes its links with it.
        "links_removed": [
            {"from": "Use a computer and the internet", "to": "Public Wi-Fi"},
            {"from": "Public Wi-Fi", "to": "Branch buildings"},
        ],
        "evolves": [],
    }


def workshop_edits() -> tuple[MapDocument, MapDocument]:
    """What a room does besides moving things: a kind and a method set, a link, evolve arrows."""
    from wardley.model import Evolve

    old = MapDocument(load_map(EXAMPLE).map)
    new = MapDocument(load_map(EXAMPLE).map)
    old.set_evolve("payments", None)
    old.set_evolve("branch-buildings", Evolve(element="branch-buildings", evolution=0.6))
    new.set_evolve("branch-buildings", None)
    new.set_evolve("payments", Evolve(element="payments", evolution=0.95))
    new.set_element("payments", method="buy", inertia=True, description="Everyone pays the same way")
    new.set_element("event-booking", kind="need", confidence="high")
    new.add_link("community-outreach", "notifications")
    new.remove_link("public-wi-fi", "branch-buildings")
    return old, new


def test_kinds_methods_links_and_evolve_arrows_are_reported() -> None:
    old, new = workshop_edits()
    diff = compare_maps(old.map, new.map)
    assert not diff.moved and not diff.added and not diff.removed and not diff.renamed
    assert [(c.name, c.what, c.old, c.new) for c in diff.changed] == [
        ("Event booking", "kind", "component", "need"),
        ("Event booking", "confidence", "low", "high"),
        ("Payments", "method", "none", "buy"),
        ("Payments", "inertia", False, True),
        ("Payments", "description", old.element("payments").description, "Everyone pays the same way"),
    ]
    assert diff.to_json()["links_added"] == [{"from": "Community outreach", "to": "Notifications"}]
    assert diff.to_json()["links_removed"] == [{"from": "Public Wi-Fi", "to": "Branch buildings"}]
    assert diff.to_json()["evolves"] == [
        {"name": "Payments", "from": None, "to": 0.95},
        {"name": "Branch buildings", "from": 0.6, "to": None},
    ]
    assert not diff.unchanged


def test_a_re_aimed_evolve_arrow_is_reported_once() -> None:
    from wardley.model import Evolve

    old = MapDocument(load_map(EXAMPLE).map)
    new = MapDocument(load_map(EXAMPLE).map)
    old.set_evolve("payments", Evolve(element="payments", evolution=0.8))
    new.set_evolve("payments", Evolve(element="payments", evolution=0.9))
    diff = compare_maps(old.map, new.map)
    assert diff.to_json()["evolves"] == [{"name": "Payments", "from": 0.8, "to": 0.9}]


def test_links_of_elements_matched_by_name_are_not_reported_as_changed() -> None:
    # The same map with every id different (as after re-drawing it): nothing changed.
    original = load_map(EXAMPLE).map
    ids = {e.id: f"x-{i}" for i, e in enumerate(original.elements)}
    data = original.model_dump()
    for element in data["elements"]:
        element["id"] = ids[element["id"]]
    for link in data["links"]:
        link["source"], link["target"] = ids[link["source"]], ids[link["target"]]
    for key in ("evolves", "pipelines"):
        for item in data[key]:
            item["element"] = ids[item["element"]]
            if "members" in item:
                item["members"] = [ids[m] for m in item["members"]]
    redrawn = type(original).model_validate(data)
    assert compare_maps(original.content(), redrawn.content()).unchanged


def test_elements_with_new_ids_match_by_name() -> None:
    old = MapDocument()
    old.add_element("Card Payments", 0.7, 0.4)
    redrawn = MapDocument()
    redrawn.insert_element(old.element("card-payments").model_copy(update={"id": "pay-1", "name": "card  payments", "evolution": 0.8}))
    diff = compare_maps(old.map, redrawn.map)
    assert diff.added == [] and diff.removed == []
    assert diff.to_json()["moved"] == [{"name": "card  payments", "from": [0.7, 0.4], "to": [0.8, 0.4]}]
    assert diff.matches == {"pay-1": "card-payments"}


def test_identical_maps_have_no_differences() -> None:
    wardley_map = load_map(EXAMPLE).map
    assert compare_maps(wardley_map, wardley_map).unchanged


def write_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = edited()
    old_path, new_path = tmp_path / "old.wardley.json", tmp_path / "new.wardley.json"
    save_map(old_path, old.map)
    save_map(new_path, new.map)
    return old_path, new_path


def test_diff_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old_path, new_path = write_pair(tmp_path)
    assert main(["diff", str(old_path), str(new_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["added"] == ["Chatbot"] and data["removed"] == ["Public Wi-Fi"]


def test_diff_cli_text_lists_workshop_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = workshop_edits()
    save_map(tmp_path / "old.wardley.json", old.map)
    save_map(tmp_path / "new.owm", new.map)
    assert main(["diff", str(tmp_path / "old.wardley.json"), str(tmp_path / "new.owm")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "changed  Event booking: kind component -> need",
        "changed  Event booking: confidence low -> high",
        "changed  Payments: method none -> buy",
        "changed  Payments: inertia marked",
        "changed  Payments: rationale (why here) edited",
        "linked   Community outreach -> Notifications",
        "unlinked Public Wi-Fi -> Branch buildings",
        "evolve   Payments: evolve arrow added, to 0.95",
        "evolve   Branch buildings: evolve arrow to 0.60 removed",
    ]


def test_diff_cli_text_names_the_stage_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old_path, new_path = write_pair(tmp_path)
    assert main(["diff", str(old_path), str(new_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "moved    Payments: evolution 0.78 -> 0.90, visibility 0.40 -> 0.40" in out
    assert "renamed  Event booking -> Council booking" in out
    assert "added    Chatbot" in out and "removed  Public Wi-Fi" in out


def test_diff_between_snapshots_in_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = MapDocument(load_map(EXAMPLE).map)
    document.add_snapshot("session 1")
    document.move_element("hosting", 0.95, 0.15)
    document.add_snapshot("session 2")
    path = tmp_path / "coached.wardley.json"
    save_map(path, document.map)
    assert main(["diff", f"{path}#session 1", f"{path}#session 2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["moved"] == [{"name": "Hosting", "from": [0.92, 0.15], "to": [0.95, 0.15]}]
    assert main(["diff", f"{path}#session 9", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: no snapshot named 'session 9' (snapshots: 'session 1', 'session 2')\n"


def test_diff_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "a.wardley.json"), str(EXAMPLE)]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'a.wardley.json'}: no such file\n"

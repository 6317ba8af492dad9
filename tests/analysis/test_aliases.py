import json
from pathlib import Path

import pytest

from wardley.analysis import ALIASES_FILE_NAME, add_keep_apart, add_merge, analyse_library, analyse_maps, load_aliases
from wardley.analysis.aliases import Aliases
from wardley.io import MapFileError, save_map
from tests.analysis.builders import service_map


def two_maps():
    return [("a", service_map("A", [("Take a card", 0.8, 0.5), ("Parking kiosk", 0.5, 0.4)])),
            ("b", service_map("B", [("GOV.UK Pay", 0.8, 0.5), ("ParkPay", 0.7, 0.4)]))]


def test_add_merge_creates_the_file_and_does_not_repeat_names(tmp_path: Path):
    path = tmp_path / ALIASES_FILE_NAME
    add_merge(path, "Payments", ["Take a card"])
    add_merge(path, "Payments", ["take a CARD", "Card machine"])
    data = json.loads(path.read_text())
    assert data["format"] == "wardley-aliases"
    assert data["merges"] == {"Payments": ["Take a card", "Card machine"]}
    assert load_aliases(path).lookup("Card machines").capability == "Payments"


def test_a_confirmed_merge_changes_the_analysis(tmp_path: Path):
    before = analyse_maps(two_maps())
    assert before.capability("Take a card") is not None
    path = tmp_path / ALIASES_FILE_NAME
    aliases = add_merge(path, "Payments", ["Take a card"])
    after = analyse_maps(two_maps(), aliases=aliases)
    assert after.capability("Take a card") is None
    assert sorted(p.name for p in after.capability("Payments").placements) == ["GOV.UK Pay", "Take a card"]


def test_products_in_the_aliases_file_count_as_implementations(tmp_path: Path):
    aliases = add_merge(tmp_path / ALIASES_FILE_NAME, "Payments", ["ParkPay"], products=True)
    payments = analyse_maps(two_maps(), aliases=aliases).capability("Payments")
    assert payments.implementations == ["GOV.UK Pay", "ParkPay"]
    assert "duplicated-supply" in payments.badges


def test_merging_a_whole_capability_moves_all_its_names():
    aliases = Aliases(merges={"Parking kiosk": ["Payments"]})
    report = analyse_maps(two_maps(), aliases=aliases)
    assert report.capability("Payments") is None
    names = sorted(p.name for p in report.capability("Parking kiosk").placements)
    assert names == ["GOV.UK Pay", "Parking kiosk"]


def test_keep_apart_is_recorded_once(tmp_path: Path):
    path = tmp_path / ALIASES_FILE_NAME
    add_keep_apart(path, "Permit enforcement", "Permit enforcment")
    add_keep_apart(path, "permit enforcment", "PERMIT ENFORCEMENT")
    assert json.loads(path.read_text())["keep_apart"] == [["Permit enforcement", "Permit enforcment"]]


def test_the_folder_aliases_file_is_used_by_default(tmp_path: Path):
    for path, wardley_map in two_maps():
        save_map(tmp_path / f"{path}.wardley.json", wardley_map)
    add_merge(tmp_path / ALIASES_FILE_NAME, "Payments", ["Take a card"])
    report = analyse_library([tmp_path])
    assert report.capability("Take a card") is None


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not valid JSON"),
    ('{"merges": {"Payments": "Take a card"}}', "$.merges.Payments: must be a list of non-empty names"),
    ('{"keep_apart": [["a", "b", "c"]]}', "$.keep_apart[0]: must hold exactly two names"),
    ('{"colour": "red"}', "$.colour: unknown field"),
    ('{"format": "wardley-map"}', "$.format: must be 'wardley-aliases'"),
])
def test_a_broken_aliases_file_names_the_place(tmp_path: Path, text, message):
    path = tmp_path / ALIASES_FILE_NAME
    path.write_text(text)
    with pytest.raises(MapFileError) as caught:
        load_aliases(path)
    assert message in caught.value.lines()[0]
    assert caught.value.lines()[0].startswith(str(path))


def test_a_room_can_split_a_name_out_and_rename_a_capability(tmp_path):
    from tests.analysis.builders import service_map
    from wardley.analysis import add_rename, add_split, analyse_library
    from wardley.io import save_map

    for index, name in enumerate(["Waste back office (Whitespace)", "Waste back office (Bartec)", "Bin day lookup"]):
        save_map(tmp_path / f"m{index}.wardley.json", service_map(f"Council {index}", [(name, 0.7, 0.5)]))
    path = tmp_path / "wardley-aliases.json"
    add_split(path, "Waste back office (Bartec)")
    add_rename(path, "Waste collection management", "Refuse back office")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["split"] == ["Waste back office (Bartec)"]
    assert saved["renames"] == {"Waste collection management": "Refuse back office"}
    report = analyse_library([tmp_path])  # picked up from the folder
    renamed = report.capability("Refuse back office")
    assert [p.name for p in renamed.placements] == ["Waste back office (Whitespace)"]
    alone = report.capability("Waste back office (Bartec)")
    assert [p.name for p in alone.placements] == ["Waste back office (Bartec)"]
    # renaming the renamed capability again replaces the name, and the file still loads
    add_rename(path, "Refuse back office", "Refuse and recycling back office")
    assert load_aliases(path).renames == {"Waste collection management": "Refuse and recycling back office"}


def test_bad_split_and_renames_are_reported_with_their_place(tmp_path):
    path = tmp_path / "wardley-aliases.json"
    path.write_text('{"split": "x", "renames": {"A": ""}}', encoding="utf-8")
    with pytest.raises(MapFileError) as error:
        load_aliases(path)
    text = "\n".join(error.value.lines())
    assert "$.split" in text and "$.renames.A" in text

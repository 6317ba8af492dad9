"""The analysis dock in the real window: tiers, highlighting, merge decisions, Markdown export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.ui.shell_support import manager, shell_env, write_map  # noqa: F401 - fixtures

from wardley.analysis import ALIASES_FILE_NAME, analyse_library
from wardley.model import WardleyMap
from wardley.ui.editor_document import EditorDocument

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "analysis" / "eval_library"
WASTE = ROOT / "maps" / "household-waste.wardley.json"


def _open(manager, path: Path):  # type: ignore[no-untyped-def]
    window = manager.open_editor(EditorDocument.open(path))
    window.analysis.toggleViewAction().trigger()
    return window


def _eval_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(EVAL, folder)
    return folder


def test_showing_the_panel_analyses_the_open_map(manager, tmp_path: Path) -> None:
    window = _open(manager, WASTE)
    panel = window.analysis
    tiers = panel.tier_names()
    # what the map rests on comes first: Hosting, the most depended on, just misses strong
    assert tiers["strong"] == ["Address lookup"] and tiers["possible"][0] == "Hosting"
    assert "Notifications" in tiers["possible"]
    assert "Round scheduling" in tiers["none"]
    assert panel.scope.text().startswith("This map: ")


def test_a_folder_lists_the_expected_tiers(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-parking-permits.wardley.json")
    panel = window.analysis
    panel.ask_folder = lambda parent, start: folder
    panel.run_folder_button.click()
    expected = json.loads((EVAL / "expected.json").read_text(encoding="utf-8"))
    tiers = panel.tier_names()
    listed_tier = {name: tier for tier, names in tiers.items() for name in names}
    checked = [name for name, wanted in expected["capabilities"].items() if "tier" in wanted and name in listed_tier]
    assert {"Payments", "Notifications", "Address lookup", "Hosting", "Online forms"} <= set(checked)
    for name in checked:
        assert listed_tier[name] in expected["capabilities"][name]["tier"], name
    # The panel lists what the analysis says, in its order.
    report = analyse_library([folder])
    assert tiers == {t: [c.name for c in report.capabilities if c.tier == t] for t in ("strong", "possible", "none")}
    assert f"{expected['maps']} maps" in panel.scope.text()


def test_selecting_a_capability_highlights_it_and_the_needs_it_serves(manager, tmp_path: Path) -> None:
    window = _open(manager, WASTE)
    panel = window.analysis
    panel.select_capability("Address lookup")
    lit = window.view.map_scene.highlighted()
    assert lit == {"address-lookup", "book-a-bulky-waste-collection", "know-my-collection-day", "report-a-missed-bin"}
    assert "Address lookup is a strong candidate" in panel.detail.text()
    panel.select_capability(None)
    assert window.view.map_scene.highlighted() == frozenset()


def test_in_a_folder_the_ids_are_those_on_the_open_map(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    path = folder / "riverton-parking-permits.wardley.json"
    window = _open(manager, path)
    panel = window.analysis
    assert panel.run_on_folder(folder)
    panel.select_capability("Payments")
    report = analyse_library([folder])
    wanted = report.highlight("Payments", str(path))
    assert wanted.element_ids
    assert window.view.map_scene.highlighted() == {*wanted.element_ids, *wanted.need_ids}
    assert all(window.editor.document.has_element(i) for i in window.view.map_scene.highlighted())
    # A capability not drawn on this map lights nothing up and says so.
    absent = next(c.name for c in report.capabilities if str(path) not in c.maps)
    panel.select_capability(absent)
    assert window.view.map_scene.highlighted() == frozenset()
    assert "Not on the open map" in panel.detail.text()


def test_hiding_the_panel_clears_the_highlight(manager, tmp_path: Path) -> None:
    window = _open(manager, WASTE)
    window.analysis.select_capability("Hosting")
    assert window.view.map_scene.highlighted()
    window.analysis.toggleViewAction().trigger()
    assert window.view.map_scene.highlighted() == frozenset()


def test_confirming_a_merge_writes_the_aliases_file_and_reruns(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-planning.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    assert panel.merges.count() == 1
    names = tuple(panel.merges.item(0).data(256))
    assert set(names) == {"Document storage", "Documnet management"}
    panel.merges.setCurrentRow(0)
    assert panel.same_button.isEnabled()
    panel.same_button.click()
    saved = json.loads((folder / ALIASES_FILE_NAME).read_text(encoding="utf-8"))
    assert saved["merges"] == {"Document storage": ["Documnet management"]}
    assert panel.merges.count() == 0, "the analysis ran again with the merge"
    assert "Documnet management" not in sum(panel.tier_names().values(), [])


def test_rejecting_a_merge_records_it_and_it_is_not_suggested_again(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-planning.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    panel.merges.setCurrentRow(0)
    panel.different_button.click()
    saved = json.loads((folder / ALIASES_FILE_NAME).read_text(encoding="utf-8"))
    assert len(saved["keep_apart"]) == 1
    assert set(saved["keep_apart"][0]) == {"Document storage", "Documnet management"}
    assert panel.merges.count() == 0
    assert {"Document storage", "Documnet management"} <= set(sum(panel.tier_names().values(), []))


def test_decisions_on_an_unsaved_map_last_the_session(manager, tmp_path: Path) -> None:
    wardley_map = WardleyMap.model_validate({"elements": [
        {"id": "a", "name": "Tree survey register", "evolution": 0.7, "visibility": 0.5},
        {"id": "b", "name": "Tree survey registr", "evolution": 0.7, "visibility": 0.4},
    ]})
    window = manager.open_editor(EditorDocument(wardley_map))
    window.analysis.toggleViewAction().trigger()
    panel = window.analysis
    assert panel.merges.count() == 1
    panel.merges.setCurrentRow(0)
    panel.same_button.click()
    assert panel.merges.count() == 0
    assert sum(panel.tier_names().values(), []) == ["Tree survey register"]
    assert not any(tmp_path.rglob(ALIASES_FILE_NAME))


def test_markdown_export_writes_the_report(manager, tmp_path: Path) -> None:
    window = _open(manager, WASTE)
    panel = window.analysis
    panel.ask_save_path = lambda parent, suggested: tmp_path / "notes"
    written = panel.export_dialog()
    assert written == tmp_path / "notes.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Shared-platform analysis") and "Address lookup" in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["notes.md"], "no temporary file left"


def test_names_and_sentences_are_shown_literally(manager, tmp_path: Path) -> None:
    wardley_map = WardleyMap.model_validate({"elements": [
        {"id": "u", "kind": "user", "name": "Resident", "evolution": 0.5, "visibility": 0.95},
        {"id": "n", "kind": "need", "name": "Do a thing", "evolution": 0.5, "visibility": 0.8},
        {"id": "x", "name": "<b>x</b>", "evolution": 0.9, "visibility": 0.3},
    ], "links": [{"source": "u", "target": "n"}, {"source": "n", "target": "x"}]})
    window = manager.open_editor(EditorDocument(wardley_map))
    window.analysis.toggleViewAction().trigger()
    panel = window.analysis
    listed = sum(panel.tier_names().values(), [])
    assert "<b>x</b>" in listed
    panel.select_capability("<b>x</b>")
    assert "<b>x</b>" in panel.detail.text()
    from PySide6.QtCore import Qt

    assert panel.detail.textFormat() == Qt.TextFormat.PlainText


def test_editing_the_map_reruns_the_analysis(manager, qtbot, tmp_path: Path) -> None:
    window = _open(manager, WASTE)
    panel = window.analysis
    panel.select_capability("Hosting")
    window.view.editor.rename("hosting", "Cloud hosting")
    assert panel.rerun_timer.isActive()
    panel.rerun_timer.timeout.emit()
    assert panel.report is not None
    assert any(p.name == "Cloud hosting" for c in panel.report.capabilities for p in c.placements)
    assert panel.selected_capability() == "Hosting", "the selection survives a re-run"


def test_a_folder_rerun_reads_again_only_changed_files(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-planning.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    other = folder / "riverton-garden-waste.wardley.json"
    data = json.loads(other.read_text(encoding="utf-8"))
    data["elements"][-1]["name"] = "Quantum ledger"
    other.write_text(json.dumps(data), encoding="utf-8")
    panel.rerun()
    assert "Quantum ledger" in sum(panel.tier_names().values(), [])


def test_a_suggestion_shows_why_and_accept_reject_name_the_decision(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-planning.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    panel.merges.setCurrentRow(0)
    assert "'document' and 'documnet' look like one word spelt two ways" in panel.merge_reason.text()
    assert panel.same_button.text().startswith("&Accept") and panel.different_button.text().startswith("&Reject")


def test_renaming_a_capability_from_the_panel_persists_and_reruns(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-parking-permits.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    panel.select_capability("Payments")
    assert panel.rename_button.isEnabled()
    panel.ask_new_name = lambda parent, current: "Card and online payments"
    panel.rename_button.click()
    saved = json.loads((folder / ALIASES_FILE_NAME).read_text(encoding="utf-8"))
    assert saved["renames"] == {"Payments": "Card and online payments"}
    names = sum(panel.tier_names().values(), [])
    assert "Card and online payments" in names and "Payments" not in names
    assert panel.selected_capability() == "Card and online payments"
    # the command line reads the same decision from the folder
    assert analyse_library([folder]).capability("Card and online payments") is not None


def test_splitting_a_name_out_of_a_capability_from_the_panel(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-parking-permits.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    payments = panel.report.capability("Payments")
    names = sorted({p.name for p in payments.placements})
    assert len(names) > 1
    panel.select_capability("Payments")
    assert panel.split_button.isEnabled()
    offered: list[list[str]] = []
    panel.ask_split_name = lambda parent, choices: offered.append(choices) or choices[-1]
    panel.split_button.click()
    assert offered == [names]
    saved = json.loads((folder / ALIASES_FILE_NAME).read_text(encoding="utf-8"))
    assert saved["split"] == [names[-1]]
    assert names[-1] not in {p.name for p in panel.report.capability("Payments").placements}
    assert panel.report.capability(names[-1]) is not None


def test_export_draws_the_spread_picture_when_a_picture_type_is_chosen(manager, tmp_path: Path) -> None:
    folder = _eval_copy(tmp_path)
    window = _open(manager, folder / "riverton-parking-permits.wardley.json")
    panel = window.analysis
    assert panel.run_on_folder(folder)
    panel.ask_save_path = lambda parent, suggested: tmp_path / "spread.svg"
    written = panel.export_dialog()
    assert written == tmp_path / "spread.svg"
    svg = written.read_text(encoding="utf-8")
    assert "<svg" in svg and "Riverton" in svg and "Payments" in svg
    panel.ask_save_path = lambda parent, suggested: tmp_path / "spread.png"
    assert panel.export_dialog().read_bytes().startswith(b"\x89PNG")

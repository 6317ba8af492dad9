"""The review loop end to end through the command line: a room's decisions, written to the aliases
file beside the library (as the analysis panel writes them), change the next `wardley analyse` run."""

import json
import subprocess
import sys
from pathlib import Path

from tests.analysis.builders import service_map
from wardley.analysis import ALIASES_FILE_NAME, add_keep_apart, add_merge, add_rename, add_split
from wardley.io import save_map

PARTS = {
    "eastvale": [("Fly tipping enforcement", 0.4, 0.5), ("Grave register", 0.5, 0.4),
                 ("Waste back office (Whitespace)", 0.7, 0.5), ("Card payments", 0.85, 0.3, "buy")],
    "riverton": [("Fly tipping enforcment", 0.45, 0.5), ("Grave registery", 0.55, 0.4),
                 ("Waste back office (Bartec)", 0.7, 0.5), ("Payments module (built in-house)", 0.3, 0.3, "build")],
}


def library(folder: Path) -> Path:
    folder.mkdir()
    for name, parts in PARTS.items():
        save_map(folder / f"{name}.wardley.json", service_map(name.title(), parts))
    return folder


def analyse(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "wardley", "analyse", *argv, "--format", "json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def capability_of(report: dict, component: str) -> dict:
    return next(c for c in report["capabilities"] if component in [p["name"] for p in c["placements"]])


def test_accept_reject_rename_and_split_persist_and_apply_on_the_next_run(tmp_path: Path):
    folder = library(tmp_path / "library")
    before = analyse(str(folder))
    suggested = {tuple(merge["names"]) for merge in before["suggested_merges"]}
    assert suggested == {("Fly tipping enforcement", "Fly tipping enforcment"), ("Grave register", "Grave registery")}
    assert capability_of(before, "Waste back office (Bartec)")["name"] == "Waste collection management"

    path = folder / ALIASES_FILE_NAME
    add_merge(path, "Fly tipping enforcement", ["Fly tipping enforcment"])  # Accept
    add_keep_apart(path, "Grave register", "Grave registery")  # Reject
    add_split(path, "Waste back office (Bartec)")  # Split
    add_rename(path, "Payments", "Card payments service")  # Rename

    after = analyse(str(folder))  # the file beside the maps is picked up with no flag
    assert after["suggested_merges"] == []
    accepted = capability_of(after, "Fly tipping enforcment")
    assert sorted(p["name"] for p in accepted["placements"]) == ["Fly tipping enforcement", "Fly tipping enforcment"]
    assert capability_of(after, "Grave register")["name"] != capability_of(after, "Grave registery")["name"]
    assert capability_of(after, "Waste back office (Bartec)")["name"] == "Waste back office (Bartec)"
    assert [p["name"] for p in capability_of(after, "Waste back office (Whitespace)")["placements"]] == [
        "Waste back office (Whitespace)"]
    renamed = capability_of(after, "Card payments")
    assert renamed["name"] == "Card payments service"
    # Renamed, it is still the vocabulary's Payments: the in-house module hears the national platform.
    assert "custom-built-commodity" in renamed["badges"] and "GOV.UK Pay" in renamed["explanation"]
    assert not any(c["name"] == "Payments" for c in after["capabilities"])


def test_the_same_decisions_apply_from_a_file_named_with_aliases(tmp_path: Path):
    folder = library(tmp_path / "library")
    elsewhere = tmp_path / "decisions.json"
    add_keep_apart(elsewhere, "Grave register", "Grave registery")
    add_split(elsewhere, "Waste back office (Bartec)")
    report = analyse(str(folder), "--aliases", str(elsewhere))
    assert [tuple(m["names"]) for m in report["suggested_merges"]] == [
        ("Fly tipping enforcement", "Fly tipping enforcment")]
    assert capability_of(report, "Waste back office (Bartec)")["name"] == "Waste back office (Bartec)"
    # Without the flag, the folder has no file of its own: the suggestions come back.
    assert len(analyse(str(folder))["suggested_merges"]) == 2


def test_a_rejected_pair_stays_apart_after_one_of_them_is_renamed(tmp_path: Path):
    folder = library(tmp_path / "library")
    path = folder / ALIASES_FILE_NAME
    add_keep_apart(path, "Grave register", "Grave registery")
    add_rename(path, "Grave register", "Burial register")
    report = analyse(str(folder))
    assert capability_of(report, "Grave register")["name"] == "Burial register"
    assert all("Burial register" not in merge["names"] for merge in report["suggested_merges"])

"""Words a report can use: every map listed, maps named by title, the same JSON bytes every run."""

import os
import subprocess
import sys

from tests.analysis.builders import make_map, service_map
from wardley.analysis import analyse_maps, report_to_csv, report_to_markdown, report_to_text
from wardley.io import save_map


def test_markdown_and_csv_list_every_map_by_title():
    maps = [(f"maps/council-{i}.wardley.json", service_map(f"Council {i} parking", [("GOV.UK Pay", 0.85, 0.5)]))
            for i in range(12)]
    report = analyse_maps(maps)
    markdown = report_to_markdown(report)
    assert all(f"Council {i} parking" in markdown.split("###")[1].split("|")[0] for i in range(12))
    assert "more" not in markdown
    csv = report_to_csv(report)
    assert all(f"maps/council-{i}.wardley.json" in csv for i in range(12))


def test_map_checks_name_maps_by_title_not_path():
    lonely = make_map("Blue badge renewals", ["Applicant"], [("Renew my badge", 0.5, 0.9)],
                      [("Evidence check", 0.4, 0.5), ("Stray spreadsheet", 0.4, 0.3)],
                      [("Applicant", "Renew my badge"), ("Renew my badge", "Evidence check")])
    report = analyse_maps([("/some/folder/bb-renewals.wardley.json", lonely)])
    assert [issue.kind for issue in report.lint].count("unreached") == 1
    for text in (report_to_markdown(report), report_to_text(report)):
        checks = text.split("heck")[-1]
        assert "Blue badge renewals" in checks and "/some/folder" not in checks


def loop_map(index: int):
    names = [f"Step {letter}" for letter in "ABCDEF"]
    links = [("User", "Need"), ("Need", "Step A")]
    links += [(first, second) for first in names for second in names if first != second]  # many loops
    return make_map(f"Loops {index}", ["User"], [("Need", 0.5, 0.9)], [(name, 0.5, 0.5) for name in names], links)


def test_json_is_the_same_bytes_whatever_the_hash_seed(tmp_path):
    for index in range(3):
        save_map(tmp_path / f"loops-{index}.wardley.json", loop_map(index))
    save_map(tmp_path / "pay.wardley.json", service_map("Pay", [("Pay360", 0.8, 0.5), ("Adress lookup", 0.7, 0.4)]))
    save_map(tmp_path / "addr.wardley.json", service_map("Addr", [("Address lookup", 0.7, 0.4)]))
    outputs = []
    for seed in ("1", "4242"):
        result = subprocess.run([sys.executable, "-m", "wardley", "analyse", str(tmp_path), "--format", "json"],
                                capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.append(result.stdout)
    assert b"dependency loop" in outputs[0]
    assert outputs[0] == outputs[1]

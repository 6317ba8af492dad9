"""A sector's library: read in worker processes, with the same report and the same errors as one by one."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from tests.analysis.builders import make_map, service_map
from wardley.analysis import analyse_library, report_to_json
from wardley.analysis import checked_maps
from wardley.analysis.checked_maps import PARALLEL_FROM, check_files
from wardley.analysis.graph import map_graph
from wardley.analysis.library import map_files
from wardley.io import save_map
from wardley.io.json_format import map_from_data, parse_json_map
from wardley.io.problems import MapFileError, Problem

SHARED = [("GOV.UK Pay", 0.85, 0.5), ("Pay360", 0.8, 0.5), ("Adress lookup", 0.7, 0.4),
          ("Address lookup (OS Places)", 0.75, 0.4), ("Notifications", 0.9, 0.3)]


def council_map(index: int, rng: random.Random):
    """A map with shared parts, names of its own, and (on some maps) a dependency loop."""
    parts = rng.sample(SHARED, 2) + [(f"Permit {rng.choice(['register', 'renewal', 'audit'])} {index % 7}",
                                      round(rng.random(), 4), 0.6, rng.choice(["build", "buy", "none"]))]
    wardley_map = service_map(f"Council {index}", parts, needs=2)
    if index % 9 == 0:
        looped = make_map(f"Council {index}", ["User"], [("Need", 0.5, 0.9)],
                          [("Step A", 0.5, 0.5), ("Step B", 0.5, 0.4), ("Step C", 0.4, 0.3)],
                          [("User", "Need"), ("Need", "Step A"), ("Step A", "Step B"), ("Step B", "Step C"),
                           ("Step C", "Step A"), ("Step B", "Step A")])
        return looped
    return wardley_map


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough maps for the command to read them in worker processes."""
    folder = tmp_path_factory.mktemp("sector")
    rng = random.Random(7)
    for index in range(PARALLEL_FROM + 10):
        save_map(folder / f"council-{index:03}.wardley.json", council_map(index, rng))
    return folder


def analyse_command(*args: str, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wardley", "analyse", *args], capture_output=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}, timeout=600)


def test_the_command_reads_many_maps_in_workers_and_reports_the_same_bytes_as_one_by_one(sector, monkeypatch):
    assert checked_maps._worker_count(len(map_files([sector]))) >= 2 or checked_maps._cpus() < 2
    monkeypatch.setattr(checked_maps, "PARALLEL_FROM", 10**9)  # in this process: one by one
    serial = report_to_json(analyse_library([sector])).encode("utf-8")
    first, second = analyse_command(str(sector), "--format", "json", seed="1"), \
        analyse_command(str(sector), "--format", "json", seed="4242")
    assert (first.returncode, first.stderr) == (0, b"")
    assert first.stdout == serial
    assert second.stdout == serial  # and whatever the hash seed
    data = json.loads(serial)
    assert len(data["maps"]) == PARALLEL_FROM + 10
    assert any("dependency loop" in issue["message"] for issue in data["lint"])
    assert any(merge["names"] for merge in data["suggested_merges"])


def test_workers_give_the_same_graphs_and_checks_as_one_by_one(sector):
    files = map_files([sector])[:40]
    serial, parallel = check_files(files, workers=1), check_files(files, workers=2)
    assert [(path, graph.title, graph.succ, graph.pred, graph.roles, graph.elements, graph.needs_served, lint)
            for path, graph, lint in serial] == \
        [(path, graph.title, graph.succ, graph.pred, graph.roles, graph.elements, graph.needs_served, lint)
         for path, graph, lint in parallel]


def test_workers_started_afresh_as_on_windows_and_macos(sector, monkeypatch):
    # spawn: each worker imports wardley anew and finds the worker function by name.
    monkeypatch.setattr(checked_maps, "_context", lambda: multiprocessing.get_context("spawn"))
    files = map_files([sector])[:6]
    assert [item[2] for item in check_files(files, workers=2)] == [item[2] for item in check_files(files, workers=1)]


def test_a_broken_file_among_many_stops_the_command_with_one_line_naming_it(sector, tmp_path):
    for path in sector.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "council-150.wardley.json").write_text('{"format": "wardley-map", "version": 1, "elements": [}')
    (tmp_path / "council-180.wardley.json").write_text("")  # a later one: the first in file order is named
    result = analyse_command(str(tmp_path), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "council-150.wardley.json" in lines[0] and "not valid JSON" in lines[0]
    assert "Traceback" not in result.stderr.decode()


def test_a_map_file_error_travels_between_processes_whole():
    error = MapFileError("a.wardley.json", [Problem(f"$.elements[{i}]", "bad") for i in range(150)], more=3)
    back = pickle.loads(pickle.dumps(error))
    assert (back.source, back.problems, back.more, back.summary()) == \
        (error.source, error.problems, error.more, error.summary())


RICH = {
    "format": "wardley-map", "version": 1, "title": "Rich",
    "elements": [{"id": "u", "kind": "user", "name": "User", "evolution": 0.5, "visibility": 0.9},
                 {"id": "a", "name": "A", "evolution": 0.2, "visibility": 0.5, "method": "build"},
                 {"id": "b", "name": "B", "evolution": 0.7, "visibility": 0.3}],
    "links": [{"source": "u", "target": "a"}, {"source": "a", "target": "b", "flow": True}],
    "evolves": [{"element": "a", "evolution": 0.4}],
    "pipelines": [{"element": "b", "start": 0.5, "end": 0.9, "members": ["a"]}],
    "notes": [{"id": "n1", "text": "why", "evolution": 0.1, "visibility": 0.1}],
    "snapshots": [{"name": "before", "content": {"elements": [
        {"id": "x", "name": "X", "evolution": 0.1, "visibility": 0.1}]}}],
}


@pytest.mark.parametrize("change", [
    lambda d: d,
    lambda d: d["links"].append({"source": "a", "target": "zz"}),
    lambda d: d["links"].append({"source": "a", "target": "b"}),
    lambda d: d["links"].append({"source": "a", "target": "a"}),
    lambda d: d["elements"].append({"id": "a", "name": "Again", "evolution": 0.1, "visibility": 0.1}),
    lambda d: d["notes"].append({"id": "a", "text": "t", "evolution": 0.1, "visibility": 0.1}),
    lambda d: d["evolves"].append({"element": "a", "evolution": 0.9}),
    lambda d: d["elements"][1].update(evolution=2, colour="red"),
    lambda d: d["snapshots"][0]["content"]["elements"].append({"id": "x", "name": "X", "evolution": 0.1,
                                                               "visibility": 0.1}),
])
def test_one_pass_reading_gives_the_same_map_or_the_same_problems(change):
    def read(one_pass: bool) -> object:
        data = json.loads(json.dumps(RICH))
        change(data)
        try:
            return map_from_data(data, "m.wardley.json", one_pass=one_pass)
        except MapFileError as error:
            return error.lines()

    assert read(True) == read(False)
    assert parse_json_map(json.dumps(RICH), "m.wardley.json") == map_from_data(RICH, "m.wardley.json")


def test_map_graph_walks_agree_with_networkx():
    rng = random.Random(3)
    for trial in range(30):
        names = [f"C{k}" for k in range(12)]
        links = [("User", "Need A"), ("User", "Need B"), ("Need A", "C0"), ("Need B", "C5")]
        links += list({(rng.choice(names), rng.choice(names)) for _ in range(20)})
        links = [(s, t) for s, t in dict.fromkeys(links) if s != t]
        wardley_map = make_map(f"M{trial}", ["User"], [("Need A", 0.5, 0.9), ("Need B", 0.5, 0.9)],
                               [(name, 0.5, 0.5) for name in names], links)
        graph = map_graph(wardley_map)
        reference = graph.graph
        assert list(reference.edges) == graph.edges
        assert graph.is_acyclic() == nx.is_directed_acyclic_graph(reference)
        for key in graph.components:
            reached = {need for need in graph.needs if key in nx.descendants(reference, need)}
            assert graph.needs_served[key] == reached
            above = [n for n in nx.ancestors(reference, key) if graph.roles[n] == "component"]
            assert graph.fan_in(key) == len(above) / (len(graph.components) - 1)
            assert graph.dependents(key) == reference.in_degree(key)


def test_json_to_a_terminal_still_escapes_control_characters_from_map_names(tmp_path):
    # The JSON encoder escapes C0 characters itself; C1 ones (ESC's 8-bit twin) it leaves as they are.
    save_map(tmp_path / "a.wardley.json", service_map("Sly", [("Pay\u009b31m", 0.8, 0.5)]))
    result = analyse_command(str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert "\u009b".encode() not in result.stdout
    assert b"Pay\\x9b31m" in result.stdout
    plain = analyse_command(str(tmp_path), "--format", "json", "-o", str(tmp_path / "report.json"))
    assert plain.returncode == 0 and "\u009b".encode() in (tmp_path / "report.json").read_bytes()

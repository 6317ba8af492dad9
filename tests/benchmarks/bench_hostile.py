"""Hostile files within the limits (issue 16): what refusing them costs, as a whole process.

    .venv/bin/python tests/benchmarks/bench_hostile.py

Each file is given to ``wardley validate`` in a child process; its CPU time and peak memory come
from the child's own resource usage (``os.wait4``). The floor is the same command on a valid file
of the same records, measured in the same run. Then the OWM writer on maps of 1k to 100k elements,
against the JSON writer on the same maps (a linear peer): the ratio must stay flat as maps grow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.hostile_files import many_unknown_keys, owm_components, owm_links, valid_notes  # noqa: E402


def run_validate(path: Path) -> tuple[float, float, float, int, str]:
    """(CPU seconds, wall seconds, peak MB, exit code, first stderr line)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "wardley", "validate", str(path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, child.returncode, (err.splitlines() or [""])[0]


def files() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        cases = [
            ("valid: 99,999 notes (floor)", valid_notes(base / "valid.wardley.json")),
            ("99,999 notes x 40 unknown keys", many_unknown_keys(base / "keys.wardley.json")),
            ("OWM: 1,000,000 components", owm_components(base / "components.owm")),
            ("OWM: 1,000,000 links", owm_links(base / "links.owm")),
        ]
        print("| file | size | exit | CPU | wall | peak memory | first line |")
        print("|---|---|---|---|---|---|---|")
        for name, path in cases:
            cpu, wall, peak, code, line = run_validate(path)
            size = path.stat().st_size / 1e6
            print(f"| {name} | {size:.0f} MB | {code} | {cpu:.2f} s | {wall:.2f} s | {peak:.0f} MB | `{line[len(str(path)) + 2:][:70]}` |")


def writer() -> None:
    from wardley.io.json_format import dump_json_map
    from wardley.io.owm import format_owm
    from wardley.model.entities import Element, Link, Pipeline, WardleyMap

    def best(fn: object, runs: int) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return min(times)

    print("\n| elements | OWM writer | JSON writer (peer) | ratio |")
    print("|---|---|---|---|")
    for n in (1_000, 2_000, 4_000, 10_000, 99_999):
        elements = [Element(id=f"e{i}", name=f"Element {i}", evolution=0.5, visibility=0.5) for i in range(n)]
        links = [Link(source=f"e{i}", target=f"e{i + 1}") for i in range(0, n - 1, 2)]
        pipelines = [Pipeline(element=f"e{i}", start=0.2, end=0.6, members=[f"e{i + 1}"]) for i in range(0, n - 1, 10)]
        wardley_map = WardleyMap(elements=elements, links=links, pipelines=pipelines)
        runs = 3 if n < 50_000 else 1
        owm = best(lambda: format_owm(wardley_map), runs)
        js = best(lambda: dump_json_map(wardley_map), runs)
        print(f"| {n:,} | {owm:.3f} s | {js:.3f} s | {owm / js:.2f} |")


if __name__ == "__main__":
    files()
    writer()

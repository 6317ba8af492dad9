"""What keeping typed OWM text costs: a change from the canvas shown in the text dock.

    .venv/bin/python tests/benchmarks/bench_owm_rewrite.py

Each run is a child process doing one thing N times on a generated map (as ``bench_owm.py``
makes them), timed as the child's CPU (user + system, ``RUSAGE_CHILDREN``); the runs go in
turn, round after round, so load on the machine falls on all of them alike:

- ``setup``: read the map and make the N changed maps (subtracted from the others);
- ``fresh``: write each changed map's text afresh (``format_owm``: the text dock before
  issue 13, which rewrote typed lines);
- ``kept``: rewrite only the changed lines of the text (:class:`Rewriter`), change after
  change, as a drag or a run of nudges does;
- ``kept, first``: the same with nothing remembered (the first change after typing).

Each change moves one element (a different one each time). Prints a Markdown table: CPU ms a
change (median of the rounds) and the ratio to ``fresh``.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5
CHANGES = {100: 40, 500: 20, 2000: 10}
MODES = ("setup", "fresh", "kept", "kept, first")


def child(mode: str, lines: int, changes: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.benchmarks.bench_owm import generated_text
    from wardley.io.owm import format_owm, parse_owm
    from wardley.model import WardleyMap
    from wardley.ui.panels.owm_rewrite import Rewriter

    current = parse_owm(generated_text(lines)).map
    text, shown = format_owm(current), current.model_dump_json()
    maps = []
    for step in range(changes):
        data = current.model_dump()
        element = data["elements"][(step * 7) % len(data["elements"])]
        element["evolution"] = round(1 - element["evolution"], 4)
        current = WardleyMap.model_validate(data)
        maps.append((current, current.model_dump_json()))
    rewriter = Rewriter()
    for new, new_json in maps:
        if mode == "fresh":
            format_owm(new)
        elif mode in ("kept", "kept, first"):
            result = (rewriter if mode == "kept" else Rewriter()).rewrite(text, shown, new, new_json)
            assert result is not None, "the rewrite fell back to writing afresh"
            text, shown = result[0], new_json


def cpu_of(mode: str, lines: int, changes: int) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, __file__, "--child", mode, str(lines), str(changes)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    print("| map | write afresh (before) | only changed lines, a run of changes | ratio | first change after typing | ratio |")
    print("|---|---|---|---|---|---|")
    for lines, changes in CHANGES.items():
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        for _ in range(ROUNDS):
            for mode in MODES:
                times[mode].append(cpu_of(mode, lines, changes))
        setup = statistics.median(times["setup"])
        each = {mode: max(statistics.median(times[mode]) - setup, 0.0) / changes for mode in MODES[1:]}
        fresh = each["fresh"]
        print(f"| {lines} lines | {fresh * 1000:.1f} ms | {each['kept'] * 1000:.1f} ms | {each['kept'] / fresh:.1f}x "
              f"| {each['kept, first'] * 1000:.1f} ms | {each['kept, first'] / fresh:.1f}x |")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        main()

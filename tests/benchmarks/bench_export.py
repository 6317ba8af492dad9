"""Whole-process PNG export time, paired in one run: ``wardley export MAP -o out.png``
against a bare-Qt floor drawing the same map (``export_floor.py``), on an example map and on
a generated 1,000-component map, and against the ``wardleymap`` PyPI package (matplotlib)
drawing the same OWM corpus maps.

    .venv/bin/python tests/benchmarks/bench_export.py [--competitor /tmp/wmvenv/bin/python]

About three minutes with a competitor, one without. Every run is its own process; CPU time
is the child's user + system time (``getrusage``), wall-clock is reported too. The programs
run alternately inside one loop, so a busy machine slows them alike: read the ratios.

Every child runs with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed) into a
temporary ``PYTHONPYCACHEPREFIX``, after one untimed warm-up run each, as an installed copy
runs (pip compiles on install). Without that each run would also compile wardley's sources
(about 0.1 s more).

The floor (``export_floor.py``) imports only PySide6.QtGui and the standard library and
paints the same map's frame, links, symbols with their halos and one-line labels onto a
QImage; "Qt PNG" saves it with Qt's writer (quality 80, the issue's floor), "quick PNG" the
way ``wardley export`` encodes (no row filters, zlib level 1).

wardleymap is NOT a dependency of ours. Put it in a throwaway environment
(0.2.1 imports ``requests`` without declaring it, hence the extra install):

    python3 -m venv /tmp/wmvenv && /tmp/wmvenv/bin/pip install wardleymap matplotlib requests

Both sides of the corpus comparison write a PNG about 2,400 px wide (wardleymap draws an
A4-landscape figure, saved here at 205 dpi).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CORPUS, MAPS, corpus_missing  # noqa: E402

#: What wardleymap's README does: parse the OWM text, plot, save the figure.
COMPETITOR = (
    "import sys\n"
    "import matplotlib\n"
    "matplotlib.use('Agg')\n"
    "from wardley_map import create_wardley_map_plot\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "wm, fig = create_wardley_map_plot(text)\n"
    "fig.savefig(sys.argv[2], format='png', dpi=205)\n"
)
SMALL_MAP = MAPS / "household-waste.wardley.json"
#: Goals from issue 14 point 6.
GOAL_FLOOR_RATIO = 1.6
GOAL_BIG_CPU = 0.8
GOAL_COMPETITOR_RATIO = 4.0

Run = tuple[float, float]  # (wall seconds, CPU seconds)


def timed_run(argv: list[str], env: dict[str, str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, env=env, timeout=300)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {result.stderr.decode(errors='replace').strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sample_maps(count: int) -> list[Path]:
    maps = sorted(CORPUS.glob("*.owm"))
    step = max(1, len(maps) // count)
    return maps[::step][:count]


def generated_map(folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from bench_json import generated_map as make  # same generator as the JSON benchmark

    from wardley.io import save_map

    path = folder / "generated-1000.wardley.json"
    save_map(path, make(components=1000, links=1500))
    return path


def paired(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, list[Run]]:
    """Each command ``runs`` times, taking turns; one untimed warm-up run each first."""
    for argv in commands.values():
        timed_run(argv, env)
    found: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            found[name].append(timed_run(argv, env))
    return found


def cpu(runs: list[Run]) -> float:
    return statistics.median(r[1] for r in runs)


def describe(runs: list[Run]) -> str:
    return (f"CPU median {cpu(runs):.3f} s (min {min(r[1] for r in runs):.3f}), "
            f"wall median {statistics.median(r[0] for r in runs):.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--competitor", help="python of an environment with wardleymap and matplotlib")
    parser.add_argument("--maps", type=int, default=12, help="corpus maps to time against the competitor")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per program on the small and the big map")
    parser.add_argument("--corpus-runs", type=int, default=3, help="timed runs per program and corpus map")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE")}
        env["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
        env["QT_QPA_PLATFORM"] = "offscreen"  # the same for every program: no display involved
        env["MPLBACKEND"] = "Agg"
        ours = [sys.executable, "-m", "wardley", "export"]
        floor = [sys.executable, str(HERE / "export_floor.py")]
        big = generated_map(out)

        def trio(path: Path) -> dict[str, list[str]]:
            return {
                "wardley export": [*ours, str(path), "-o", str(out / "ours.png")],
                "floor, Qt PNG": [*floor, str(path), str(out / "floor-qt.png"), "--encoder", "qt"],
                "floor, quick PNG": [*floor, str(path), str(out / "floor-quick.png"), "--encoder", "zlib"],
            }

        small = paired(trio(SMALL_MAP), args.runs, env)
        large = paired(trio(big), args.runs, env)
        corpus_rows: list[tuple[str, list[Run], list[Run]]] = []
        missing = corpus_missing()
        if missing is None:
            for path in sample_maps(args.maps):
                commands = {"ours": [*ours, str(path), "-o", str(out / "ours.png")]}
                if args.competitor:
                    commands["theirs"] = [args.competitor, "-c", COMPETITOR, str(path), str(out / "theirs.png")]
                try:
                    found = paired(commands, args.corpus_runs, env)
                except RuntimeError as error:
                    print(f"skipped {path.name}: {error}")
                    continue
                corpus_rows.append((path.name, found["ours"], found.get("theirs", [])))

    for title, found in ((f"{SMALL_MAP.name} (17 components)", small), ("generated 1,000 components + 1,500 links", large)):
        print(f"\n{title}, {args.runs} runs each:")
        for name, runs in found.items():
            print(f"  {name:18s} {describe(runs)}")
        mine = cpu(found["wardley export"])
        print(f"  ours / floor (Qt PNG):    {mine / cpu(found['floor, Qt PNG']):.2f}x"
              f"   ours / floor (quick PNG): {mine / cpu(found['floor, quick PNG']):.2f}x")
    print(f"\ngoal: small map <= {GOAL_FLOOR_RATIO}x the floor; 1,000 components <= {GOAL_BIG_CPU} s CPU "
          f"(measured {cpu(large['wardley export']):.3f} s)")

    if missing is not None:
        print(f"\ncorpus comparison skipped: {missing}")
        return 0
    print(f"\ncorpus maps, {args.corpus_runs} runs each (CPU medians, s):")
    print("| map | wardley export | wardleymap + matplotlib | ratio |")
    print("|---|---|---|---|")
    for name, mine_runs, their_runs in corpus_rows:
        theirs = f"{cpu(their_runs):.3f} | {cpu(their_runs) / cpu(mine_runs):.1f}x" if their_runs else "- | -"
        print(f"| {name} | {cpu(mine_runs):.3f} | {theirs} |")
    both = [(m, t) for _, m, t in corpus_rows if t]
    if both:
        ratios = [cpu(t) / cpu(m) for m, t in both]
        mine_cpu = statistics.median(cpu(m) for m, _ in both)
        their_cpu = statistics.median(cpu(t) for _, t in both)
        mine_wall = statistics.median(statistics.median(r[0] for r in m) for m, _ in both)
        their_wall = statistics.median(statistics.median(r[0] for r in t) for _, t in both)
        print(f"on {len(both)} maps: ours CPU {mine_cpu:.3f} s vs {their_cpu:.3f} s ({their_cpu / mine_cpu:.1f}x), "
              f"wall {mine_wall:.3f} s vs {their_wall:.3f} s ({their_wall / mine_wall:.1f}x); per-map CPU speed-up "
              f"min {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x (goal >= {GOAL_COMPETITOR_RATIO}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

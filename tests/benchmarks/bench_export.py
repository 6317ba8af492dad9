"""Whole-process PNG export time: ``wardley export MAP -o out.png`` against the
``wardleymap`` PyPI package (matplotlib) drawing the same OWM map to PNG, side
by side in one run, plus a generated 1,000-component map.

(wardleymap 0.2.1 imports ``requests`` without declaring it, hence the extra install.)

wardleymap is NOT a dependency of ours. Put it in a throwaway environment:

    python3 -m venv /tmp/wmvenv && /tmp/wmvenv/bin/pip install wardleymap matplotlib requests
    .venv/bin/python tests/benchmarks/bench_export.py --competitor /tmp/wmvenv/bin/python

Both sides write a PNG about 2,400 px wide (wardleymap draws an A4-landscape
figure, saved here at 205 dpi). Runs alternate between the two programs so a
busy machine slows both alike; wall-clock and CPU time are both reported.
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
sys.path.insert(0, str(ROOT))
from tests.conftest import CORPUS, corpus_missing  # noqa: E402

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


def timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float, bool]:
    """(wall seconds, CPU seconds of the child, succeeded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, env=env, timeout=300)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.returncode == 0


def sample_maps(count: int) -> list[Path]:
    maps = sorted(CORPUS.glob("*.owm"))
    step = max(1, len(maps) // count)
    return maps[::step][:count]


def generated_map(folder: Path) -> Path:
    from bench_json import generated_map as make  # same generator as the JSON benchmark

    from wardley.io import save_map

    path = folder / "generated-1000.wardley.json"
    save_map(path, make(components=1000, links=1500))
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--competitor", help="python of an environment with wardleymap and matplotlib")
    parser.add_argument("--maps", type=int, default=20, help="corpus maps to time (spread over the corpus)")
    parser.add_argument("--runs", type=int, default=3, help="runs per map and program")
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["MPLBACKEND"] = "Agg"
    ours = [sys.executable, "-m", "wardley", "export"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for path in sample_maps(args.maps):
            mine: list[tuple[float, float]] = []
            theirs: list[tuple[float, float]] = []
            their_ok = True
            for _ in range(args.runs):
                wall, cpu, ok = timed_run([*ours, str(path), "-o", str(out / "ours.png")], env)
                if not ok:
                    raise SystemExit(f"wardley export failed on {path.name}")
                mine.append((wall, cpu))
                if args.competitor:
                    wall, cpu, ok = timed_run([args.competitor, "-c", COMPETITOR, str(path), str(out / "theirs.png")], env)
                    their_ok = their_ok and ok
                    theirs.append((wall, cpu))
            rows.append((path.name, mine, theirs if their_ok else []))

        sys.path.insert(0, str(Path(__file__).parent))
        big = generated_map(out)
        big_runs = [timed_run([*ours, str(big), "-o", str(out / "big.png")], env)[:2] for _ in range(5)]

    def med(runs: list[tuple[float, float]], k: int) -> float:
        return statistics.median(r[k] for r in runs)

    print("| map | wardley export wall / CPU (s) | wardleymap + matplotlib wall / CPU (s) |")
    print("|---|---|---|")
    for name, mine, theirs in rows:
        other = f"{med(theirs, 0):.2f} / {med(theirs, 1):.2f}" if theirs else ("failed" if args.competitor else "-")
        print(f"| {name} | {med(mine, 0):.2f} / {med(mine, 1):.2f} | {other} |")
    both = [(m, t) for _, m, t in rows if t]
    print()
    print(f"maps timed: {len(rows)}, runs each: {args.runs}")
    print(f"wardley export, median over maps: wall {statistics.median(med(m, 0) for _, m, _ in rows):.2f} s, "
          f"CPU {statistics.median(med(m, 1) for _, m, _ in rows):.2f} s")
    if both:
        mine_wall = statistics.median(med(m, 0) for m, _ in both)
        their_wall = statistics.median(med(t, 0) for _, t in both)
        mine_cpu = statistics.median(med(m, 1) for m, _ in both)
        their_cpu = statistics.median(med(t, 1) for _, t in both)
        ratios = [med(t, 0) / med(m, 0) for m, t in both]
        print(f"on the {len(both)} maps both drew: ours wall {mine_wall:.2f} s vs {their_wall:.2f} s "
              f"({their_wall / mine_wall:.1f}x), CPU {mine_cpu:.2f} s vs {their_cpu:.2f} s ({their_cpu / mine_cpu:.1f}x); "
              f"per-map speed-up min {min(ratios):.1f}x, median {statistics.median(ratios):.1f}x")
        if len(both) < len(rows):
            print(f"wardleymap failed on {len(rows) - len(both)} maps")
    print(f"generated 1,000 components + 1,500 links: wall median {med(big_runs, 0):.2f} s "
          f"(best {min(r[0] for r in big_runs):.2f} s), CPU median {med(big_runs, 1):.2f} s")
    return 0


if __name__ == "__main__":
    if corpus_missing():  # the same check the corpus tests make (tests/conftest.py)
        sys.exit(f"{Path(__file__).name}: {corpus_missing()}")
    raise SystemExit(main())

"""Start-up and command times of an installed wardley, against the bare interpreter's start.

Run: ``.venv/bin/python tests/benchmarks/bench_install.py [--bundle dist/wardley/wardley]``
(``./dev bundle`` builds the bundle). The floor is ``python -c pass`` in the same run: what
any Python program costs before it does anything. Each figure is the median of 5 runs, in CPU
seconds of the child process (steadier than wall-clock time on a shared machine) and wall seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "maps" / "household-waste.wardley.json"


def measure(command: list[str], env: dict[str, str], runs: int = 5) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(runs):
        before, start = os.times(), time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        after = os.times()
        wall.append(time.perf_counter() - start)
        cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return statistics.median(cpu), statistics.median(wall)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", help="the bundle's wardley executable")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wardley-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WARDLEY_RECOVERY_DIR": str(work / "recovery")}
    rows = [("python -c pass (floor)", [sys.executable, "-c", "pass"])]
    programs = [("wheel/venv", [sys.executable, "-m", "wardley"])]
    if args.bundle:
        programs.append(("bundle", [args.bundle]))
    for name, command in programs:
        rows += [
            (f"{name}: --version", [*command, "--version"]),
            (f"{name}: export PNG", [*command, "export", str(MAP), "-o", str(work / "m.png")]),
            (f"{name}: analyse", [*command, "analyse", str(MAP)]),
        ]
    floor = None
    print("| run | CPU s | x floor | wall s |\n|---|---|---|---|")
    for name, command in rows:
        cpu, wall = measure(command, env)
        floor = floor or cpu
        print(f"| {name} | {cpu:.3f} | {cpu / floor:.1f} | {wall:.2f} |")
    app_env = {**env, "WARDLEY_QUIT_AFTER_START": "1"}
    for name, command in programs:
        cpu, wall = measure(command, app_env, runs=3)
        print(f"| {name}: app start, example drawn, quit | {cpu:.3f} | {cpu / floor:.1f} | {wall:.2f} |")
    if args.bundle:
        folder = Path(args.bundle).parent
        files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
        print(f"\nbundle {folder}: {sum(p.stat().st_size for p in files) / 1e6:.0f} MB, {len(files)} files")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

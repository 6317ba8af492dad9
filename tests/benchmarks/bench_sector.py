"""The whole sector: ``wardley analyse DIR --format json`` on 1,000 to 10,000 generated council maps.

Goals (issue 12): 10,000 maps in at most 30 s, 1,000 in at most 3 s, each doubling of the maps
costing at most 2.2 times as much, and peak memory at most 2 GB. The command is run as users run
it, a separate process reading the folder; wall time, the process's CPU time and its peak memory
are reported (CPU time is the steadier figure on a shared machine).

Each map has 40 components named the way councils name things: 31 local names drawn from service
words and nouns (mostly found on this map only), 8 from a shared list written with the variants
real maps use (a supplier in brackets, a qualifier, a misspelling, an abbreviation with a dash),
and Hosting.

Run: ``.venv/bin/python tests/benchmarks/bench_sector.py`` (1,000, 2,000, 4,000 and 10,000 maps, two
runs each; about 3 minutes on a quiet 2-core machine once the libraries exist, plus about 3 minutes
the first time to generate them under the temporary folder). ``[MAPS...] [--repeats N]`` to choose.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wardley.io.atomic import write_atomically  # noqa: E402

try:  # peak memory of the child process; not available on Windows, where it is left out
    import resource
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]

#: Bump when the generated maps change, so a cached library is not reused.
GENERATOR_VERSION = 1

SERVICES = ["parking", "library", "garden waste", "admissions", "planning", "council tax", "licensing", "housing",
            "adult care", "children's services", "highways", "burial", "registrar", "elections", "pest control",
            "trading standards", "leisure", "events", "grants", "blue badge", "school transport", "noise",
            "food safety", "tree", "flood", "street lighting", "rent", "benefits", "business rates", "allotments",
            "markets", "museums", "coroner", "pensions", "fostering", "youth", "archives", "cemetery", "harbour",
            "fly-tipping"]
NOUNS = ["register", "rules", "records", "triage", "inspection", "decision", "evidence check", "tracker",
         "review panel", "spreadsheet", "enforcement", "assessment", "renewal", "appeals", "rota", "audit", "survey",
         "budget", "mailbox", "log", "eligibility rules", "case notes", "officer visits", "risk scoring", "waiting list",
         "complaints", "refunds", "invoices", "quality checks", "site visits"]
EXTRAS = ["team", "north", "south", "pilot", "legacy", "weekly", "out of hours", "annual", "manual", "volunteer",
          "contractor", "partner", "local", "rural", "urban", "emergency", "priority", "standard", "backlog", "trial"]
SHARED = [
    ["GOV.UK Pay", "Card payments (Pay360)", "Online payments", "Payments module (in-house)"],
    ["GOV.UK Notify", "Email and SMS", "Text messages (Firetext)", "Notifications"],
    ["Address lookup", "OS Places API", "LLPG", "Adress lookup"],
    ["GOV.UK One Login", "Sign in", "Customer account (Jadu)", "My account"],
    ["Online forms", "Forms (Firmstep)", "GOV.UK Forms", "eForms"],
    ["Document storage (SharePoint)", "Document management", "EDRMS", "Documnet management"],
    ["CRM (Salesforce)", "Customer records", "CRM - customer relationship management", "Customer records (shared)"],
    ["Booking (Bookwhen)", "Appointment booking", "Bookings", "Booking system"],
    ["Income management (Civica ICON)", "Cash receipting", "Income management", "Payment reconciliation"],
    ["Waste back office (Whitespace)", "Waste back office (Bartec)", "Waste management back office",
     "Waste back office (consortium)"],
    ["Council tax billing (Capita Academy)", "Council tax system", "Revenues and benefits (shared service)",
     "Council tax billing"],
    ["Case management", "Casework", "Case management (Liberty Create)", "Workflow"],
]


def _coordinate(value: float) -> float:
    return round(value, 4)  # as the model stores it (wardley.model.evolution.round_coordinate)


def generated_map_data(index: int, rng: random.Random) -> dict[str, Any]:
    """One map as the file's JSON data, built directly: the model and ``save_map`` made generating
    10,000 maps take minutes. The text is what ``save_map`` would write for the same map."""
    names: list[str] = []
    for group in rng.sample(SHARED, 8):
        names.append(rng.choice(group))
    while len(names) < 39:
        name = f"{rng.choice(SERVICES)} {rng.choice(NOUNS)} {rng.choice(EXTRAS)}"
        if name not in names:
            names.append(name)
    names.append("Hosting")
    rng.shuffle(names)
    elements: list[dict[str, Any]] = [
        {"id": "user", "kind": "user", "name": "Resident", "evolution": 0.5, "visibility": 0.97}]
    elements += [{"id": f"n{k}", "kind": "need", "name": f"Need {k}", "evolution": _coordinate(rng.uniform(0.3, 0.7)),
                  "visibility": 0.9} for k in range(4)]
    for k, name in enumerate(names):
        element: dict[str, Any] = {"id": f"c{k}", "name": name, "evolution": _coordinate(rng.random()),
                                   "visibility": _coordinate(0.85 - 0.8 * k / 40)}
        method = rng.choice(["none", "none", "build", "buy"])
        if method != "none":
            element["method"] = method
        elements.append(element)
    pairs = {("user", f"n{k}") for k in range(4)}
    pairs |= {(f"n{k}", f"c{target}") for k in range(4) for target in rng.sample(range(8), 3)}
    for k in range(39):
        pairs |= {(f"c{k}", f"c{target}") for target in rng.sample(range(k + 1, 40), min(2, 39 - k))}
    return {"format": "wardley-map", "version": 1, "title": f"Council {index // 25} service {index % 25}",
            "elements": elements, "links": [{"source": source, "target": target} for source, target in sorted(pairs)]}


def write_library(folder: Path, count: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    for index in range(count):
        text = json.dumps(generated_map_data(index, rng), indent=2, ensure_ascii=False) + "\n"
        write_atomically(folder / f"map{index:05}.wardley.json", text.encode("utf-8"))


def library(count: int, seed: int = 12) -> Path:
    """The generated library of ``count`` maps, made once and kept under the temporary folder,
    keyed by its parameters and this generator's version: reruns start at once."""
    folder = Path(tempfile.gettempdir()) / f"wardley-sector-v{GENERATOR_VERSION}-seed{seed}" / str(count)
    done = folder / "complete.marker"  # written last: a folder without it was interrupted
    if not done.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.wardley.json"):
            stale.unlink()
        started = time.perf_counter()
        write_library(folder, count, seed)
        write_atomically(done, b"complete\n")
        print(f"(generated {count:,} maps in {folder} in {time.perf_counter() - started:.1f} s)", flush=True)
    return folder


#: Run in a fresh process per measurement, so that the peak memory is this run's alone: the peak
#: of the analyse process and its workers (Linux reports the largest single process), and their
#: CPU time together.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
if result.returncode:
    sys.exit(result.stderr.decode())
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "json_bytes": len(result.stdout)}))
"""


def run_analyse(folder: Path, code: str | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds (the process and its workers), peak memory in MB, bytes of JSON.
    ``code``: a folder holding another version's ``wardley`` package to run instead (a peer)."""
    command = [sys.executable, "-m", "wardley", "analyse", str(folder.resolve()), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())} if code else None
    # Run from the temporary folder: ``-m`` would otherwise find a wardley in the current folder first.
    where = tempfile.gettempdir()
    if resource is None:  # pragma: no cover - Windows: wall time only
        start = time.perf_counter()
        out = subprocess.run(command, capture_output=True, check=True, env=env, cwd=where).stdout
        wall = time.perf_counter() - start
        return {"wall": wall, "cpu": float("nan"), "peak_mb": float("nan"), "json_bytes": len(out)}
    found = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True,
                           env=env, cwd=where)
    return dict(json.loads(found.stdout))


def against_peer(count: int, peer: str, repeats: int) -> None:
    """This version and the peer's, alternately on the same library: the ratio is what to compare."""
    folder = library(count)
    ours, theirs = [], []
    for _ in range(repeats):
        theirs.append(run_analyse(folder, peer))
        ours.append(run_analyse(folder))
    for label, runs in (("peer", theirs), ("this", ours)):
        print(f"{label}: " + ", ".join(f"{run['wall']:.2f} s wall / {run['cpu']:.2f} s CPU / {run['peak_mb']:,.0f} MB"
                                       for run in runs))
    best_ours, best_theirs = min(run["cpu"] for run in ours), min(run["cpu"] for run in theirs)
    print(f"{count:,} maps: CPU this / peer = {best_ours / best_theirs:.2f} (best of {repeats} each)")


def main(counts: list[int], repeats: int) -> None:
    rows = []
    for count in counts:
        folder = library(count)
        runs = [run_analyse(folder) for _ in range(repeats)]
        best = min(runs, key=lambda run: run["cpu"])  # the least disturbed by other work on the machine
        best["wall"] = min(run["wall"] for run in runs)
        best["peak_mb"] = max(run["peak_mb"] for run in runs)
        rows.append((count, best))
        print(f"{count:>6,} maps: {best['wall']:6.2f} s wall, {best['cpu']:6.2f} s CPU, "
              f"peak memory {best['peak_mb']:,.0f} MB, {best['json_bytes'] / 1e6:.1f} MB of JSON", flush=True)
    print()
    print("| maps | wall | CPU | peak memory | JSON |")
    print("|---|---|---|---|---|")
    for count, best in rows:
        print(f"| {count:,} | {best['wall']:.2f} s | {best['cpu']:.2f} s | {best['peak_mb']:,.0f} MB | "
              f"{best['json_bytes'] / 1e6:.1f} MB |")
    for (small, a), (large, b) in zip(rows, rows[1:]):
        # Growth per doubling: the ratio scaled to a doubling of the maps, whatever the step.
        doublings = math.log2(large / small)
        print(f"| {small:,} -> {large:,} per doubling | {(b['wall'] / a['wall']) ** (1 / doublings):.2f}x | "
              f"{(b['cpu'] / a['cpu']) ** (1 / doublings):.2f}x | | |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 2000, 4000, 10000], metavar="MAPS")
    parser.add_argument("--repeats", type=int, default=2, help="runs per library; the least disturbed is kept")
    parser.add_argument("--peer", metavar="DIR", help="compare with the wardley package under DIR (e.g. an "
                        "export of main: git archive main | tar -x -C DIR) on the first MAPS only")
    options = parser.parse_args()
    if options.peer:
        against_peer(options.counts[0], options.peer, options.repeats)
    else:
        main(options.counts, options.repeats)

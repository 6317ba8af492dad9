"""Shared-platform analysis of generated libraries: 1,000 and 2,000 maps of 40 components.

Goal: 1,000 maps analysed in under 3 s, and doubling the maps costs at most 2.3 times as much.
Names are drawn the way real libraries look: about half from the vocabulary (aliases and
products), the rest service-specific ("parking permit register"), some misspelt, so the
vocabulary lookup, grouping and fuzzy suggestions all do real work.

Run: .venv/bin/python tests/benchmarks/bench_analysis.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wardley.analysis import analyse_library, analyse_maps  # noqa: E402
from wardley.analysis.vocabulary import VOCABULARY_NAME  # noqa: E402
from wardley.package_data import resource  # noqa: E402
from wardley.io import save_map  # noqa: E402
from wardley.model import Element, Link, WardleyMap  # noqa: E402

COMPONENTS = 40
NEEDS = 4
SERVICES = ["parking", "library", "waste", "admissions", "planning", "council tax", "licensing", "housing",
            "adult care", "children", "highways", "burial", "registrar", "elections", "pest control",
            "trading standards", "leisure", "events", "grants", "blue badge", "school transport", "noise",
            "food safety", "tree", "flood", "street lighting", "rent", "benefits", "business rates", "permits"]
NOUNS = ["register", "rules", "records", "team process", "back office", "queue", "triage", "inspection",
         "decision", "evidence check", "scheduling board", "officer app", "tracker", "review panel",
         "spreadsheet", "database", "enforcement", "assessment", "renewal process", "appeals"]


def vocabulary_names() -> list[str]:
    data = json.loads(resource(VOCABULARY_NAME).read_text(encoding="utf-8"))
    names: list[str] = []
    for entry in data["capabilities"]:
        names += entry["aliases"][:4]
        for product in entry["products"][:3]:
            names.append(product if isinstance(product, str) else product[0])
    return names


def misspelt(name: str, rng: random.Random) -> str:
    position = rng.randrange(1, max(2, len(name) - 1))
    return name[:position] + name[position + 1:]


def generated_map(index: int, rng: random.Random, known: list[str]) -> WardleyMap:
    names: list[str] = []
    while len(names) < COMPONENTS:
        if rng.random() < 0.5:
            name = rng.choice(known)
        else:
            name = f"{rng.choice(SERVICES)} {rng.choice(NOUNS)}"
        if rng.random() < 0.05:
            name = misspelt(name, rng)
        if name not in names:
            names.append(name)
    elements = [Element(id="user", kind="user", name="Resident", evolution=0.5, visibility=0.97)]
    elements += [Element(id=f"n{k}", kind="need", name=f"Need {k}", evolution=rng.uniform(0.3, 0.7),
                         visibility=0.9) for k in range(NEEDS)]
    elements += [
        Element(id=f"c{k}", name=name, evolution=rng.random(), visibility=0.85 - 0.8 * k / COMPONENTS,
                method=rng.choice(["none", "none", "build", "buy"]))
        for k, name in enumerate(names)
    ]
    links = [Link(source="user", target=f"n{k}") for k in range(NEEDS)]
    pairs: set[tuple[str, str]] = set()
    for k in range(NEEDS):
        for target in rng.sample(range(8), 3):
            pairs.add((f"n{k}", f"c{target}"))
    for k in range(COMPONENTS - 1):
        for target in rng.sample(range(k + 1, COMPONENTS), min(2, COMPONENTS - k - 1)):
            pairs.add((f"c{k}", f"c{target}"))
    links += [Link(source=source, target=target) for source, target in sorted(pairs)]
    return WardleyMap(title=f"Service {index}", elements=elements, links=links)


def library(count: int, seed: int = 1) -> list[tuple[str, WardleyMap]]:
    rng = random.Random(seed)
    known = vocabulary_names()
    return [(f"map{index:05}.wardley.json", generated_map(index, rng, known)) for index in range(count)]


def timed(function, repeat: int = 5) -> tuple[float, float]:
    """Median wall-clock and CPU seconds. CPU time is the steadier figure on a shared machine."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    # The 2,000 are the 1,000 and 1,000 more drawn the same way.
    large = library(2000)
    small = large[:1000]
    analyse_maps(small[:50])  # load the vocabulary once, as the app would have
    report = analyse_maps(small)
    one, one_cpu = timed(lambda: analyse_maps(small))
    two, two_cpu = timed(lambda: analyse_maps(large))
    print(f"1,000 maps x {COMPONENTS} components: {one:.2f} s wall, {one_cpu:.2f} s CPU "
          f"({len(report.capabilities)} capabilities, {len(report.suggested_merges)} suggested merges, "
          f"{len(report.lint)} lint issues)")
    print(f"2,000 maps x {COMPONENTS} components: {two:.2f} s wall, {two_cpu:.2f} s CPU "
          f"(doubling costs {two / one:.2f}x wall, {two_cpu / one_cpu:.2f}x CPU)")
    with tempfile.TemporaryDirectory() as folder:
        for path, wardley_map in small:
            save_map(Path(folder) / path, wardley_map)
        with_loading, with_loading_cpu = timed(lambda: analyse_library([folder]), repeat=1)
    print(f"1,000 maps from disk (load + validate + analyse): {with_loading:.2f} s wall, "
          f"{with_loading_cpu:.2f} s CPU")


if __name__ == "__main__":
    main()

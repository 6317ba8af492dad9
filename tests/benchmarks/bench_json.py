"""Load + validate, and save, of a generated 10,000-component, 15,000-link map.

Run: .venv/bin/python tests/benchmarks/bench_json.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wardley.io import dump_json_map, load_map, save_map  # noqa: E402
from wardley.model import Element, Link, WardleyMap  # noqa: E402


def generated_map(components: int = 10_000, links: int = 15_000, seed: int = 1) -> WardleyMap:
    rng = random.Random(seed)
    elements = [
        Element(id=f"c{i}", name=f"Component {i}", evolution=rng.random(), visibility=rng.random(),
                method=rng.choice(["none", "build", "buy"]), description="why" if i % 5 == 0 else "")
        for i in range(components)
    ]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < links:
        a, b = rng.randrange(components), rng.randrange(components)
        if a != b:
            pairs.add((a, b))
    return WardleyMap(title="Generated", elements=elements, links=[Link(source=f"c{a}", target=f"c{b}") for a, b in sorted(pairs)])


def timed(fn, repeat: int = 7) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    wardley_map = generated_map()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.wardley.json"
        save_map(path, wardley_map)
        size = path.stat().st_size
        load = timed(lambda: load_map(path))
        save = timed(lambda: save_map(path, wardley_map))
        dump = timed(lambda: dump_json_map(wardley_map))
    print(f"file: {size / 1e6:.1f} MB, 10,000 components, 15,000 links")
    print(f"load + validate: median {load[0] * 1000:.0f} ms (best {load[1] * 1000:.0f} ms)")
    print(f"save (atomic):   median {save[0] * 1000:.0f} ms (best {save[1] * 1000:.0f} ms)")
    print(f"  of which dump: median {dump[0] * 1000:.0f} ms")


if __name__ == "__main__":
    main()

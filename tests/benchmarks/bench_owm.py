"""OWM parsing speed: every corpus map, and generated 500- and 5,000-line maps.

Side by side with the parser of the ``wardleymap`` package from PyPI (its
``WardleyMap(text)`` class in ``wardley_map/wardley_maps.py``), installed only
for this benchmark, never a dependency of ours:

    .venv/bin/python -m pip install --target /tmp/wardleymap-bench --no-deps wardleymap==0.2.1
    .venv/bin/python tests/benchmarks/bench_owm.py

Its module file is loaded on its own with a stand-in ``requests`` module, so
none of its plotting dependencies are needed and it can never reach the network.
Both parsers are timed on the same text, best of several runs per map.
"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.conftest import CORPUS, corpus_missing  # noqa: E402
from wardley.io.owm import parse_owm  # noqa: E402
from wardley.io.owm.reader import LineReader  # noqa: E402

REFERENCE = Path(os.environ.get("WARDLEYMAP_SOURCE", "/tmp/wardleymap-bench/wardley_map/wardley_maps.py"))


def load_reference() -> Callable[[str], Any] | None:
    if not REFERENCE.exists():
        return None
    offline = types.ModuleType("requests")

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the benchmark never fetches maps")

    offline.get = refuse  # type: ignore[attr-defined]
    sys.modules.setdefault("requests", offline)
    spec = importlib.util.spec_from_file_location("reference_wardley_maps", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WardleyMap  # type: ignore[no-any-return]


def generated_text(lines: int, seed: int = 1) -> str:
    """A map of about ``lines`` lines in the proportions of real maps: components, links, the rest."""
    rng = random.Random(seed)
    components = max(4, lines * 2 // 5)
    out = ["title Generated", "style wardley", "anchor User [0.95, 0.50]"]
    for i in range(components):
        extra = rng.choice(["", " label [-20, 10]", " (build)", " inertia", " (buy)"])
        out.append(f"component Component {i} [{rng.random():.2f}, {rng.random():.2f}]{extra}")
        if i % 50 == 0:
            out.append(f"evolve Component {i} {rng.random():.2f}")
        if i % 100 == 0:
            out.extend(
                [f"pipeline Component {i}", "{", f"  component Part {i} [0.35]", f"  component Alt {i} [0.62]", "}"]
            )
        if i % 25 == 0:
            out.append(f"// note about {i}")
            out.append(f"note Note {i} [{rng.random():.2f}, {rng.random():.2f}]")
    pairs: set[tuple[int, int]] = set()
    while len(out) < lines:
        a, b = rng.randrange(components), rng.randrange(components)
        if a != b and (a, b) not in pairs:
            pairs.add((a, b))
            out.append(f"Component {a}->Component {b}" + ("; limited by" if a % 7 == 0 else ""))
    return "\n".join(out[:lines]) + "\n"


def _reads(reference: Callable[[str], Any], text: str) -> bool:
    try:
        reference(text)
    except Exception:  # noqa: BLE001 - counting the maps it cannot read is the point
        return False
    return True


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def time_in_validation(texts: list[str]) -> tuple[float, float]:
    """(median parse, median time inside pydantic validation) per map, timing every validation call."""
    from pydantic import BaseModel, TypeAdapter

    spent = [0.0]
    adapter_validate, model_validate = TypeAdapter.validate_python, BaseModel.model_validate.__func__  # type: ignore[attr-defined]

    def timed_adapter(self: TypeAdapter[Any], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return adapter_validate(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    def timed_model(cls: type[BaseModel], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return model_validate(cls, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    TypeAdapter.validate_python = timed_adapter  # type: ignore[method-assign]
    BaseModel.model_validate = classmethod(timed_model)  # type: ignore[assignment]
    totals, inside = [], []
    try:
        for text in texts:
            runs = []
            for _ in range(5):
                spent[0] = 0.0
                start = time.perf_counter()
                parse_owm(text)
                runs.append((time.perf_counter() - start, spent[0]))
            total, validating = min(runs)
            totals.append(total)
            inside.append(validating)
    finally:
        TypeAdapter.validate_python = adapter_validate  # type: ignore[method-assign]
        BaseModel.model_validate = classmethod(model_validate)  # type: ignore[assignment]
    return statistics.median(totals), statistics.median(inside)


#: The simplest patterns taking the component and link lines of these maps: no quoted names,
#: decorators, comments or other keywords. Only for measuring what scanning text costs at least.
_BARE_LINES = re.compile(
    r"^[ \t]*(?:component ([^\[\n]*)\[([^,\]\n]*),([^\]\n]*)\](?: label \[([^,\]\n]*),([^\]\n]*)\])?"
    r"|([^\[\]\n;>-]+)->([^\[\]\n;]+))",
    re.MULTILINE,
)


def floors(texts: list[str]) -> None:
    """What any CPython parser of these maps spends at least, each part on its own (medians per map)."""
    from wardley.io.owm.assembly_base import list_of
    from wardley.model.entities import Element, Link

    def split_loop(text: str) -> int:
        kept = 0
        for raw in text.split("\n"):
            line = raw.strip()
            if line and not line.startswith("//"):
                kept += 1
        return kept

    looping = [best(lambda t=text: split_loop(t)) for text in texts]
    scanning = [best(lambda t=text: _BARE_LINES.findall(t)) for text in texts]
    modelling = []
    for text in texts:
        parsed = parse_owm(text).map
        elements = [e.model_dump() for e in parsed.elements]
        links = [link.model_dump() for link in parsed.links]
        modelling.append(
            best(lambda e=elements, k=links: (list_of(Element).validate_python(e), list_of(Link).validate_python(k)))
        )
    print("floors (medians per map; each part alone, no records made unless said):")
    print(f"  split lines, strip them, skip blanks and // comments: {us(statistics.median(looping))}")
    print(f"  one regex pass over the whole text for bare component and link lines: {us(statistics.median(scanning))}")
    print(f"  validating the finished map's elements and links, one call each: {us(statistics.median(modelling))}")


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    reference = load_reference()
    files = sorted(CORPUS.glob("*.owm"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    ours = [best(lambda t=text: parse_owm(t)) for text in texts]
    print(f"corpus: {len(files)} maps, {sum(t.count(chr(10)) + 1 for t in texts):,} lines")
    print(
        f"  ours:      median {ms(statistics.median(ours))}, mean {ms(statistics.mean(ours))}, "
        f"max {ms(max(ours))}, all {ms(sum(ours))}"
    )
    reading = [best(lambda t=text: LineReader().read(t)) for text in texts]
    print(f"  ours, reading lines only (no validated model): median {ms(statistics.median(reading))}")
    total, validating = time_in_validation(texts)
    print(f"  ours, inside pydantic validation: median {ms(validating)} of {ms(total)} (timed calls)")
    if reference is not None:
        fails = [path.name for path, text in zip(files, texts) if not _reads(reference, text)]
        both = [(o, best(lambda t=text: reference(t))) for o, text in zip(ours, texts) if _reads(reference, text)]
        mine, theirs = [o for o, _ in both], [t for _, t in both]
        print(
            f"  wardleymap raises an exception on {len(fails)} maps ({', '.join(fails)}); compared on the other {len(both)}:"
        )
        print(
            f"  ours:       median {ms(statistics.median(mine))}, mean {ms(statistics.mean(mine))}, "
            f"max {ms(max(mine))}, all {ms(sum(mine))}"
        )
        print(
            f"  wardleymap: median {ms(statistics.median(theirs))}, mean {ms(statistics.mean(theirs))}, "
            f"max {ms(max(theirs))}, all {ms(sum(theirs))}"
        )
        ratios = [t / o for o, t in both]
        print(
            f"  per map, theirs / ours: median {statistics.median(ratios):.2f}x; "
            f"ratio of medians: {statistics.median(theirs) / statistics.median(mine):.2f}x"
        )
    else:
        print(f"  wardleymap: not installed at {REFERENCE} (see this file's docstring)")

    sizes = {}
    for lines in (500, 5_000):
        text = generated_text(lines)
        result = parse_owm(text)
        assert not result.warnings, result.warnings[:3]
        sizes[lines] = best(lambda t=text: parse_owm(t), repeat=9)
        line = f"generated {lines:,} lines ({len(result.map.elements):,} elements, {len(result.map.links):,} links): ours {ms(sizes[lines])}"
        if reference is not None:
            line += (
                f", wardleymap {ms(best(lambda t=text: reference(t)))}"
                if _reads(reference, text)
                else ", wardleymap fails"
            )
        print(line)
    print(f"growth 500 -> 5,000 lines: {sizes[5_000] / sizes[500]:.1f}x the time for 10x the lines")
    floors(texts)


if __name__ == "__main__":
    if corpus_missing():  # the same check the corpus tests make (tests/conftest.py)
        sys.exit(f"{Path(__file__).name}: {corpus_missing()}")
    main()

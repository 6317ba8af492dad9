"""The long fuzz run: ``./dev fuzz [MINUTES]`` (default 10).

Runs the suite's fuzz strategies against both readers until the time is up, in
rounds (each round a fresh random seed), and writes every input that crashes a
reader to ``out/fuzz-crashes/`` (one file each, named by its hash) with the
error beside it. Prints how many inputs it tried and how many crashed; exits 1
if any did. A run that does not end (a reader that hangs) leaves the input it
was on in ``out/fuzz-crashes/in-progress.txt``.
"""

from __future__ import annotations

import hashlib
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.strategies import json_maps, mutated_examples, owm_texts
from tests.fuzz.targets import check_json, check_owm

ROOT = Path(__file__).resolve().parents[2]
TARGETS: list[tuple[str, st.SearchStrategy[str], Callable[[str], None], str]] = [
    ("json", json_maps(), check_json, ".wardley.json"),
    ("json-mutated", mutated_examples(), check_json, ".wardley.json"),
    ("owm", owm_texts(), check_owm, ".owm"),
]


class Run:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.tried = 0
        self.crashes: dict[str, str] = {}
        out.mkdir(parents=True, exist_ok=True)
        #: The input being checked now (removed when the run ends).
        self.current = out / "in-progress.txt"

    def record(self, name: str, suffix: str, text: str, error: BaseException) -> None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        if digest in self.crashes:
            return
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / f"{name}-{digest}{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
        why = "".join(traceback.format_exception(error))
        (self.out / f"{name}-{digest}.error.txt").write_text(why, encoding="utf-8")
        self.crashes[digest] = f"{type(error).__name__}: {str(error)[:200]}"

    def round(self, name: str, strategy: st.SearchStrategy[str], check: Callable[[str], None], suffix: str) -> None:
        # No shrinking or database: every input is new, and a crash is kept exactly as found.
        @settings(max_examples=100, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def fuzz(text: str) -> None:
            self.tried += 1
            # A reader that hangs cannot be stopped from inside (a regex holds the interpreter):
            # the input being read is kept on disk, so a run killed at its time-out leaves it.
            self.current.write_bytes(text.encode("utf-8", "surrogatepass"))
            try:
                check(text)
            except Exception as error:  # noqa: BLE001 - every failure is a finding, kept and counted
                self.record(name, suffix, text, error)

        fuzz()


def main(argv: list[str]) -> int:
    minutes = float(argv[0]) if argv else 10.0
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "out" / "fuzz-crashes"
    run = Run(out)
    started = time.monotonic()
    deadline = started + minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        name, strategy, check, suffix = TARGETS[rounds % len(TARGETS)]
        run.round(name, strategy, check, suffix)
        rounds += 1
    run.current.unlink(missing_ok=True)
    elapsed = time.monotonic() - started
    print(f"fuzz: {run.tried:,} inputs in {elapsed / 60:.1f} minutes ({rounds} rounds), "
          f"{len(run.crashes)} crashing input(s)" + (f" written to {out}" if run.crashes else ""))
    for digest, what in run.crashes.items():
        print(f"  {digest}: {what}")
    return 1 if run.crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

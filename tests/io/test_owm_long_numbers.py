"""Long runs of digits where OWM expects a number: read in linear time.

Found by the 30-minute fuzz run (issue 16): ``component A [0.5, 999…9] x`` with a few thousand
nines made the fast component pattern try every way to split the number, and never finish.
The text is read in a child process so that a pattern gone quadratic or worse fails the test
on its time-out instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys

DIGITS = "9" * 20_000
LINES = [
    f"component A [0.5, {DIGITS}] x",
    f"component A [{DIGITS}, {DIGITS}] x",
    f"component A [0.5, 0.5] label [{DIGITS}, {DIGITS}] x",
    f"component A [0.5, 0.5] label [-{DIGITS}, 1] x",
    f"pipeline A [{DIGITS}, {DIGITS}] x",
    f"evolve A {DIGITS}x",
    f"evolve A {DIGITS}.{DIGITS} ",
    f"note n [{DIGITS}x, 1]",
    f"annotation 1 [{DIGITS}e{DIGITS}, 1] t",
    f"size [{DIGITS}, 1]x",
]

SCRIPT = """
import json, sys
from wardley.io.owm import parse_owm
out = []
for line in json.loads(sys.stdin.read()):
    result = parse_owm(line)
    out.append([len(result.map.elements), len(result.warnings)])
print(json.dumps(out))
"""


def test_lines_with_thousands_of_digits_are_read_promptly() -> None:
    import json

    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=json.dumps(LINES), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)
    assert len(results) == len(LINES)
    # Every line is read (an element each for the component lines), with warnings for what is odd.
    assert [elements for elements, _ in results[:4]] == [1, 1, 1, 1]
    assert all(warnings >= 1 for _, warnings in results)

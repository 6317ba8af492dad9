"""Reading a library's map files and checking each map, in worker processes when there are many.

What the analysis needs of a map is its graph (:class:`MapGraph`, plain values) and its checks;
both are made per file with no knowledge of the other maps, so a sector's thousands of files are
split among worker processes, which send back those small results rather than the maps
themselves (a pydantic map costs more to send than to read again).

Workers are used only when they pay (:data:`PARALLEL_FROM` files or more, two or more CPUs) and
never in a frozen build (PyInstaller), where starting the program again as a worker is not safe.
The result is the same, in the same order, either way; a file that cannot be read stops the run
with its one-line error, the first such file in file order, as when reading one by one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from wardley.analysis.graph import MapGraph, map_graph
from wardley.analysis.lint import LintIssue, lint_map
from wardley.io.files import load_map

#: Files from which reading is shared among worker processes: below it, starting them costs more
#: than it saves.
PARALLEL_FROM = 200
#: At most this many workers: past it, sending results back to one process is the bottleneck.
MAX_WORKERS = 8
#: Files a worker is handed at a time: enough that handing them out costs little, few enough
#: that the workers finish together.
_CHUNKS_PER_WORKER = 4

CheckedMap = tuple[str, MapGraph, list[LintIssue]]


def check_file(path: str) -> CheckedMap:
    """One file read, turned into its graph and checked; raises :class:`MapFileError` naming it.

    At module level so that a worker process started afresh (spawn, as on Windows and macOS)
    can find it by name.
    """
    graph = map_graph(load_map(path).map)
    return path, graph, lint_map(graph, path)


def check_files(files: Sequence[Path], workers: int | None = None) -> list[CheckedMap]:
    """Each file checked, in the order given. ``workers`` overrides the choice (1: no workers)."""
    paths = [str(path) for path in files]
    count = _worker_count(len(paths)) if workers is None else min(workers, len(paths))
    if count <= 1:
        return [check_file(path) for path in paths]
    chunk = max(1, -(-len(paths) // (count * _CHUNKS_PER_WORKER)))
    executor = ProcessPoolExecutor(count, mp_context=_context(), initializer=gc.disable)
    try:
        return list(executor.map(check_file, paths, chunksize=chunk))
    finally:
        # After an error, the files not yet started are dropped rather than read for nothing.
        executor.shutdown(wait=True, cancel_futures=True)


def _worker_count(files: int) -> int:
    if files < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 1
    return max(1, min(_cpus(), MAX_WORKERS, files // (PARALLEL_FROM // 2)))


def _cpus() -> int:
    # The CPUs this process may run on, where the platform says (Linux); else all of them.
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    # Forking is cheapest (the workers start with everything imported), but is only safe on Linux
    # from a process running one thread (macOS's system libraries refuse it); otherwise each
    # worker starts afresh.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")

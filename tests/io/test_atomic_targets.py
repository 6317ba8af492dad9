"""Saving through a symbolic link updates the file it points to; anything but a regular file is refused;
what a killed save left behind is cleared by the next save."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.io import MapFileError, load_map, save_map
from wardley.io.atomic import STALE_AFTER_SECONDS, write_atomically


def test_a_save_through_a_link_updates_the_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "real.wardley.json"
    real.parent.mkdir()
    real.write_bytes((MAPS / "parking-permits.wardley.json").read_bytes())
    link = tmp_path / "link.wardley.json"
    link.symlink_to(os.path.relpath(real, link.parent))
    changed = load_map(link).map.model_copy(update={"title": "Saved through the link"})
    save_map(link, changed)
    assert link.is_symlink()
    assert load_map(real).map.title == "Saved through the link"


def test_a_pipe_is_not_written_over(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.owm"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        write_atomically(pipe, b"x")
    with pytest.raises(MapFileError, match="not a regular file"):
        save_map(pipe, load_map(MAPS / "parking-permits.wardley.json").map)
    assert pipe.exists() and not pipe.is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.owm"]  # no temporary file left behind


def test_a_name_near_the_length_limit_can_be_saved(tmp_path: Path) -> None:
    target = tmp_path / ("m" * 240 + ".wardley.json")  # 253 bytes: allowed, as its temporary must be
    save_map(target, load_map(MAPS / "parking-permits.wardley.json").map)
    assert load_map(target).map.title == load_map(MAPS / "parking-permits.wardley.json").map.title
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def _killed_mid_save(target: Path) -> None:
    """A real process saving ``target`` that dies at the worst moment: the temporary file
    written and synced, the rename not yet done (``os._exit`` runs no clean-up, like kill -9)."""
    script = (
        "import os, sys\n"
        "from wardley.io import atomic\n"
        "atomic.os.replace = lambda *a: os._exit(9)\n"
        "atomic.write_atomically(sys.argv[1], b'new text')\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(target)], timeout=60)
    assert done.returncode == 9


def test_a_temporary_file_left_by_a_killed_save_is_removed_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "m.wardley.json"
    target.write_bytes(b"old")
    _killed_mid_save(target)
    (left,) = [p for p in tmp_path.iterdir() if p != target]
    assert left.name.startswith(".m.wardley.json.") and left.name.endswith(".tmp")
    assert target.read_bytes() == b"old"
    # Kept while it might still be another program's save under way...
    write_atomically(target, b"one")
    assert left.exists()
    # ...and removed once it is older than any save takes.
    old = time.time() - STALE_AFTER_SECONDS - 5
    os.utime(left, (old, old))
    unrelated = [tmp_path / ".other.wardley.json.abcdefgh.tmp", tmp_path / ".m.wardley.json.notes.txt"]
    for path in unrelated:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    write_atomically(target, b"two")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, *(p.name for p in unrelated)])
    assert target.read_bytes() == b"two"

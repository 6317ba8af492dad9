"""Saving through a symbolic link updates the file it points to; anything but a regular file is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.io import MapFileError, load_map, save_map
from wardley.io.atomic import write_atomically


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

"""``wardley export``: pictures from the command line, headless, with one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MAPS, ROOT
from wardley.cli import main

EXAMPLE = MAPS / "parking-permits.wardley.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_exports_png_svg_and_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        out = tmp_path / f"map{suffix}"
        assert run(capsys, "export", str(EXAMPLE), "-o", str(out)) == (0, "", "")
        assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf", "map.png", "map.svg"]


def test_options_reach_the_picture(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "map.png"
    code, _, err = run(capsys, "export", str(EXAMPLE), "-o", str(out), "--width", "800", "--theme", "dark", "--legend")
    assert (code, err) == (0, "")
    image = QImage(str(out))
    assert image.width() == 800
    assert QColor(image.pixel(1, 1)).lightness() < 60


def test_an_owm_map_exports_too(capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path) -> None:
    source = corpus / "mdvscode-fidelity__01-base-tea-shop.owm"
    out = tmp_path / "tea.svg"
    code, _, _ = run(capsys, "export", str(source), "-o", str(out))
    assert code == 0
    assert "Cup of Tea" in out.read_text()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("map.gif", "unknown picture type '.gif'"),
        ("map", "unknown picture type '(none)'"),
        ("missing-folder/map.png", "does not exist"),
        ("a-file.txt/map.png", "cannot write"),
    ],
)
def test_bad_outputs_give_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, expected: str) -> None:
    (tmp_path / "a-file.txt").write_text("not a folder")
    code, out, err = run(capsys, "export", str(EXAMPLE), "-o", str(tmp_path / name))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["a-file.txt"]


def test_a_broken_map_gives_one_line_and_no_picture(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.wardley.json"
    broken.write_text('{"format": "wardley-map", "version": 1, "elements": [{"id": "a"}, {"id": "a"}]}')
    out = tmp_path / "map.png"
    code, _, err = run(capsys, "export", str(broken), "-o", str(out))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"wardley export: {broken}: "), err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.wardley.json"]


def test_missing_input_and_unknown_theme(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(tmp_path / "none.wardley.json"), "-o", str(tmp_path / "x.png"))
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    code, _, err = run(capsys, "export", str(EXAMPLE), "-o", str(tmp_path / "x.png"), "--theme", "neon")
    assert code == 2 and "unknown theme 'neon'" in err
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(EXAMPLE), "-o", str(tmp_path / "x.png"), "--dpi", "0"])
    assert exit_.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_runs_headless_as_a_whole_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "map.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "wardley", "export", str(EXAMPLE), "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF")


def _on_a_nearly_full_disk(room: int) -> None:
    """In the child: any write past ``room`` bytes of a file fails, as on a full disk
    (the signal is ignored so the write returns an error, as ENOSPC would)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="file size limits need a POSIX child process")
@pytest.mark.parametrize("suffix", [".pdf", ".png", ".svg"])
def test_a_picture_cut_short_by_a_full_disk_is_refused_and_the_old_one_kept(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"map{suffix}"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    old = out.read_bytes()
    room = len(old) // 3
    result = subprocess.run(
        [sys.executable, "-m", "wardley", "export", str(EXAMPLE), "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=60, preexec_fn=lambda: _on_a_nearly_full_disk(room),
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"wardley export: {out}: cannot write"), result.stderr
    assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left

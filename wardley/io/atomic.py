"""Atomic file replacement: a save either lands whole or leaves the old file as it was."""

from __future__ import annotations

import errno
import os
import stat
import re
import tempfile
import time
from pathlib import Path


class FileInUseError(PermissionError):
    """The target could not be replaced although its folder is writable: on Windows, another
    program (a PDF viewer, Excel, a sync client) has it open. ``strerror`` is said to the user."""


IN_USE = "it is open in another program, or read-only (close it there, then try again)"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: A temporary file older than this is left from a save that never finished (the program was
#: killed); a younger one may be another program's save of the same file, still under way.
STALE_AFTER_SECONDS = 60.0


def remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Remove what interrupted saves of the file left beside it: hidden ``PREFIX????????.tmp`` files."""
    pattern = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}\.tmp")
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove: the save itself succeeded


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename over.

    The file keeps its permissions (a new file gets the usual umask ones); through a symbolic
    link, the file it points to is replaced and the link kept; a pipe or device is refused.
    Raises OSError on failure, after removing the temporary file: :class:`FileInUseError` when
    the target is open in another program (Windows).
    """
    target = Path(path)
    if target.is_symlink():
        # The file the link points to is the one meant; replacing the link would leave it stale.
        target = target.resolve()
    if target.exists() and not target.is_file() and not target.is_dir():  # a folder has its own error
        raise OSError(errno.EINVAL, "not a regular file (a pipe or device)", str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    # Shortened: a name near the file system's 255-byte limit would make the temporary one too long.
    prefix = f".{target.name[:80]}."
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        try:
            os.replace(temp_name, target)
        except PermissionError as error:
            # The temporary file was made in the same folder, so the folder is writable: what
            # refused is the target itself, which Windows locks while any program holds it open.
            raise FileInUseError(error.errno, IN_USE, str(target)) from error
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    remove_stale_temporaries(folder, prefix)
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # some file systems refuse to fsync a folder; the data itself is safe
    finally:
        os.close(dir_fd)

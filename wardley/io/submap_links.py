"""A submap's link: the local map file it stands for.

The link is kept in the element's ``url`` field (OWM's ``url`` line). Only a local
file is ever followed: a map must never make the app open an address or touch the
network, so anything with a scheme (``https:``, ``file:``, ``mailto:`` ...) is
refused with a reason rather than handed to a browser. A relative path is read
from the folder of the map that holds the link, so a folder of maps can be moved
or shared with its links intact.
"""

from __future__ import annotations

import re
from pathlib import Path

from wardley.io.files import JSON_SUFFIXES, OWM_SUFFIXES

#: "https://…", "mailto:…"; a Windows drive ("C:\maps\a.owm") is a path, not a scheme.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


class SubmapLinkError(ValueError):
    """The link cannot be followed; the message says why, in one line."""


def submap_path(link: str | None, holder: Path | None) -> Path:
    """The local map file ``link`` names, read relative to ``holder``'s folder (the map
    file holding the link; the current folder for a map never saved)."""
    text = (link or "").strip()
    if not text:
        raise SubmapLinkError("this submap has no linked map file (set one in Properties)")
    if _SCHEME.match(text):
        raise SubmapLinkError(f"{text!r} is an address, not a map file: wardley only opens local map files")
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = (holder.parent if holder is not None else Path.cwd()) / path
    if not path.name.lower().endswith(tuple(JSON_SUFFIXES) + tuple(OWM_SUFFIXES)):
        raise SubmapLinkError(f"{path.name!r} is not a map file (.wardley.json, .owm, .wm or .txt)")
    if not path.is_file():
        raise SubmapLinkError(f"{path} does not exist")
    return path


def link_for(path: Path, holder: Path | None) -> str:
    """What to store for ``path``: relative to the holding map's folder when it is beside or
    below it, so the pair can be moved together; else the full path."""
    if holder is not None:
        try:
            return path.resolve().relative_to(holder.parent.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)

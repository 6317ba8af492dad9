"""Work-around for PySide6 6.12 on Python 3.11: many methods that return nothing
hand back ``None`` without taking a reference to it, so every such call lowers
None's reference count by one (``it.setPos(1, 1)`` in a loop shows it). After a
few thousand calls None is "deallocated" and the process aborts with
``Fatal Python error: none_dealloc``. Python 3.12 made None immortal, which is
presumably why the bindings no longer count it; this does the same for 3.11
by giving None a reference count that no session can use up."""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if hasattr(sys, "gettotalrefcount"):
        return  # debug build: the object header starts with other fields
    # ob_refcnt is the first field of every object in a release build.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM


make_none_immortal()

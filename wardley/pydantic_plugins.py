"""Pydantic without its plugin search, which costs every start of the program about 35 ms.

Before it builds its first validator, pydantic looks for plugins (observability hooks such
as tracing) through package metadata: its ``pydantic.plugin._loader`` module imports
``importlib.metadata``, which imports the ``email`` package, then scans every installed
package. wardley uses no pydantic plugin, and ``wardley export`` of a small map takes about
half a second, so that search was 7% of it. ``PYDANTIC_DISABLE_PLUGINS`` skips only the
scan, not the import, so the loader module is stood in for with one that finds none.

Anything else asked of the stand-in (a later pydantic may import more from that module)
loads the real module and answers from it, so a newer pydantic still works, only slower.
Only the program's entry point (``wardley.cli.main``) calls it: another program importing
wardley's model keeps pydantic as it found it."""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"


class _NoPlugins(types.ModuleType):
    @staticmethod
    def get_plugins() -> Iterable[Any]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (``__path__``): a plain module has none
            raise AttributeError(name)
        if sys.modules.get(LOADER) is self:
            del sys.modules[LOADER]
        return getattr(importlib.import_module(LOADER), name)


def skip_plugin_search() -> None:
    """Stand in for pydantic's plugin loader, unless it is loaded already or the
    environment names plugins to leave out (someone is using plugins on purpose)."""
    if LOADER in sys.modules or os.environ.get("PYDANTIC_DISABLE_PLUGINS", "__all__") not in ("__all__", "1", "true"):
        return
    sys.modules[LOADER] = _NoPlugins(LOADER)

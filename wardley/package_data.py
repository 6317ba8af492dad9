"""Files shipped inside the package: the vocabulary, the JSON Schema, the icon, the example maps.

They live in the repository's top-level ``resources/`` and ``maps/`` folders, which the build maps
to ``wardley.resources`` and ``wardley.maps`` (pyproject.toml). Read through importlib.resources,
they are found the same way in a clone, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

#: The map the app opens when started without a file: a real, small public-service map.
EXAMPLE_MAP_NAME = "county-library-service.wardley.json"


def resource(name: str) -> Traversable:
    """A file in ``resources/`` (``vocabulary.json``, ``wardley-map.schema.json``, ``wardley.svg``)."""
    return files("wardley.resources") / name


def example_map(name: str = EXAMPLE_MAP_NAME) -> Traversable:
    """One of the example maps in ``maps/``."""
    return files("wardley.maps") / name


def example_maps() -> list[Traversable]:
    """Every example map, by name."""
    return sorted((item for item in files("wardley.maps").iterdir() if item.name.endswith(".wardley.json")),
                  key=lambda item: item.name)

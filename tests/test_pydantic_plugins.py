"""Pydantic's plugin search is skipped (it imported importlib.metadata and email at every
start) without changing what validation does, and a newer pydantic still gets its loader."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import MAPS

EXAMPLE = MAPS / "household-waste.wardley.json"


def run(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | env
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_loading_a_map_searches_no_package_metadata() -> None:
    out = run(
        "import sys\n"
        "from wardley.pydantic_plugins import skip_plugin_search\n"
        "skip_plugin_search()\n"
        "from wardley.io import MapFileError, load_map, parse_json_map\n"
        f"assert load_map({str(EXAMPLE)!r}).map.elements\n"
        "try:\n"
        "    parse_json_map('{\"format\": \"wardley-map\", \"version\": 1, \"elements\": [{\"id\": \"a\"}]}', 'x')\n"
        "except MapFileError as error:\n"
        "    print(error.summary())\n"
        "print(sorted(m for m in sys.modules if m == 'email' or m.startswith('importlib.metadata')))\n"
    )
    refusal, imported = out.splitlines()
    assert "$.elements[0].name: required field is missing" in refusal  # pydantic's checks, as ever
    assert imported == "[]"


def test_anything_else_asked_of_the_stand_in_comes_from_the_real_loader() -> None:
    out = run(
        "import sys\n"
        "from wardley.pydantic_plugins import skip_plugin_search\n"
        "skip_plugin_search()\n"
        "import wardley.model\n"
        "from pydantic.plugin import _loader\n"
        "print(list(_loader.get_plugins()))\n"
        "print(_loader.PYDANTIC_ENTRY_POINT_GROUP)\n"  # not on the stand-in
        "print(getattr(sys.modules['pydantic.plugin._loader'], '__file__', None) is not None)\n"
    )
    assert out.splitlines() == ["[]", "pydantic", "True"]


def test_a_chosen_set_of_plugins_leaves_pydantic_as_it_is() -> None:
    out = run(
        "import sys\n"
        "from wardley.pydantic_plugins import skip_plugin_search\n"
        "skip_plugin_search()\n"
        "import wardley.model\n"
        "print(getattr(sys.modules['pydantic.plugin._loader'], '__file__', None) is not None)\n",
        PYDANTIC_DISABLE_PLUGINS="some_plugin",
    )
    assert out == "True"


def test_the_command_skips_the_search_and_a_program_importing_the_model_keeps_it() -> None:
    out = run(
        "import sys\n"
        "from wardley.cli import main\n"
        f"assert main(['validate', {str(EXAMPLE)!r}]) == 0\n"
        "print(getattr(sys.modules['pydantic.plugin._loader'], '__file__', None) is None)\n"
    )
    assert out.splitlines()[-1] == "True"
    out = run(
        "import sys\n"
        "from wardley.io import load_map\n"
        f"assert load_map({str(EXAMPLE)!r}).map.elements\n"
        "print(getattr(sys.modules['pydantic.plugin._loader'], '__file__', None) is not None)\n"
    )
    assert out == "True"

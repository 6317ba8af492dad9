"""Example maps, shipped inside the installed package as wardley.maps (see pyproject.toml)."""

"""Data shipped inside the installed package as wardley.resources (see pyproject.toml)."""

"""The bundle's windowed app on Windows and macOS, ``wardley-app`` (PyInstaller entry script)."""

from wardley.cli import gui_main

raise SystemExit(gui_main())

"""The bundle's console command, ``wardley`` (PyInstaller entry script; see wardley.spec)."""

from wardley.cli import main

raise SystemExit(main())

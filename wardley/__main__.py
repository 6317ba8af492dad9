from wardley.cli import main

# Guarded: a worker process started afresh (spawn, as on Windows and macOS) may import this
# module, and must not run the command again.
if __name__ == "__main__":
    raise SystemExit(main())

"""One module per ``wardley`` command; see :data:`wardley.cli.COMMANDS`."""

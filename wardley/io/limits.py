"""Bounds that keep a hostile or broken file from exhausting the machine."""

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Elements, links, notes and the rest, counted together (snapshots included).
MAX_ITEMS = 100_000

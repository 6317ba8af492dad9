"""Bounds that keep a hostile or broken file from exhausting the machine."""

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Elements, links, notes and the rest, counted together (snapshots included).
MAX_ITEMS = 100_000


def too_many_items(count: int) -> str:
    return f"too large: {count:,} items by this line (at most {MAX_ITEMS:,} are read)"


class TooManyItems(Exception):
    """A reader counted more than :data:`MAX_ITEMS` before building any record."""

    def __init__(self, count: int, line: int = 0) -> None:
        super().__init__(too_many_items(count))
        self.count = count
        self.line = line

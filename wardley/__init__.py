"""wardley: Wardley maps for public services, and what they should share."""

__version__ = "0.1.0"

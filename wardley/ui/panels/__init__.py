"""Docked panels around the canvas: each follows the document's change events."""

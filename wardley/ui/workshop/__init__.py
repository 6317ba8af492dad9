"""Workshops and coaching in the app: presentation mode, focus on one need's value
chain, snapshots and comparisons, and the guided start. Installed into a main
window by :func:`wardley.ui.workshop.install.install_workshop_actions`."""

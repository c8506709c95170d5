"""Steelframe's front ends: the headless command line (app.cli) and, later, the PySide6 desktop app.

Nothing here imports Qt, so ``python -m app`` and the ``steelframe`` script run on a CI machine
without a display; the desktop modules import Qt themselves.
"""

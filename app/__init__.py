"""Steelframe's front ends: the headless command line (``app.cli``) and the PySide6 desktop app.

Nothing imported at package level pulls in Qt, so ``python -m app`` and the ``steelframe`` script
run on a CI machine without a display; the desktop packages (``window``, ``canvas``, ``document``,
``panels``, ``files``, ``printing``) import Qt themselves.
"""

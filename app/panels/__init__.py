"""The dockable side panels of the desktop app: palette, model tree, property editor, violations, history.

Each panel is handed the document (and the shared selection) it follows; none talks to another.
"""

"""The main window and what hangs off it: the command table, menus and toolbar, docks, view tabs,
keyboard capture, presentation mode, themes, help, and the desktop app's entry point."""

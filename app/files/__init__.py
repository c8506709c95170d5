"""The File menu's work: open, save, import and export, recent files, autosave and crash recovery."""

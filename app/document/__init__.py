"""One open model as the desktop app holds it: the document controller (model, undo stack, live
engine), the shared selection, and the edit verbs (editing, copy and paste) that every view calls."""

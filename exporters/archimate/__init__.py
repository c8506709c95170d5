"""ArchiMate Open Group exchange format 3.1: export and import, as DESIGN.md maps it."""

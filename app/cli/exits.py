"""The command line's exit codes, as DESIGN.md fixes them."""

EXIT_OK, EXIT_VIOLATIONS, EXIT_UNUSABLE = 0, 1, 2

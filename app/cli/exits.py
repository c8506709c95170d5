"""The command line's exit codes: DESIGN.md's three, and one for a failure of Steelframe itself."""

#: 0 nothing at or above --fail-on; 1 violations at or above it; 2 unusable input (one line, nothing
#: written); 3 an unexpected error inside Steelframe (one line, the traceback in a log file or with --debug).
EXIT_OK, EXIT_VIOLATIONS, EXIT_UNUSABLE, EXIT_CRASH = 0, 1, 2, 3

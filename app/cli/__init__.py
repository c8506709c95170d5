"""The ``steelframe`` command line: create, check, import, export and list rules headless, for people
and CI pipelines.

``main`` builds the parser and turns every unusable input into exit code 2 with one line
``steelframe: FILE: reason`` and nothing written; each subcommand lives in its own module and imports
what it needs when it runs. Nothing here imports Qt: ``gui`` imports the desktop app only when asked.
"""

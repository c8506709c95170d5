"""The bundle's entry script: the frozen ``steelframe`` executable is this, i.e. ``app.cli.main:main``.

PyInstaller freezes a script, not a console-script entry point, so this is the bridge; ``steelframe``
with no arguments opens the desktop app, with a command it is the command line.

The bundle carries Qt and its X, Wayland and font libraries, but not OpenGL's (libGL, libEGL): those
belong to the machine's graphics driver, and every Debian desktop has them. On a machine without
them (a server, a minimal container) the command line still works, and the desktop app says what
to install in one line instead of a traceback.
"""

import sys

from app.cli.main import main

MISSING_LIBRARY = "cannot open shared object file"


def run() -> int:
    try:
        return main()
    except ImportError as error:
        if MISSING_LIBRARY not in str(error):
            raise
        sys.stderr.write(
            f"steelframe: the desktop app cannot start: {error} "
            "(Debian: apt-get install libgl1 libegl1; the command line works without them)\n"
        )
        return 2


if __name__ == "__main__":
    sys.exit(run())

"""PyInstaller runtime hook: programs the bundle starts get the machine's library path, not the bundle's.

The bootloader prepends the bundle's ``_internal`` folder to LD_LIBRARY_PATH (keeping the caller's
value in LD_LIBRARY_PATH_ORIG) before it starts the frozen interpreter. The dynamic loader of this
process read that at start-up, so the bundle's own libraries are already found; but every child
inherits it, and Graphviz's ``dot`` (run by the exporters and Model -> Arrange) would then load the
bundle's copies of libz, libexpat, GLib, libstdc++... built for the build machine instead of its own.
Putting the caller's value back here, before any Steelframe code runs, fixes every child at once.
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)

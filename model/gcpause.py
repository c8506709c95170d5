"""Keep the cyclic garbage collector off while a model file or an exchange file is read or written."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


class _CollectorPause:
    """Pause the cyclic garbage collector while a file is read or written.

    Loading allocates hundreds of thousands of long-lived objects, which makes the collector rescan
    the whole heap again and again: on a 40,000-item model that doubles or triples the load time.
    Nothing here creates garbage cycles that need collecting promptly. Pauses nest and may overlap
    across threads; the collector comes back on when the last one ends, if it was on at the first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._resume:
                    gc.enable()


collector_paused = _CollectorPause()

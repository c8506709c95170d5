"""An unexpected error in the command line: exit code 3 and one line naming what failed, the traceback
written to a log file (or to stderr with ``--debug``), so that CI tells a crash from a finding."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from pathlib import Path

from app.cli.exits import EXIT_CRASH
from model.safe_text import shown

#: Where the traceback of a crash goes, unless ``--debug`` prints it.
ENV_LOG = "STEELFRAME_CRASH_LOG"


def crash_log_path() -> Path:
    """``$STEELFRAME_CRASH_LOG``, else ``$XDG_STATE_HOME/steelframe/crash.log`` (``~/.local/state/...``)."""
    override = os.environ.get(ENV_LOG)
    if override:
        return Path(override)
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "steelframe" / "crash.log"


def report_crash(error: BaseException, command: str, debug: bool) -> int:
    """Say in one line what failed and where the traceback is; returns EXIT_CRASH."""
    what = f"{type(error).__name__}: {shown(str(error), 200)}" if str(error) else type(error).__name__
    details = "".join(traceback.format_exception(error))
    if debug:
        sys.stderr.write(details)
        where = "the traceback is above"
    else:
        where = _logged(details, command)
    sys.stderr.write(f"steelframe: internal error in '{command}': {what} ({where}; please report it)\n")
    return EXIT_CRASH


def _logged(details: str, command: str) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    entry = f"--- {stamp} steelframe {command} (pid {os.getpid()})\n{details}\n"
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(entry)
    except OSError:
        return "rerun with --debug for the traceback"
    return f"traceback in {shown(os.fspath(path), 200)}"


class WarningLines(logging.Handler):
    """Warnings of the readers (skipped files, kept records) as ``steelframe: warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().splitlines())
        sys.stderr.write(f"steelframe: warning: {message}\n")


def show_warnings() -> logging.Handler:
    """Install (once per call of ``main``) the handler; returns it for removal."""
    handler = WarningLines(logging.WARNING)
    logging.getLogger("exporters").addHandler(handler)
    logging.getLogger("model").addHandler(handler)
    return handler


def hide_warnings(handler: logging.Handler) -> None:
    logging.getLogger("exporters").removeHandler(handler)
    logging.getLogger("model").removeHandler(handler)

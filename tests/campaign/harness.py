"""Running the command line on one hostile input and judging the outcome as the campaign promises:
exit 0/1 with a valid result or exit 2 with one line; never a traceback, a hang, a changed input or a
write outside the output named."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from app.cli.exits import EXIT_OK, EXIT_UNUSABLE, EXIT_VIOLATIONS
from app.cli.main import main

#: Seconds one input may take before it counts as a hang.
TIMEOUT = 20


class Hang(Exception):
    """An input ran past TIMEOUT."""


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        """stderr without the warnings (skipped records and the like), which may come with any result."""
        return [line for line in self.err.splitlines() if not line.startswith("steelframe: warning: ")]


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(argv: Sequence[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with deadline(TIMEOUT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Outcome(code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target, or the kind of anything else."""
    found: dict[str, bytes | str] = {}
    for root, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(root) / name
            relative = os.fspath(path.relative_to(folder))
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                found[relative] = "link to " + os.readlink(path)
            elif stat.S_ISREG(mode):
                found[relative] = path.read_bytes()
            else:
                found[relative] = "folder" if stat.S_ISDIR(mode) else "special"
    return found


def assert_handled(outcome: Outcome, before: dict[str, bytes | str], after: dict[str, bytes | str],
                   outputs: Sequence[str] = (), json_out: bool = False) -> None:
    """The promise of the command line, for one input."""
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.code in (EXIT_OK, EXIT_VIOLATIONS, EXIT_UNUSABLE), outcome.err
    if outcome.code == EXIT_UNUSABLE:
        assert len(outcome.problems) == 1 and outcome.problems[0].startswith("steelframe: "), outcome.err
        assert len(outcome.problems[0]) < 1000, "an echoed value is shortened"
        assert after == before, "an unusable input writes nothing"
        return
    assert outcome.problems == [], outcome.err
    if json_out:
        json.loads(outcome.out)
    for name, content in before.items():
        if not any(name == output or name.startswith(output + os.sep) for output in outputs):
            assert after.get(name) == content, f"{name} changed"
    written = set(after) - set(before)
    assert all(any(name == output or name.startswith(output + os.sep) for output in outputs)
               for name in written), f"written outside the output named: {written}"

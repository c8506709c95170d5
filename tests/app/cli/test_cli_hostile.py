"""The holes a hostile-input and fault campaign found, one reproduction each: exit codes, limits, odd
files and paths, links, overwrites, terminal escapes."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from app.cli.exits import EXIT_CRASH, EXIT_OK, EXIT_UNUSABLE, EXIT_VIOLATIONS
from app.cli.main import main
from exporters.adr import write_adrs
from model.atomic import write_atomically
from model.fileformat import save_model, to_json
from model.templates import build_template

MODEL = "m.steelframe.json"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STEELFRAME_CRASH_LOG", os.fspath(tmp_path / "logs" / "crash.log"))
    save_model(build_template("retail"), tmp_path / MODEL)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(result: tuple[int, str, str], *words: str) -> str:
    code, _, err = result
    assert code == EXIT_UNUSABLE, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err
    return err


# ------------------------------------------------------------- 3: crashes


def test_an_internal_error_exits_3_with_one_line_and_the_traceback_in_the_log(
        workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("boom")

    monkeypatch.setattr("app.cli.check.check_model", broken)
    code, _, err = run(capsys, "check", MODEL)
    assert code == EXIT_CRASH and code not in (EXIT_VIOLATIONS, EXIT_UNUSABLE)
    assert err.count("\n") == 1 and "internal error in 'check': KeyError" in err and "Traceback" not in err
    log = (workdir / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError: 'boom'" in log
    code, _, err = run(capsys, "--debug", "check", MODEL)
    assert code == EXIT_CRASH and "Traceback" in err


# --------------------------------------------------- 4, 6, 7: bad input


def test_an_integer_of_5000_digits_in_json_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "big.json").write_text('{"format": ' + "9" * 5000 + "}", encoding="utf-8")
    refused(run(capsys, "check", "big.json"), "more than 4300 digits")


def test_an_integer_of_5000_digits_in_xml_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", MODEL, "--to", "archimate", "-o", "m.xml")[0] == EXIT_OK
    text = (workdir / "m.xml").read_text(encoding="utf-8")
    huge = re.sub(r'(<node [^>]*?x=")\d+"', lambda m: m.group(1) + "9" * 5000 + '"', text, count=1)
    (workdir / "big.xml").write_text(huge, encoding="utf-8")
    err = refused(run(capsys, "import", "big.xml", "-o", "out.steelframe.json"), "more than 30 digits")
    assert len(err) < 400 and not (workdir / "out.steelframe.json").exists()


def test_a_lone_surrogate_is_refused_on_load_with_its_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = to_json(build_template("blank")).replace('"name": "', '"name": "\\ud800', 1)
    (workdir / "s.steelframe.json").write_text(text, encoding="utf-8")
    refused(run(capsys, "check", "s.steelframe.json"), "\\ud800", "line ", "cannot be saved")


def test_a_surrogate_pair_is_a_character(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = to_json(build_template("blank")).replace('"name": "', '"name": "\\ud83d\\ude00', 1)
    (workdir / "p.steelframe.json").write_text(text, encoding="utf-8")
    assert run(capsys, "check", "p.steelframe.json")[0] == EXIT_OK


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_only_regular_files_are_read(workdir: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    if kind == "device":
        source = "/dev/zero"
    else:
        os.mkfifo(workdir / "pipe")
        source = "pipe"
    started = time.monotonic()
    refused(run(capsys, "check", source), "not a regular file")
    refused(run(capsys, "import", source, "-o", "o.steelframe.json"), "not a regular file")
    assert time.monotonic() - started < 10


def test_a_file_over_the_limit_names_the_limit(workdir: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("model.fileformat.reading.MODEL_LIMIT", 100)
    refused(run(capsys, "check", MODEL), "larger than the 100 bytes limit for a model file")


# ------------------------------------------------ 5, 10, 11: odd outputs


@pytest.mark.parametrize("command", [["new", "--template", "blank"], ["import", "m.xml"],
                                     ["export", MODEL, "--to", "dot"]])
def test_a_symlink_loop_as_output_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str],
                                             command: list[str]) -> None:
    (workdir / "m.xml").write_bytes(b"")
    os.symlink("b", workdir / "a")
    os.symlink("a", workdir / "b")
    refused(run(capsys, *command, "-o", "a"), "symbolic link loop")


def test_an_export_does_not_write_through_a_link(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = workdir / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    os.symlink(outside, workdir / "link.dot")
    refused(run(capsys, "export", MODEL, "--to", "dot", "-o", "link.dot", "--force"), "symbolic link")
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_an_export_never_overwrites_its_input(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (workdir / MODEL).read_bytes()
    refused(run(capsys, "export", MODEL, "--to", "dot", "-o", MODEL, "--force"), "is the input")
    os.link(workdir / MODEL, workdir / "hard.dot")
    refused(run(capsys, "export", MODEL, "--to", "dot", "-o", "hard.dot", "--force"), "is the input")
    assert (workdir / MODEL).read_bytes() == before


def test_an_export_follows_the_force_rule(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", MODEL, "--to", "dot", "-o", "m.dot")[0] == EXIT_OK
    refused(run(capsys, "export", MODEL, "--to", "dot", "-o", "m.dot"), "already exists (use --force")
    assert run(capsys, "export", MODEL, "--to", "dot", "-o", "m.dot", "--force")[0] == EXIT_OK


def test_an_export_refuses_a_fifo(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(workdir / "pipe.dot")
    refused(run(capsys, "export", MODEL, "--to", "dot", "-o", "pipe.dot", "--force"), "FIFO")
    assert not (workdir / "pipe.dot").is_file()


# ------------------------------------------------------- 12: temporaries


def test_a_killed_save_s_temporary_is_cleaned_on_the_next_save_and_load(workdir: Path) -> None:
    dead = workdir / f".{MODEL}.999999999-0123abcd.tmp"  # no such process
    dead.write_bytes(b"half a model")
    mine = workdir / f".{MODEL}.{os.getpid()}-0123abcd.tmp"  # a save of this process still running
    mine.write_bytes(b"")
    other = workdir / ".unrelated.999999999-0123abcd.tmp"
    other.write_bytes(b"")
    write_atomically(workdir / MODEL, (workdir / MODEL).read_bytes())
    assert not dead.exists() and mine.exists() and other.exists()
    dead.write_bytes(b"again")
    main(["check", MODEL])
    assert not dead.exists()


# ----------------------------------------------------------- 13: escapes


def test_names_reach_the_terminal_without_escape_sequences(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = build_template("retail")
    with model.transaction("rename"):
        model.update_settings(name="\x1b]0;owned\x07Shop\x1b[31m")
    save_model(model, workdir / "e.steelframe.json")
    code, out, _ = run(capsys, "check", "e.steelframe.json")
    assert code == EXIT_VIOLATIONS and "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned" in out
    code, out, _ = run(capsys, "export", "e.steelframe.json", "--to", "dot", "-o", "x\x1b[2J.dot")
    assert code == EXIT_OK and "\x1b" not in out


# ---------------------------------------------------- 9, 10, 11: records


def records(workdir: Path) -> Path:
    folder = workdir / "decisions"
    write_adrs(build_template("insurer"), folder)
    return folder


def first_record(folder: Path) -> Path:
    return next(p for p in sorted(folder.glob("0*.md")))


def import_with(workdir: Path, capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[int, str, str]:
    assert run(capsys, "export", MODEL, "--to", "archimate", "-o", "x.xml", "--force")[0] == EXIT_OK
    return run(capsys, "import", "x.xml", "--decisions", os.fspath(folder), "-o", "o.steelframe.json", "--force")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "latin-1"])
def test_records_in_other_encodings_are_read(workdir: Path, capsys: pytest.CaptureFixture[str],
                                             encoding: str) -> None:
    folder = records(workdir)
    record = first_record(folder)
    text = record.read_text(encoding="utf-8").replace("## Context and Problem Statement\n",
                                                      "## Context and Problem Statement\n\nCafé crème.\n")
    record.write_bytes(text.encode(encoding))
    code, _, err = import_with(workdir, capsys, folder)
    assert code == EXIT_OK, err
    assert "Café crème." in (workdir / "o.steelframe.json").read_text(encoding="utf-8")
    assert "skipped" not in err


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda text: text.replace("\n---\n", "\n", 1), "not closed"),
    (lambda text: re.sub(r'steelframe-id: "([^"]*)"', r'steelframe-id: ["\1", "x"]', text), "a list"),
    (lambda text: "# A note\n", "does not start with a '---'"),
])
def test_every_skipped_record_is_named_with_its_reason(workdir: Path, capsys: pytest.CaptureFixture[str],
                                                       damage: object, reason: str) -> None:
    folder = records(workdir)
    record = first_record(folder)
    record.write_text(damage(record.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    code, _, err = import_with(workdir, capsys, folder)
    assert code == EXIT_OK
    assert f"warning: {record}: skipped: " in err and reason in err


def test_a_header_nested_2000_deep_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = records(workdir)
    record = first_record(folder)
    text = record.read_text(encoding="utf-8").replace("\n---\n", "\ntags: " + "[" * 2000 + "]" * 2000 + "\n---\n", 1)
    record.write_text(text, encoding="utf-8")
    refused(import_with(workdir, capsys, folder), "nested too deeply")


def test_odd_files_in_the_decisions_folder_are_skipped_with_a_warning(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = records(workdir)
    secret = workdir / "secret.md"
    secret.write_text(first_record(folder).read_text(encoding="utf-8").replace("dec-", "leak-"), encoding="utf-8")
    os.symlink(secret, folder / "0098-leak.md")
    os.symlink("/dev/zero", folder / "0099-zero.md")
    os.mkfifo(folder / "0097-pipe.md")
    started = time.monotonic()
    code, _, err = import_with(workdir, capsys, folder)
    assert code == EXIT_OK and time.monotonic() - started < 30
    assert "0098-leak.md: skipped: a symbolic link to outside the folder" in err
    assert "0099-zero.md: skipped" in err and "0097-pipe.md: skipped" in err
    assert "leak-" not in (workdir / "o.steelframe.json").read_text(encoding="utf-8")


def test_an_adr_export_never_writes_through_a_linked_record(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = build_template("insurer")
    save_model(model, workdir / "i.steelframe.json")
    folder = records(workdir)
    record = first_record(folder)
    outside = workdir / "outside.md"
    outside.write_bytes(record.read_bytes())
    record.unlink()
    os.symlink(outside, record)
    before = outside.read_bytes()
    refused(run(capsys, "export", "i.steelframe.json", "--to", "adr", "-o", os.fspath(folder)), "not written by")
    assert outside.read_bytes() == before and record.is_symlink()


def test_an_adr_export_keeps_another_model_s_records_and_says_what_it_removes(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = records(workdir)  # the insurer's records
    theirs = sorted(p.name for p in folder.glob("0*.md"))
    code, _, err = run(capsys, "export", MODEL, "--to", "adr", "-o", os.fspath(folder))  # the retail model
    assert code == EXIT_OK
    for name in theirs:
        assert (folder / name).exists() or f"{folder / name}: removed" in err
    assert "kept: its decision" in err and "removed" not in err

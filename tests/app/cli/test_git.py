"""Steelframe with real git: git-setup installs the driver, ``git merge`` and ``git diff`` run for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from model.elements import Fact
from model.fileformat import load_model, save_model
from model.relations import Flow
from model.store import Model
from model.templates import build_template
from model.views import Bounds, ViewInfo
from model.vocabulary import FlowStyle

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

MODEL = "estate.steelframe.json"
Edit = Callable[[Model], None]


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=120, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stdout}{done.stderr}")
    return done


def steelframe(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "app", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "architect@example.com")
    git(tmp_path, "config", "user.name", "Architect")
    save_model(build_template("retail"), tmp_path / MODEL)
    setup = steelframe(tmp_path, "git-setup")
    assert setup.returncode == 0, setup.stderr
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def commit_edit(repo: Path, branch: str, edit: Edit, create: bool = True) -> None:
    git(repo, "checkout", "-q", *(["-b"] if create else []), branch)
    model = load_model(repo / MODEL)
    with model.transaction(branch):
        edit(model)
    save_model(model, repo / MODEL)
    git(repo, "commit", "-qam", f"edit on {branch}")


def merge_branches(repo: Path, ours: Edit, theirs: Edit) -> subprocess.CompletedProcess[str]:
    commit_edit(repo, "theirs", theirs)
    commit_edit(repo, "main", ours, create=False)
    return git(repo, "merge", "theirs", check=False)


def test_git_setup_records_this_interpreter(repo: Path) -> None:
    driver = git(repo, "config", "--get", "merge.steelframe.driver").stdout
    assert sys.executable in driver and driver.strip().endswith("merge %O %A %B --name %P")
    assert (repo / ".gitattributes").read_text() == "*.steelframe.json merge=steelframe diff=steelframe\n"
    assert steelframe(repo, "git-setup").returncode == 0
    assert (repo / ".gitattributes").read_text().count("merge=steelframe") == 1, "running it twice adds nothing"


def test_disjoint_edits_merge_with_both_kept(repo: Path) -> None:
    def ours(model: Model) -> None:
        model.update_element("ctx-ordering", name="Orders")
        model.place(model.views()[0].id, "ctx-ordering", Bounds(x=1000, y=1000))

    def theirs(model: Model) -> None:
        model.update_element("ctx-ordering", description="Takes orders, all of them")
        model.add_element(Fact(id="fact-new", name="New fact"))

    done = merge_branches(repo, ours, theirs)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = load_model(repo / MODEL)
    assert merged.element("ctx-ordering").name == "Orders"
    assert merged.element("ctx-ordering").description == "Takes orders, all of them"
    assert merged.find_element("fact-new") is not None and merged.conflicts() == []
    assert git(repo, "status", "--porcelain").stdout == ""


def rename(name: str) -> Edit:
    return lambda model: model.update_element("ctx-billing", name=name)


def delete(model: Model) -> None:
    model.remove_element("ctx-billing")


def add_flow(model: Model) -> None:
    model.add_relation(Flow(id="flow-new", source="ctx-ordering", target="ctx-billing", style=FlowStyle.EVENT))


def add_box(model: Model) -> None:
    model.add_view(ViewInfo(id="view-billing", name="Billing close-up"))
    model.place("view-billing", "ctx-billing", Bounds(x=5, y=5))


@pytest.mark.parametrize(("ours", "theirs", "expected", "rule"), [
    (rename("Billing A"), rename("Billing B"), ("attribute", "name", None), "SF201"),
    (delete, rename("Billing B"), ("deleted", "", "ours"), "SF202"),
    (add_flow, delete, ("deleted", "", "theirs"), "SF202"),
    (delete, add_box, ("deleted", "", "ours"), "SF202"),
], ids=["same-attribute", "deleted-vs-changed", "relation-to-deleted", "box-for-deleted"])
def test_each_conflict_gives_a_valid_file_and_the_right_conflict(
    repo: Path, ours: Edit, theirs: Edit, expected: tuple[str, str, str | None], rule: str
) -> None:
    done = merge_branches(repo, ours, theirs)
    assert done.returncode == 1 and "CONFLICT" in done.stdout
    merged = load_model(repo / MODEL)  # loads: a valid model, no conflict markers
    [conflict] = merged.conflicts()
    assert (conflict.kind, conflict.attribute, conflict.deleted_by) == expected
    assert conflict.item == "ctx-billing" and merged.find_element("ctx-billing") is not None
    check = steelframe(repo, "check", MODEL)
    assert check.returncode == 1 and rule in check.stdout


def test_git_diff_and_log_show_the_semantic_diff(repo: Path) -> None:
    commit_edit(repo, "main", rename("Invoicing"), create=False)
    shown = git(repo, "diff", "HEAD~1", "--", MODEL).stdout
    assert 'name: "Billing" → "Invoicing"' in shown and "context Invoicing" in shown
    log = git(repo, "log", "-p", "-1").stdout
    assert '-elements context [ctx-billing]  name = "Billing"' in log
    assert '+elements context [ctx-billing]  name = "Invoicing"' in log


def test_check_baseline_at_a_git_revision(repo: Path) -> None:
    commit_edit(repo, "main", lambda m: m.add_element(Fact(id="orphan", name="Orphan")), create=False)
    done = steelframe(repo, "check", MODEL, "--baseline", "HEAD~1")
    assert done.returncode == 1 and "(new)" in done.stdout
    assert f"1 new and 0 fixed since {MODEL}@HEAD~1" in done.stdout
    unknown = steelframe(repo, "check", MODEL, "--baseline", "no-such-branch")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "unknown git revision" in unknown.stderr


def test_a_revision_outside_a_git_repository(tmp_path: Path) -> None:
    save_model(build_template("retail"), tmp_path / MODEL)
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)}
    done = subprocess.run([sys.executable, "-m", "app", "check", MODEL, "--baseline", "HEAD"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 2 and "not in a git repository" in done.stderr and done.stdout == ""

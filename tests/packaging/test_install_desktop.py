"""packaging/install-desktop.sh, run on a stand-in bundle into a scratch HOME (never the real one)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from desktop_share import APP_ID, ICON_SIZES, MIME_TYPE, ROOT, lay_out_share

from tests.packaging.desktop_entry import entry, exec_argv

SCRIPT = ROOT / "packaging" / "install-desktop.sh"
#: A stand-in for the frozen executable: it writes down the arguments it was started with.
STUB = '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/launched-with"\n'


@dataclass
class Desktop:
    """A bundle (executable stub, share/, the script) and the scratch HOME it is installed into."""

    bundle: Path
    home: Path

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share"

    @property
    def entry(self) -> Path:
        return self.data / "applications" / f"{APP_ID}.desktop"

    def env(self) -> dict[str, str]:
        return {"HOME": str(self.home), "PATH": "/usr/bin:/bin", "XDG_DATA_DIRS": "/usr/share"}

    def install(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["bash", str(self.bundle / "install-desktop.sh"), *args], env=self.env(),
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == expect, done.stdout + done.stderr
        return done


@pytest.fixture(params=["Program Files", 'odd $dir "quoted" `tick` \\'])
def desktop(request: pytest.FixtureRequest, tmp_path: Path) -> Desktop:
    bundle = tmp_path / request.param / APP_ID
    bundle.mkdir(parents=True)
    (bundle / APP_ID).write_text(STUB, encoding="utf-8")
    (bundle / APP_ID).chmod(0o755)
    lay_out_share(bundle / "share")
    shutil.copy2(SCRIPT, bundle / "install-desktop.sh")
    return Desktop(bundle, tmp_path / "home")


def test_it_installs_the_entry_icons_mime_type_and_command(desktop: Desktop) -> None:
    said = desktop.install("--user").stdout
    assert f"into {desktop.data}" in said
    keys = entry(desktop.entry)
    model = "/m/a b.steelframe.json"
    assert exec_argv(keys["Exec"], model) == [str(desktop.bundle / APP_ID), "gui", model]
    assert keys["Icon"] == APP_ID and MIME_TYPE in keys["MimeType"]
    assert (desktop.data / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (desktop.data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (desktop.data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    command = desktop.home / ".local" / "bin" / APP_ID
    assert command.is_symlink() and command.resolve() == (desktop.bundle / APP_ID).resolve()


def test_the_installed_entry_is_valid(desktop: Desktop) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    desktop.install()
    done = subprocess.run(["desktop-file-validate", str(desktop.entry)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == "", done.stdout


def test_the_mime_database_knows_model_files(desktop: Desktop) -> None:
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    desktop.install()
    globs = (desktop.data / "mime" / "globs2").read_text(encoding="utf-8")
    assert f":{MIME_TYPE}:*.steelframe.json" in globs
    if shutil.which("update-desktop-database"):
        cache = (desktop.data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={APP_ID}.desktop;" in cache


def test_double_clicking_a_model_starts_the_bundle_on_it(desktop: Desktop) -> None:
    """What a file manager does: ``gio open`` finds the type, then the entry, then runs its Exec."""
    if shutil.which("gio") is None or shutil.which("update-mime-database") is None:
        pytest.skip("gio (Debian: libglib2.0-bin) or update-mime-database (shared-mime-info) is not installed")
    desktop.install()
    model = desktop.home / "My Models" / "the shop.steelframe.json"
    model.parent.mkdir(parents=True)
    model.write_text('{"format": "steelframe"}\n', encoding="utf-8")
    env = desktop.env()
    kind = subprocess.run(["gio", "info", "-a", "standard::content-type", str(model)], env=env,
                          capture_output=True, text=True, check=True).stdout
    assert f"standard::content-type: {MIME_TYPE}" in kind
    subprocess.run(["gio", "open", str(model)], env=env, capture_output=True, text=True, check=True, timeout=30)
    launched = desktop.bundle / "launched-with"
    deadline = time.monotonic() + 10
    while not launched.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert launched.read_text(encoding="utf-8").splitlines() == ["gui", str(model)]


def test_uninstall_removes_what_it_installed(desktop: Desktop) -> None:
    desktop.install()
    desktop.install("--uninstall")
    assert not desktop.entry.exists()
    assert not list((desktop.data / "icons").rglob(f"{APP_ID}.*"))
    assert not (desktop.data / "mime" / "packages" / f"{APP_ID}.xml").exists()
    assert not (desktop.home / ".local" / "bin" / APP_ID).exists()


def test_an_unrelated_command_of_that_name_is_left_alone(desktop: Desktop) -> None:
    other = desktop.home / ".local" / "bin" / APP_ID
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    assert "left alone" in desktop.install().stdout
    desktop.install("--uninstall")
    assert other.read_text(encoding="utf-8") == "#!/bin/sh\n"


def test_xdg_data_home_is_honoured(desktop: Desktop, tmp_path: Path) -> None:
    data = tmp_path / "xdg data"
    env = {**desktop.env(), "XDG_DATA_HOME": str(data)}
    done = subprocess.run(["bash", str(desktop.bundle / "install-desktop.sh")], env=env, capture_output=True,
                          text=True, check=True)
    assert (data / "applications" / f"{APP_ID}.desktop").is_file(), done.stdout


def test_a_missing_bundle_or_a_wrong_argument_is_refused(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    missing = subprocess.run(["bash", str(SCRIPT), "--bundle", str(tmp_path / "nowhere")], env=env,
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "no bundle at" in missing.stderr
    wrong = subprocess.run(["bash", str(SCRIPT), "--everyone"], env=env, capture_output=True, text=True, check=False)
    assert wrong.returncode == 2 and "unknown argument '--everyone'" in wrong.stderr
    assert "--system" in wrong.stdout + wrong.stderr  # the usage


def test_a_path_desktops_cannot_start_is_refused(tmp_path: Path) -> None:
    """GLib keeps Exec's %% when it looks for the program, so a bundle under a % is not installable."""
    bundle = tmp_path / "100%" / APP_ID
    bundle.mkdir(parents=True)
    (bundle / APP_ID).write_text(STUB, encoding="utf-8")
    (bundle / APP_ID).chmod(0o755)
    lay_out_share(bundle / "share")
    done = subprocess.run(["bash", str(SCRIPT), "--bundle", str(bundle)], env={"HOME": str(tmp_path / "home")},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "has a % or a line break" in done.stderr
    assert not (tmp_path / "home" / ".local").exists()


def test_help_shows_the_usage() -> None:
    done = subprocess.run(["bash", str(SCRIPT), "--help"], capture_output=True, text=True, check=True)
    assert "install-desktop.sh --uninstall" in done.stdout
    assert not done.stdout.startswith("#")


def test_uninstall_without_an_install_is_harmless(desktop: Desktop) -> None:
    assert "removed" in desktop.install("--uninstall").stdout
    assert not (desktop.home / ".local").exists()

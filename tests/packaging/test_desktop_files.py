"""The desktop entry and the MIME type: valid, consistent with each other and with the app."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess

import pytest
from desktop_share import APP_ID, DESKTOP_FILE, MIME_FILE, MIME_TYPE, ROOT, lay_out_share, share_files
from lxml import etree

from app.cli import main as cli
from app.window.main import DESKTOP_FILE_NAME, application
from app.window.settings import APPLICATION
from tests.packaging.desktop_entry import entry, exec_argv

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_desktop_entry_is_valid() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_entry_names_the_app_its_icon_and_its_file_type() -> None:
    keys = entry(DESKTOP_FILE)
    assert keys["Type"] == "Application"
    assert keys["Name"] == "Steelframe"
    assert keys["Icon"] == APP_ID
    assert MIME_TYPE in keys["MimeType"].split(";")
    assert keys["Terminal"] == "false"
    assert keys["StartupWMClass"] == APPLICATION  # the class Qt gives the window (WM_CLASS)
    assert DESKTOP_FILE.stem == DESKTOP_FILE_NAME == APP_ID  # the app's setDesktopFileName


def test_the_app_names_its_entry_and_shows_the_icon(qapp) -> None:
    """Wayland's app id and X11's _GTK_APPLICATION_ID come from the desktop file name."""
    app = application()
    assert app.desktopFileName() == DESKTOP_FILE.stem
    assert not app.windowIcon().isNull()


@pytest.mark.parametrize("model", ["/home/ana/shop.steelframe.json", "/home/ana/My Models/a shop %20.steelframe.json"])
def test_double_clicking_a_model_runs_steelframe_gui_on_it(model: str) -> None:
    argv = exec_argv(entry(DESKTOP_FILE)["Exec"], model)
    assert argv == ["steelframe", "gui", model]
    assert cli.build_parser().parse_args(argv[1:]).model == model


def test_starting_from_the_menu_opens_an_empty_model() -> None:
    argv = exec_argv(entry(DESKTOP_FILE)["Exec"], None)
    assert argv == ["steelframe", "gui"]
    assert cli.build_parser().parse_args(argv[1:]).model is None


def test_the_mime_type_parses_and_claims_model_files() -> None:
    root = etree.parse(str(MIME_FILE)).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    globs = [glob.get("pattern") for glob in mime_type.findall(f"{MIME_NS}glob")]
    assert globs == ["*.steelframe.json"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert mime_type.find(f"{MIME_NS}icon").get("name") == APP_ID
    assert mime_type.findtext(f"{MIME_NS}comment")
    for example in (ROOT / "resources" / "examples").glob("*.json"):
        assert fnmatch.fnmatch(example.name, globs[0])


def test_update_mime_database_accepts_it(tmp_path) -> None:
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME_FILE, packages / f"{APP_ID}.xml")
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True)
    assert f":{MIME_TYPE}:*.steelframe.json" in (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")


def test_the_bundle_share_folder_has_the_xdg_layout(tmp_path) -> None:
    written = lay_out_share(tmp_path)
    relative = sorted(str(path.relative_to(tmp_path)) for path in written)
    assert relative == sorted(share_files())
    assert f"applications/{APP_ID}.desktop" in relative
    assert f"mime/packages/{APP_ID}.xml" in relative
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in relative
    assert f"icons/hicolor/48x48/apps/{APP_ID}.png" in relative

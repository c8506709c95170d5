#!/usr/bin/env bash
# Build the standalone Linux bundle of Steelframe: dist/steelframe/, whose executable
# dist/steelframe/steelframe is the desktop app and the whole `steelframe` command line, and runs
# on a Debian machine without Python. Copy or tar the folder; install-desktop.sh inside it adds
# the menu entry, the icons and the file type.
#
#   bash packaging/build.sh
#
# Sets up what it needs (scripts/setup.sh, binutils for PyInstaller, PyInstaller itself through
# the project's `package` extra) and only what is missing, so it is safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# PyInstaller reads binaries with objdump (binutils) and needs the shared libpython, which
# Debian's own python3 keeps in a package of its own.
packages=(binutils)
if ! .venv/bin/python -c 'import sys, sysconfig; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))'; then
  packages+=("lib$(.venv/bin/python -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")')")
fi
bash scripts/apt-install.sh build "${packages[@]}"

# Also refreshes the project's metadata, which the bundle carries for `steelframe --version`.
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[package]"

started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/steelframe.spec
seconds=$(($(date +%s) - started))
echo "steelframe build: dist/steelframe/steelframe, $(du -sh dist/steelframe | cut -f1), built in ${seconds} s"

#!/usr/bin/env bash
# Set up everything Steelframe needs on a Debian machine: Graphviz's real `dot`, the X/EGL
# libraries Qt needs offscreen and under Xvfb, fonts, the freedesktop tools the desktop-integration
# tests run (desktop-file-validate, update-mime-database, gio), a virtual environment and the project.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  graphviz xvfb xauth poppler-utils fonts-dejavu-core
  libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxcb-randr0
  desktop-file-utils shared-mime-info libglib2.0-bin
)
command -v python3 >/dev/null 2>&1 || packages+=(python3)
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || packages+=(python3-venv)

bash scripts/apt-install.sh setup "${packages[@]}"

[ -x .venv/bin/python ] || python3 -m venv .venv
# The project and its dependencies, again only when pyproject.toml changed since the last install.
stamp=.venv/.steelframe-pyproject.sha256
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
  echo "$wanted" > "$stamp"
fi

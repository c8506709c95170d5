#!/usr/bin/env bash
# Set up, then run every test and the linters: what CI runs (.ci/run) and the README's second command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
.venv/bin/ruff check .
.venv/bin/mypy model exporters app

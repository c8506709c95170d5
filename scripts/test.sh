#!/usr/bin/env bash
# Set up, then run every test and the linters, then build the desktop bundle and smoke-test it in an
# empty environment: what CI runs (.ci/run) and the README's second command.
# Then the real third-party consumers check the exports (scripts/consumers.sh).
# Arguments go to pytest; STEELFRAME_SKIP_BUNDLE=1 leaves out the bundle (about 45 s) and
# STEELFRAME_SKIP_CONSUMERS=1 the consumers on a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
.venv/bin/ruff check .
.venv/bin/mypy model exporters app
if [ "${STEELFRAME_SKIP_CONSUMERS:-0}" != 1 ]; then
  bash scripts/consumers.sh
fi
if [ "${STEELFRAME_SKIP_BUNDLE:-0}" != 1 ]; then
  .venv/bin/python packaging/smoke_test.py
fi

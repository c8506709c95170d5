#!/usr/bin/env bash
# Set up, then open Steelframe on the bundled retail example (the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/steelframe gui resources/examples/retail.steelframe.json

#!/usr/bin/env bash
# Shared by the check_*.sh consumers. Source it: `. "$(dirname "$0")/lib.sh"`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STEELFRAME="$ROOT/.venv/bin/steelframe"

# npm_tool NAME PACKAGE@VERSION... : install the pinned packages once into .cache/consumers/NAME and
# print that folder (its node_modules/.bin holds their commands).
npm_tool() {
  local name=$1
  shift
  local dir="$ROOT/.cache/consumers/$name"
  local stamp="$dir/.installed"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$*" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$@" >/dev/null)
    echo "$*" > "$stamp"
  fi
  echo "$dir"
}

# models FOLDER : the sample model files (retail, insurer, estate).
models() {
  ls "$1"/*.steelframe.json
}

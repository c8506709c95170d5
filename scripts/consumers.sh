#!/usr/bin/env bash
# Run the real third-party consumers of Steelframe's outputs on the exports of both templates and of
# a generated estate; any error they report fails the run. .ci/run runs it after the tests.
#   bash scripts/consumers.sh            (after scripts/setup.sh; installs Node.js and the pinned npm tools)
# Each consumer is a scripts/consumers/check_*.sh that gets the folder of sample models as $1, writes
# the exports it needs below $2 and runs its tool on them; npm tools are installed once per version
# below .cache/consumers/ (scripts/consumers/lib.sh: npm_tool).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node.js and npm: Debian's packages where they are missing (a machine may have them from elsewhere).
command -v node >/dev/null && command -v npm >/dev/null || bash scripts/apt-install.sh consumers nodejs npm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/models" "$work/out"
PYTHONPATH=$PWD .venv/bin/python scripts/consumers/make_samples.py "$work/models"
failed=0
shopt -s nullglob
for check in scripts/consumers/check_*.sh; do
  name=$(basename "$check" .sh)
  if bash "$check" "$work/models" "$work/out/${name#check_}"; then
    echo "consumers: ${name#check_} ok"
  else
    echo "consumers: ${name#check_} FAILED"
    failed=1
  fi
done
exit "$failed"

#!/usr/bin/env bash
# log4brains (the ADR knowledge base) builds its static site from `export --to adr` of every sample
# model, one log4brains package per model, offline; then every record must come out with the title,
# status, deciders and date its front matter gives (log4brains reads MADR 2's list under the title,
# and otherwise falls back to git dates).
#   bash scripts/consumers/check_adr.sh MODELS_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"
models_dir=$(cd "$1" && pwd)
tool=$(npm_tool log4brains log4brains@1.1.0)
rm -rf "$2"
mkdir -p "$2/project/docs/adr"
out=$(cd "$2" && pwd)
cd "$out/project"
{
  echo "project:"
  echo "  name: Steelframe samples"
  echo "  tz: Etc/UTC"
  echo "  adrFolder: ./docs/adr"
  echo "  packages:"
} > .log4brains.yml
for model in $(models "$models_dir"); do
  name=$(basename "$model" .steelframe.json)
  "$STEELFRAME" export "$model" --to adr -o "packages/$name/adr" > /dev/null
  printf '    - name: %s\n      path: ./packages/%s\n      adrFolder: ./packages/%s/adr\n' "$name" "$name" "$name" \
    >> .log4brains.yml
done
if ! "$tool/node_modules/.bin/log4brains" build --out "$out/site" > "$out/build.log" 2>&1; then
  tail -20 "$out/build.log"
  exit 1
fi
node "$ROOT/scripts/consumers/log4brains_compare.cjs" "$out/site" "$out/project"

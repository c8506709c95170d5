#!/usr/bin/env bash
# Ajv (strict mode, with ajv-formats) compiles resources/steelframe.schema.json and validates every
# sample model file against it, and a copy that names the schema in "$schema" for editor completion,
# which steelframe must read as well.
#   bash scripts/consumers/check_schema.sh MODELS_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"
models_dir=$1 out=$2
mkdir -p "$out"
tool=$(npm_tool ajv ajv@8.17.1 ajv-formats@3.0.1)
schema="$ROOT/resources/steelframe.schema.json"
named="$out/named.steelframe.json"
first=$(models "$models_dir" | head -n 1)
node -e '
  const fs = require("fs");
  const model = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  fs.writeFileSync(process.argv[2], JSON.stringify({ $schema: process.argv[3], ...model }, null, 2));
' "$first" "$named" "$schema"
# shellcheck disable=SC2046
NODE_PATH="$tool/node_modules" node "$ROOT/scripts/consumers/ajv_validate.cjs" "$schema" $(models "$models_dir") "$named"
status=0
"$STEELFRAME" check "$named" > /dev/null || status=$?
if [ "$status" -gt 1 ]; then
  echo "schema: steelframe refuses a model file that names its schema (exit $status)"
  exit 1
fi

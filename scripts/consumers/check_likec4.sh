#!/usr/bin/env bash
# LikeC4: each sample model (and the model of awkward names) exported with --to likec4 into a folder of its
# own; `likec4 validate` (1.46: later versions need Node.js 22) must accept it with no error, and
# `likec4 export json` must read back one view per Steelframe view besides index. The generated estate is
# validated without laying its views out (--skip-layout: the export holds no manual layout to check, and
# laying out every view of 200 contexts takes minutes on two cores), and not read back as JSON (same cost).
. "$(dirname "$0")/lib.sh"
models=$1
out=$2
mkdir -p "$out"
tool=$(npm_tool likec4 likec4@1.46.0)
likec4="$tool/node_modules/.bin/likec4"
export PYTHONPATH=${PYTHONPATH:-$ROOT}
"$ROOT/.venv/bin/python" "$ROOT/scripts/consumers/make_odd.py" "$out"
for model in $(models "$models") "$out/odd.steelframe.json"; do
  name=$(basename "$model" .steelframe.json)
  mkdir -p "$out/$name"
  "$STEELFRAME" export "$model" --to likec4 -o "$out/$name/model.c4" >/dev/null
  skip=()
  [ "$name" = estate ] && skip=(--skip-layout)
  if ! "$likec4" validate "${skip[@]}" "$out/$name" >"$out/$name.log" 2>&1; then
    grep -v "^\s*[0-9]\+\. \[" "$out/$name.log" | grep -E "Line|ERROR|rror" >&2 || cat "$out/$name.log" >&2
    echo "likec4: $name does not validate" >&2
    exit 1
  fi
  if [ "$name" = estate ]; then  # export json lays every view out too
    echo "likec4: $name validates"
    continue
  fi
  "$likec4" export json "$out/$name" -o "$out/$name.json" >/dev/null 2>&1
  expected=$("$ROOT/.venv/bin/python" -c \
    'import sys; from model.fileformat import load_model; print(len(load_model(sys.argv[1]).views()) + 1)' "$model")
  found=$(node -e 'console.log(Object.keys(require(process.argv[1]).views).length)' "$out/$name.json")
  if [ "$found" != "$expected" ]; then
    echo "likec4: $name has $found views, expected $expected" >&2
    exit 1
  fi
  echo "likec4: $name validates ($found views)"
done

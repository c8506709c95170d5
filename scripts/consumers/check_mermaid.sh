#!/usr/bin/env bash
# Mermaid: each sample model (and the model of awkward names) exported with --to mermaid, whole and view by
# view (all views in one process: export_views.py), and as the Markdown report's fenced chart; the real
# mermaid package parses every chart (mermaid.parse in a jsdom window, with GitHub's limit of 500 lines).
# mermaid 11.17 and jsdom 26 run on Node.js 20 (mermaid 12 needs 22).
# A whole model larger than Mermaid draws must be refused with its one-line reason, not written.
. "$(dirname "$0")/lib.sh"
models=$1
out=$2
mkdir -p "$out"
tool=$(npm_tool mermaid mermaid@11.17.2 jsdom@26.1.0)
export PYTHONPATH=${PYTHONPATH:-$ROOT}
"$ROOT/.venv/bin/python" "$ROOT/scripts/consumers/make_odd.py" "$out"
charts=()
for model in $(models "$models") "$out/odd.steelframe.json"; do
  name=$(basename "$model" .steelframe.json)
  if "$STEELFRAME" export "$model" --to mermaid -o "$out/$name.mmd" >/dev/null 2>"$out/$name.err"; then
    charts+=("$out/$name.mmd")
  elif grep -q "too large for Mermaid" "$out/$name.err" && [ ! -e "$out/$name.mmd" ]; then
    echo "mermaid: $name as a whole refused: $(cat "$out/$name.err")"
  else
    cat "$out/$name.err" >&2
    exit 1
  fi
  mapfile -t views < <("$ROOT/.venv/bin/python" "$ROOT/scripts/consumers/export_views.py" mermaid "$model" "$out" .md)
  charts+=("${views[@]}")
  if [ "$name" != estate ]; then  # the estate's report would draw 200 contexts: its views are charted above
    "$STEELFRAME" export "$model" --to report -o "$out/$name-report.md" >/dev/null
    charts+=("$out/$name-report.md")
  fi
done
node "$ROOT/scripts/consumers/mermaid_parse.mjs" "$tool/node_modules" "${charts[@]}" >"$out/parse.log" || {
  grep -v ": flowchart" "$out/parse.log" >&2
  exit 1
}
echo "mermaid: $(grep -c ": flowchart" "$out/parse.log") charts parse"

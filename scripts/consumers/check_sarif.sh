#!/usr/bin/env bash
# The SARIF Multitool (Microsoft's SARIF SDK) validates `check --format sarif` of every sample model
# with GitHub's ingestion rules, and, as run inside Azure Pipelines, with Advanced Security for Azure
# DevOps' rules. Any error fails; warnings and notes (unreachable URLs offline, no code snippets) do not.
#   bash scripts/consumers/check_sarif.sh MODELS_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"
models_dir=$1 out=$2
mkdir -p "$out"
tool=$(npm_tool sarif-multitool @microsoft/sarif-multitool@5.7.0 @microsoft/sarif-multitool-linux@5.7.0)
multitool=$(cd "$tool" && node -p "require('@microsoft/sarif-multitool')")
# What Azure Pipelines defines for every job (the values are an example pipeline's).
azure=(
  TF_BUILD=True SYSTEM_COLLECTIONURI=https://dev.azure.com/steelframe/
  SYSTEM_TEAMPROJECTID=5a1d9c0e-3f4b-4c8a-9e2d-6b7f8a9c0d1e BUILD_DEFINITIONID=12
  BUILD_DEFINITIONNAME=Architecture BUILD_BUILDID=345 SYSTEM_PHASEID=0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f
  SYSTEM_PHASENAME=Check BUILD_SOURCEBRANCH=refs/heads/main
)

# errors LOG : the number of error-level results in the Multitool's own SARIF log.
errors() {
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = log.runs.flatMap(run => run.results || []).filter(r => (r.level || "warning") === "error");
    for (const r of bad) console.error(`  ${r.ruleId}: ${r.message.text || JSON.stringify(r.message)}`);
    console.log(bad.length);' "$1"
}

failed=0
for model in $(models "$models_dir"); do
  name=$(basename "$model" .steelframe.json)
  for profile in Gh Ado; do
    sarif="$out/$name-$profile.sarif"
    status=0
    if [ "$profile" = Ado ]; then
      env "${azure[@]}" "$STEELFRAME" check "$model" --format sarif > "$sarif" || status=$?
    else
      "$STEELFRAME" check "$model" --format sarif > "$sarif" || status=$?
    fi
    if [ "$status" -gt 1 ]; then
      echo "sarif: steelframe check failed on $model (exit $status)"
      failed=1
      continue
    fi
    log="$out/$name-$profile.validation.sarif"
    rm -f "$log"  # the Multitool refuses to overwrite its log
    "$multitool" validate --rule-kind "Sarif;$profile" --level "Error;Warning;Note" -o "$log" "$sarif" \
      >"$out/$name-$profile.log" 2>&1 || true
    if [ ! -s "$log" ]; then
      echo "sarif: the Multitool wrote no log for $sarif"; head -5 "$out/$name-$profile.log"
      failed=1
      continue
    fi
    count=$(errors "$log")
    echo "sarif: $name ($profile rules): $count errors"
    [ "$count" = 0 ] || failed=1
  done
done
exit "$failed"

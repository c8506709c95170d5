#!/usr/bin/env bash
# export --to asyncapi of every sample model, each document parsed by @asyncapi/parser (the parser
# the AsyncAPI tools share: schema, references and semantic rules); any error diagnostic fails.
#   bash scripts/consumers/check_asyncapi.sh MODELS_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"
models_dir=$1
out=$2
tool=$(npm_tool asyncapi @asyncapi/parser@3.6.6)
mkdir -p "$out"
for model in $(models "$models_dir"); do
  name=$(basename "$model" .steelframe.json)
  "$STEELFRAME" export "$model" --to asyncapi -o "$out/$name" >/dev/null
done
cat > "$out/parse.cjs" <<'JS'
const fs = require("fs");
const path = require("path");
const { Parser, fromFile } = require("@asyncapi/parser");

async function main(folders) {
  const parser = new Parser();
  let files = 0, errors = 0;
  for (const folder of folders) {
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".asyncapi.yaml")).sort()) {
      const file = path.join(folder, name);
      const { document, diagnostics } = await fromFile(parser, file).parse();
      const bad = diagnostics.filter((d) => d.severity === 0);
      files += 1;
      if (!document || bad.length) {
        errors += 1;
        for (const d of bad) console.error(`${file}: ${d.code}: ${d.message} at ${JSON.stringify(d.path)}`);
      }
    }
  }
  console.log(`@asyncapi/parser: ${files} documents, ${errors} with errors`);
  if (!files || errors) process.exit(1);
}
main(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
JS
dirs=()
for model in $(models "$models_dir"); do dirs+=("$out/$(basename "$model" .steelframe.json)"); done
NODE_PATH="$tool/node_modules" node "$out/parse.cjs" "${dirs[@]}"

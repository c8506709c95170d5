#!/usr/bin/env bash
# export --to backstage of every sample model, each entity checked by @backstage/catalog-model: the
# catalog's entity policies (envelope, names and field formats, no foreign root fields) and the
# validator of its kind; any entity they reject, or of a kind none validates, fails.
#   bash scripts/consumers/check_backstage.sh MODELS_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"
models_dir=$1
out=$2
tool=$(npm_tool backstage @backstage/catalog-model@1.10.3 yaml@2.9.1)
mkdir -p "$out"
for model in $(models "$models_dir"); do
  name=$(basename "$model" .steelframe.json)
  "$STEELFRAME" export "$model" --to backstage -o "$out/$name" >/dev/null
done
cat > "$out/validate.cjs" <<'JS'
const fs = require("fs");
const YAML = require("yaml");
const model = require("@backstage/catalog-model");

const policy = model.EntityPolicies.allOf([
  new model.DefaultNamespaceEntityPolicy(),
  new model.NoForeignRootFieldsEntityPolicy(),
  new model.FieldFormatEntityPolicy(),
  new model.SchemaValidEntityPolicy(),
]);
const validators = [
  model.apiEntityV1alpha1Validator, model.componentEntityV1alpha1Validator, model.domainEntityV1alpha1Validator,
  model.groupEntityV1alpha1Validator, model.resourceEntityV1alpha1Validator, model.systemEntityV1alpha1Validator,
];

async function main(files) {
  let entities = 0, errors = 0;
  for (const file of files) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
      const entity = doc.toJS();
      entities += 1;
      try {
        const enforced = await policy.enforce(entity);
        let known = false;
        for (const validator of validators) known = (await validator.check(enforced)) || known;
        if (!known) throw new Error(`no validator for kind ${entity.kind}`);
      } catch (e) {
        errors += 1;
        console.error(`${file}: ${entity.kind} ${entity.metadata && entity.metadata.name}: ${e.message}`);
      }
    }
  }
  console.log(`@backstage/catalog-model: ${entities} entities, ${errors} rejected`);
  if (!entities || errors) process.exit(1);
}
main(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
JS
files=()
for model in $(models "$models_dir"); do files+=("$out/$(basename "$model" .steelframe.json)/catalog-info.yaml"); done
NODE_PATH="$tool/node_modules" node "$out/validate.cjs" "${files[@]}"

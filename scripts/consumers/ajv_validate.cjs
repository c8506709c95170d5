// Validate model files against the model file's JSON Schema with Ajv in strict mode (every strict
// option an error, formats checked), the way editors and pipelines that use Ajv read it.
//   node ajv_validate.cjs SCHEMA MODEL...     (NODE_PATH must hold ajv and ajv-formats)
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const [schemaPath, ...models] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
} catch (error) {
  console.error(`schema: ${schemaPath} is refused in strict mode: ${error.message}`);
  process.exit(1);
}
let failed = 0;
for (const model of models) {
  if (validate(JSON.parse(fs.readFileSync(model, "utf8")))) {
    console.log(`schema: ${model} is valid`);
  } else {
    failed = 1;
    for (const error of validate.errors.slice(0, 10)) {
      console.error(`schema: ${model}: ${error.instancePath || "/"} ${error.message}`);
    }
  }
}
process.exit(failed);

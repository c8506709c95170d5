// Parse Mermaid files with the real mermaid package (mermaid.parse), in a jsdom window since plain
// Node has no DOM. Usage: node mermaid_parse.mjs NODE_MODULES FILE...; a .md file's ```mermaid
// blocks are parsed one by one. Prints one line per diagram; exits 1 if any fails to parse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(modules, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
const mermaidPath = require.resolve('mermaid/dist/mermaid.core.mjs');
const mermaid = (await import(pathToFileURL(mermaidPath).href)).default;
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

function diagrams(file) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return [text];
  return [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

let failed = 0;
for (const file of files) {
  const found = diagrams(file);
  if (found.length === 0) {
    console.log(`${file}: no mermaid diagram`);
    failed++;
  }
  for (const [index, text] of found.entries()) {
    try {
      const result = await mermaid.parse(text);
      console.log(`${file}#${index + 1}: ${result.diagramType}, ${text.length} characters`);
    } catch (error) {
      console.log(`${file}#${index + 1}: ${String(error.message || error).split('\n').join(' ')}`);
      failed++;
    }
  }
}
process.exit(failed ? 1 : 0);

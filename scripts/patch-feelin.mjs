// Exposes feelin's interpreter so Omslag can parse a FEEL expression once per
// published version and evaluate the compiled form many times (DESIGN.md §3:
// feelin's public evaluate() parses on every call, ≈180 µs; the compiled form
// runs in a few µs). The patch only adds one export line; it is idempotent and
// runs on every `npm install`/`npm ci` (postinstall). runtime/model/feel.ts
// falls back to the public API when the export is missing, so a failed patch
// costs speed, never correctness.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const file = join(dirname(require.resolve('feelin/package.json')), 'dist', 'index.js');
const marker = '/* omslag: compiled-evaluation export */';
const source = readFileSync(file, 'utf8');
if (!source.includes(marker)) {
  writeFileSync(file, `${source}\n${marker}\nexport { interpreter as __omslagInterpreter, InterpreterContext as __omslagInterpreterContext, coerceContext as __omslagCoerceContext };\n`);
  console.log('patched feelin: exported its interpreter for compiled evaluation');
}

// Patches feelin (runs at postinstall, on every `npm install`/`npm ci`) for
// three things Omslag needs and feelin does not offer:
//
// 1. Compiled evaluation (DESIGN.md §3): export its interpreter, so Omslag
//    parses an expression once per published version and evaluates the
//    compiled form many times (feelin's public evaluate() parses on every
//    call, ≈180 µs; the compiled form runs in a few µs).
// 2. DMN comparisons: a comparison of values of different types is null
//    (feelin answered `"abc" <= 1500` and `true < 5` with true, so a register
//    row with a bad value could qualify for a benefit).
// 3. Budgets (issue 11): hooks so no expression can run away.
//    - Every node closure of the execution tree passes through
//      `interpreterContext.__omslagMeter(closure, nodeName)` when the context
//      has one (runtime/model/feel-budget.ts: counts a step per call, checks
//      a deadline every N steps, bounds the size of what a node produces).
//      Contexts without it (feelin's own evaluate()) build exactly as before.
//    - Numeric ranges are enumerated (`for i in 1..n`) only after
//      `__omslagHooks.range(start, end)` accepts their length, and the
//      cartesian product of `for a in …, b in …` is charged as it is built
//      (`__omslagHooks.product(n, context)`: each element copies the
//      context): both build lists without calling any node closure, so step
//      counting alone would not see them. A name that is not a key of the
//      context as written (every builtin's, like `upper case`) makes feelin
//      normalize every key of the context; `__omslagHooks.scan(keys)`
//      charges that too, so steps track time on wide case data.
//    - Exports feelin's builtins (and its `fn` helper and invocation-failure
//      signal) so Omslag can charge every builtin and run `matches`,
//      `replace` and `split` on RE2 (linear time) instead of JS RegExp.
//
// Every change is an exact-string replacement whose anchor must occur exactly
// once; if feelin changes shape the script fails loudly (postinstall exits
// non-zero) instead of leaving a half-patched package. Idempotent: a file
// that carries the current marker is left alone; one with the earlier
// (export-only) patch is upgraded. Without the patch, runtime/model/feel.ts
// refuses to evaluate (a FeelBudgetError 'unavailable'), it never runs an
// unbounded evaluation.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = join(dirname(require.resolve('feelin/package.json')));
const file = process.argv[2] ?? join(pkg, 'dist', 'index.js');
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;

const MARKER = '/* omslag: feelin patch v4 (compiled evaluation, budgets, typed comparisons) */';
const V1_BLOCK =
  '\n/* omslag: compiled-evaluation export */\nexport { interpreter as __omslagInterpreter, InterpreterContext as __omslagInterpreterContext, coerceContext as __omslagCoerceContext };\n';

const replacements = [
  {
    what: 'meter each node closure of the execution tree',
    anchor:
      '                const expr = evalNode(node, args, interpreterContext);\n                parent.args.push(expr);\n',
    with:
      '                const expr = evalNode(node, args, interpreterContext);\n' +
      "                parent.args.push(interpreterContext.__omslagMeter && typeof expr === 'function' ? interpreterContext.__omslagMeter(expr, node.name) : expr);\n",
  },
  {
    what: 'bound numeric range enumeration',
    anchor: 'function numberRangeMap(start, end, startIncluded, endIncluded, fn) {\n',
    with: 'function numberRangeMap(start, end, startIncluded, endIncluded, fn) {\n    __omslagHooks.range(start, end);\n',
  },
  {
    what: 'charge the cartesian product of iteration contexts',
    anchor: '                    for (const bContext of bContexts) {\n',
    with: '                    __omslagHooks.product(bContexts.length, context);\n                    for (const bContext of bContexts) {\n',
  },
  {
    what: 'charge the slow path of a name lookup (every key of the context normalized)',
    anchor: '    const entry = Object.entries(context).find(([key]) => normalizedName === normalizeContextKey(key));\n',
    with: '    const entries = Object.entries(context);\n    __omslagHooks.scan(entries.length);\n    const entry = entries.find(([key]) => normalizedName === normalizeContextKey(key));\n',
  },
  {
    what: 'compare values of different types as null, as DMN defines ("abc" <= 1500 is null, not true)',
    anchor: '    const valueType = getType(value);\n',
    with:
      '    const valueType = getType(value);\n' +
      "    // omslag: a value of another type than the range's bounds is not comparable (DMN 1.5, 10.3.2.9: null)\n" +
      '    if (range.valueType !== null && valueType !== range.valueType) {\n        return null;\n    }\n',
  },
];

const TAIL = `
${MARKER}
// Hooks Omslag sets (runtime/model/feel-budget.ts); no-ops until then.
const __omslagHooks = { range() {}, product() {}, scan() {} };
export { interpreter as __omslagInterpreter, InterpreterContext as __omslagInterpreterContext, coerceContext as __omslagCoerceContext, builtins as __omslagBuiltins, fn as __omslagFn, invalidArguments as __omslagInvalidArguments, __omslagHooks };
`;

let source = readFileSync(file, 'utf8');
if (source.includes(MARKER)) process.exit(0);
if (source.includes(V1_BLOCK)) source = source.replace(V1_BLOCK, '');
if (source.includes('/* omslag: feelin patch v'))
  fail('the file carries an older Omslag budget patch; reinstall feelin (rm -rf node_modules/feelin && npm install)');
if (source.includes('__omslag'))
  fail(
    'the file carries an unknown earlier Omslag patch; reinstall feelin (rm -rf node_modules/feelin && npm install)',
  );
for (const r of replacements) {
  const count = source.split(r.anchor).length - 1;
  if (count !== 1) fail(`cannot ${r.what}: its anchor occurs ${count} times, expected once`);
  source = source.replace(r.anchor, () => r.with);
}
for (const name of [
  'const builtins = {',
  'function fn(',
  'function invalidArguments(',
  'class InterpreterContext',
  'const interpreter = new Interpreter();',
  'function coerceContext(',
]) {
  if (!source.includes(name)) fail(`cannot export: '${name}' is not in the file`);
}
writeFileSync(file, source + TAIL);
console.log(
  `patched feelin ${version}: compiled evaluation, typed comparisons and budget hooks (scripts/patch-feelin.mjs)`,
);

function fail(message) {
  console.error(
    `scripts/patch-feelin.mjs: feelin ${version} (${file}): ${message}.\n` +
      'Omslag needs this patch to evaluate FEEL within budgets; update the anchors in scripts/patch-feelin.mjs for this feelin version.',
  );
  process.exit(1);
}

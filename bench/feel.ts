/**
 * FEEL evaluation, in one run:
 * - feelin's public evaluate() (parses every call) against Omslag's compiled
 *   form (parsed once per expression, reused) — DESIGN.md §3;
 * - what the budgets cost (runtime/model/feel-budget.ts): the compiled form
 *   with and without the meter, on everyday rules and on a loop, as a ratio
 *   and in ns per step;
 * - what the alternative would cost: a worker thread per evaluation (a
 *   round trip through postMessage), against evaluating in the request's thread.
 * Run alone with `npx tsx bench/feel.ts`, or as part of `npm run bench`.
 */
import { Worker } from 'node:worker_threads';
import * as feelin from 'feelin';
import { evaluate, parseExpression } from 'feelin';
import { compileFeel } from '../runtime/model/feel.js';
import { lastEvaluationSteps } from '../runtime/model/feel-budget.js';

const expressions = [
  'vermogen > 2500',
  'heeftAuto = true and autoWaarde > 3000',
  'inkomen < (if huishouden = "samen" then 1900 else if huishouden = "alleenstaande-ouder" then 1600 else 1400) - 100',
];
const data = { vermogen: 1200, heeftAuto: true, autoWaarde: 2000, inkomen: 1650, huishouden: 'samen' };
/** A loop (≈ 1,900 steps), so the per-step cost of the meter shows. */
const loop = 'sum(for x in bedragen return if x > 500 then x * 2 else x) > 1000';
const loopData = { bedragen: Array.from({ length: 200 }, (_, i) => i * 10) };

type Patched = {
  __omslagInterpreter: {
    _buildExecutionTree(tree: unknown, input: string, ctx: unknown): { root: (ctx: unknown) => unknown };
  };
  __omslagInterpreterContext: new () => object;
  __omslagCoerceContext: (v: unknown) => Record<string, unknown>;
};

/** The compiled form without the meter: feelin's execution tree as the patch builds it for a context without one. */
function unmetered(expr: string): (d: Record<string, unknown>) => unknown {
  const p = feelin as unknown as Patched;
  // As runtime/model/feel.ts builds it, less the meter: warnings not formatted either.
  const context = Object.assign(new p.__omslagInterpreterContext(), { addWarning: () => {} });
  const { root } = p.__omslagInterpreter._buildExecutionTree(parseExpression(expr, {}, undefined), expr, context);
  return (d) => root(p.__omslagCoerceContext(d));
}

function time(rounds: number, fn: () => void): number {
  for (let i = 0; i < Math.min(500, rounds); i++) fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / rounds / 1000;
}

/**
 * Two ways of doing the same work, timed in alternating batches (so a busy
 * moment or a GC hits both alike); the best batch of each, µs per call.
 */
function pair(rounds: number, a: () => void, b: () => void): [number, number] {
  const batches = 10;
  const per = Math.max(1, Math.floor(rounds / batches));
  let bestA = Infinity;
  let bestB = Infinity;
  time(per, a);
  time(per, b);
  for (let i = 0; i < batches; i++) {
    bestA = Math.min(bestA, time(per, a));
    bestB = Math.min(bestB, time(per, b));
  }
  return [bestA, bestB];
}

/** µs per round trip of one evaluation request to a worker thread (structured clone of the data both ways). */
async function workerRoundTrip(rounds: number): Promise<number> {
  const worker = new Worker(
    `
    const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, value: m.data.inkomen < 1500 }));
  `,
    { eval: true },
  );
  let next = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const id = next++;
      const onMessage = (m: { id: number }) => {
        if (m.id === id) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, expr: expressions[2], data });
    });
  for (let i = 0; i < 200; i++) await once();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await once();
  const us = Number(process.hrtime.bigint() - start) / rounds / 1000;
  await worker.terminate();
  return us;
}

/** Times every way; µs per round of the three everyday expressions, and the loop (for bench/run.ts). */
export async function benchFeel(rounds = 20_000, log = false) {
  const print = (label: string, value: string) => {
    if (log) console.log(`${label.padEnd(52)} ${value}`);
  };
  const plain = expressions.map(unmetered);
  for (const [i, e] of expressions.entries()) {
    const a = evaluate(e, data).value;
    const b = compileFeel(e).evaluate(data);
    if (a !== b || plain[i](data) !== a) throw new Error(`compiled evaluation differs for ${e}: ${a} vs ${b}`);
  }
  const baselineUs = time(rounds, () => {
    for (const e of expressions) evaluate(e, data);
  });
  const [unbudgetedUs, compiledUs] = pair(
    rounds,
    () => {
      for (const f of plain) f(data);
    },
    () => {
      for (const e of expressions) compileFeel(e).evaluate(data);
    },
  );
  print('feelin evaluate() (baseline)', `${baselineUs.toFixed(2)} µs per round of ${expressions.length} expressions`);
  print('compiled, reused, without budgets', `${unbudgetedUs.toFixed(2)} µs`);
  print('compiled, reused, within budgets (Omslag)', `${compiledUs.toFixed(2)} µs`);

  const loopPlain = unmetered(loop);
  const loopCompiled = compileFeel(loop);
  if (loopCompiled.evaluate(loopData) !== loopPlain(loopData))
    throw new Error('the loop differs with and without budgets');
  const loopSteps = lastEvaluationSteps();
  const loopRounds = Math.max(200, Math.floor(rounds / 20));
  const [loopUnbudgetedUs, loopBudgetedUs] = pair(
    loopRounds,
    () => loopPlain(loopData),
    () => loopCompiled.evaluate(loopData),
  );
  const nsPerStep = ((loopBudgetedUs - loopUnbudgetedUs) * 1000) / loopSteps;
  print(
    `a loop of ${loopSteps} steps, without / within budgets`,
    `${loopUnbudgetedUs.toFixed(1)} / ${loopBudgetedUs.toFixed(1)} µs (${nsPerStep.toFixed(1)} ns per step for the meter)`,
  );

  const workerUs = await workerRoundTrip(Math.max(200, Math.floor(rounds / 10)));
  print(
    'a worker thread round trip per evaluation',
    `${workerUs.toFixed(1)} µs (the alternative to evaluating in-thread)`,
  );
  return {
    rounds,
    expressions: expressions.length,
    baselineUs,
    compiledUs,
    ratio: compiledUs / baselineUs,
    unbudgetedUs,
    budgetRatio: compiledUs / unbudgetedUs,
    loop: {
      steps: loopSteps,
      unbudgetedUs: loopUnbudgetedUs,
      budgetedUs: loopBudgetedUs,
      ratio: loopBudgetedUs / loopUnbudgetedUs,
      nsPerStep,
    },
    workerUs,
    workerRatio: workerUs / (compiledUs / expressions.length),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 20_000);
  const r = await benchFeel(rounds, true);
  console.log(`ratio Omslag / baseline: ${r.ratio.toFixed(3)} (lower is better)`);
  console.log(
    `ratio within / without budgets: ${r.budgetRatio.toFixed(2)} (everyday rules), ${r.loop.ratio.toFixed(2)} (loop)`,
  );
  console.log(`ratio worker round trip / one in-thread evaluation: ${r.workerRatio.toFixed(1)}`);
}

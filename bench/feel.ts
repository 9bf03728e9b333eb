/**
 * FEEL evaluation: feelin's public evaluate() (parses every call) against
 * Omslag's compiled form (parsed once per expression, reused), in one run.
 * Prints the ratio; run alone with `npx tsx bench/feel.ts`, or as part of `npm run bench`.
 */
import { evaluate } from 'feelin';
import { compileFeel } from '../runtime/model/feel.js';

const expressions = [
  'vermogen > 2500',
  'heeftAuto = true and autoWaarde > 3000',
  'inkomen < (if huishouden = "samen" then 1900 else if huishouden = "alleenstaande-ouder" then 1600 else 1400) - 100',
];
const data = { vermogen: 1200, heeftAuto: true, autoWaarde: 2000, inkomen: 1650, huishouden: 'samen' };

/** Times both ways, `rounds` evaluations of the three expressions each; µs per round (for bench/run.ts). */
export function benchFeel(rounds = 20_000, log = false) {
  const time = (label: string, fn: () => void): number => {
    for (let i = 0; i < 500; i++) fn(); // warm up
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) fn();
    const perCall = Number(process.hrtime.bigint() - start) / rounds / 1000;
    if (log) console.log(`${label.padEnd(34)} ${perCall.toFixed(2).padStart(8)} µs per evaluation of ${expressions.length} expressions`);
    return perCall;
  };
  for (const e of expressions) {
    const a = evaluate(e, data).value;
    const b = compileFeel(e).evaluate(data);
    if (a !== b) throw new Error(`compiled evaluation differs for ${e}: ${a} vs ${b}`);
  }
  const baselineUs = time('feelin evaluate() (baseline)', () => { for (const e of expressions) evaluate(e, data); });
  const compiledUs = time('compiled, reused (Omslag)', () => { for (const e of expressions) compileFeel(e).evaluate(data); });
  return { rounds, expressions: expressions.length, baselineUs, compiledUs, ratio: compiledUs / baselineUs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 20_000);
  const r = benchFeel(rounds, true);
  console.log(`ratio Omslag / baseline: ${r.ratio.toFixed(3)} (lower is better)`);
}

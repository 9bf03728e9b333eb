/**
 * What durability on power loss costs: a citizen step with synchronous=FULL
 * (the default: every commit is fsynced to the WAL before the answer) against
 * synchronous=NORMAL (synced at checkpoints), measured in one run.
 *
 * Here: the engine's step in this process (validation, XState, FEEL, one
 * transaction), without HTTP, on a data folder on the project's disk (not
 * /tmp, which may be a RAM disk where an fsync costs nothing). bench/run.ts
 * adds the same through HTTP, a server per setting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, createProcessService, importProcesses, systemClock } from '../runtime/engine/index.js';
import { openStore, type Synchronous } from '../runtime/store/index.js';
import { root } from './lib.js';

const answers = [
  { naam: 'Jan Jansen', huishouden: 'samen' },
  { inkomen: 1500, vermogen: 100 },
  { iban: 'NL91ABNA0417164300', akkoord: true },
];

export type StepCost = { synchronous: Synchronous; steps: number; usPerStep: number; p50Us: number; p99Us: number };

/** A data folder on the same disk as the project (bench/.data-*), removed afterwards. */
export function diskDir(prefix: string): string {
  return mkdtempSync(join(root, 'bench', `.data-${prefix}-`));
}

/** `cases` cases of bench-aanvraag, three steps each, one after another; the time of each step. */
export async function stepCost(synchronous: Synchronous, cases: number): Promise<StepCost> {
  const dir = diskDir(`sync-${synchronous}`);
  const store = await openStore(join(dir, 'bench.db'), { synchronous });
  try {
    const clock = systemClock;
    const engine = createEngine({ store, clock });
    await importProcesses(join(root, 'bench/processes'), store, createProcessService({ store, clock }), 'bench');
    const ids: string[] = [];
    for (let i = 0; i < cases + 10; i++)
      ids.push((await engine.startCase('bench-aanvraag', '999993653', 'citizen')).id);
    const times: number[] = [];
    for (const [i, id] of ids.entries()) {
      for (const data of answers) {
        const t = performance.now();
        await engine.send(id, { type: 'submit', data }, { actor: 'citizen' });
        if (i >= 10) times.push((performance.now() - t) * 1000); // the first ten cases warm up
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return {
      synchronous,
      steps: times.length,
      usPerStep: times.reduce((a, b) => a + b, 0) / times.length,
      p50Us: at(0.5),
      p99Us: at(0.99),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** NORMAL, FULL, NORMAL, FULL: alternated, so a drift of the machine does not favour one; the better of each pair. */
export async function benchDurability(cases: number): Promise<{ normal: StepCost; full: StepCost }> {
  const runs: StepCost[] = [];
  for (const s of ['normal', 'full', 'normal', 'full'] as const) runs.push(await stepCost(s, cases));
  const best = (s: Synchronous) => runs.filter((r) => r.synchronous === s).sort((a, b) => a.usPerStep - b.usPerStep)[0];
  return { normal: best('normal'), full: best('full') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv.find((a) => a.startsWith('--cases='))?.slice(8) ?? 300);
  const r = await benchDurability(cases);
  for (const c of [r.normal, r.full])
    console.log(
      `${c.synchronous.padEnd(6)} ${c.steps} steps: mean ${c.usPerStep.toFixed(0)} µs, p50 ${c.p50Us.toFixed(0)} µs, p99 ${c.p99Us.toFixed(0)} µs`,
    );
  console.log(`FULL / NORMAL per step: ${(r.full.usPerStep / r.normal.usPerStep).toFixed(2)}`);
}

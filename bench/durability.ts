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
export function stepCost(synchronous: Synchronous, cases: number): StepCost {
  const dir = diskDir(`sync-${synchronous}`);
  const store = openStore(join(dir, 'bench.db'), { synchronous });
  try {
    const clock = systemClock;
    const engine = createEngine({ store, clock });
    importProcesses(join(root, 'bench/processes'), store, createProcessService({ store, clock }), 'bench');
    const ids = Array.from({ length: cases + 10 }, () => engine.startCase('bench-aanvraag', '999993653', 'citizen').id);
    const times: number[] = [];
    ids.forEach((id, i) => {
      for (const data of answers) {
        const t = performance.now();
        engine.send(id, { type: 'submit', data }, { actor: 'citizen' });
        if (i >= 10) times.push((performance.now() - t) * 1000); // the first ten cases warm up
      }
    });
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
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** NORMAL, FULL, NORMAL, FULL: alternated, so a drift of the machine does not favour one; the better of each pair. */
export function benchDurability(cases: number): { normal: StepCost; full: StepCost } {
  const runs = [stepCost('normal', cases), stepCost('full', cases), stepCost('normal', cases), stepCost('full', cases)];
  const best = (s: Synchronous) => runs.filter((r) => r.synchronous === s).sort((a, b) => a.usPerStep - b.usPerStep)[0];
  return { normal: best('normal'), full: best('full') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv.find((a) => a.startsWith('--cases='))?.slice(8) ?? 300);
  const r = benchDurability(cases);
  for (const c of [r.normal, r.full])
    console.log(
      `${c.synchronous.padEnd(6)} ${c.steps} steps: mean ${c.usPerStep.toFixed(0)} µs, p50 ${c.p50Us.toFixed(0)} µs, p99 ${c.p99Us.toFixed(0)} µs`,
    );
  console.log(`FULL / NORMAL per step: ${(r.full.usPerStep / r.normal.usPerStep).toFixed(2)}`);
}

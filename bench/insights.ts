/**
 * Insights at scale: a database seeded in bulk with N cases (default
 * 1,000,000) and their step visits, then the insight figures timed, with a
 * plain full scan of the visits as the baseline measured in the same run.
 * `--cases=N` sets the size. Prints a table; returns the figures for bench/run.ts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  createFakeClock,
  createProcessService,
  importProcesses,
  insights,
} from '../runtime/engine/index.js';
import { dutchDate } from '../runtime/model/index.js';
import { addTo, openStore, type Histogram } from '../runtime/store/index.js';

export type SeededDb = {
  store: Awaited<ReturnType<typeof openStore>>;
  engine: ReturnType<typeof createEngine>;
  processes: ReturnType<typeof createProcessService>;
  clock: ReturnType<typeof createFakeClock>;
};

/** Seeds `cases` cases and times the insights; `onSeeded` measures more on the same database before it is removed. */
export async function benchInsights<T extends Record<string, unknown> = Record<string, never>>(
  cases: number,
  onSeeded?: (db: SeededDb) => Promise<T>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-bench-insights-'));
  const store = await openStore(join(dir, 'bench.db'));
  const clock = createFakeClock('2026-06-01T09:00:00Z');
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  await importProcesses(join(import.meta.dirname, '../processes'), store, processes, 'bench');
  // Seeded through better-sqlite3 itself: this bench is about SQLite at a million cases.
  const db = store.sql.sqlite!;

  // Seed fast: one prepared statement per table, 50,000 rows a transaction, no fsync while seeding.
  const seedStart = performance.now();
  db.pragma('synchronous = OFF');
  const insertCase =
    db.prepare(`INSERT INTO cases (id, reference, process_key, version, subject, status, step, outcome, snapshot, rev, created_at, updated_at)
    VALUES (?, ?, 'kwijtschelding', 1, '999993653', ?, ?, ?, '{}', 1, ?, ?)`);
  const insertVisit =
    db.prepare(`INSERT INTO step_visits (case_id, process_key, version, step, entered_at, left_at, duration_ms, next_step, person_requests)
    VALUES (?, 'kwijtschelding', 1, ?, ?, ?, ?, ?, ?)`);
  const paths = [
    { steps: ['huishouden', 'geldzaken', 'toets', 'toekenning', 'toegekend'], outcome: 'granted' },
    { steps: ['huishouden', 'geldzaken', 'toets', 'afgewezen'], outcome: 'rejected' },
    { steps: ['huishouden', 'geldzaken', 'toets', 'beoordeling', 'afgewezen'], outcome: 'rejected' },
    { steps: ['huishouden', 'geldzaken', 'ingetrokken'], outcome: 'withdrawn' },
    { steps: ['huishouden', 'geldzaken'], outcome: null },
  ];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const base = Date.parse('2026-01-01T00:00:00Z');
  let visits = 0;
  // The daily roll-ups the engine keeps with every transition, built here in one pass.
  const stats = new Map<string, { entered: number; left: number; asks: number; histogram: Histogram }>();
  const flows = new Map<string, number>();
  const dayOf = (ms: number) => dutchDate(new Date(ms));
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const path = paths[i % paths.length];
      let at = base + Math.floor(random() * 150 * 86_400_000);
      const created = new Date(at).toISOString();
      const id = `c${i}`;
      const last = path.steps.at(-1)!;
      insertCase.run(id, `B-${i}`, path.outcome ? 'ended' : 'active', last, path.outcome, created, created);
      path.steps.forEach((step, j) => {
        const next = path.steps[j + 1] ?? null;
        // An end is left when reached (duration 0); an active case's last visit is open.
        const duration = next
          ? Math.floor(random() * 3_600_000 * (step === 'beoordeling' ? 48 : 1))
          : path.outcome
            ? 0
            : null;
        const asks = random() < 0.02 ? 1 : 0;
        insertVisit.run(
          id,
          step,
          new Date(at).toISOString(),
          duration === null ? null : new Date(at + duration).toISOString(),
          duration,
          next,
          asks,
        );
        visits++;
        const day = dayOf(at);
        const key = `${step}|${day}`;
        const st = stats.get(key) ?? { entered: 0, left: 0, asks: 0, histogram: {} };
        st.entered++;
        st.asks += asks;
        if (duration !== null) {
          st.left++;
          addTo(st.histogram, duration);
        }
        stats.set(key, st);
        if (next) flows.set(`${step}|${next}|${day}`, (flows.get(`${step}|${next}|${day}`) ?? 0) + 1);
        if (duration) at += duration;
      });
    }
  });
  for (let i = 0; i < cases; i += 50_000) batch(i, Math.min(cases, i + 50_000));
  const insertStat = db.prepare(
    "INSERT INTO step_stats (process_key, version, step, day, entered, left_count, person_requests, histogram) VALUES ('kwijtschelding', 1, ?, ?, ?, ?, ?, ?)",
  );
  const insertFlow = db.prepare(
    "INSERT INTO transition_stats (process_key, version, from_step, to_step, day, count) VALUES ('kwijtschelding', 1, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const [key, st] of stats) {
      const [step, day] = key.split('|');
      insertStat.run(step, day, st.entered, st.left, st.asks, JSON.stringify(st.histogram));
    }
    for (const [key, n] of flows) {
      const [from, to, day] = key.split('|');
      insertFlow.run(from, to, day, n);
    }
  })();
  db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const time = async (fn: () => unknown, runs = 5) => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  const baseline = await time(() =>
    db.prepare('SELECT step, COUNT(*), SUM(duration_ms) FROM step_visits GROUP BY step').all(),
  );
  const whole = await time(() => insights(store, engine, clock, 'kwijtschelding', { version: 1 }));
  const month = await time(() =>
    insights(store, engine, clock, 'kwijtschelding', { version: 1, from: '2026-03-01', to: '2026-04-01' }),
  );
  if (process.env.PROFILE) {
    const f = {
      key: 'kwijtschelding',
      version: 1,
      ...(process.env.PROFILE === 'month' ? { from: '2026-03-01', to: '2026-04-01' } : {}),
    };
    const q = store.insights;
    const parts: [string, () => unknown][] = [
      ['casesByStatus', () => q.casesByStatus(f)],
      ['stepCounts', () => q.stepCounts(f)],
      ['transitions', () => q.transitions(f)],
      ['inactive', () => q.inactive(f, '2026-05-01')],
      ['tasksOverdue', () => q.tasksOverdue('kwijtschelding', '2026-06-01')],
      ['durationHistogram huishouden', () => q.durationHistogram(f, 'huishouden')],
      ['durationAt median huishouden', () => q.durationAt(f, 'huishouden', Math.floor(cases * 0.5))],
      ['feedback', () => q.feedback(f)],
    ];
    for (const [name, fn] of parts) console.log(name.padEnd(30), (await time(fn, 3)).toFixed(1), 'ms');
  }
  db.pragma('wal_checkpoint(TRUNCATE)'); // everything in the main file, so its size is the database's
  const sizeBytes = statSync(join(dir, 'bench.db')).size;
  let extra: T | undefined;
  try {
    extra = onSeeded ? await onSeeded({ store, engine, processes, clock }) : undefined;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    cases,
    visits,
    seedSeconds,
    baselineMs: baseline,
    insightsMs: whole,
    insightsMonthMs: month,
    bytesPerCase: sizeBytes / cases,
    extra,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv.find((a) => a.startsWith('--cases='))?.slice(8) ?? 1_000_000);
  const r = await benchInsights(cases);
  console.log(
    `seeded ${r.cases.toLocaleString('en')} cases, ${r.visits.toLocaleString('en')} step visits in ${r.seedSeconds.toFixed(1)} s`,
  );
  console.log(`full scan of the visits (baseline)   ${r.baselineMs.toFixed(0).padStart(7)} ms`);
  console.log(
    `insights, whole version               ${r.insightsMs.toFixed(0).padStart(7)} ms  (ratio ${(r.insightsMs / r.baselineMs).toFixed(2)})  ${r.insightsMs < 1000 ? 'within 1 s' : 'OVER 1 s'}`,
  );
  console.log(
    `insights, one month                   ${r.insightsMonthMs.toFixed(0).padStart(7)} ms  (ratio ${(r.insightsMonthMs / r.baselineMs).toFixed(2)})  ${r.insightsMonthMs < 1000 ? 'within 1 s' : 'OVER 1 s'}`,
  );
  console.log(`database size per case                ${r.bytesPerCase.toFixed(0).padStart(7)} bytes`);
}

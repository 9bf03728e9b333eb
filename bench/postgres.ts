/**
 * "Citizen steps on PostgreSQL": the citizen load of bench/citizen.ts on one
 * throwaway, durable PostgreSQL cluster (fsync on, like SQLite's FULL),
 * against three servers, each on its own database:
 *
 * - the baseline: bare Express 5 + `pg`, the same write transaction per step
 *   as the SQLite baseline (bench/pg-baseline.ts);
 * - Omslag on PostgreSQL, one node;
 * - two Omslag nodes (two processes) on one database, the connections spread
 *   round-robin over both.
 *
 * And, in this process, what a step costs in round trips: the real app on
 * PostgreSQL with Kysely's `log` hook counting every statement (BEGIN,
 * COMMIT and savepoints included) and the time spent in each.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { createWebApp } from '../runtime/web/app.js';
import { importProcesses, openServicesAt } from '../runtime/setup.js';
import { HOW_TO_START, startCluster, withDatabase } from '../test/helpers/postgres-cluster.js';
import { calibrate, citizenLoad, stepBodies, type LoadResult, type Target } from './citizen.js';
import { api, percentile, root, spawnServer } from './lib.js';
import type { Row, Section } from './run.js';

export const TITLE = 'Citizen steps on PostgreSQL';
export const SKIPPED = 'skipped — PostgreSQL not installed (apt-get install postgresql)';

export type PgSize = {
  connections: number[];
  /** Seconds a level (full: calibrated as in the SQLite section) — or, when `pgSteps` is set, that many steps a level. */
  stepSeconds: number;
  pgSteps?: number;
  /** Cases (three steps each) of the round-trip count. */
  tripCases: number;
};

type Made = { target: Target; stop: () => Promise<void> };
type OmslagInfo = { port: number; citizen: string };

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || !b || !Number.isFinite(a) || !Number.isFinite(b) ? null : a / b;

function omslagTarget(name: string, bases: string[], citizen: string): Target {
  return {
    name,
    base: bases[0],
    bases,
    headers: { authorization: `Bearer ${citizen}` },
    start: async () => (await api(bases[0], 'POST', '/api/processes/bench-aanvraag/cases', citizen, {})).id,
    eventPath: (id) => `/api/cases/${id}/events`,
  };
}

/** Stops what was started so far, newest first, even when one stop fails. */
async function stopAll(stops: (() => Promise<void>)[]) {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}

const servers = (url: (db: string) => string) => [
  {
    key: 'pgexpress',
    label: 'baseline (bare Express 5 + pg)',
    make: async (): Promise<Made> => {
      const s = await spawnServer('pgexpress', [url('bench_pgexpress')]);
      return {
        stop: s.stop,
        target: {
          name: 'pgexpress',
          base: s.base,
          headers: {},
          start: async () => (await api(s.base, 'POST', '/cases', undefined, {})).id,
          eventPath: (id: string) => `/cases/${id}/events`,
        },
      };
    },
  },
  {
    key: 'pg1',
    label: 'Omslag on PostgreSQL, 1 node',
    make: async (): Promise<Made> => {
      const s = await spawnServer<OmslagInfo>('omslag', [url('bench_omslag1')]);
      return { stop: s.stop, target: omslagTarget('omslag-pg-1', [s.base], s.info.citizen) };
    },
  },
  {
    key: 'pg2',
    label: 'Omslag on PostgreSQL, 2 nodes',
    make: async (): Promise<Made> => {
      // The first node migrates, publishes and makes the accounts; the second joins the same database.
      const a = await spawnServer<OmslagInfo>('omslag', [url('bench_omslag2')]);
      try {
        const b = await spawnServer('omslag', [url('bench_omslag2'), 'join']);
        return {
          stop: () => stopAll([a.stop, b.stop]),
          target: omslagTarget('omslag-pg-2', [a.base, b.base], a.info.citizen),
        };
      } catch (e) {
        await a.stop();
        throw e;
      }
    },
  },
];

/** Statement kind by its first word: transaction control, select, insert, update, delete or other. */
function kindOf(sqlText: string): string {
  const word = /^\s*(\w+)/.exec(sqlText)?.[1]?.toLowerCase() ?? '';
  if (['begin', 'commit', 'rollback', 'savepoint', 'release', 'start'].includes(word)) return 'transaction control';
  if (['select', 'insert', 'update', 'delete', 'with'].includes(word)) return word === 'with' ? 'select' : word;
  return 'other';
}

/** `select cases`, `insert audit`, `commit`: what a statement does to which table, for the notes. */
function shapeOf(sqlText: string): string {
  const s = sqlText.trim().toLowerCase();
  const word = /^(\w+)/.exec(s)?.[1] ?? '';
  const table = /(?:\bfrom|\binto|^update)\s+"?(\w+)"?/.exec(s)?.[1];
  if (word === 'savepoint' || word === 'release' || (word === 'rollback' && /savepoint/.test(s)))
    return `${word} savepoint`;
  return table ? `${word} ${table}` : word;
}

/**
 * The round trips of one citizen step: the app in this process on `url`, its statements counted through
 * Kysely's `log` hook while `cases` cases of bench-aanvraag take their three steps one after another.
 */
export async function countRoundTrips(url: string, cases: number, warm = Math.min(5, cases)) {
  let counting = false;
  const byKind = new Map<string, number>();
  const byShape = new Map<string, number>();
  const shapeMs = new Map<string, number>();
  let queryMs = 0;
  let commitMs = 0;
  const log = (event: LogEvent) => {
    if (!counting) return;
    const text = event.query.sql;
    byKind.set(kindOf(text), (byKind.get(kindOf(text)) ?? 0) + 1);
    const shape = shapeOf(text);
    byShape.set(shape, (byShape.get(shape) ?? 0) + 1);
    shapeMs.set(shape, (shapeMs.get(shape) ?? 0) + event.queryDurationMillis);
    queryMs += event.queryDurationMillis;
    if (/^\s*commit/i.test(text)) commitMs += event.queryDurationMillis;
  };
  const services = await openServicesAt(url, undefined, { log });
  const server = createServer(createWebApp(services, { log: () => {} }));
  try {
    const { store } = services;
    await importProcesses(join(root, 'processes'), store, services.processes, 'bench');
    await importProcesses(join(root, 'bench/processes'), store, services.processes, 'bench');
    const citizen = await store.accounts.createToken({ bsn: '999993653' }, new Date().toISOString());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bodies = stepBodies.map((b) => JSON.parse(b.toString('utf8')) as unknown);
    const walls: number[] = [];
    const runCase = async (measure: boolean) => {
      const id = (await api(base, 'POST', '/api/processes/bench-aanvraag/cases', citizen, {})).id as string;
      for (const body of bodies) {
        const t0 = performance.now();
        counting = measure;
        await api(base, 'POST', `/api/cases/${id}/events`, citizen, body);
        counting = false;
        if (measure) walls.push(performance.now() - t0);
      }
    };
    for (let i = 0; i < warm; i++) await runCase(false); // Warm-up: JIT, caches, pool connections.
    for (let i = 0; i < cases; i++) await runCase(true);
    const steps = walls.length;
    const wallMs = walls.reduce((a, b) => a + b, 0);
    return {
      steps,
      warm,
      statements: [...byKind.values()].reduce((a, b) => a + b, 0) / steps,
      byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, v / steps])),
      byShape: [...byShape]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => ({ shape: k, count: v / steps, ms: (shapeMs.get(k) ?? 0) / steps })),
      wallMs: wallMs / steps,
      wallP50: percentile(walls, 50),
      queryMs: queryMs / steps,
      commitMs: commitMs / steps,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await services.store.close();
  }
}

/**
 * The section. `sqlite` is Omslag's steps/s on SQLite by connection count, from the steps section of the
 * same run. Without PostgreSQL's binaries (and no OMSLAG_TEST_POSTGRES) the section says it was skipped.
 */
export async function partPostgres(size: PgSize, sqlite: Map<number, number>): Promise<Section> {
  const rows: Row[] = [];
  const notes: string[] = [];
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({ durable: true });
  } catch (e) {
    if ((e as Error).message === HOW_TO_START) return { title: TITLE, rows, notes: [SKIPPED] };
    throw e;
  }
  // An interrupted run must not leave the cluster running.
  const onExit = () => cluster.stop();
  process.once('exit', onExit);
  const run = randomUUID().slice(0, 8);
  const url = (db: string) => withDatabase(cluster.adminUrl, `${db}_${run}`);
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    let version = '';
    try {
      for (const db of ['bench_pgexpress', 'bench_omslag1', 'bench_omslag2', 'bench_trips'])
        await admin.query(`CREATE DATABASE ${db}_${run}`);
      version = String((await admin.query('SHOW server_version')).rows[0].server_version);
    } finally {
      await admin.end();
    }

    const results = new Map<string, Map<number, LoadResult>>();
    for (const s of servers(url)) {
      const byConn = new Map<number, LoadResult>();
      results.set(s.key, byConn);
      let made: Made | undefined;
      try {
        made = await s.make();
        let steps: number;
        if (size.pgSteps) {
          // Warm-up, not counted: 30 steps per node (JIT, caches, pool connections), so each node starts as warm.
          const nodes = made.target.bases?.length ?? 1;
          await citizenLoad(made.target, 10, 30 * nodes);
          steps = size.pgSteps;
        } else steps = await calibrate(made.target, size.stepSeconds);
        for (const c of size.connections) {
          const r = await citizenLoad(made.target, c, steps);
          byConn.set(c, r);
          if (r.non2xx || r.errors)
            notes.push(`${s.label} at ${c} connection(s): ${r.non2xx} non-2xx answers, ${r.errors} errors.`);
          rows.push(
            {
              label: `${s.label}, ${c} conn: steps/s`,
              value: r.stepsPerSecond,
              unit: 'steps/s',
              note: `${r.steps} steps in ${r.seconds.toFixed(1)} s`,
            },
            { label: `${s.label}, ${c} conn: p50`, value: r.p50, unit: 'ms' },
            { label: `${s.label}, ${c} conn: p99`, value: r.p99, unit: 'ms' },
          );
        }
      } finally {
        await made?.stop();
      }
    }
    const per = (key: string, c: number) => results.get(key)?.get(c)?.stepsPerSecond ?? null;
    for (const c of size.connections) {
      const higher = 'higher is better';
      rows.push(
        {
          label: `Omslag-PG-1 / pg baseline, ${c} conn (steps/s)`,
          value: ratio(per('pg1', c), per('pgexpress', c)),
          unit: 'ratio',
          note: higher,
        },
        {
          label: `Omslag-PG-2 / pg baseline, ${c} conn (steps/s)`,
          value: ratio(per('pg2', c), per('pgexpress', c)),
          unit: 'ratio',
          note: higher,
        },
        {
          label: `Omslag-PG-1 / Omslag-SQLite, ${c} conn (steps/s)`,
          value: ratio(per('pg1', c), sqlite.get(c)),
          unit: 'ratio',
          note: higher,
        },
        {
          label: `two nodes / one node, ${c} conn (steps/s)`,
          value: ratio(per('pg2', c), per('pg1', c)),
          unit: 'ratio',
          note: higher,
        },
      );
    }

    const t = await countRoundTrips(url('bench_trips'), size.tripCases);
    const order = ['transaction control', 'select', 'insert', 'update', 'delete', 'other'];
    rows.push({ label: 'round trips per citizen step (statements)', value: t.statements, unit: 'statements' });
    for (const k of order)
      if (t.byKind[k]) rows.push({ label: `  of which ${k}`, value: t.byKind[k], unit: 'statements' });
    rows.push(
      {
        label: 'pg baseline: round trips per step',
        value: 5,
        unit: 'statements',
        note: 'BEGIN, SELECT, UPDATE, INSERT, COMMIT',
      },
      { label: 'one step, one connection, in this process: mean', value: t.wallMs, unit: 'ms' },
      { label: '  in statements (sum of their durations)', value: t.queryMs, unit: 'ms' },
      { label: '  of which COMMIT (the WAL flush)', value: t.commitMs, unit: 'ms' },
      { label: '  outside statements (HTTP, auth, validation, engine, pool)', value: t.wallMs - t.queryMs, unit: 'ms' },
      { label: 'share of a step in statements', value: t.queryMs / t.wallMs, unit: 'ratio' },
    );
    notes.push(
      `PostgreSQL ${version}: one throwaway cluster for the section (test/helpers/postgres-cluster.ts, durable: fsync on and synchronous_commit on, PostgreSQL's defaults, so every COMMIT waits for its WAL flush, like SQLite's synchronous=FULL), on 127.0.0.1 over TCP; each server on its own fresh database. ` +
        'Every server in its own Node process (bench/servers.ts), the same load loop and bodies as "Citizen steps through HTTP". Omslag: pool of 10 connections per node; the baseline too. ' +
        'Two nodes: two processes on one database (the first migrates, publishes and makes the accounts, the second joins); connection i goes to node i mod 2. ' +
        `${size.pgSteps ? `${size.pgSteps} steps a level (at least one case per connection) after a warm-up of 30 steps per node at 10 connections (quick mode)` : `steps a level calibrated to about ${size.stepSeconds} s, as in the SQLite section`}. ` +
        'Omslag-PG-1 / Omslag-SQLite divides by Omslag\'s figure in "Citizen steps through HTTP" of this run. On one machine both nodes and the database share the same cores, so two nodes show what the shared database allows, not what two machines would.',
      `Round trips: the app in the runner's process on its own database, ${t.steps} steps (${size.tripCases} cases of three, after ${t.warm} warm-up cases) one after another, every statement counted through Kysely's log hook (runtime/store/sql.ts DbOptions.log), BEGIN, COMMIT and savepoints included. node-postgres sends one statement per round trip (no pipelining), so statements = round trips. ` +
        `Per step, statement × count (ms in it): ${t.byShape.map((x) => `${x.shape} × ${Number(x.count.toFixed(2))} (${x.ms.toFixed(2)})`).join(', ')}.`,
      "Where the time goes: a statement's duration is Kysely's queryDurationMillis, from sending it to its result (network, PostgreSQL's work, and for COMMIT the WAL flush); \"outside\" is the rest of the step's wall time: the HTTP client and server in this process, bearer-token auth, zod validation, XState, FEEL, JSON, and waiting for a pool connection. " +
        "Under load: every step of one process also updates the same roll-up rows (step_stats and transition_stats, one row per process, version, step and day); PostgreSQL holds that row's lock from the UPDATE to the COMMIT, so concurrent steps of one process queue on it, a likely reason Omslag's steps/s grow little from 1 to 50 connections and a second node adds little.",
    );
    return { title: TITLE, rows, notes };
  } finally {
    process.removeListener('exit', onExit);
    cluster.stop();
  }
}

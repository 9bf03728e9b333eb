/**
 * Shared setup for the engine's integration tests: a REAL store per test — a
 * SQLite file in a fresh temporary directory, or in the `postgres` project a
 * fresh PostgreSQL database (test/helpers/test-store.ts) — a fake clock, the
 * engine and the process service over it. Everything opened here is closed
 * and removed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, expect } from 'vitest';
import { openStore, type CaseRow, type Store } from '../../../runtime/store/index.js';
import { testStoreTarget } from '../../helpers/test-store.js';
import {
  createEngine,
  createFakeClock,
  createProcessService,
  EngineError,
  type Engine,
  type FakeClock,
  type ProcessService,
} from '../../../runtime/engine/index.js';
import { fixtureProcess, household, money, publishFixtures, type FixtureName } from '../../helpers/fixtures.js';

export { household, money };

export const START = '2026-03-02T09:00:00Z';
export const EXAMPLES = fileURLToPath(new URL('../../../processes/', import.meta.url));

/** Test citizens (valid by the elfproef, not real people). */
export const BSN = '999993653';
export const OTHER_BSN = '111222333';
export const asCitizen = (bsn = BSN) => `citizen:${bsn}`;

export type Env = {
  dir: string;
  /** Where the store lives: a SQLite file, or a PostgreSQL URL. Open it again with openEnv (a restart, a second node). */
  file: string;
  store: Store;
  clock: FakeClock;
  engine: Engine;
  processes: ProcessService;
};

const dirs: string[] = [];
const stores: Store[] = [];

const closed = new WeakSet<Store>();

afterEach(async () => {
  for (const store of stores.splice(0)) if (!closed.has(store)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Closes a store opened here (a restart); afterEach then leaves it alone. */
export async function closeStore(store: Store) {
  if (closed.has(store)) return;
  closed.add(store);
  await store.close();
}

/** A fresh temporary directory (removed after the test) and the store's target: a file in it, or a new PostgreSQL database. */
export async function tempDbFile(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-engine-'));
  dirs.push(dir);
  return { dir, file: await testStoreTarget(dir, 'test.db') };
}

/** Opens a (new) connection, clock, engine and process service on a store's target (file or URL). */
export async function openEnv(file: string, at: string = START): Promise<Omit<Env, 'dir'>> {
  const store = await openStore(file);
  stores.push(store);
  const clock = createFakeClock(at);
  return {
    file,
    store,
    clock,
    engine: createEngine({ store, clock }),
    processes: createProcessService({ store, clock }),
  };
}

/**
 * A fresh database with the users `ann` (belastingen) and `kees`
 * (klantcontact), and only the fixture processes `fixtures` names published
 * (test/helpers/fixtures.ts): none without it (`publish: false` says so).
 * The examples in processes/ are tested in test/examples/.
 */
export async function freshEnv(
  opts: { at?: string; publish?: false; fixtures?: readonly FixtureName[] } = {},
): Promise<Env> {
  const { dir, file } = await tempDbFile();
  const env = { dir, ...(await openEnv(file, opts.at ?? START)) };
  if (opts.fixtures) await publishFixtures(env.processes, opts.fixtures);
  const now = env.clock.now().toISOString();
  await env.store.accounts.addUser('ann', 'official', ['belastingen'], now);
  await env.store.accounts.addUser('kees', 'official', ['klantcontact'], now);
  return env;
}

/** A fresh copy of a fixture process definition (test/helpers/fixtures.ts). */
export function fixture(name: FixtureName) {
  return fixtureProcess(name);
}

export async function user(env: Pick<Env, 'store'>, name: string) {
  const found = await env.store.accounts.userByName(name);
  if (!found) throw new Error(`no user ${name}`);
  return found;
}

/** Runs `fn`, expects it to throw an EngineError of this kind and code, and returns the error. */
export async function engineError(fn: () => unknown, kind: EngineError['kind'], code: string): Promise<EngineError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected EngineError ${kind}/${code}`).toBeInstanceOf(EngineError);
  const error = thrown as EngineError;
  expect({ kind: error.kind, code: error.code }).toEqual({ kind, code });
  return error;
}

/** Every row of the tables a transition writes, exactly as stored (TEXT columns as stored strings). */
export async function dump(store: Store) {
  const all = async (query: string) => (await sql.raw(query).execute(store.sql.q())).rows;
  return {
    cases: await all('SELECT * FROM cases ORDER BY id'),
    audit: await all('SELECT * FROM audit ORDER BY id'),
    tasks: await all('SELECT * FROM tasks ORDER BY created_at, id'),
    timers: await all('SELECT * FROM timers ORDER BY id'),
    messages: await all('SELECT * FROM messages ORDER BY id'),
  };
}

/** Every row of a table as stored, in a stable order. */
export async function rows(store: Store, query: string) {
  return (await sql.raw(query).execute(store.sql.q())).rows;
}

export const auditTypes = async (store: Store, caseId: string) => (await store.cases.audit(caseId)).map((e) => e.type);

/** Starts a `toeslag` fixture case and answers the first form: the case waits at `geldzaken`. */
export async function toeslagAtMoney(env: Pick<Env, 'engine'>, bsn = BSN): Promise<CaseRow> {
  const started = await env.engine.startCase('toeslag', bsn, asCitizen(bsn));
  return env.engine.send(started.id, { type: 'submit', data: household }, { actor: asCitizen(bsn) });
}

/** A `toeslag` case whose income is close to the norm: it waits at the `beoordeling` handoff. */
export async function toeslagAtReview(env: Pick<Env, 'engine'>, bsn = BSN): Promise<CaseRow> {
  const row = await toeslagAtMoney(env, bsn);
  const next = await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen(bsn) });
  expect(next.step).toBe('beoordeling');
  return next;
}

/**
 * A real database trigger that aborts every `when` on `table` with the error
 * 'boom' (optionally only where `condition` holds, over NEW): SQLite's
 * RAISE(ABORT), or a PL/pgSQL exception on PostgreSQL. Returns its removal.
 */
export async function boomTrigger(
  store: Store,
  table: string,
  when: 'INSERT' | 'UPDATE' = 'INSERT',
  condition?: string,
): Promise<() => Promise<void>> {
  const run = (query: string) => sql.raw(query).execute(store.sql.q());
  if (store.dialect === 'postgres') {
    await run(
      `CREATE OR REPLACE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`,
    );
    await run(
      `CREATE TRIGGER boom BEFORE ${when} ON ${table} FOR EACH ROW ${condition ? `WHEN (${condition}) ` : ''}EXECUTE FUNCTION boom()`,
    );
    return async () => void (await run(`DROP TRIGGER boom ON ${table}`));
  }
  await run(
    `CREATE TRIGGER boom BEFORE ${when} ON ${table} ${condition ? `WHEN ${condition} ` : ''}BEGIN SELECT RAISE(ABORT, 'boom'); END`,
  );
  return async () => void (await run('DROP TRIGGER boom'));
}

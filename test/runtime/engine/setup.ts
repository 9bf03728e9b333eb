/**
 * Shared setup for the engine's integration tests: a REAL SQLite file in a
 * fresh temporary directory per test, a fake clock, the engine and the
 * process service over it. Everything opened here is closed and removed
 * after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { openStore, type CaseRow, type Store } from '../../../runtime/store/index.js';
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
  file: string;
  store: Store;
  clock: FakeClock;
  engine: Engine;
  processes: ProcessService;
};

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory (removed after the test) and the database file in it. */
export function tempDbFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-engine-'));
  dirs.push(dir);
  return { dir, file: join(dir, 'test.db') };
}

/** Opens a (new) connection, clock, engine and process service on a database file. */
export function openEnv(file: string, at: string = START): Omit<Env, 'dir'> {
  const store = openStore(file);
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
export function freshEnv(opts: { at?: string; publish?: false; fixtures?: readonly FixtureName[] } = {}): Env {
  const { dir, file } = tempDbFile();
  const env = { dir, ...openEnv(file, opts.at ?? START) };
  if (opts.fixtures) publishFixtures(env.processes, opts.fixtures);
  const now = env.clock.now().toISOString();
  env.store.accounts.addUser('ann', 'official', ['belastingen'], now);
  env.store.accounts.addUser('kees', 'official', ['klantcontact'], now);
  return env;
}

/** A fresh copy of a fixture process definition (test/helpers/fixtures.ts). */
export function fixture(name: FixtureName) {
  return fixtureProcess(name);
}

export function user(env: Pick<Env, 'store'>, name: string) {
  const found = env.store.accounts.userByName(name);
  if (!found) throw new Error(`no user ${name}`);
  return found;
}

/** Runs `fn`, expects it to throw an EngineError of this kind and code, and returns the error. */
export function engineError(fn: () => unknown, kind: EngineError['kind'], code: string): EngineError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected EngineError ${kind}/${code}`).toBeInstanceOf(EngineError);
  const error = thrown as EngineError;
  expect({ kind: error.kind, code: error.code }).toEqual({ kind, code });
  return error;
}

/** Every row of the tables a transition writes, exactly as stored (TEXT columns as stored strings). */
export function dump(store: Store) {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    cases: all('SELECT * FROM cases ORDER BY id'),
    audit: all('SELECT * FROM audit ORDER BY id'),
    tasks: all('SELECT * FROM tasks ORDER BY created_at, id'),
    timers: all('SELECT * FROM timers ORDER BY id'),
    messages: all('SELECT * FROM messages ORDER BY id'),
  };
}

export const auditTypes = (store: Store, caseId: string) => store.cases.audit(caseId).map((e) => e.type);

/** Starts a `toeslag` fixture case and answers the first form: the case waits at `geldzaken`. */
export function toeslagAtMoney(env: Pick<Env, 'engine'>, bsn = BSN): CaseRow {
  const started = env.engine.startCase('toeslag', bsn, asCitizen(bsn));
  return env.engine.send(started.id, { type: 'submit', data: household }, { actor: asCitizen(bsn) });
}

/** A `toeslag` case whose income is close to the norm: it waits at the `beoordeling` handoff. */
export function toeslagAtReview(env: Pick<Env, 'engine'>, bsn = BSN): CaseRow {
  const row = toeslagAtMoney(env, bsn);
  const next = env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen(bsn) });
  expect(next.step).toBe('beoordeling');
  return next;
}

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createEngine, createProcessService, importProcesses, systemClock, type Clock } from './engine/index.js';
import { isPostgresUrl, openStore, type DbOptions } from './store/index.js';

/**
 * Where a store lives, from what main.ts, the CLI and tests name: a
 * `postgres://` URL as it is; otherwise a data folder, with the SQLite file
 * omslag.db in it.
 */
export const storeTarget = (place: string) => (isPostgresUrl(place) ? place : join(place, 'omslag.db'));

/**
 * Opens the store at `target` (a SQLite file, created with its folder, or a
 * `postgres://` URL) and wires engine and process service over it (main.ts
 * and the CLI share this). Migrations are applied; a database whose schema
 * is newer than this code is refused (SchemaTooNewError).
 */
export async function openServicesAt(target: string, clock: Clock = systemClock, db: DbOptions = {}) {
  if (!isPostgresUrl(target) && target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  const store = await openStore(target, db);
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  return { store, engine, processes, clock };
}

/** {@link openServicesAt} on a data folder (its omslag.db) or a `postgres://` URL. */
export function openServices(place: string, clock: Clock = systemClock, db: DbOptions = {}) {
  return openServicesAt(storeTarget(place), clock, db);
}
export type OpenServices = Awaited<ReturnType<typeof openServicesAt>>;

/** Demo accounts for a first start: one per role, with a token each, and a test citizen. */
export async function createDemoAccounts(services: OpenServices) {
  const { store, clock } = services;
  const at = clock.now().toISOString();
  const tokens = [];
  for (const [name, role, teams] of [
    ['ontwerper', 'designer', []],
    // In every team the example processes name: none of them is a team nobody works in (P033).
    ['medewerker', 'official', ['belastingen', 'inkomen', 'klantcontact']],
    ['beheerder', 'admin', []],
  ] as const) {
    const u = await store.accounts.addUser(name, role, [...teams], at);
    const password = randomBytes(12).toString('base64url');
    await store.accounts.setPassword(u.id, password);
    tokens.push({
      name: u.name,
      role: u.role,
      teams: u.teams,
      password,
      token: await store.accounts.createToken({ userId: u.id }, at),
    });
  }
  // 999993653 is a BSN from the government's test range; it passes the elfproef.
  const citizen = { bsn: '999993653', token: await store.accounts.createToken({ bsn: '999993653' }, at) };
  return { tokens, citizen };
}

export { importProcesses };

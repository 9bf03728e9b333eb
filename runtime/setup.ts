import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, createProcessService, importProcesses, systemClock, type Clock } from './engine/index.js';
import { openStore, type DbOptions } from './store/index.js';

/**
 * Opens the data folder and wires store, engine and process service (main.ts
 * and the CLI share this). `db.synchronous` is the durability setting (FULL by default).
 */
export function openServices(dataDir: string, clock: Clock = systemClock, db: DbOptions = {}) {
  mkdirSync(dataDir, { recursive: true });
  const store = openStore(join(dataDir, 'omslag.db'), db);
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  return { store, engine, processes, clock };
}
export type OpenServices = ReturnType<typeof openServices>;

/** Demo accounts for a first start: one per role, with a token each, and a test citizen. */
export function createDemoAccounts(services: OpenServices) {
  const { store, clock } = services;
  const at = clock.now().toISOString();
  const users = [
    store.accounts.addUser('ontwerper', 'designer', [], at),
    store.accounts.addUser('medewerker', 'official', ['belastingen', 'klantcontact'], at),
    store.accounts.addUser('beheerder', 'admin', [], at),
  ];
  const tokens = users.map((u) => {
    const password = randomBytes(12).toString('base64url');
    store.accounts.setPassword(u.id, password);
    return {
      name: u.name,
      role: u.role,
      teams: u.teams,
      password,
      token: store.accounts.createToken({ userId: u.id }, at),
    };
  });
  // 999993653 is a BSN from the government's test range; it passes the elfproef.
  const citizen = { bsn: '999993653', token: store.accounts.createToken({ bsn: '999993653' }, at) };
  return { tokens, citizen };
}

export { importProcesses };

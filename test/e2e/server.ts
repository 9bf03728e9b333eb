// The server the browser tests run against: the real app on a real port with a
// fresh SQLite file (or, with E2E_DATABASE_URL, an empty PostgreSQL database), the
// example processes published, and accounts whose tokens are written to
// test-results/e2e-accounts.json for the tests' API calls.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler } from '../../runtime/engine/index.js';
import { importProcesses, openServices } from '../../runtime/setup.js';
import { createWebApp } from '../../runtime/web/app.js';

const port = Number(process.env.E2E_PORT ?? 3199);
const services = await openServices(process.env.E2E_DATABASE_URL || mkdtempSync(join(tmpdir(), 'omslag-e2e-')));
await importProcesses(join(import.meta.dirname, '../../processes'), services.store, services.processes, 'e2e');
const at = new Date().toISOString();
const { accounts: repo } = services.store;
const token = async (name: string, role: 'official' | 'designer' | 'admin', teams: string[]) =>
  repo.createToken({ userId: (await repo.addUser(name, role, teams, at)).id }, at);
/** Officials who sign in to the workspace with a password. */
const officials = {
  ann: { name: 'ann', password: 'ann-wachtwoord-123', teams: ['belastingen', 'klantcontact'] },
  bob: { name: 'bob', password: 'bob-wachtwoord-123', teams: ['belastingen'] },
};
for (const o of Object.values(officials)) {
  await repo.setPassword((await repo.addUser(o.name, 'official', o.teams, at)).id, o.password);
}
// Somebody works in every team the examples name (individuele-inkomenstoeslag's 'inkomen' too): a team nobody
// works in is a problem in the designer (P033) and cannot be chosen when a task is moved to another team.
await repo.addUser('iris', 'official', ['inkomen'], at);
/** A designer who signs in to the designer with a password. */
const designers = { dina: { name: 'dina', password: 'dina-wachtwoord-123' } };
await repo.setPassword((await repo.addUser('dina', 'designer', [], at)).id, designers.dina.password);
const accounts = {
  official: await token('medewerker', 'official', ['belastingen', 'klantcontact']),
  admin: await token('beheerder', 'admin', []),
  designer: await token('ontwerper', 'designer', []),
  /** A citizen's API token (BSN 999993653), for tests that run a case through the API. */
  citizen: await repo.createToken({ bsn: '999993653' }, at),
  officials,
  designers,
};
mkdirSync(join(import.meta.dirname, '../../test-results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '../../test-results/e2e-accounts.json'), JSON.stringify(accounts));
void createScheduler(services.engine, 200).start();
createWebApp(services, { log: () => {} }).listen(port, '127.0.0.1', () => console.log(`e2e server on ${port}`));

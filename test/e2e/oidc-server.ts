// The server of test/e2e/oidc-signin.spec.ts: a real OpenID Connect provider
// (test/helpers/oidc-provider.ts) and the app signing citizens in there, each
// on a free port, with a fresh SQLite file and the example processes plus one
// that needs DigiD Midden. Prints one line of JSON ({ base, issuer }) when
// ready; stops on SIGTERM or when its parent goes (stdin closed).
import { stopWithSpec } from './child-server.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthSettings } from '../../runtime/auth/index.js';
import { importProcesses, openServices } from '../../runtime/setup.js';
import { createWebApp } from '../../runtime/web/app.js';
import { freePort, startTestProvider } from '../helpers/oidc-provider.js';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const provider = await startTestProvider({
  clients: [
    {
      clientId: 'omslag-e2e',
      clientSecret: 'geheim-voor-de-browsertest',
      redirectUris: [`${base}/inloggen/terug`],
      postLogoutRedirectUris: [`${base}/uitgelogd`],
    },
  ],
  users: [{ sub: 'jan', claims: { bsn: '999993653', name: 'Jan Jansen' } }],
});
const dir = mkdtempSync(join(tmpdir(), 'omslag-e2e-oidc-'));
const services = await openServices(dir);
const processes = join(import.meta.dirname, '../../processes');
await importProcesses(processes, services.store, services.processes, 'e2e');
// The bulky-waste pickup at DigiD Midden: the level page.
const grofvuil = JSON.parse(readFileSync(join(processes, 'grofvuil.json'), 'utf8'));
const midden = { ...grofvuil, key: 'grofvuil-midden', signIn: { level: 'midden' } };
await services.processes.saveDraft(midden.key, midden, 'e2e');
await services.processes.publish(midden.key, 'e2e');

const auth = readAuthSettings({
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: 'omslag-e2e',
  OIDC_CLIENT_SECRET: 'geheim-voor-de-browsertest',
  PUBLIC_URL: base,
});
const server = createWebApp(services, { log: () => {}, auth }).listen(port, '127.0.0.1', () =>
  console.log(JSON.stringify({ base, issuer: provider.issuer })),
);

stopWithSpec(server, [() => provider.close(), () => services.store.close()], dir);

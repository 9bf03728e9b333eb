// A server of its own for the staff sign-in spec (test/e2e/staff-oidc.spec.ts):
// the real test provider (oidc-provider) and the real app with a staff provider
// configured, each on a free port, a fresh SQLite file. Prints one line of JSON
// ({ app, provider }) once both listen; SIGTERM closes both and removes the data.
import { stopWithSpec } from './child-server.js';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthSettings } from '../../runtime/auth/index.js';
import { openServices } from '../../runtime/setup.js';
import { createWebApp } from '../../runtime/web/app.js';
import { freePort, startTestProvider } from '../helpers/oidc-provider.js';

const port = await freePort();
const app = `http://127.0.0.1:${port}`;
const provider = await startTestProvider({
  clients: [
    {
      clientId: 'omslag-werk',
      clientSecret: 'geheim-van-de-organisatie',
      redirectUris: [`${app}/api/session/oidc/callback`],
      postLogoutRedirectUris: [`${app}/werkplek/`, `${app}/ontwerp/`],
    },
  ],
  users: [
    { sub: 'fenna', claims: { preferred_username: 'fenna', roles: ['behandelaar'], groups: ['belastingen'] } },
    { sub: 'nora', claims: { preferred_username: 'nora' } },
  ],
});
const dir = mkdtempSync(join(tmpdir(), 'omslag-e2e-staff-'));
const services = await openServices(dir);
const server = createWebApp(services, {
  log: () => {},
  auth: readAuthSettings({
    PUBLIC_URL: app,
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: 'omslag-werk',
    STAFF_OIDC_CLIENT_SECRET: 'geheim-van-de-organisatie',
    STAFF_OIDC_ROLE_MAP: 'behandelaar=official',
  }),
}).listen(port, '127.0.0.1', () => {
  console.log(
    JSON.stringify({ app: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, provider: provider.issuer }),
  );
});

stopWithSpec(server, [() => provider.close(), () => services.store.close()], dir);

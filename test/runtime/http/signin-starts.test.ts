/**
 * Beginning a sign-in at a provider stores a flow row: a flood from one
 * address is refused with 429 after SIGNIN_STARTS_PER_ADDRESS, for the
 * citizens' DigiD and eHerkenning addresses and the staff's alike, and
 * nothing more is stored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readAuthSettings } from '../../../runtime/auth/index.js';
import { freePort, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let provider: TestProvider;
let s: TestServer;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    clients: [
      {
        clientId: 'omslag',
        clientSecret: 'geheim-voor-de-test',
        redirectUris: [`${base}/inloggen/terug`, `${base}/api/session/oidc/callback`],
        postLogoutRedirectUris: [`${base}/uitgelogd`],
      },
    ],
    users: [],
  });
  const auth = readAuthSettings({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'omslag',
    OIDC_CLIENT_SECRET: 'geheim-voor-de-test',
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: 'omslag',
    STAFF_OIDC_CLIENT_SECRET: 'geheim-voor-de-test',
    PUBLIC_URL: base,
  });
  s = await startTestServer({ auth, port, limits: { signInStartsPerAddress: 4 } });
});
afterAll(async () => {
  await s?.close();
  await provider?.close();
});

const flows = async () =>
  Number(
    (
      await s.store.sql
        .q()
        .selectFrom('signin_flows')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sign-ins begun at a provider, per address', () => {
  test('past the limit every start address answers 429 with Retry-After, and stores no more flows', async () => {
    const paths = ['/inloggen/digid', '/inloggen/eherkenning', '/api/session/oidc', '/inloggen/digid'];
    for (const path of paths) {
      const r = await fetch(base + path, { redirect: 'manual' });
      expect(r.status, path).toBe(303);
      expect(r.headers.get('location')).toContain(provider.issuer);
    }
    expect(await flows()).toBe(4);
    for (const path of ['/inloggen/digid', '/api/session/oidc']) {
      const page = await fetch(base + path, { redirect: 'manual' });
      expect(page.status, path).toBe(429);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await page.text()).toContain('Te veel inlogpogingen');
    }
    const json = await fetch(`${base}/inloggen/eherkenning`, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    expect(json.status).toBe(429);
    expect((await json.json()).error.code).toBe('too-many-sign-ins');
    expect(await flows()).toBe(4);
    // The rest of the site is not affected.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

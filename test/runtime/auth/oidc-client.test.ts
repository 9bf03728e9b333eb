/**
 * runtime/auth/oidc.ts against a real provider (oidc-provider on a port): the
 * code flow with PKCE, state and nonce; a wrong state or nonce is refused;
 * RP-initiated logout ends the provider's session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { oidcClient } from '../../../runtime/auth/index.js';
import { ACR, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.js';
import { webAgent } from '../../helpers/web-agent.js';

let provider: TestProvider;
let rp: Server;
let rpUrl: string;

beforeAll(async () => {
  // A stand-in relying party address: the provider only redirects to it; the test reads the callback URL from the hop.
  rp = createServer((_req, res) => res.end('rp'));
  await new Promise<void>((r) => rp.listen(0, '127.0.0.1', r));
  rpUrl = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
  provider = await startTestProvider({
    clients: [
      {
        clientId: 'omslag',
        clientSecret: 'geheim-voor-de-test',
        redirectUris: [`${rpUrl}/cb`],
        postLogoutRedirectUris: [`${rpUrl}/out`],
      },
    ],
    users: [{ sub: 'jan', claims: { bsn: '999993653', name: 'Jan' } }],
  });
});
afterAll(async () => {
  await provider?.close();
  await new Promise((r) => rp?.close(r));
});

const clientOf = () =>
  oidcClient(
    { issuer: provider.issuer, clientId: 'omslag', clientSecret: 'geheim-voor-de-test', scope: 'openid' },
    { allowHttp: true },
  );

/** Runs the browser's part: to the provider, log in, back to the callback address (not followed). */
async function toCallback(url: URL, acr: string = ACR.midden) {
  const agent = webAgent();
  const login = await agent.open(url.toString());
  const f = agent.form(login.page);
  let hop = await agent.post(f.action, { ...f.fields, login: 'jan', acr });
  while (hop.location && !hop.location.startsWith(`${rpUrl}/cb`)) hop = await agent.get(hop.location);
  return { agent, callback: new URL(hop.location!) };
}

describe('the OpenID Connect client', () => {
  test('a sign-in gives the claims, the acr chosen at the provider and an ID token', async () => {
    const c = clientOf();
    const { url, pending } = await c.begin(`${rpUrl}/cb`, { acr_values: ACR.midden });
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(pending.state);
    const { callback } = await toCallback(url);
    const done = await c.finish(callback, pending);
    expect(done.claims.bsn).toBe('999993653');
    expect(done.claims.acr).toBe(ACR.midden);
    expect(done.idToken.split('.')).toHaveLength(3);
  });

  test('a wrong state is refused, and so is a wrong nonce', async () => {
    const c = clientOf();
    const first = await c.begin(`${rpUrl}/cb`);
    const { callback } = await toCallback(first.url);
    await expect(c.finish(callback, { ...first.pending, state: 'another' })).rejects.toThrow();
    const second = await c.begin(`${rpUrl}/cb`);
    const back = await toCallback(second.url);
    await expect(c.finish(back.callback, { ...second.pending, nonce: 'another' })).rejects.toThrow();
  });

  test('the logout address ends the session at the provider', async () => {
    const c = clientOf();
    const { url, pending } = await c.begin(`${rpUrl}/cb`);
    const { agent, callback } = await toCallback(url);
    const done = await c.finish(callback, pending);
    const before = provider.logouts();
    const out = await c.logoutUrl(done.idToken, `${rpUrl}/out`);
    const confirm = await agent.open(out!.toString());
    const f = agent.form(confirm.page);
    const end = await agent.post(f.action, { ...f.fields, logout: 'yes' });
    expect(end.location).toBe(`${rpUrl}/out`);
    expect(provider.logouts()).toBe(before + 1);
    // Signing in again asks for the login page: the provider's session is gone.
    const again = await c.begin(`${rpUrl}/cb`);
    const page = await agent.open(again.url.toString());
    expect(page.page.text).toContain('Inloggen bij de testprovider');
  });
});

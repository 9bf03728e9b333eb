/**
 * POST /api/oauth/token (OAuth 2 client credentials, RFC 6749 §4.4) on a real
 * server: the answers and errors the RFC names, and the guard against
 * guessing a client's secret (failed client authentications count like
 * failed sign-ins).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanUp } from '../../../runtime/pages/housekeeping.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { countOf, expectStatus } from './support.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setup() {
  const s = await startTestServer({ fixtures: [] });
  servers.push(s);
  const client = expectStatus(
    await s.api('POST', '/api/api-clients', { as: 'admin', body: { kvk: '12345678', name: 'Schuldhulp Utrecht' } }),
    201,
  ) as { clientId: string; clientSecret: string; kvk: string; name: string };
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.base}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  const form = (f: Record<string, string>) => new URLSearchParams(f).toString();
  const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });
  return { s, client, post, form, basic };
}

describe('POST /api/oauth/token', () => {
  test('HTTP Basic and client_secret_post both give a Bearer token for an hour, not cached, stored hashed', async () => {
    const { s, client, post, form, basic } = await setup();
    expect(client).toMatchObject({ kvk: '12345678', name: 'Schuldhulp Utrecht' });
    expect(client.clientSecret.length).toBeGreaterThan(40);
    const byBasic = await post(form({ grant_type: 'client_credentials' }), basic(client.clientId, client.clientSecret));
    expect(byBasic.status).toBe(200);
    expect(byBasic.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    expect(byBasic.headers.get('pragma')).toBe('no-cache');
    const byPost = await post(
      form({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: 'x',
      }),
    );
    expect(byPost.status).toBe(200);
    expect(byPost.body.access_token).not.toBe(byBasic.body.access_token);
    for (const t of [byBasic.body.access_token, byPost.body.access_token]) {
      const me = await s.api('GET', '/api/me', { headers: { authorization: `Bearer ${t}` } });
      expect(expectStatus(me, 200)).toMatchObject({ role: 'intermediary' });
      expect(await countOf(s, 'SELECT COUNT(*) AS n FROM client_tokens WHERE hash = ?', t)).toBe(0);
    }
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM client_tokens WHERE client_id = ?', client.clientId)).toBe(2);
    // An hour later they no longer work, and housekeeping forgets them.
    s.clock.advance(60 * 60_000 + 1000);
    const late = await s.api('GET', '/api/me', { headers: { authorization: `Bearer ${byBasic.body.access_token}` } });
    expect(late.status).toBe(401);
    expect((await cleanUp(s.store, s.clock.now())).clientTokens).toBe(2);
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM client_tokens WHERE client_id = ?', client.clientId)).toBe(0);
  });

  test("the RFC's errors: invalid_client (401, with WWW-Authenticate), unsupported_grant_type and invalid_request (400)", async () => {
    const { s, client, post, form, basic } = await setup();
    const cases: [string, Record<string, string>, number, string][] = [
      [form({ grant_type: 'client_credentials' }), basic(client.clientId, 'wrong secret'), 401, 'invalid_client'],
      [form({ grant_type: 'client_credentials' }), basic('oc_unknown', client.clientSecret), 401, 'invalid_client'],
      [
        form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'nope' }),
        {},
        401,
        'invalid_client',
      ],
      [form({ grant_type: 'client_credentials', client_id: client.clientId }), {}, 401, 'invalid_client'],
      [form({ grant_type: 'client_credentials' }), {}, 401, 'invalid_client'],
      [
        form({ grant_type: 'password', username: 'a', password: 'b' }),
        basic(client.clientId, client.clientSecret),
        400,
        'unsupported_grant_type',
      ],
      [form({ grant_type: 'authorization_code', code: 'x' }), {}, 400, 'unsupported_grant_type'],
      [form({ client_id: client.clientId, client_secret: client.clientSecret }), {}, 400, 'invalid_request'],
      [
        'grant_type=client_credentials&grant_type=client_credentials',
        basic(client.clientId, client.clientSecret),
        400,
        'invalid_request',
      ],
      [
        form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
        basic(client.clientId, client.clientSecret),
        400,
        'invalid_request',
      ],
      [form({ grant_type: 'client_credentials' }), { authorization: 'Basic !!!' }, 400, 'invalid_request'],
      [
        form({ grant_type: 'client_credentials' }),
        { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` },
        400,
        'invalid_request',
      ],
    ];
    for (const [body, headers, status, error] of cases) {
      const res = await post(body, headers);
      expect({ status: res.status, error: res.body.error }, `${body} ${JSON.stringify(headers)}`).toEqual({
        status,
        error,
      });
      expect(typeof res.body.error_description).toBe('string');
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="omslag"/);
    }
    // JSON is not the RFC's encoding: invalid_request, saying what to send.
    const json = await fetch(`${s.base}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/form-encoded/),
    });
    // A large form is refused (413 in the error envelope), never read whole.
    const big = await post(form({ grant_type: 'client_credentials', pad: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM client_tokens WHERE client_id = ?', client.clientId)).toBe(0);
  });

  test('guessing a secret: the fifth wrong secret locks the client id (429 with Retry-After), even for the right secret, until the lock ends', async () => {
    const { s, client, post, form, basic } = await setup();
    const attempt = (secret: string) =>
      post(form({ grant_type: 'client_credentials' }), basic(client.clientId, secret));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const locked = await attempt(client.clientSecret);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('sign-in-locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    s.clock.advance(61_000);
    expect((await attempt(client.clientSecret)).status).toBe(200);
    // The failures were logged like failed sign-ins.
    const log = expectStatus(await s.api('GET', '/api/security-log?kind=signin.failed', { as: 'admin' }), 200);
    // The fifth wrong secret is a failure that locks: five failures, one lock.
    expect(log.entries.length).toBe(5);
    const locks = expectStatus(await s.api('GET', '/api/security-log?kind=signin.locked', { as: 'admin' }), 200);
    expect(locks.entries).toHaveLength(1);
    // An unknown client id is counted and locked alike.
    const unknown = [];
    for (let i = 0; i < 5; i++)
      unknown.push((await post(form({ grant_type: 'client_credentials' }), basic('oc_nobody', 'x'))).status);
    expect(unknown).toEqual([401, 401, 401, 401, 429]);
  });

  test('wrong Bearer tokens count against the address like other unknown tokens', async () => {
    const s = await startTestServer({ fixtures: [], limits: { tokenFailuresPerAddress: 3 } });
    servers.push(s);
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await s.api('GET', '/api/mandates/citizens', { headers: { authorization: `Bearer oct_guess${i}` } })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  test('only admins create, list and disable API clients; a bad KVK number is 422 and stores nothing', async () => {
    const { s } = await setup();
    for (const who of ['official', 'citizen', 'designer'] as const)
      expect((await s.api('POST', '/api/api-clients', { as: who, body: { kvk: '12345678', name: 'X' } })).status).toBe(
        403,
      );
    const clients = await countOf(s, 'SELECT COUNT(*) AS n FROM api_clients');
    const bad = await s.api('POST', '/api/api-clients', { as: 'admin', body: { kvk: '1234567', name: '' } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(['kvk', 'name']);
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM api_clients')).toBe(clients);
    expectStatus(await s.api('POST', '/api/api-clients/oc_nobody/disable', { as: 'admin' }), 404);
    const log = expectStatus(await s.api('GET', '/api/security-log?kind=api-client.created', { as: 'admin' }), 200);
    expect(log.entries).toHaveLength(1);
    expect(JSON.stringify(log)).not.toMatch(/ocs_/); // the secret is never logged
  });
});

/**
 * Mandates through the API, over HTTP on a real server (SQLite, and
 * PostgreSQL in the postgres project): an official registers a guardianship
 * with its reason and court decision; the holder — an intermediary
 * organisation — fetches a token by OAuth 2 client credentials and acts for
 * the citizen within the mandate, and nowhere else.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { CITIZEN_BSN, countOf, dbState, expectStatus, household, money } from './support.js';

const OTHER_BSN = '111222333';
const KVK = '12345678';
/** A minimal PDF (its bytes say so) and a PNG's signature, the only things the server looks at. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
});
afterAll(async () => {
  await s?.close();
});

/** A guardianship for the fuzz citizen held by an organisation, as an official registers it. */
const guardianship = (over: Record<string, unknown> = {}) => ({
  citizen: CITIZEN_BSN,
  holder: { kind: 'organisation', kvk: KVK, name: 'Schuldhulp Utrecht' },
  process: 'toeslag',
  rights: ['view', 'fill', 'submit'],
  validUntil: '2026-12-31',
  reason: 'Beschikking kantonrechter Utrecht 2026-02-12: bewindvoering',
  document: { name: 'beschikking.pdf', content: PDF.toString('base64') },
  ...over,
});

async function register(body: unknown) {
  return expectStatus(await s.api('POST', '/api/mandates', { as: 'official', body }), 201);
}

/** An API client for an organisation, created by an admin; returns its id and secret. */
async function newClient(kvk = KVK, name = 'Schuldhulp Utrecht') {
  return expectStatus(await s.api('POST', '/api/api-clients', { as: 'admin', body: { kvk, name } }), 201) as {
    clientId: string;
    clientSecret: string;
  };
}

/** POST /api/oauth/token with a form, as RFC 6749 §4.4.2 says. */
async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.base}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
async function tokenFor(client: { clientId: string; clientSecret: string }) {
  const res = await tokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.access_token as string;
}
/** s.api with a client's access token. */
const as = (token: string, method: string, path: string, body?: unknown) =>
  s.api(method, path, { body, headers: { authorization: `Bearer ${token}` } });

describe('an official registers a guardianship; the organisation acts for the citizen through the API', () => {
  test('registered with a reason and a PDF; the holder lists only its mandated citizens and their covered cases, starts and submits a case, and the audit trail names the mandate', async () => {
    // Cases already there: the citizen's own (toeslag, ophalen), and another citizen's toeslag.
    const ownToeslag = expectStatus(
      await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }),
      201,
    );
    const ownOphalen = expectStatus(
      await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }),
      201,
    );
    const otherToeslag = expectStatus(
      await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizenB', body: {} }),
      201,
    );

    const mandate = await register(guardianship());
    expect(mandate).toMatchObject({
      citizen: CITIZEN_BSN,
      holder: { kind: 'organisation', id: KVK },
      holderName: 'Schuldhulp Utrecht',
      process: 'toeslag',
      rights: ['view', 'fill', 'submit'],
      source: 'official',
      createdBy: 'user:olaf',
      reason: expect.stringContaining('bewindvoering'),
      document: { name: 'beschikking.pdf', type: 'application/pdf' },
      revokedAt: null,
      inForce: true,
    });
    // Until and including 31 December, in Dutch time.
    expect(mandate.validUntil).toBe('2026-12-31T23:00:00.000Z');
    // The official lists it (no document bytes) and downloads the document as it was sent.
    const listed = expectStatus(await s.api('GET', `/api/mandates?citizen=${CITIZEN_BSN}`, { as: 'official' }), 200);
    expect(listed.map((m: any) => m.id)).toEqual([mandate.id]);
    expect(JSON.stringify(listed)).not.toContain(PDF.toString('base64'));
    const doc = await fetch(`${s.base}/api/mandates/${mandate.id}/document`, {
      headers: { authorization: `Bearer ${s.tokens.official}` },
    });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await doc.arrayBuffer()).equals(PDF)).toBe(true);
    // In the security log, with who and why.
    const log = expectStatus(await s.api('GET', '/api/security-log?kind=mandate.registered', { as: 'admin' }), 200);
    expect(log.entries[0]).toMatchObject({ account: 'olaf', details: { mandate: mandate.id, citizen: CITIZEN_BSN } });

    const client = await newClient();
    const token = await tokenFor(client);
    expect(expectStatus(await as(token, 'GET', '/api/me'), 200)).toMatchObject({ role: 'intermediary' });

    expect(expectStatus(await as(token, 'GET', '/api/mandates/citizens'), 200)).toEqual([
      {
        bsn: CITIZEN_BSN,
        mandates: [
          { id: mandate.id, process: 'toeslag', rights: ['view', 'fill', 'submit'], validUntil: mandate.validUntil },
        ],
      },
    ]);
    // Only the citizen's toeslag case: not their ophalen case (another process), not another citizen's.
    const cases = expectStatus(await as(token, 'GET', '/api/cases'), 200);
    expect(cases.map((c: any) => c.id)).toEqual([ownToeslag.id]);
    expectStatus(await as(token, 'GET', `/api/cases/${ownToeslag.id}`), 200);
    expectStatus(await as(token, 'GET', `/api/cases/${ownOphalen.id}`), 404);
    expectStatus(await as(token, 'GET', `/api/cases/${otherToeslag.id}`), 404);

    // It starts a case for the citizen and submits it, step by step.
    const started = expectStatus(
      await as(token, 'POST', '/api/processes/toeslag/cases', { subject: CITIZEN_BSN }),
      201,
    );
    const second = expectStatus(
      await as(token, 'POST', `/api/cases/${started.id}/events`, { type: 'submit', data: household }),
      200,
    );
    expect(second.step.id).toBe('geldzaken');
    const review = expectStatus(
      await as(token, 'POST', `/api/cases/${started.id}/events`, { type: 'submit', data: money() }),
      200,
    );
    expect(review.step.id).toBe('beoordeling');
    // The case is the citizen's: they see it as their own.
    const mine = expectStatus(await s.api('GET', '/api/cases', { as: 'citizen' }), 200);
    expect(mine.map((c: any) => c.id)).toContain(started.id);
    const audit = await s.store.cases.audit(started.id);
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(new Set(audit.map((e) => e.actor))).toEqual(new Set([`mandate:${mandate.id}`]));
    // Not for another citizen, not for another process.
    expectStatus(await as(token, 'POST', '/api/processes/toeslag/cases', { subject: OTHER_BSN }), 403);
    const other = await as(token, 'POST', '/api/processes/ophalen/cases', { subject: CITIZEN_BSN });
    expect({ status: other.status, code: other.body.error.code }).toEqual({ status: 403, code: 'no-mandate' });
    expectStatus(await as(token, 'POST', `/api/cases/${otherToeslag.id}/events`, { type: 'withdraw' }), 404);
    // An intermediary names the citizen, and sets no reference date.
    expectStatus(await as(token, 'POST', '/api/processes/toeslag/cases', {}), 422);
    expectStatus(
      await as(token, 'POST', '/api/processes/toeslag/cases', { subject: CITIZEN_BSN, referenceDate: '2026-01-01' }),
      422,
    );
  });

  test('a mandate to view only: the case is seen, no event is sent and no case started (403 no-mandate)', async () => {
    const kvk = '23456789';
    const m = await register(
      guardianship({ holder: { kind: 'organisation', kvk, name: 'Ouderenbond' }, rights: ['view'] }),
    );
    const token = await tokenFor(await newClient(kvk, 'Ouderenbond'));
    const started = expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    expectStatus(await as(token, 'GET', `/api/cases/${started.id}`), 200);
    const before = await dbState(s);
    const refused = await as(token, 'POST', `/api/cases/${started.id}/events`, { type: 'withdraw' });
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 403, code: 'no-mandate' });
    expectStatus(await as(token, 'POST', '/api/processes/toeslag/cases', { subject: CITIZEN_BSN }), 403);
    expect(await dbState(s)).toEqual(before);
    expect(m.rights).toEqual(['view']);
  });

  test('revoked: the next request is a 404; the revocation is logged with its reason and cannot be repeated', async () => {
    const kvk = '34567890';
    const m = await register(guardianship({ holder: { kind: 'organisation', kvk, name: 'Budgetcoach' } }));
    const token = await tokenFor(await newClient(kvk, 'Budgetcoach'));
    const started = expectStatus(
      await as(token, 'POST', '/api/processes/toeslag/cases', { subject: CITIZEN_BSN }),
      201,
    );
    expectStatus(await as(token, 'GET', `/api/cases/${started.id}`), 200);

    const revoked = expectStatus(
      await s.api('POST', `/api/mandates/${m.id}/revoke`, { as: 'official', body: { reason: 'Bewind opgeheven' } }),
      200,
    );
    expect(revoked).toMatchObject({ revokedBy: 'user:olaf', inForce: false });
    expectStatus(await as(token, 'GET', `/api/cases/${started.id}`), 404);
    expectStatus(await as(token, 'POST', `/api/cases/${started.id}/events`, { type: 'withdraw' }), 404);
    expect(expectStatus(await as(token, 'GET', '/api/cases'), 200)).toEqual([]);
    expect(expectStatus(await as(token, 'GET', '/api/mandates/citizens'), 200)).toEqual([]);
    const log = expectStatus(await s.api('GET', '/api/security-log?kind=mandate.revoked', { as: 'admin' }), 200);
    expect(log.entries[0]).toMatchObject({ account: 'olaf', details: { mandate: m.id, reason: 'Bewind opgeheven' } });
    const again = await s.api('POST', `/api/mandates/${m.id}/revoke`, { as: 'official', body: { reason: 'nogmaals' } });
    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 409, code: 'mandate-revoked' });
    expectStatus(await s.api('POST', `/api/mandates/${m.id}/revoke`, { as: 'official', body: {} }), 422);
    expectStatus(await s.api('POST', '/api/mandates/nope/revoke', { as: 'official', body: { reason: 'x' } }), 404);
  });

  test('a mandate for process A gives nothing on B; an ended one gives nothing (the fake clock moves past its last day)', async () => {
    const kvk = '45678901';
    const m = await register(
      guardianship({
        holder: { kind: 'organisation', kvk, name: 'Wijkteam' },
        process: 'ophalen',
        validUntil: '2026-03-05',
      }),
    );
    const token = await tokenFor(await newClient(kvk, 'Wijkteam'));
    const toeslag = expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    const ophalen = expectStatus(await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }), 201);
    expectStatus(await as(token, 'GET', `/api/cases/${ophalen.id}`), 200);
    expectStatus(await as(token, 'GET', `/api/cases/${toeslag.id}`), 404);
    expectStatus(await as(token, 'POST', `/api/cases/${toeslag.id}/events`, { type: 'withdraw' }), 404);
    expectStatus(await as(token, 'POST', '/api/processes/toeslag/cases', { subject: CITIZEN_BSN }), 403);
    const listed = expectStatus(await as(token, 'GET', '/api/cases'), 200);
    expect(listed.every((c: any) => c.process === 'ophalen')).toBe(true);
    expect(listed.map((c: any) => c.id)).toContain(ophalen.id);

    // 5 March is its last day (Dutch time); on the 6th it no longer holds. Tokens last an hour: fetch a new one.
    const client = await newClient(kvk, 'Wijkteam 2');
    s.clock.advance(3 * 24 * 3600_000 + 13 * 3600_000); // 2026-03-05T22:00Z = 23:00 in Amsterdam
    expectStatus(await as(await tokenFor(client), 'GET', `/api/cases/${ophalen.id}`), 200);
    s.clock.advance(2 * 3600_000); // 2026-03-06T01:00 in Amsterdam
    const fresh = await tokenFor(client);
    expectStatus(await as(fresh, 'GET', `/api/cases/${ophalen.id}`), 404);
    expect(expectStatus(await as(fresh, 'GET', '/api/mandates/citizens'), 200)).toEqual([]);
    const listedAgain = expectStatus(
      await s.api('GET', `/api/mandates?citizen=${CITIZEN_BSN}`, { as: 'official' }),
      200,
    );
    expect(listedAgain.find((x: any) => x.id === m.id).inForce).toBe(false);
  });

  test('an expired token gives no principal (401), and a disabled client stops at once', async () => {
    const client = await newClient('56789012', 'Schuldhulp Zeist');
    const token = await tokenFor(client);
    expectStatus(await as(token, 'GET', '/api/mandates/citizens'), 200);
    s.clock.advance(3601_000);
    expectStatus(await as(token, 'GET', '/api/mandates/citizens'), 401);
    const second = await tokenFor(client);
    expectStatus(await as(second, 'GET', '/api/mandates/citizens'), 200);
    const disabled = expectStatus(
      await s.api('POST', `/api/api-clients/${client.clientId}/disable`, { as: 'admin' }),
      200,
    );
    expect(disabled.disabledAt).toBe(s.clock.now().toISOString());
    expectStatus(await as(second, 'GET', '/api/mandates/citizens'), 401);
    const refused = await tokenRequest(
      { grant_type: 'client_credentials' },
      basic(client.clientId, client.clientSecret),
    );
    expect({ status: refused.status, error: refused.body.error }).toEqual({ status: 401, error: 'invalid_client' });
    const clients = expectStatus(await s.api('GET', '/api/api-clients', { as: 'admin' }), 200);
    expect(clients.find((c: any) => c.clientId === client.clientId).disabledAt).not.toBeNull();
    expect(JSON.stringify(clients)).not.toContain(client.clientSecret);
    // Stored hashed: neither the secret nor a token appears in the database.
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM api_clients WHERE secret_hash = ?', client.clientSecret)).toBe(
      0,
    );
    expect(await countOf(s, 'SELECT COUNT(*) AS n FROM client_tokens WHERE hash = ?', second)).toBe(0);
  });
});

describe('registration: bad input is refused with field details and nothing is stored', () => {
  /** Refused with `status`, and no mandate or log entry written. */
  async function refusedRegistration(body: unknown, status: number, fields: string[] = []) {
    const before = {
      mandates: await countOf(s, 'SELECT COUNT(*) AS n FROM mandates'),
      log: await countOf(s, 'SELECT COUNT(*) AS n FROM security_log'),
      state: await dbState(s),
    };
    const res = await s.api('POST', '/api/mandates', { as: 'official', body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(typeof res.body.error.message).toBe('string');
    for (const f of fields) expect(Object.keys(res.body.error.details ?? {}), JSON.stringify(res.body)).toContain(f);
    expect({
      mandates: await countOf(s, 'SELECT COUNT(*) AS n FROM mandates'),
      log: await countOf(s, 'SELECT COUNT(*) AS n FROM security_log'),
      state: await dbState(s),
    }).toEqual(before);
    return res;
  }

  test('no reason, an empty reason, no document', async () => {
    const { reason: _r, ...noReason } = guardianship();
    await refusedRegistration(noReason, 422, ['reason']);
    await refusedRegistration(guardianship({ reason: '   ' }), 422, ['reason']);
    const { document: _d, ...noDocument } = guardianship();
    await refusedRegistration(noDocument, 422, ['document']);
  });

  test('a document that is not a PDF or image by its bytes (whatever its name), or not base64', async () => {
    const text = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    await refusedRegistration(guardianship({ document: { name: 'beschikking.pdf', content: text } }), 422, [
      'document.content',
    ]);
    const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00').toString('base64');
    await refusedRegistration(guardianship({ document: { name: 'scan.png', content: exe } }), 422, [
      'document.content',
    ]);
    await refusedRegistration(guardianship({ document: { name: 'x.pdf', content: '%%% not base64 %%%' } }), 422, [
      'document.content',
    ]);
    await refusedRegistration(guardianship({ document: { name: 'x.pdf', content: '' } }), 422, ['document.content']);
    // An image is fine, named anything: its type comes from its bytes.
    const png = await register(guardianship({ document: { name: 'foto', content: PNG.toString('base64') } }));
    expect(png.document).toEqual({ name: 'foto', type: 'image/png' });
  });

  test('too large: a document past 5 MB is 413, a body past the route limit is 413 too', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await refusedRegistration(
      guardianship({ document: { name: 'groot.pdf', content: big.toString('base64') } }),
      413,
    );
    expect(res.body.error.code).toBe('document-too-large');
    const huge = Buffer.alloc(6 * 1024 * 1024).toString('base64');
    const tooBig = await refusedRegistration(guardianship({ document: { name: 'g.pdf', content: huge } }), 413);
    expect(tooBig.body.error.code).toBe('payload-too-large');
  });

  test('bad BSNs and KVK numbers, an unknown process, no rights, dates the wrong way round, unknown fields', async () => {
    await refusedRegistration(guardianship({ citizen: '123456789' }), 422, ['citizen']);
    await refusedRegistration(guardianship({ holder: { kind: 'organisation', kvk: '1234', name: 'X' } }), 422, [
      'holder.kvk',
    ]);
    await refusedRegistration(guardianship({ holder: { kind: 'person', bsn: '123456780', name: 'Jan' } }), 422, [
      'holder.bsn',
    ]);
    await refusedRegistration(guardianship({ holder: { kind: 'person', bsn: CITIZEN_BSN, name: 'Zelf' } }), 422, [
      'holder.bsn',
    ]);
    await refusedRegistration(guardianship({ holder: { kind: 'robot', id: 'x', name: 'R' } }), 422, ['holder.kind']);
    await refusedRegistration(guardianship({ process: 'bestaat-niet' }), 422, ['process']);
    await refusedRegistration(guardianship({ rights: [] }), 422, ['rights']);
    await refusedRegistration(guardianship({ rights: ['everything'] }), 422, ['rights.0']);
    await refusedRegistration(guardianship({ validFrom: '2026-05-01', validUntil: '2026-04-01' }), 422, ['validUntil']);
    await refusedRegistration(guardianship({ validUntil: '2026-02-30' }), 422, ['validUntil']);
    await refusedRegistration(guardianship({ extra: true }), 422, ['extra']);
  });

  test('only officials and admins register, list, download and revoke; a person holder and all processes are fine', async () => {
    for (const who of ['citizen', 'designer'] as const) {
      const res = await s.api('POST', '/api/mandates', { as: who, body: guardianship() });
      expect(res.status).toBe(403);
      expect((await s.api('GET', `/api/mandates?citizen=${CITIZEN_BSN}`, { as: who })).status).toBe(403);
    }
    const m = await register(
      guardianship({
        holder: { kind: 'person', bsn: OTHER_BSN, name: 'J. de Vries' },
        process: null,
        validUntil: null,
      }),
    );
    expect(m).toMatchObject({ holder: { kind: 'person', id: OTHER_BSN }, process: null, validUntil: null });
    expectStatus(await s.api('GET', '/api/mandates', { as: 'official' }), 422);
    expectStatus(await s.api('GET', '/api/mandates?citizen=123456789', { as: 'admin' }), 422);
    expectStatus(await s.api('GET', '/api/mandates/nope/document', { as: 'admin' }), 404);
  });
});

/**
 * The read log over HTTP on a real server (SQLite, and PostgreSQL in the
 * postgres project): staff's reads of a case are recorded with who, which
 * data and why; the citizen's own are not; an X-Purpose is recorded as
 * given and a bad one refused before anything is read; the audit export;
 * and a read whose log entry cannot be written fails without its data.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READ_WINDOW_MS, recordRead } from '../../../runtime/auth/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, CITIZEN_BSN, countOf, expectStatus, refused } from './support.js';

let s: TestServer;
let review: Awaited<ReturnType<typeof atReview>>;

beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
  review = await atReview(s);
});
afterAll(async () => {
  await s?.close();
});

const readsOf = (caseId: string) => s.store.reads.forCase(caseId);
const readCount = () => countOf(s, 'SELECT COUNT(*) AS n FROM case_reads');

describe('what is recorded', () => {
  test("the citizen's own reads are not recorded; an official's case view and task view are, once per window", async () => {
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'citizen' }), 200);
    expect(await readsOf(review.view.id)).toEqual([]);

    const at = s.clock.now().toISOString();
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official' }), 200);
    expectStatus(await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'official' }), 200);
    const reads = await readsOf(review.view.id);
    expect(reads.map(({ id: _, ...r }) => r).sort((a, b) => a.data.localeCompare(b.data))).toEqual([
      {
        caseId: review.view.id,
        subject: CITIZEN_BSN,
        actor: 'user:olaf',
        actorName: 'team:belastingen',
        onBehalf: null,
        data: 'case',
        purpose: 'handling',
        at,
      },
      {
        caseId: review.view.id,
        subject: CITIZEN_BSN,
        actor: 'user:olaf',
        actorName: 'team:belastingen',
        onBehalf: null,
        data: 'task',
        purpose: 'handling',
        at,
      },
    ]);

    // The workspace checks the task every 3 seconds: within the window that is the same entry.
    s.clock.advance(3000);
    expectStatus(await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'official' }), 200);
    expect(await readsOf(review.view.id)).toHaveLength(2);
    s.clock.advance(READ_WINDOW_MS);
    expectStatus(await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'official' }), 200);
    expect(await readsOf(review.view.id)).toHaveLength(3);
    // Another official of the team is another reader.
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official2' }), 200);
    expect((await readsOf(review.view.id))[0]).toMatchObject({ actor: 'user:otto', actorName: 'team:belastingen' });
  });

  test('an admin is recorded by role, for administration', async () => {
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'admin' }), 200);
    expect((await readsOf(review.view.id))[0]).toMatchObject({
      actor: 'user:ada',
      actorName: 'role:admin',
      data: 'case',
      purpose: 'administration',
    });
  });

  test('a refused read records nothing: another team, another citizen', async () => {
    const before = await readCount();
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'GET', `/api/tasks/${review.task.id}`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'citizenB' });
    expect(await readCount()).toBe(before);
  });

  test('lists of summaries are not reads of a case: GET /api/cases and /api/tasks record nothing', async () => {
    const before = await readCount();
    expectStatus(await s.api('GET', '/api/cases', { as: 'official' }), 200);
    expectStatus(await s.api('GET', '/api/tasks', { as: 'official' }), 200);
    expect(await readCount()).toBe(before);
  });
});

describe('X-Purpose', () => {
  test('is recorded as given (UTF-8 or Latin-1 bytes), trimmed', async () => {
    s.clock.advance(READ_WINDOW_MS);
    const given = 'Bezwaar 2026-114: controle door "team bezwaar", financiële toets';
    const utf8 = Buffer.from(`  ${given}  `, 'utf8').toString('latin1');
    expectStatus(
      await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official', headers: { 'X-Purpose': utf8 } }),
      200,
    );
    expect((await readsOf(review.view.id))[0]).toMatchObject({ actor: 'user:olaf', data: 'case', purpose: given });
    expectStatus(
      await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'official', headers: { 'X-Purpose': 'Inzage café' } }),
      200,
    );
    expect((await readsOf(review.view.id))[0]).toMatchObject({ data: 'task', purpose: 'Inzage café' });
  });

  test('is documented on the reading routes in /api/openapi.json', async () => {
    const doc = expectStatus(await s.api('GET', '/api/openapi.json'), 200);
    for (const op of [doc.paths['/api/cases/{id}'].get, doc.paths['/api/tasks/{id}'].get]) {
      expect(op.parameters.find((p: { name: string }) => p.name === 'X-Purpose')).toMatchObject({ in: 'header' });
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['422', '503']));
    }
    expect(Object.keys(doc.paths['/api/case-reads'].get.responses['200'].content).sort()).toEqual([
      'application/json',
      'text/csv',
    ]);
  });

  test('a bad one is 422 with the envelope, and nothing is read or recorded', async () => {
    const before = await readCount();
    for (const bad of ['x'.repeat(201), 'a\tb', '   ', 'next\u0085line']) {
      for (const url of [`/api/cases/${review.view.id}`, `/api/tasks/${review.task.id}`]) {
        const res = await refused(s, 422, 'invalid-purpose', 'GET', url, {
          as: 'official',
          headers: { 'X-Purpose': bad },
        });
        expect(res.body.error.details['X-Purpose']).toHaveLength(1);
        expect(res.body).not.toHaveProperty('id');
      }
    }
    // 200 characters is the most.
    expectStatus(
      await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official', headers: { 'X-Purpose': 'y'.repeat(200) } }),
      200,
    );
    expect(await readCount()).toBe(before + 1);
  });
});

describe('the audit export', () => {
  test('an admin gets CSV (a header row, RFC 4180 quoting, no formulas) and JSON between two dates', async () => {
    const tricky = '=HYPERLINK("x"),\nregel twee';
    await recordRead(s.store, {
      principal: { kind: 'user', id: 1, name: 'olaf', role: 'official', teams: ['belastingen'] },
      row: { id: review.view.id, subject: CITIZEN_BSN },
      data: 'case',
      purpose: tricky,
      at: s.clock.now().toISOString(),
    });
    const all = await s.store.reads.between('2000-01-01', '3000-01-01');
    expect(all.length).toBeGreaterThan(5);

    const res = await fetch(`${s.base}/api/case-reads?from=2026-03-02&to=2026-03-03`, {
      headers: { authorization: `Bearer ${s.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('id,at,caseId,subject,actor,actorName,onBehalf,data,purpose');
    const records: Record<string, string>[] = parse(text, { columns: true });
    expect(records.map((r) => Number(r.id))).toEqual(all.map((r) => r.id));
    expect(records.at(-1)).toMatchObject({ actor: 'user:olaf', subject: CITIZEN_BSN, purpose: `'${tricky}` });
    expect(records[0]).toMatchObject({ caseId: review.view.id, actorName: 'team:belastingen', onBehalf: '' });

    const json = expectStatus(
      await s.api('GET', '/api/case-reads?from=2026-03-02&to=2026-03-03&format=json', { as: 'admin' }),
      200,
    );
    expect(json).toEqual(all.map((r) => ({ ...r })));
    expect(json.at(-1).purpose).toBe(tricky);

    // From inclusive, to exclusive; a day starts at midnight in Dutch time (23:00 UTC the day before in winter).
    const first = all[0].at;
    const from = expectStatus(
      await s.api('GET', `/api/case-reads?from=${first}&to=2026-03-03T00:00:00Z&format=json`, { as: 'admin' }),
      200,
    );
    expect(from).toHaveLength(all.length);
    expect(
      expectStatus(await s.api('GET', `/api/case-reads?from=2026-03-01&to=${first}&format=json`, { as: 'admin' }), 200),
    ).toEqual([]);
    const empty = await fetch(`${s.base}/api/case-reads?from=2026-03-03&to=2026-03-04`, {
      headers: { authorization: `Bearer ${s.tokens.admin}` },
    });
    expect(await empty.text()).toBe('id,at,caseId,subject,actor,actorName,onBehalf,data,purpose\r\n');
  });

  test('other roles are refused with 403; bad dates and formats with 422', async () => {
    for (const as of ['official', 'designer', 'citizen'] as const)
      await refused(s, 403, 'forbidden', 'GET', '/api/case-reads?from=2026-03-01&to=2026-03-03', { as });
    await refused(s, 401, 'unauthenticated', 'GET', '/api/case-reads?from=2026-03-01&to=2026-03-03');
    for (const query of [
      'from=2026-02-30&to=2026-03-03',
      'from=2026-03-01',
      'to=2026-03-03',
      'from=2026-03-03&to=2026-03-01',
      'from=2026-03-01&to=2026-03-01',
      'from=gisteren&to=2026-03-03',
      'from=2026-03-01&to=2026-03-03&format=xml',
    ]) {
      const res = await refused(s, 422, 'invalid-request', 'GET', `/api/case-reads?${query}`, { as: 'admin' });
      expect(Object.keys(res.body.error.details).length, query).toBeGreaterThan(0);
    }
  });
});

describe('no read without its log entry', () => {
  test('when the log cannot be written, the read is 503 in the error envelope, without the data', async () => {
    const db = s.store.sql.kysely;
    if (s.store.dialect === 'sqlite')
      await sql`CREATE TRIGGER no_reads BEFORE INSERT ON case_reads BEGIN SELECT RAISE(ABORT, 'read log off'); END`.execute(
        db,
      );
    else {
      await sql`CREATE FUNCTION no_reads() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'read log off'; END $$ LANGUAGE plpgsql`.execute(
        db,
      );
      await sql`CREATE TRIGGER no_reads BEFORE INSERT ON case_reads FOR EACH ROW EXECUTE FUNCTION no_reads()`.execute(
        db,
      );
    }
    try {
      s.clock.advance(READ_WINDOW_MS);
      const before = await readCount();
      for (const url of [`/api/cases/${review.view.id}`, `/api/tasks/${review.task.id}`]) {
        const res = await s.api('GET', url, { as: 'official' });
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(res.body.error.code).toBe('read-log-unavailable');
        expect(res.headers.get('retry-after')).toBe('60');
        expect(JSON.stringify(res.body)).not.toContain(review.view.reference);
      }
      expect(await readCount()).toBe(before);
      // The citizen's own reads need no entry: they go on.
      expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'citizen' }), 200);
    } finally {
      await sql`DROP TRIGGER no_reads${s.store.dialect === 'postgres' ? sql` ON case_reads` : sql``}`.execute(db);
      if (s.store.dialect === 'postgres') await sql`DROP FUNCTION no_reads()`.execute(db);
    }
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official' }), 200);
  });
});

describe('intermediaries (the policy, on the real store)', () => {
  const mandate = async (holder: { kind: 'person' | 'organisation'; id: string }, holderName: string) =>
    s.store.mandates.create(
      {
        citizen: CITIZEN_BSN,
        holder,
        holderName,
        staff: [],
        processKey: null,
        rights: ['view'],
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: null,
        source: 'citizen',
        reason: null,
        createdBy: 'citizen',
      },
      s.clock.now().toISOString(),
    );

  test("an intermediary acting by a mandate is recorded under the mandate, by their name, for the mandate's purpose", async () => {
    const m = await mandate({ kind: 'organisation', id: '12345678' }, 'Schuldhulp Utrecht');
    const row = { id: review.view.id, subject: CITIZEN_BSN };
    const at = s.clock.now().toISOString();
    const via = { mandate: m, holder: m.holder, holderName: m.holderName, staffId: 'emp-7' };
    expect(
      await recordRead(s.store, { principal: { kind: 'citizen', bsn: CITIZEN_BSN, via }, row, data: 'case', at }),
    ).toBe(true);
    expect((await readsOf(review.view.id))[0]).toMatchObject({
      actor: `mandate:${m.id}`,
      actorName: 'Schuldhulp Utrecht',
      onBehalf: 'kvk:12345678',
      purpose: 'mandate',
    });
    const person = await mandate({ kind: 'person', id: '123456782' }, 'J. de Vries');
    const personVia = { mandate: person, holder: person.holder, holderName: person.holderName };
    await recordRead(s.store, {
      principal: { kind: 'citizen', bsn: CITIZEN_BSN, via: personVia },
      row,
      data: 'case',
      at,
    });
    expect((await readsOf(review.view.id))[0]).toMatchObject({ actorName: 'J. de Vries', onBehalf: null });
    // An organisation's API client: by the organisation's name.
    await recordRead(s.store, {
      principal: { kind: 'organisation', kvk: '12345678', name: 'Schuldhulp Utrecht', clientId: 'c-1' },
      row,
      data: 'case',
      at,
    });
    expect((await readsOf(review.view.id))[0]).toMatchObject({ actor: 'client:c-1', onBehalf: 'kvk:12345678' });
    // The citizen themselves: nothing.
    const before = await readCount();
    expect(await recordRead(s.store, { principal: { kind: 'citizen', bsn: CITIZEN_BSN }, row, data: 'case', at })).toBe(
      false,
    );
    expect(await readCount()).toBe(before);
  });
});

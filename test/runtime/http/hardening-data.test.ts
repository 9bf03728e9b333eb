/**
 * Issue 11, the data findings: names of Object.prototype members (3), typed
 * facts (4), refused scans (5), impossible dates and durations (6, 7), and
 * what designers and officials may see and do (12). Each test is named after
 * the finding it guards; every refusal leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileToConfig, isValidBsn } from '../../../runtime/model/index.js';
import { dbFingerprint } from '../../helpers/db-state.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { countOf, expectStatus } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ scanLimit: 64 * 1024, fixtures: ['toeslag', 'ophalen', 'pas'] });
});
afterAll(async () => {
  await s?.close();
});

function bsns(n: number, from = 200_000_000): string[] {
  const out: string[] = [];
  for (let i = from; out.length < n; i += 7) if (isValidBsn(String(i))) out.push(String(i));
  return out;
}
const signal = (data: unknown, subject = bsns(1, 300_000_000)[0]) =>
  s.api('POST', '/api/signals', { as: 'admin', body: { type: 'inkomen.vastgesteld', subject, data } });
const raw = (method: string, path: string, body: string, as: keyof TestServer['tokens'] = 'designer') =>
  fetch(s.base + path, {
    method,
    headers: { authorization: `Bearer ${s.tokens[as]}`, 'content-type': 'application/json' },
    body,
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('finding 3: names of Object.prototype members', () => {
  test('finding 3: a step target named constructor is a problem (P030) and cannot be published', async () => {
    const def = fixtureProcess('ophalen');
    def.key = 'proto-target';
    const first = Object.keys(def.steps)[0];
    def.start = 'constructor';
    def.steps[first].next = 'constructor';
    const saved = expectStatus(
      await s.api('PUT', '/api/processes/proto-target/draft', { as: 'designer', body: def }),
      200,
    );
    expect(saved.problems.map((p: { code: string }) => p.code)).toContain('P030');
    const before = await dbFingerprint(s.store);
    const publish = await s.api('POST', '/api/processes/proto-target/publish', { as: 'designer' });
    expect(publish.status).toBe(422);
    expect(await dbFingerprint(s.store)).toEqual(before);
  });

  test('finding 3: a step key __proto__ is reported as P030, not silently dropped', async () => {
    const def = fixtureProcess('ophalen');
    def.key = 'proto-key';
    const text = JSON.stringify(def).replace(
      '"steps":{',
      '"steps":{"__proto__":{"kind":"end","title":"Klaar","outcome":"completed","message":"m"},',
    );
    const saved = await raw('PUT', '/api/processes/proto-key/draft', text);
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(expect.objectContaining({ code: 'P030', path: 'steps.__proto__' }));
    // The draft keeps what the designer wrote, so the designer sees and fixes it.
    const draft = expectStatus(await s.api('GET', '/api/processes/proto-key', { as: 'designer' }), 200);
    expect(Object.keys(draft.draft.steps)).toContain('__proto__');
  });

  test('finding 3: field ids and group events that are prototype names are P030', async () => {
    const def = fixtureProcess('toeslag');
    def.key = 'proto-field';
    const form = Object.values(def.steps as Record<string, { kind: string; fields?: { id: string }[] }>).find(
      (st) => st.kind === 'form',
    )!;
    form.fields![0].id = 'toString';
    const saved = expectStatus(
      await s.api('PUT', '/api/processes/proto-field/draft', { as: 'designer', body: def }),
      200,
    );
    expect(saved.problems).toContainEqual(expect.objectContaining({ code: 'P030' }));
  });

  test('finding 3: strict JSON bodies with keys toString, constructor and __proto__ answer 422 naming them', async () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      const before = await dbFingerprint(s.store);
      const res = await raw(
        'POST',
        '/api/signals',
        `{"type":"inkomen.vastgesteld","subject":"999993653","${key}":1}`,
        'admin',
      );
      expect(res.status, key).toBe(422);
      expect(res.body.error.code).toBe('invalid-request');
      expect(Object.keys(res.body.error.details)).toContain(key);
      expect(await dbFingerprint(s.store)).toEqual(before);
    }
  });

  test('finding 3: answers keyed __proto__ or constructor are unknown fields (422 naming them), never ignored or inherited', async () => {
    const started = expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const before = await dbFingerprint(s.store);
      const res = await raw(
        'POST',
        `/api/cases/${started.id}/events`,
        `{"type":"submit","data":{"${key}":{"huishouden":"alleen"},"huishouden":"samen","aanslagnummer":"2026-0042"}}`,
        'citizen',
      );
      expect(res.status, key).toBe(422);
      expect(Object.keys(res.body.error.details)).toEqual([`data.${key}`]);
      expect(await dbFingerprint(s.store)).toEqual(before);
    }
    // Event names that are prototype members are simply not allowed now.
    for (const type of ['constructor', '__proto__', 'toString'])
      expect((await s.api('POST', `/api/cases/${started.id}/events`, { as: 'citizen', body: { type } })).status).toBe(
        409,
      );
  });

  test('finding 3: one broken published process never stops signals or starts of other processes', async () => {
    // A version published before these checks existed: its trigger starts at a step that is not there.
    const bad = fixtureProcess('pas');
    bad.key = 'oud-pas';
    bad.triggers[0].start = 'constructor';
    await s.store.processes.saveDraft('oud-pas', bad, '2026-01-01T00:00:00Z', 'old');
    await s.store.processes.publish('oud-pas', bad, compileToConfig(bad), '2026-01-01T00:00:00Z', 'old', null);
    const subject = bsns(1, 310_000_000)[0];
    const res = expectStatus(await signal({ inkomen: 900 }, subject), 200);
    expect(res.started).toEqual([{ process: 'pas', caseId: expect.any(String) }]);
    expect(res.skipped).toContainEqual({ process: 'oud-pas', reason: 'error' });
    expect(await countOf(s, "SELECT COUNT(*) FROM proactive_errors WHERE process_key = 'oud-pas'")).toBe(1);
    // Staff see what failed in the take-up report.
    const takeUp = expectStatus(await s.api('GET', '/api/processes/oud-pas/take-up', { as: 'admin' }), 200);
    expect(takeUp.recentErrors).toEqual([
      { source: 'signal:inkomen.vastgesteld', message: expect.any(String), at: expect.any(String) },
    ]);
    expect((await s.store.cases.listBySubject(subject)).map((c) => c.processKey)).toEqual(['pas']);
    // Other processes still start.
    expectStatus(await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }), 201);
  });
});

describe('finding 4: signal and register facts are typed', () => {
  test('finding 4: a signal whose income is "abc", "" or [] is refused with 422 and starts nothing', async () => {
    for (const inkomen of ['abc', '', [], { a: 1 }, true]) {
      const before = await dbFingerprint(s.store);
      const res = await signal({ inkomen });
      expect(res.status, JSON.stringify(inkomen)).toBe(422);
      expect(res.body.error.code).toBe('invalid-facts');
      expect(res.body.error.details.inkomen).toHaveLength(1);
      expect(await dbFingerprint(s.store)).toEqual(before);
    }
  });

  test('finding 4: a well-typed income starts an offer with only the declared facts as case data', async () => {
    const subject = bsns(1, 320_000_000)[0];
    const res = expectStatus(await signal({ inkomen: '1.200,00', naam: 'niet gevraagd' }, subject), 200);
    expect(res.started).toHaveLength(1);
    const row = (await s.store.cases.get(res.started[0].caseId))!;
    expect((row.snapshot as { context: { data: Record<string, unknown> } }).context.data).toEqual({ inkomen: 1200 });
  });

  test('finding 4: register rows with an empty, wrong or missing income are invalid, never eligible', async () => {
    const [a, b, c, d] = bsns(4, 330_000_000);
    const csv = `bsn,inkomen\n${a},\n${b},abc\n${c},1000\n${d},2600\n`;
    const res = await fetch(`${s.base}/api/processes/pas/scan?dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.admin}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(await res.json()).toMatchObject({ rows: 4, invalid: 2, eligible: 1, notEligible: 1, errors: 0 });
  });

  test('finding 4: a trigger whose condition reads an undeclared fact is P005', async () => {
    const def = fixtureProcess('pas');
    def.key = 'feiten';
    delete def.triggers[0].facts;
    const saved = expectStatus(await s.api('PUT', '/api/processes/feiten/draft', { as: 'designer', body: def }), 200);
    expect(saved.problems).toContainEqual(expect.objectContaining({ code: 'P005', path: 'triggers.0.when' }));
  });
});

describe('finding 5: a refused scan changes nothing', () => {
  const scan = (body: string, query = '') =>
    fetch(`${s.base}/api/processes/pas/scan${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.admin}`, 'content-type': 'text/csv', 'accept-language': 'en' },
      body,
    });

  test('finding 5: 250 eligible rows followed by a field past the size limit: 413, and the database is unchanged', async () => {
    const rows = bsns(250, 400_000_000)
      .map((b) => `${b},1000`)
      .join('\n');
    const body = `bsn,inkomen\n${rows}\n${bsns(1, 500_000_000)[0]},${'9'.repeat(80 * 1024)}\n`;
    const before = await dbFingerprint(s.store);
    const res = await scan(body);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload-too-large');
    expect(await dbFingerprint(s.store)).toEqual(before);
  });

  test('finding 5: an extract that breaks halfway (bad CSV structure) is 422 naming the line, and nothing started', async () => {
    const rows = bsns(50, 410_000_000).map((b) => `${b},1000`);
    rows.splice(30, 0, '"unterminated,1000');
    const before = await dbFingerprint(s.store);
    const res = await scan(`bsn,inkomen\n${rows.join('\n')}\n`);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid-extract');
    expect(body.error.message).toMatch(/nothing was started/);
    expect(await dbFingerprint(s.store)).toEqual(before);
  });

  test('finding 5: a JSON Lines record past the record limit is refused whole', async () => {
    const { MAX_RECORD_BYTES } = await import('../../../runtime/engine/index.js');
    const small = await startTestServer({ fixtures: ['toeslag', 'ophalen', 'pas'] });
    try {
      const lines = [
        ...bsns(10, 420_000_000).map((b) => JSON.stringify({ bsn: b, inkomen: 900 })),
        JSON.stringify({ bsn: '999993653', inkomen: 'x'.repeat(MAX_RECORD_BYTES + 10) }),
      ];
      const before = await dbFingerprint(small.store);
      const res = await fetch(`${small.base}/api/processes/pas/scan`, {
        method: 'POST',
        headers: { authorization: `Bearer ${small.tokens.admin}`, 'content-type': 'application/x-ndjson' },
        body: lines.join('\n'),
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe('invalid-extract');
      expect(await dbFingerprint(small.store)).toEqual(before);
    } finally {
      await small.close();
    }
  });

  test('finding 5: a scan of a process without triggers is refused before its body is read', async () => {
    const before = await dbFingerprint(s.store);
    const res = await fetch(`${s.base}/api/processes/ophalen/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.admin}`, 'content-type': 'text/csv' },
      body: `bsn,inkomen\n999993653,100\n`,
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('no-triggers');
    expect(await dbFingerprint(s.store)).toEqual(before);
  });
});

describe('findings 6 and 7: impossible dates, durations and numbers', () => {
  test('finding 6: insights?inactiveDays=Infinity (and NaN, 1e999, -1) answers 422 naming the parameter', async () => {
    for (const value of ['Infinity', 'NaN', '1e999', '-1', '0x10', '']) {
      const res = await s.api('GET', `/api/processes/toeslag/insights?inactiveDays=${encodeURIComponent(value)}`, {
        as: 'designer',
      });
      expect(res.status, value).toBe(422);
      expect(Object.keys(res.body.error.details)).toEqual(['inactiveDays']);
    }
    for (const value of ['Infinity', '1.5', '0']) {
      const res = await s.api('GET', `/api/processes/toeslag/insights?version=${value}`, { as: 'designer' });
      expect(res.status, value).toBe(422);
    }
    expectStatus(await s.api('GET', '/api/processes/toeslag/insights?inactiveDays=7.5', { as: 'designer' }), 200);
  });

  test('finding 6: a wait for P999999999Y is a problem (P019) and cannot be published', async () => {
    const def = fixtureProcess('ophalen');
    def.key = 'lang-wachten';
    const first = Object.keys(def.steps)[0];
    const next = def.steps[first].next;
    def.steps.wachten = { kind: 'wait', title: 'Wachten', for: 'P999999999Y', then: next };
    def.steps[first].next = 'wachten';
    const saved = expectStatus(
      await s.api('PUT', '/api/processes/lang-wachten/draft', { as: 'designer', body: def }),
      200,
    );
    expect(saved.problems).toContainEqual(
      expect.objectContaining({
        code: 'P019',
        node: 'wachten',
        params: { case: 'tooLong', years: 10, duration: 'P999999999Y' },
        message: 'De duur ‘P999999999Y’ van stap ‘Wachten’ is langer dan 10 jaar. Kies een kortere duur.',
      }),
    );
    expect((await s.api('POST', '/api/processes/lang-wachten/publish', { as: 'designer' })).status).toBe(422);
    // Ten years exactly is allowed.
    def.steps.wachten.for = 'P10Y';
    expect(
      expectStatus(await s.api('PUT', '/api/processes/lang-wachten/draft', { as: 'designer', body: def }), 200)
        .problems,
    ).toEqual([]);
  });

  test('finding 7: referenceDate 2026-13-45 and 2026-02-30 are refused, nothing started', async () => {
    for (const referenceDate of ['2026-13-45', '2026-02-30', '0000-01-01', '2026-1-1']) {
      const before = await dbFingerprint(s.store);
      const res = await s.api('POST', '/api/processes/ophalen/cases', {
        as: 'official',
        body: { subject: '999993653', referenceDate },
      });
      expect(res.status, referenceDate).toBe(422);
      expect(Object.keys(res.body.error.details)).toEqual(['referenceDate']);
      expect(await dbFingerprint(s.store)).toEqual(before);
    }
    expectStatus(
      await s.api('POST', '/api/processes/ophalen/cases', {
        as: 'official',
        body: { subject: '999993653', referenceDate: '2028-02-29' },
      }),
      201,
    );
  });

  test('finding 7: effectiveFrom 2026-13-45 does not publish', async () => {
    const def = fixtureProcess('ophalen');
    def.key = 'peildatum';
    expectStatus(await s.api('PUT', '/api/processes/peildatum/draft', { as: 'designer', body: def }), 200);
    const before = await dbFingerprint(s.store);
    const res = await s.api('POST', '/api/processes/peildatum/publish', {
      as: 'designer',
      body: { effectiveFrom: '2026-13-45' },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual(['effectiveFrom']);
    expect(await dbFingerprint(s.store)).toEqual(before);
  });

  test('finding 7: insights from/to must be real dates', async () => {
    expect((await s.api('GET', '/api/processes/toeslag/insights?from=2026-13-45', { as: 'designer' })).status).toBe(
      422,
    );
    expect(
      (await s.api('GET', '/api/processes/toeslag/insights?to=2026-02-30T10:00:00Z', { as: 'designer' })).status,
    ).toBe(422);
    expectStatus(
      await s.api('GET', '/api/processes/toeslag/insights?from=2026-03-01&to=2026-04-01T00:00:00Z', { as: 'designer' }),
      200,
    );
  });
});

describe('finding 12: who sees and does what', () => {
  test("finding 12: a handoff's internal instructions are not in the version a citizen reads", async () => {
    const citizen = expectStatus(await s.api('GET', '/api/processes/toeslag/versions/1', { as: 'citizen' }), 200);
    const official = expectStatus(await s.api('GET', '/api/processes/toeslag/versions/1', { as: 'official' }), 200);
    const handoffs = (def: { steps: Record<string, { kind: string; instructions?: unknown }> }) =>
      Object.values(def.steps).filter((st) => st.kind === 'handoff');
    expect(handoffs(official.definition).some((h) => h.instructions)).toBe(true);
    expect(handoffs(citizen.definition).length).toBe(handoffs(official.definition).length);
    expect(handoffs(citizen.definition).every((h) => h.instructions === undefined)).toBe(true);
  });

  test("finding 12: a designer's migration dry run names steps and counts, never case ids or references", async () => {
    const def = fixtureProcess('toeslag');
    expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def }), 200);
    const v = expectStatus(await s.api('POST', '/api/processes/toeslag/publish', { as: 'designer' }), 201).version;
    const designer = expectStatus(
      await s.api('POST', '/api/processes/toeslag/migrate', { as: 'designer', body: { from: 1, to: v, dryRun: true } }),
      200,
    );
    expect(designer.movable.length).toBeGreaterThan(0);
    expect(JSON.stringify(designer)).not.toMatch(/caseId|reference|OMS-/);
    const admin = expectStatus(
      await s.api('POST', '/api/processes/toeslag/migrate', { as: 'admin', body: { from: 1, to: v, dryRun: true } }),
      200,
    );
    expect(admin.movable[0]).toEqual(
      expect.objectContaining({ caseId: expect.any(String), reference: expect.stringMatching(/^OMS-/) }),
    );
  });

  test('finding 12: moving a task to a team nobody works in is refused and the task stays', async () => {
    const started = expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} }), 201);
    const ask = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'person.requested', data: { question: 'Hulp graag', channel: 'phone', reach: '0612345678' } },
    });
    expectStatus(ask, 200);
    const task = (await s.store.tasks.list({ caseId: started.id }))[0];
    const before = await dbFingerprint(s.store);
    const res = await s.api('POST', `/api/tasks/${task.id}/assign`, { as: 'official', body: { team: 'bestaat-niet' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual(['team']);
    expect(await dbFingerprint(s.store)).toEqual(before);
    expectStatus(
      await s.api('POST', `/api/tasks/${task.id}/assign`, { as: 'official', body: { team: 'belastingen' } }),
      200,
    );
  });
});

describe('deep JSON (found by the fuzz suite)', () => {
  test('a JSON body nesting 100,000 levels answers 422 json-too-deep on every route, with or without an Idempotency-Key, and changes nothing', async () => {
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const [method, path, as] of [
      ['POST', '/api/session/end', 'official'],
      ['PUT', '/api/processes/ophalen/draft', 'designer'],
      ['POST', '/api/processes/ophalen/opt-out', 'citizen'],
    ] as const) {
      for (const headers of [{}, { 'idempotency-key': 'diep' }] as Record<string, string>[]) {
        const before = await dbFingerprint(s.store);
        const res = await fetch(s.base + path, {
          method,
          headers: { authorization: `Bearer ${s.tokens[as]}`, 'content-type': 'application/json', ...headers },
          body: deep,
        });
        expect(res.status, `${method} ${path}`).toBe(422);
        expect((await res.json()).error.code).toBe('json-too-deep');
        expect(await dbFingerprint(s.store)).toEqual(before);
      }
    }
    // A string full of brackets is not nesting.
    const flat = await raw(
      'POST',
      '/api/signals',
      JSON.stringify({ type: 'inkomen.vastgesteld', subject: '999993653', data: { inkomen: '['.repeat(1000) } }),
      'admin',
    );
    expect(flat.body.error.code).toBe('invalid-facts');
  });
});

describe('drafts saved as written (found by the fuzz suite)', () => {
  test("a draft whose title is not text (5, null, {}, [], { nl: 5 }) never breaks the designers' process list", async () => {
    const base = fixtureProcess('ophalen');
    for (const [i, title] of [5, null, {}, { en: 'x' }, [], { nl: 5 }, true].entries()) {
      const key = `titel-${i}`;
      expectStatus(
        await s.api('PUT', `/api/processes/${key}/draft`, {
          as: 'designer',
          body: { ...base, key, title, description: title },
        }),
        200,
      );
      const list = expectStatus(await s.api('GET', '/api/processes', { as: 'designer' }), 200);
      expect(list.find((p: { key: string }) => p.key === key)).toMatchObject({ key, title: '', latestVersion: null });
      expectStatus(await s.api('GET', `/api/processes/${key}`, { as: 'designer' }), 200);
    }
  });
});

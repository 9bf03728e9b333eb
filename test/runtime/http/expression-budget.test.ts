/**
 * Issue 11, findings 1 and 2 through the HTTP API, tried as a designer and a
 * citizen would: a giant expression is a problem (the server stays up and
 * listing stays fast), and a hostile answer is evaluated within budgets
 * while other requests are served. Real server on a port, real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { budgetProcess, CATASTROPHIC, FOR_RANGE, HOSTILE_NAME } from '../../fixtures/budget-process.js';
import { expectStatus } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: [] });
});
afterAll(async () => {
  await s?.close();
});

const orChain = (terms: number) => Array.from({ length: terms }, () => 'x = 1').join(' or ');
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}
async function published(def: Record<string, unknown>) {
  expect(
    expectStatus(await s.api('PUT', `/api/processes/${def.key}/draft`, { as: 'designer', body: def }), 200).problems,
  ).toEqual([]);
  expectStatus(await s.api('POST', `/api/processes/${def.key}/publish`, { as: 'designer', body: {} }), 201);
}
async function startedCase(key: string): Promise<string> {
  return expectStatus(await s.api('POST', `/api/processes/${key}/cases`, { as: 'citizen', body: {} }), 201).id;
}
const submit = (id: string, data: Record<string, unknown>) =>
  s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data } });

describe('finding 1: one definition cannot kill the server', () => {
  it('finding 1: a 20,000-term expression is a problem before parsing and the server stays up', async () => {
    const def = budgetProcess('reuzenregel', { when: orChain(20_000) }); // 180 KB: the parser grew to 4 GB on it
    const [saved, ms] = await timed(() =>
      s.api('PUT', '/api/processes/reuzenregel/draft', { as: 'designer', body: def }),
    );
    expect(expectStatus(saved, 200).problems).toEqual([
      expect.objectContaining({ code: 'P028', node: 'toets', path: 'rules[0].when' }),
    ]);
    expect(ms).toBeLessThan(2_000);
    const refused = await s.api('POST', '/api/processes/reuzenregel/publish', { as: 'designer', body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('draft-has-problems');
    expect(refused.body.error.details.problems.map((p: { code: string }) => p.code)).toEqual(['P028']);
    expect(expectStatus(await s.api('GET', '/api/health'), 200)).toEqual({ ok: true });
  });

  it('finding 1: GET /api/processes stays fast with an 8,000-term draft', async () => {
    const def = budgetProcess('grote-regel', { when: orChain(8_000) });
    expect(
      expectStatus(
        await s.api('PUT', '/api/processes/grote-regel/draft', { as: 'designer', body: def }),
        200,
      ).problems.map((p: { code: string }) => p.code),
    ).toEqual(['P028']);
    for (let i = 0; i < 3; i++) {
      const [list, listMs] = await timed(() => s.api('GET', '/api/processes', { as: 'designer' }));
      expect(expectStatus(list, 200).find((p: { key: string }) => p.key === 'grote-regel')).toMatchObject({
        problems: 1,
      });
      const [one, oneMs] = await timed(() => s.api('GET', '/api/processes/grote-regel', { as: 'designer' }));
      expect(expectStatus(one, 200).problems).toEqual([expect.objectContaining({ code: 'P028' })]);
      expect(listMs).toBeLessThan(250); // was 2–5 s, blocking every other request
      expect(oneMs).toBeLessThan(250);
    }
  });

  it('reports a too deeply nested rule (P029) and a literal regex RE2 cannot run (P031), and refuses to publish them', async () => {
    const nested = budgetProcess('diep', { when: `${'('.repeat(50)}n${')'.repeat(50)} > 1` });
    expect(
      expectStatus(await s.api('PUT', '/api/processes/diep/draft', { as: 'designer', body: nested }), 200).problems.map(
        (p: { code: string }) => p.code,
      ),
    ).toEqual(['P029']);
    const backref = budgetProcess('terugverwijzing', { when: 'matches(naam, "(a)\\\\1")' });
    expect(
      expectStatus(
        await s.api('PUT', '/api/processes/terugverwijzing/draft', { as: 'designer', body: backref }),
        200,
      ).problems.map((p: { code: string }) => p.code),
    ).toEqual(['P031']);
    for (const key of ['diep', 'terugverwijzing'])
      expect((await s.api('POST', `/api/processes/${key}/publish`, { as: 'designer', body: {} })).status).toBe(422);
  });
});

describe("finding 2: a citizen's answer cannot stall everybody", () => {
  it("finding 2: a catastrophic regex over a citizen's answer is answered at once, with the right decision", async () => {
    await published(budgetProcess('naamtoets', { when: CATASTROPHIC }));
    const id = await startedCase('naamtoets');
    const [reply, ms] = await timed(() => submit(id, { n: '1', naam: HOSTILE_NAME }));
    expect(expectStatus(reply, 200)).toMatchObject({ status: 'ended', outcome: { outcome: 'rejected' } });
    expect(ms).toBeLessThan(1_000); // JS RegExp: seconds, doubling per character
  });

  it('finding 2: a for-range chosen by the citizen runs out of budget and hands the case to a person', async () => {
    await published(budgetProcess('bereik', { when: FOR_RANGE }));
    const id = await startedCase('bereik');
    const [reply, ms] = await timed(() => submit(id, { n: '2000', naam: 'Jan' }));
    const view = expectStatus(reply, 200);
    expect(ms).toBeLessThan(1_000); // unbudgeted: 4.6 s
    expect(view).toMatchObject({ status: 'active', step: { id: 'handmatig', kind: 'handoff' } });
    expect(view.tasks).toEqual([expect.objectContaining({ step: 'handmatig', team: 'belastingen', status: 'open' })]);
    expect(view.explanations).toEqual([
      expect.objectContaining({
        step: 'toets',
        rule: 'error',
        because: 'De regels konden niet automatisch worden toegepast. Een medewerker beoordeelt uw aanvraag.',
      }),
    ]);
    expect((await s.store.cases.audit(id)).map((e) => e.type)).toContain('expression.failed');
    expect(await s.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('without onError the citizen is told a person will look at it, and the case view does not fail on the hostile answer', async () => {
    await published(budgetProcess('zonder-fout', { when: FOR_RANGE, onError: false }));
    const id = await startedCase('zonder-fout');
    const view = expectStatus(await submit(id, { n: '2000', naam: 'Jan' }), 200);
    expect(view).toMatchObject({ status: 'active', step: { id: 'aanvraag' } });
    expect(view.tasks).toEqual([expect.objectContaining({ kind: 'contact', team: 'klantcontact', status: 'open' })]);
    expect(view.timeline.at(-1).text).toBe('Een medewerker behandelt uw aanvraag');
    expect(view.actions.map((a: { type: string }) => a.type)).toContain('submit');
    expectStatus(await s.api('GET', `/api/cases/${id}`, { as: 'citizen' }), 200);
  });

  it('/api/health answers within 100 ms while a hostile expression is being evaluated for another request', async () => {
    await published(budgetProcess('gezond', { when: FOR_RANGE, also: Array.from({ length: 10 }, () => FOR_RANGE) }));
    // Warm: the first request of a kind after the server starts also pays for compiling its code paths.
    expectStatus(await submit(await startedCase('gezond'), { n: '2000', naam: 'Jan' }), 200);
    const id = await startedCase('gezond');
    let done = false;
    const latencies: number[] = [];
    const hostile = submit(id, { n: '2000', naam: 'Jan' }).finally(() => {
      done = true;
    });
    const probes = (async () => {
      while (!done) {
        const [res, ms] = await timed(() =>
          fetch(`${s.base}/api/health`).then(async (r) => ({ status: r.status, body: await r.text() })),
        );
        expect(res.status).toBe(200);
        latencies.push(ms);
      }
    })();
    const [reply] = await Promise.all([hostile, probes]);
    expect(expectStatus(reply, 200).step.id).toBe('handmatig');
    expect((await s.store.cases.audit(id)).filter((e) => e.type === 'expression.failed')).toHaveLength(1);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});

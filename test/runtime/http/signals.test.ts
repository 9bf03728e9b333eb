/**
 * Signals through the API: a designer publishes a process with a wait for a
 * signal; an admin's signal moves only the subject's cases waiting for it.
 * A draft with problems is not published.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { CITIZEN_BSN, dbState, expectStatus, refused, signalProcess, startToeslag, type Role } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

const SIGNAL = 'register.verhuisd';

async function startVerhuizing(as: Role, submit: boolean) {
  const started = expectStatus(await s.api('POST', '/api/processes/verhuizing/cases', { as, body: {} }), 201);
  if (!submit) return started;
  const waiting = expectStatus(
    await s.api('POST', `/api/cases/${started.id}/events`, {
      as,
      body: { type: 'submit', data: { verhuisdatum: '2026-02-20' } },
    }),
    200,
  );
  expect(waiting).toMatchObject({ status: 'active', step: { id: 'wachten', kind: 'wait' } });
  return waiting;
}

describe('publishing a process that waits for a signal', () => {
  test('PUT draft, then publish: version 1', async () => {
    expect(
      expectStatus(
        await s.api('PUT', '/api/processes/verhuizing/draft', { as: 'designer', body: signalProcess() }),
        200,
      ),
    ).toEqual({ problems: [] });
    expect(expectStatus(await s.api('POST', '/api/processes/verhuizing/publish', { as: 'designer' }), 201)).toEqual({
      key: 'verhuizing',
      version: 1,
    });
  });

  test('a draft with problems: 422 draft-has-problems listing them, no new version, the draft kept', async () => {
    const broken = signalProcess();
    (broken.steps.wachten as Record<string, unknown>).then = 'nergens'; // a step that does not exist
    (broken.steps.klaar as Record<string, unknown>).message = { nl: 'Klaar met {{onbekend}}.' };
    const saved = expectStatus(
      await s.api('PUT', '/api/processes/verhuizing/draft', { as: 'designer', body: broken }),
      200,
    );
    expect(saved.problems.length).toBeGreaterThan(0);

    const res = await refused(s, 422, 'draft-has-problems', 'POST', '/api/processes/verhuizing/publish', {
      as: 'designer',
    });
    const problems = res.body.error.details.problems;
    expect(problems.length).toBe(saved.problems.length);
    for (const p of problems)
      expect(p).toEqual(
        expect.objectContaining({ code: expect.stringMatching(/^P\d{3}$/), message: expect.any(String) }),
      );
    expect(problems.map((p: any) => p.code)).toEqual(saved.problems.map((p: any) => p.code));

    const process = expectStatus(await s.api('GET', '/api/processes/verhuizing', { as: 'designer' }), 200);
    expect(process).toMatchObject({ versions: [1], latestVersion: 1 });
    expect(process.draft.steps.wachten.then).toBe('nergens');
    await refused(s, 404, 'not-found', 'GET', '/api/processes/verhuizing/versions/2', { as: 'designer' });
    // Citizens still start the published version.
    const started = expectStatus(
      await s.api('POST', '/api/processes/verhuizing/cases', { as: 'citizenB', body: {} }),
      201,
    );
    expect(started.process.version).toBe(1);

    // Repaired, for the rest of this file.
    expectStatus(await s.api('PUT', '/api/processes/verhuizing/draft', { as: 'designer', body: signalProcess() }), 200);
  });
});

describe('POST /api/signals', () => {
  test("moves only the subject's cases that wait for that signal, and says which", async () => {
    const waitingA = await startVerhuizing('citizen', true);
    const waitingB = await startVerhuizing('citizen', true);
    const notYet = await startVerhuizing('citizen', false);
    const otherProcess = await startToeslag(s);
    const otherCitizen = await startVerhuizing('citizenB', true);
    expect(waitingA.actions.map((a: any) => a.type)).toEqual(['person.requested']);
    const untouched = await Promise.all(
      [notYet, otherProcess, otherCitizen].map(async (c) => (await s.store.cases.get(c.id))!),
    );

    // Another signal moves nothing and changes nothing.
    const before = await dbState(s);
    expect(
      expectStatus(
        await s.api('POST', '/api/signals', {
          as: 'admin',
          body: { type: 'register.overleden', subject: CITIZEN_BSN },
        }),
        200,
      ).moved,
    ).toEqual([]);
    expect(await dbState(s)).toEqual(before);

    s.clock.advance(3600_000);
    const res = expectStatus(
      await s.api('POST', '/api/signals', {
        as: 'admin',
        body: { type: SIGNAL, subject: CITIZEN_BSN, data: { nieuwAdres: 'Dorpsstraat 1, Ons Dorp' } },
      }),
      200,
    );
    expect([...res.moved].sort()).toEqual([waitingA.id, waitingB.id].sort());

    for (const c of [waitingA, waitingB]) {
      const view = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
      expect(view).toMatchObject({
        status: 'ended',
        step: { id: 'klaar' },
        outcome: { outcome: 'completed', message: 'Uw nieuwe adres is Dorpsstraat 1, Ons Dorp.' },
      });
      expect(view.rev).toBe(c.rev + 1);
      expect(view.answers.find((a: any) => a.id === 'nieuwAdres')).toMatchObject({ value: 'Dorpsstraat 1, Ons Dorp' });
      expect((await s.store.cases.audit(c.id)).find((e) => e.type === 'event.received')?.data.type).toBe('submit');
      expect((await s.store.cases.audit(c.id)).filter((e) => e.type === 'event.received').at(-1)).toMatchObject({
        actor: `signal:${SIGNAL}`,
        data: { type: `signal.${SIGNAL}`, signal: SIGNAL },
      });
    }
    for (const row of untouched) expect(await s.store.cases.get(row.id)).toEqual(row);

    // Sent again: nothing waits any more.
    const state = await dbState(s);
    expect(
      expectStatus(
        await s.api('POST', '/api/signals', { as: 'admin', body: { type: SIGNAL, subject: CITIZEN_BSN } }),
        200,
      ),
    ).toEqual({ moved: [], started: [], skipped: [] });
    expect(await dbState(s)).toEqual(state);

    // Citizen B's case moves with B's own signal.
    expect(
      expectStatus(
        await s.api('POST', '/api/signals', { as: 'admin', body: { type: SIGNAL, subject: '111222333', data: {} } }),
        200,
      ).moved,
    ).toEqual([otherCitizen.id]);
  });

  test('facts that fail validation: 422 with details per field, and no case moves', async () => {
    const waiting = await startVerhuizing('citizen', true);
    let res = await refused(s, 422, 'invalid-answers', 'POST', '/api/signals', {
      as: 'admin',
      body: { type: SIGNAL, subject: CITIZEN_BSN, data: { nieuwAdres: 'Plein 2', kleur: 'rood' } },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['kleur']);
    res = await refused(s, 422, 'invalid-request', 'POST', '/api/signals', {
      as: 'admin',
      body: { type: SIGNAL, subject: '999993654' },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['subject']);
    expect((await s.store.cases.get(waiting.id))!.step).toBe('wachten');
  });

  test('a case stays on the version it started on when a new version is published', async () => {
    const waiting = await startVerhuizing('citizen', true);
    const v2 = signalProcess();
    v2.steps.klaar.message = { nl: 'Versie twee: {{nieuwAdres}}.', en: 'Version two: {{nieuwAdres}}.' };
    expectStatus(await s.api('PUT', '/api/processes/verhuizing/draft', { as: 'designer', body: v2 }), 200);
    expect(expectStatus(await s.api('POST', '/api/processes/verhuizing/publish', { as: 'designer' }), 201)).toEqual({
      key: 'verhuizing',
      version: 2,
    });
    expect(
      expectStatus(
        await s.api('POST', '/api/signals', {
          as: 'admin',
          body: { type: SIGNAL, subject: CITIZEN_BSN, data: { nieuwAdres: 'Laan 3' } },
        }),
        200,
      ).moved,
    ).toContain(waiting.id);
    const view = expectStatus(await s.api('GET', `/api/cases/${waiting.id}?lang=en`, { as: 'citizen' }), 200);
    expect(view.process.version).toBe(1);
    expect(view.outcome.message).toBe('Your new address is Laan 3.');
  });

  test('only admins send signals', async () => {
    for (const as of ['citizen', 'designer', 'official'] as const) {
      await refused(s, 403, 'forbidden', 'POST', '/api/signals', { as, body: { type: SIGNAL, subject: CITIZEN_BSN } });
    }
    await refused(s, 401, 'unauthenticated', 'POST', '/api/signals', { body: { type: SIGNAL, subject: CITIZEN_BSN } });
  });
});

/**
 * Shared pieces for the HTTP API's integration tests: answers for the `toeslag`
 * fixture process, a small signal-waiting fixture process, walks that bring a case
 * to a known step through the API, and a whole-database snapshot to prove a
 * refused request changed nothing.
 */
import { expect } from 'vitest';
import { household, money } from '../../helpers/fixtures.js';
import type { TestServer } from '../../helpers/server.js';

export { household, money };

export type Role = keyof TestServer['tokens'];
export type Reply = Awaited<ReturnType<TestServer['api']>>;

/** A BSN that fails the elfproef (9 digits, weighted sum not divisible by 11). */
export const BAD_BSN = '123456789';
export const CITIZEN_BSN = '999993653';

/** Every table a request could write to, as stored. */
export function dbState(s: TestServer) {
  const all = (sql: string) => s.store.db.prepare(sql).all();
  return {
    processes: all('SELECT * FROM processes ORDER BY key'),
    versions: all('SELECT key, version, published_at FROM versions ORDER BY key, version'),
    cases: all('SELECT * FROM cases ORDER BY id'),
    audit: all('SELECT * FROM audit ORDER BY id'),
    tasks: all('SELECT * FROM tasks ORDER BY id'),
    timers: all('SELECT * FROM timers ORDER BY id'),
    messages: all('SELECT * FROM messages ORDER BY id'),
    idempotency: all('SELECT principal, key, fingerprint, status FROM idempotency ORDER BY principal, key'),
  };
}

/**
 * Sends a request that must be refused with `status` and `code`, and proves
 * that nothing in the database changed. Returns the reply for more checks.
 */
export async function refused(
  s: TestServer,
  status: number,
  code: string,
  method: string,
  path: string,
  opts: Parameters<TestServer['api']>[2] = {},
): Promise<Reply> {
  const before = dbState(s);
  const res = await s.api(method, path, opts);
  expect(
    { status: res.status, code: res.body?.error?.code },
    `${method} ${path} as ${opts.as ?? 'nobody'}: ${JSON.stringify(res.body)}`,
  ).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
  expect(dbState(s)).toEqual(before);
  return res;
}

/** Expects a 2xx-or-other status, with the body in the failure message. */
export function expectStatus(res: Reply, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A citizen starts a `toeslag` fixture case; returns its view. */
export async function startToeslag(s: TestServer, as: Role = 'citizen') {
  return expectStatus(await s.api('POST', '/api/processes/toeslag/cases', { as, body: {} }), 201);
}

/** A `toeslag` case at the second form (geldzaken). */
export async function atMoney(s: TestServer, as: Role = 'citizen') {
  const started = await startToeslag(s, as);
  const view = expectStatus(
    await s.api('POST', `/api/cases/${started.id}/events`, { as, body: { type: 'submit', data: household } }),
    200,
  );
  expect(view.step.id).toBe('geldzaken');
  return view;
}

/** A `toeslag` case at the `beoordeling` handoff, with its open belastingen task. */
export async function atReview(s: TestServer, as: Role = 'citizen') {
  const moneyStep = await atMoney(s, as);
  const view = expectStatus(
    await s.api('POST', `/api/cases/${moneyStep.id}/events`, { as, body: { type: 'submit', data: money() } }),
    200,
  );
  expect(view.step.id).toBe('beoordeling');
  const task = s.store.tasks.list({ caseId: view.id }).find((t) => t.kind === 'handoff' && t.status === 'open');
  expect(task).toMatchObject({ step: 'beoordeling', team: 'belastingen', kind: 'handoff', status: 'open' });
  return { view, task: task! };
}

/** A `toeslag` case that ended (withdrawn by the citizen). */
export async function ended(s: TestServer, as: Role = 'citizen') {
  const started = await startToeslag(s, as);
  const view = expectStatus(
    await s.api('POST', `/api/cases/${started.id}/events`, { as, body: { type: 'withdraw' } }),
    200,
  );
  expect(view.status).toBe('ended');
  expect(view.outcome.outcome).toBe('withdrawn');
  return view;
}

/**
 * A small process that waits for an outside signal (`register.verhuisd`)
 * after one form; the signal brings a fact (`nieuwAdres`) that the end
 * message shows.
 */
export const signalProcess = (key = 'verhuizing') => ({
  key,
  title: { nl: 'Verhuizing doorgeven', en: 'Report a move' },
  start: 'melding',
  contact: { team: 'klantcontact', due: 'P2D' },
  steps: {
    melding: {
      kind: 'form',
      title: { nl: 'Uw verhuizing', en: 'Your move' },
      fields: [{ id: 'verhuisdatum', label: { nl: 'Verhuisdatum', en: 'Moving date' }, type: 'date', required: true }],
      next: 'wachten',
    },
    wachten: {
      kind: 'wait',
      title: { nl: 'Wachten op de registratie', en: 'Waiting for the registration' },
      signal: 'register.verhuisd',
      fields: [{ id: 'nieuwAdres', label: { nl: 'Nieuw adres', en: 'New address' }, type: 'text' }],
      then: 'klaar',
    },
    klaar: {
      kind: 'end',
      title: { nl: 'Verhuizing verwerkt', en: 'Move processed' },
      outcome: 'completed',
      message: { nl: 'Uw nieuwe adres is {{nieuwAdres}}.', en: 'Your new address is {{nieuwAdres}}.' },
    },
  },
});

/**
 * Shared pieces for the HTTP API's integration tests: answers for the `toeslag`
 * fixture process, a small signal-waiting fixture process, walks that bring a case
 * to a known step through the API, and a whole-database snapshot to prove a
 * refused request changed nothing.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { household, money } from '../../helpers/fixtures.js';
import type { TestServer } from '../../helpers/server.js';

export { household, money };

export type Role = keyof TestServer['tokens'];
export type Reply = Awaited<ReturnType<TestServer['api']>>;

/** A BSN that fails the elfproef (9 digits, weighted sum not divisible by 11). */
export const BAD_BSN = '123456789';
export const CITIZEN_BSN = '999993653';

/** The rows of a query, on either store (tests only: the runtime goes through the repositories). */
export async function rows(s: TestServer, query: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  // `?` placeholders, in order, for both dialects.
  const parts = query.split('?');
  const built = parts.slice(1).reduce((q, part, i) => sql`${q}${params[i]}${sql.raw(part)}`, sql.raw(parts[0]));
  return (await built.execute(s.store.sql.kysely)).rows as Record<string, unknown>[];
}

/** The one number a query counts (`SELECT COUNT(*) AS n …`). */
export async function countOf(s: TestServer, query: string, ...params: unknown[]): Promise<number> {
  return Number(Object.values((await rows(s, query, ...params))[0])[0]);
}

/** Every table a request could write to, as stored. */
export async function dbState(s: TestServer) {
  const all = (query: string) => rows(s, query);
  return {
    processes: await all('SELECT * FROM processes ORDER BY key'),
    versions: await all('SELECT key, version, published_at FROM versions ORDER BY key, version'),
    cases: await all('SELECT * FROM cases ORDER BY id'),
    audit: await all('SELECT * FROM audit ORDER BY id'),
    tasks: await all('SELECT * FROM tasks ORDER BY id'),
    timers: await all('SELECT * FROM timers ORDER BY id'),
    messages: await all('SELECT * FROM messages ORDER BY id'),
    idempotency: await all('SELECT principal, key, fingerprint, status FROM idempotency ORDER BY principal, key'),
    letters: await all('SELECT case_id, status, hash, attempts FROM letters ORDER BY case_id'),
    teams: await all('SELECT * FROM teams ORDER BY id'),
    users: await all('SELECT id, name, role, teams, email FROM users ORDER BY id'),
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
  const before = await dbState(s);
  const res = await s.api(method, path, opts);
  expect(
    { status: res.status, code: res.body?.error?.code },
    `${method} ${path} as ${opts.as ?? 'nobody'}: ${JSON.stringify(res.body)}`,
  ).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
  expect(await dbState(s)).toEqual(before);
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
  const task = (await s.store.tasks.list({ caseId: view.id })).find((t) => t.kind === 'handoff' && t.status === 'open');
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

/**
 * The outbox: every message for a citizen is queued as a notice in the same
 * transaction as the case change that causes it (runtime/store/outbox.ts),
 * over a real store.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { boomTrigger, dump, freshEnv, toeslagAtReview, user } from './setup.js';

const outboxRows = async (env: Awaited<ReturnType<typeof freshEnv>>) =>
  (await sql.raw('SELECT * FROM outbox ORDER BY id').execute(env.store.sql.q())).rows;

describe('the outbox', () => {
  it("queues one notice per inbox message, of the message's kind, for the case's citizen", async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    await env.engine.completeTask(
      task.id,
      'afwijzen',
      { reden: 'U heeft een tweede huis.' },
      { actor: 'user:ann', userId: ann.id, message: 'Wij hebben uw aanvraag bekeken.' },
    );
    const messages = await env.store.cases.messages(row.id);
    const notices = await env.store.outbox.forCase(row.id);
    expect(notices.map((n) => n.key)).toEqual(messages.map((m) => `message:${m.id}`));
    expect(notices.map((n) => n.kind)).toEqual(['official-message', 'outcome']);
    expect(notices.every((n) => n.recipient === `case:${row.id}` && n.plannedAt === null)).toBe(true);
    expect(notices[1].data).toMatchObject({ step: 'afgewezen', body: { nl: messages[1].body.nl } });
  });

  it('is written with the case change or not at all', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    const ann = await user(env, 'ann');
    const before = { ...(await dump(env.store)), outbox: await outboxRows(env) };
    const remove = await boomTrigger(env.store, 'outbox', 'INSERT');
    await expect(
      env.engine.completeTask(task.id, 'afwijzen', { reden: 'Nee.' }, { actor: 'user:ann', userId: ann.id }),
    ).rejects.toThrow(/boom/);
    await remove();
    expect({ ...(await dump(env.store)), outbox: await outboxRows(env) }).toEqual(before);
  });

  it('queues a key once: a second queue changes nothing', async () => {
    const env = await freshEnv({ fixtures: [] });
    const entry = {
      key: 'late:t1',
      kind: 'late' as const,
      recipient: 'subject:999993653' as const,
      data: { a: 1 },
      at: '2026-03-02T09:00:00.000Z',
    };
    expect(await env.store.outbox.queue(entry)).toBe(true);
    expect(await env.store.outbox.queue({ ...entry, data: { a: 2 } })).toBe(false);
    const [only] = await outboxRows(env);
    expect(await outboxRows(env)).toHaveLength(1);
    expect(JSON.parse(String((only as { data: string }).data))).toEqual({ a: 1 });
    const [due] = await env.store.outbox.unplanned(10);
    expect(await env.store.outbox.markPlanned(due.id, '2026-03-02T09:01:00.000Z')).toBe(true);
    expect(await env.store.outbox.markPlanned(due.id, '2026-03-02T09:02:00.000Z')).toBe(false);
    expect(await env.store.outbox.unplanned(10)).toEqual([]);
  });
});
